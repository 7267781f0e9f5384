"""The example scripts run as they are."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_examples_extract_page_prints_the_facts() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "extract_page.py")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "MONEY    '510.2亿元'" in out.stdout
    assert "zone=厦门火炬高技术产业开发区" in out.stdout


def test_examples_spacy_pipeline_runs(pkuseg_model: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "spacy_pipeline.py")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "saved and reloaded: same entities" in out.stdout


def test_examples_load_runs_on_the_page(pkuseg_model: Path) -> None:
    import hzner

    text = (ROOT / "examples" / "newspaper_page.txt").read_text(encoding="utf-8")
    doc = hzner.load()(text)
    assert {ent.label_ for ent in doc.ents} == {"MONEY", "PARK", "PROJECT", "ORG"}
    assert doc._.facts == hzner.extract(text)
