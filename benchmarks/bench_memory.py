"""Peak memory of hzner: over many documents, and per character of one huge document.

Usage: python benchmarks/bench_memory.py [--docs N] [--chars N]

Each mode runs in a fresh process over N and then 10*N documents (made from
the dev page's sentences, each with a unique number and a unique made-up
word so that spaCy's string store would grow if nothing frees it) and
reports the peak resident set size. Bounded memory shows as the same peak
for N and 10*N documents.

Then one huge document (``--chars``, 10 million by default) of ASCII text
and one of Chinese text (the dev page repeated), each in a fresh process:
the peak resident set size that `hzner.extract` adds over what the process
held before the call (the text itself, the rules, the lexicons), divided by
the number of characters.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "examples" / "newspaper_page.txt"


def _texts(count: int) -> list[str] | object:
    sentences = [s for s in PAGE.read_text(encoding="utf-8").split("。") if s.strip()]

    def generate() -> object:
        for index in range(count):
            # A fresh word per document: 词 + the index in CJK-free form.
            yield f"{sentences[index % len(sentences)]}。编号{index}号新词X{index:x}。"

    return generate()


_ASCII_UNIT = (
    "The Chongqing Hi-Tech Zone signed 12 projects worth 5.2 billion yuan, "
    "said the report on Monday.\nInvestors  expect more   in 2027 and 2028. "
)


def _huge(kind: str, chars: int) -> None:
    import hzner

    unit = _ASCII_UNIT if kind == "ascii" else PAGE.read_text(encoding="utf-8")
    text = (unit * (chars // len(unit) + 1))[:chars]
    hzner.extract(unit)  # the rules and lexicons, built before the baseline
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    facts = hzner.extract(text)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    added = (peak - before) * 1024
    print(json.dumps({
        "mode": f"one {kind} text", "chars": len(text), "entities": len(facts.entities),
        "bytes_per_char": round(added / len(text), 2),
    }))  # fmt: skip


def _child(mode: str, count: int) -> None:
    if mode in ("ascii", "chinese"):
        _huge(mode, count)
        return
    import hzner

    texts = _texts(count)
    done = 0
    if mode == "extract_many":
        for _ in hzner.extract_many(texts):  # type: ignore[arg-type]
            done += 1
    elif mode == "pipe":
        nlp = hzner.load(segmenter="char")
        for _ in nlp.pipe(texts, batch_size=256):  # type: ignore[arg-type]
            done += 1
    elif mode == "pipe_memory_zone":
        nlp = hzner.load(segmenter="char")
        with nlp.memory_zone():
            for _ in nlp.pipe(texts, batch_size=256):  # type: ignore[arg-type]
                done += 1
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"mode": mode, "docs": done, "peak_mib": round(peak_kib / 1024, 1)}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--chars", type=int, default=10_000_000)
    parser.add_argument("--huge-only", action="store_true", help="only the huge documents")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "COUNT"))
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], int(args.child[1]))
        return 0
    print(f"{'mode':<20}{'docs':>10}{'peak MiB':>10}")
    for mode in () if args.huge_only else ("extract_many", "pipe", "pipe_memory_zone"):
        for count in (args.docs, args.docs * 10):
            out = subprocess.run(
                [sys.executable, __file__, "--child", mode, str(count)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            row = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{row['mode']:<20}{row['docs']:>10}{row['peak_mib']:>10}")
    print(f"{'huge document':<20}{'chars':>10}{'peak bytes/char':>17}")
    for kind in ("ascii", "chinese"):
        out = subprocess.run(
            [sys.executable, __file__, "--child", kind, str(args.chars)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{row['mode']:<20}{row['chars']:>10}{row['bytes_per_char']:>17}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
