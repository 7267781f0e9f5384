"""Write `hzner.extract(text).to_dict()` for a fixed list of texts to a JSONL file.

A change meant to keep results (a speed-up) is checked by running this
before and after it and comparing the two files::

    python scripts/snapshot.py /tmp/before.jsonl
    python scripts/snapshot.py /tmp/after.jsonl
    cmp /tmp/before.jsonl /tmp/after.jsonl

The texts: each document of the dev set (tests/data/dev_gold.jsonl), whole
and paragraph by paragraph, examples/newspaper_page.txt, and the texts of
the annotated sets given with ``--gold`` (only their ``text`` fields).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import hzner

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "dev_gold.jsonl"
PAGE = ROOT / "examples" / "newspaper_page.txt"


def _texts_of(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)["text"]


def texts(gold: list[Path]) -> Iterator[tuple[str, str]]:
    """(label, text) pairs: whole documents, then their paragraphs."""
    for number, text in enumerate(_texts_of(DEV)):
        yield f"dev:{number}", text
        for index, paragraph in enumerate(text.split("\n")):
            if paragraph.strip():
                yield f"dev:{number}:{index}", paragraph
    page = PAGE.read_text(encoding="utf-8")
    yield "page", page
    for path in gold:
        if path.exists():
            for number, text in enumerate(_texts_of(path)):
                yield f"{path.parent.name}:{number}", text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument(
        "--gold", type=Path, nargs="*", default=[], help="annotated sets (JSONL) whose texts to add"
    )
    args = parser.parse_args()
    count = 0
    with args.output.open("w", encoding="utf-8") as out:
        for label, text in texts(args.gold):
            facts = hzner.extract(text).to_dict()
            out.write(json.dumps({"id": label, "facts": facts}, ensure_ascii=False) + "\n")
            count += 1
    print(f"{count} texts -> {args.output}")


if __name__ == "__main__":
    main()
