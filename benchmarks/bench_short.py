"""`hzner.extract` against jionlp's `extract_money` at every document length.

Usage: python benchmarks/bench_short.py [--rounds N] [--repeat N]

Most real input is short (a headline, a paragraph, one news item), so this
times, in one process with interleaved rounds (`timing.interleaved_medians`):

* the fixed cost of one call on the empty string (µs per call);
* the dev page (examples/newspaper_page.txt) one call per paragraph
  (split at blank lines), and in one call;
* a length sweep: the page (repeated as needed) cut into documents of 20,
  100, 1,000, 6,000 and 60,000 characters, one call per document;
* the MONEY recognizer alone against jionlp (it must stay at least 3x).

The bare spaCy zh tokenizer (char) is timed alongside as a reference. Ratios
are jionlp's time over hzner's: above 1, hzner is faster. With ``--repeat N``
the whole measurement runs N times and the range of each ratio is printed.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from timing import interleaved_medians

import hzner

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "examples" / "newspaper_page.txt"
LENGTHS = (20, 100, 1_000, 6_000, 60_000)
# Characters per size class: enough documents that a round takes a few ms.
_BUDGET = 60_000


def _documents(page: str, length: int) -> list[str]:
    text = page * (max(_BUDGET, length) // len(page) + 1)
    count = max(1, _BUDGET // length)
    return [text[index * length : (index + 1) * length] for index in range(count)]


def _each(func: Callable[[str], object], texts: list[str]) -> Callable[[], object]:
    def call() -> None:
        for text in texts:
            func(text)

    return call


def _empty_call_us(func: Callable[[str], object], number: int = 20_000) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(number):
            func("")
        best = min(best, (time.perf_counter() - start) / number)
    return best * 1e6


def measure(rounds: int) -> dict[str, float]:
    """Ratios (jionlp time / hzner time) and the fixed costs of one run."""
    from jionlp.algorithm.ner import extract_money

    page = PAGE.read_text(encoding="utf-8")
    paragraphs = [part for part in page.split("\n\n") if part.strip()]
    extractor = hzner.Extractor()
    tokenizer = spacy.blank("zh").tokenizer
    hzner.extract(page)
    extractor.extract(page)
    extract_money(page)
    tokenizer(page)
    contenders: dict[str, Callable[[], object]] = {
        "hzner paragraphs": _each(hzner.extract, paragraphs),
        "jionlp paragraphs": _each(extract_money, paragraphs),
        "hzner page": lambda: hzner.extract(page),
        "jionlp page": lambda: extract_money(page),
        "tokenizer page": lambda: tokenizer(page),
        "MONEY page": lambda: extractor.extract_money(page),
    }
    for length in LENGTHS:
        documents = _documents(page, length)
        contenders[f"hzner {length}"] = _each(hzner.extract, documents)
        contenders[f"jionlp {length}"] = _each(extract_money, documents)
    medians = interleaved_medians(contenders, rounds)
    found = {
        "paragraphs": medians["jionlp paragraphs"] / medians["hzner paragraphs"],
        "page": medians["jionlp page"] / medians["hzner page"],
        "tokenizer/page": medians["tokenizer page"] / medians["hzner page"],
        "MONEY page": medians["jionlp page"] / medians["MONEY page"],
    }
    for length in LENGTHS:
        found[f"length {length}"] = medians[f"jionlp {length}"] / medians[f"hzner {length}"]
    found["empty call µs (hzner)"] = _empty_call_us(hzner.extract)
    found["empty call µs (jionlp)"] = _empty_call_us(extract_money)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    print(
        f"python {platform.python_version()}, spacy {spacy.__version__}, {platform.machine()}, "
        f"{os.cpu_count()} cores; {args.rounds} interleaved rounds x {args.repeat}"
    )
    runs = [measure(args.rounds) for _ in range(args.repeat)]
    print(f"{'measure':<26}{'first run':>10}{'range':>18}")
    for name in runs[0]:
        values = [run[name] for run in runs]
        unit = "" if "µs" in name else "x"
        print(f"{name:<26}{values[0]:>9.2f}{unit:1}{min(values):>10.2f}-{max(values):.2f}{unit}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
