"""Throughput of hzner against the bare spaCy tokenizer and jionlp, in one process.

Usage: python benchmarks/bench_throughput.py [--rounds N] [--text PATH]

Runs are interleaved (each round times every contender once, in turn) and
the median of the rounds is reported, in characters per second and as a
ratio against the bare spaCy zh tokenizer (char segmenter) timed in the
same process. jionlp is timed when it is installed (`pip install
"hzner[bench]"`); it is skipped otherwise.
"""

from __future__ import annotations

import argparse
import platform
from collections.abc import Callable
from pathlib import Path

import spacy
from timing import interleaved_medians

import hzner
from hzner.extractor import Extractor
from hzner.money.parse import find_money
from hzner.normalize import normalize
from hzner.projects.tagger import find_projects

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "examples" / "newspaper_page.txt"


def _contenders(text: str) -> dict[str, Callable[[], object]]:
    tokenizer = spacy.blank("zh").tokenizer
    extractor = Extractor()
    nlp = hzner.load(segmenter="char")
    extractor.extract(text)  # build the lexicons before timing
    nlp(text)
    # Each recognizer on its own, from the normalized text as extract() has it.
    norm = normalize(text)
    money = find_money(norm, extractor.money_lexicon)
    parks = extractor.park_recognizer(norm, money)
    found: dict[str, Callable[[], object]] = {
        "spacy zh tokenizer (char)": lambda: tokenizer(text),
        "hzner MONEY recognizer": lambda: extractor.extract_money(text),
        "hzner PARK recognizer": lambda: extractor.park_recognizer(norm, money),
        "hzner PROJECT recognizer": lambda: find_projects(
            norm, money, parks, extractor.project_lexicon
        ),
        "hzner.extract (all labels)": lambda: extractor.extract(text),
        "hzner.load(segmenter='char')": lambda: nlp(text),
    }
    try:
        from jionlp.algorithm.ner import extract_money
    except ImportError:
        print("jionlp not installed: skipped (pip install 'hzner[bench]')")
    else:
        extract_money(text)
        found["jionlp extract_money"] = lambda: extract_money(text)
    return found


def run(text: str, rounds: int) -> dict[str, float]:
    """Median seconds per call of each contender over interleaved rounds."""
    contenders = _contenders(text)
    return interleaved_medians(contenders, rounds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--text", type=Path, default=PAGE)
    args = parser.parse_args()
    text = args.text.read_text(encoding="utf-8")
    medians = run(text, args.rounds)
    base = medians["spacy zh tokenizer (char)"]
    print(f"text: {args.text.name}, {len(text)} characters; {args.rounds} interleaved rounds")
    print(f"python {platform.python_version()}, spacy {spacy.__version__}, {platform.machine()}")
    print(f"{'contender':<32}{'median ms':>10}{'M chars/s':>11}{'vs tokenizer':>14}")
    for name, seconds in medians.items():
        print(f"{name:<32}{seconds * 1000:>10.2f}{len(text) / seconds / 1e6:>11.2f}"
              f"{base / seconds:>13.2f}x")  # fmt: skip
    if "jionlp extract_money" in medians:
        jio = medians["jionlp extract_money"]
        print(f"MONEY recognizer vs jionlp: {jio / medians['hzner MONEY recognizer']:.2f}x")
        full = medians["hzner.extract (all labels)"]
        print(f"hzner.extract (all labels) vs jionlp: {jio / full:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
