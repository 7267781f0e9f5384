"""Write `hzner.extract(text).to_dict()` for a fixed list of texts to a JSONL file.

A change meant to keep results (a speed-up) is checked by running this
before and after it and comparing the two files::

    python scripts/snapshot.py /tmp/before.jsonl
    python scripts/snapshot.py /tmp/after.jsonl
    cmp /tmp/before.jsonl /tmp/after.jsonl

The texts: each document of the dev set (tests/data/dev_gold.jsonl), whole
and paragraph by paragraph, examples/newspaper_page.txt, and the texts of
the annotated sets given with ``--gold`` (only their ``text`` fields).
With ``--dev-only``, the dev set's documents and paragraphs alone: the file
tests/test_snapshot.py compares with, written by::

    python scripts/snapshot.py tests/data/dev_snapshot.jsonl --dev-only
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


def dev_texts(path: Path = DEV) -> Iterator[tuple[str, str]]:
    """(label, text) pairs of the dev set: each document whole, then its paragraphs."""
    for number, text in enumerate(_texts_of(path)):
        yield f"dev:{number}", text
        for index, paragraph in enumerate(text.split("\n")):
            if paragraph.strip():
                yield f"dev:{number}:{index}", paragraph


def line(label: str, text: str) -> str:
    """The snapshot line of one text (without its line break)."""
    facts = hzner.extract(text).to_dict()
    return json.dumps({"id": label, "facts": facts}, ensure_ascii=False)


def texts(gold: list[Path]) -> Iterator[tuple[str, str]]:
    """(label, text) pairs: the dev set, the page, then the annotated sets."""
    yield from dev_texts()
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
    parser.add_argument(
        "--dev-only",
        action="store_true",
        help="only the dev set, whole and by paragraph (tests/data/dev_snapshot.jsonl)",
    )
    args = parser.parse_args()
    count = 0
    chosen = dev_texts() if args.dev_only else texts(args.gold)
    with args.output.open("w", encoding="utf-8", newline="\n") as out:
        for label, text in chosen:
            out.write(line(label, text) + "\n")
            count += 1
    print(f"{count} texts -> {args.output}")


if __name__ == "__main__":
    main()
