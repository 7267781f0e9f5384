"""The package a user installs: its version, licences and release notes."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import pytest

import hzner

tomllib = pytest.importorskip("tomllib")  # Python 3.11+; the checks hold for 3.10 too

ROOT = Path(__file__).parent.parent


def test_packaging_version_is_kept_in_one_place() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project
    assert "version" in project["dynamic"]
    assert importlib.metadata.version("hzner") == hzner.__version__


def test_packaging_changelog_has_a_dated_section_for_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    version = re.escape(hzner.__version__)
    assert re.search(rf"^## \[{version}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.MULTILINE)


def test_packaging_licences_and_notice_ship() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for name in project["license-files"]:
        assert (ROOT / name).is_file(), name
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    assert "OpenCC" in notice
    assert "Apache License" in notice
    assert "Apache License" in (ROOT / "hzner/data/text/LICENSE.OpenCC").read_text(encoding="utf-8")


def test_packaging_every_data_folder_names_its_source() -> None:
    data = ROOT / "hzner" / "data"
    for folder in sorted(path for path in data.iterdir() if path.is_dir()):
        if folder.name in {"money", "projects", "orgs"}:
            continue  # word lists written for hzner: no third-party source
        assert (folder / "SOURCE.md").is_file(), folder


def test_packaging_docs_do_not_send_users_to_an_unpublished_package() -> None:
    pages = [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]
    for page in pages:
        assert "pip install hzner\n" not in page.read_text(encoding="utf-8"), page.name
