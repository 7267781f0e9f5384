"""Tests of `hzner._files`: hzner's data files, by path or through importlib.resources."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from hzner import _files


def test_data_file_is_the_file_next_to_the_package() -> None:
    found = _files.data_file("text", "variants.tsv")
    expected = resources.files("hzner") / "data" / "text" / "variants.tsv"
    assert found.read_bytes() == expected.read_bytes()
    assert _files.data_file().is_dir()


def test_data_file_falls_back_to_importlib_resources(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(_files, "_DATA", tmp_path / "missing")
    found = _files.data_file("zones", "readings.json")
    assert (
        found.read_bytes() == (resources.files("hzner") / "data/zones/readings.json").read_bytes()
    )
