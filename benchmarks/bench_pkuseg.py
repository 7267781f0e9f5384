"""Word tokens with pkuseg: throughput, load times, and two processes.

Usage: python benchmarks/bench_pkuseg.py [--rounds N] [--load-rounds N] [--copies N]
       [--pipe-rounds N] [--skip-pipe]

1. Throughput, in one process: the bare spaCy+pkuseg tokenizer (spaCy's
   ``ChineseTokenizer`` with the same model and spacy-pkuseg's default
   dictionary) against the full ``hzner.load()`` pipeline, over the dev
   documents, in interleaved rounds; medians, and their ratio.
2. Load times, each in a fresh interpreter with spaCy and hzner imported
   before the clock starts, in interleaved rounds; medians.
3. ``nlp.pipe`` with ``n_process=1`` and ``2`` (spaCy's default batch size,
   1000, and small batches), checked to give the same entities in the same
   order, over ``--copies`` copies of the dev documents and over their
   sentences (``--copies / 10`` copies); ``hzner.extract`` for reference.

The pkuseg model must be there (``hzner download``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from timing import interleaved_medians

import hzner
from hzner import segmenter

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "dev_gold.jsonl"


def _texts() -> list[str]:
    with DEV.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def _bare_tokenizer(model: Path) -> Callable[[str], Any]:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    nlp.tokenizer.initialize(pkuseg_model=str(model))  # type: ignore[attr-defined]
    return nlp.tokenizer


def throughput(texts: list[str], rounds: int, model: Path) -> dict[str, float]:
    """Median seconds to process ``texts`` once, per contender, interleaved rounds."""
    tokenizer = _bare_tokenizer(model)
    nlp = hzner.load()
    char = hzner.load(segmenter="char")
    extractor = hzner.Extractor()
    contenders: dict[str, Callable[[], object]] = {
        "spaCy+pkuseg tokenizer (bare)": lambda: [tokenizer(text) for text in texts],
        "hzner.load() tokenizer only": lambda: [nlp.make_doc(text) for text in texts],
        "hzner.load() pipeline (pkuseg)": lambda: [nlp(text) for text in texts],
        "hzner.load(segmenter='char')": lambda: [char(text) for text in texts],
        "hzner.extract (no tokens)": lambda: [extractor.extract(text) for text in texts],
    }
    for call in contenders.values():
        call()  # build lexicons, warm caches
    return interleaved_medians(contenders, rounds)


_PRELUDE = "import time, spacy, hzner, hzner.pipeline, hzner.segmenter as s\n"
LOADS = {
    "import spacy (fresh interpreter)": (
        "import time\nstart = time.perf_counter()\nimport spacy\n"
    ),
    "bare spacy_pkuseg.pkuseg(model)": (
        _PRELUDE + "import spacy_pkuseg\npath = str(s.model_path())\n"
        "start = time.perf_counter()\nspacy_pkuseg.pkuseg(path)\n"
    ),
    "bare spaCy zh tokenizer, initialize(pkuseg_model)": (
        _PRELUDE + "import spacy_pkuseg\npath = str(s.model_path())\n"
        "start = time.perf_counter()\n"
        "nlp = spacy.blank('zh', config={'nlp': {'tokenizer': {'segmenter': 'pkuseg'}}})\n"
        "nlp.tokenizer.initialize(pkuseg_model=path)\n"
    ),
    "hzner.load() (pkuseg)": _PRELUDE + "start = time.perf_counter()\nhzner.load()\n",
    "hzner.load(segmenter='char')": (
        _PRELUDE + "start = time.perf_counter()\nhzner.load(segmenter='char')\n"
    ),
}


def load_times(rounds: int) -> dict[str, float]:
    """Median seconds of each load, each in a fresh interpreter, interleaved rounds."""
    times: dict[str, list[float]] = {name: [] for name in LOADS}
    for _ in range(rounds):
        for name, code in LOADS.items():
            code += "print(time.perf_counter() - start)\n"
            out = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            )
            times[name].append(float(out.stdout.split()[-1]))
    return {name: statistics.median(values) for name, values in times.items()}


def _ents(doc: Any) -> list[tuple[int, int, str]]:
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def processes(texts: list[str], rounds: int) -> dict[str, float]:
    """Median seconds of ``nlp.pipe`` over ``texts`` with one and two processes."""
    nlp = hzner.load()
    extractor = hzner.Extractor()
    variants: dict[str, Callable[[], list[Any]]] = {
        "n_process=1": lambda: [_ents(doc) for doc in nlp.pipe(texts)],
        "n_process=2": lambda: [_ents(doc) for doc in nlp.pipe(texts, n_process=2)],
        "n_process=2, batch_size=10": lambda: [
            _ents(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=10)
        ],
        "n_process=2, batch_size=50": lambda: [
            _ents(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=50)
        ],
        "hzner.extract, one process (facts, no tokens)": lambda: [
            extractor.extract(text) for text in texts
        ],
    }
    extractor.extract(texts[0])  # build the lexicons before timing
    nlp(texts[0])
    expected: list[Any] | None = None
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, call in variants.items():
            start = time.perf_counter()
            found = call()
            times[name].append(time.perf_counter() - start)
            if name.startswith("n_process"):
                expected = found if expected is None else expected
                assert found == expected, f"{name}: different entities or order"
    return {name: statistics.median(values) for name, values in times.items()}


def _sentences(texts: list[str]) -> list[str]:
    return [part for text in texts for part in re.split(r"(?<=。)", text) if part.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--load-rounds", type=int, default=5)
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--pipe-rounds", type=int, default=3)
    parser.add_argument("--skip-pipe", action="store_true")
    args = parser.parse_args()
    model = segmenter.ensure_model()
    texts = _texts()
    chars = sum(map(len, texts))
    print(f"python {platform.python_version()}, spacy {spacy.__version__}, "
          f"{platform.machine()}, {os.cpu_count()} cpus, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")  # fmt: skip
    print(f"\n1. throughput: {len(texts)} dev docs, {chars} characters; "
          f"{args.rounds} interleaved rounds, medians")  # fmt: skip
    medians = throughput(texts, args.rounds, model)
    base = medians["spaCy+pkuseg tokenizer (bare)"]
    for name, seconds in medians.items():
        print(f"  {name:<34}{seconds * 1000:>9.1f} ms{chars / seconds / 1e3:>9.0f} k chars/s"
              f"{base / seconds:>8.2f}x")  # fmt: skip
    ratio = base / medians["hzner.load() pipeline (pkuseg)"]
    print(f"  full pkuseg pipeline / bare spaCy+pkuseg tokenizer throughput: {ratio:.2f}x")
    print(f"\n2. load times: fresh interpreters, {args.load_rounds} interleaved rounds, medians")
    for name, seconds in load_times(args.load_rounds).items():
        print(f"  {name:<50}{seconds:>7.2f} s")
    if not args.skip_pipe:
        print(f"\n3. nlp.pipe: {args.pipe_rounds} interleaved rounds, medians")
        for label, many in (
            ("documents", texts * args.copies),
            ("sentences", _sentences(texts) * (args.copies // 10)),
        ):
            size = sum(map(len, many))
            print(f"  {len(many)} {label} ({size} characters):")
            pipes = processes(many, args.pipe_rounds)
            one = pipes["n_process=1"]
            for name, seconds in pipes.items():
                print(f"    {name:<46}{seconds:>7.2f} s{one / seconds:>7.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
