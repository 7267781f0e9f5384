"""`hzner.extract` gives, on the dev set, the results stored in tests/data/dev_snapshot.jsonl.

A change meant to keep results (a speed-up) must leave every line as it
is: each document of the dev set (tests/data/dev_gold.jsonl), whole and
paragraph by paragraph, as `scripts/snapshot.py --dev-only` writes it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
STORED = ROOT / "tests" / "data" / "dev_snapshot.jsonl"
REGENERATE = (
    "extract's results on the dev set changed. If the change is deliberate, "
    "write the file again and review its diff:\n"
    "    python scripts/snapshot.py tests/data/dev_snapshot.jsonl --dev-only\n"
    "    git diff tests/data/dev_snapshot.jsonl"
)


SNAPSHOT = load_script("snapshot")
STORED_LINES = STORED.read_text(encoding="utf-8").splitlines()
# Each stored line by its label, read once for every test below.
STORED_BY_LABEL = {json.loads(line)["id"]: line for line in STORED_LINES}
TEXTS = list(SNAPSHOT.dev_texts())


def test_the_stored_file_holds_every_dev_text() -> None:
    stored = [json.loads(line)["id"] for line in STORED_LINES]
    assert stored == [label for label, _ in TEXTS], REGENERATE
    assert any(":" in label[4:] for label in stored)  # paragraphs as well as documents


@pytest.mark.parametrize(("label", "text"), TEXTS, ids=[label for label, _ in TEXTS])
def test_extract_gives_the_stored_results(label: str, text: str) -> None:
    stored = STORED_BY_LABEL
    assert label in stored, REGENERATE
    line = SNAPSHOT.line(label, text)
    if line != stored[label]:
        expected = json.loads(stored[label])["facts"]
        found = json.loads(line)["facts"]
        assert found == expected, f"{label}: {REGENERATE}"
        pytest.fail(f"{label}: the same facts, written differently. {REGENERATE}")
