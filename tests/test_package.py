"""`spacy package` of a saved hzner pipeline gives a wheel that installs hzner and loads elsewhere.

Slow (two wheels and a fresh virtual environment, about a minute with pip's
cache warm) but part of the default run and of CI; deselect it with
``-m 'not slow'``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import hzner

pytestmark = pytest.mark.slow


def _run(*command: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=env,
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_spacy_package_wheel_loads_in_a_fresh_venv(tmp_path: Path, root: Path) -> None:
    nlp = hzner.load(segmenter="char")
    nlp.to_disk(tmp_path / "pipeline")
    (tmp_path / "packages").mkdir()
    _run(
        sys.executable, "-m", "spacy", "package", tmp_path / "pipeline", tmp_path / "packages",
        "--build", "wheel",
    )  # fmt: skip
    name = f"zh_{nlp.meta['name']}"
    folder = tmp_path / "packages" / f"{name}-{hzner.__version__}"
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["requirements"][0] == nlp.meta["requirements"][0]
    (pipeline_wheel,) = (folder / "dist").glob("*.whl")
    # A pure wheel: compiling is CI's own step (.ci/run), and takes a minute.
    pure = dict(os.environ, HZNER_COMPILE="0")
    _run(sys.executable, "-m", "build", "--wheel", "--outdir", tmp_path / "dist", root, env=pure)
    (hzner_wheel,) = (tmp_path / "dist").glob(f"hzner-{hzner.__version__}-*.whl")
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv)
    python = venv / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    _run(python, "-m", "pip", "install", "-q", "--no-compile", hzner_wheel, pipeline_wheel)
    code = (
        "import spacy, hzner;"
        f"nlp = spacy.load({name!r});"
        "doc = nlp('重庆高新区总投资5亿元');"
        "print(hzner.__file__.startswith(%r));"
        "print([(e.text, e.label_) for e in doc.ents], doc.ents[1]._.money.value)"
    ) % str(root)
    out = _run(python, "-c", code, cwd=tmp_path).splitlines()
    assert out == ["False", "[('重庆高新区', 'PARK'), ('5亿元', 'MONEY')] 500000000"]
