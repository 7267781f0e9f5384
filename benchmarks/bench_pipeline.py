"""The spaCy pipeline against its bare tokenizer: one pass per Doc.

Usage: python benchmarks/bench_pipeline.py [--rounds N] [--skip-pkuseg]

In one process, in interleaved rounds (medians): spaCy's bare Chinese
tokenizer against ``hzner.load()`` over the dev page (the dev documents, one
Doc each), for the char segmenter and, when the model is there, pkuseg;
``hzner.extract`` for reference. The ratio is the tokenizer's time over the
pipeline's: 1.0x means hzner costs nothing on top of tokenizing. Wall-clock
medians (the machine's other load shows in them) and CPU-time medians of
this process (``time.process_time``) are both printed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import spacy

import hzner
from hzner import segmenter

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "dev_gold.jsonl"


def _texts() -> list[str]:
    with DEV.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def _medians(
    contenders: dict[str, Callable[[], object]], rounds: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Wall-clock and CPU-time medians per contender; each round runs every one once."""
    wall: dict[str, list[float]] = {name: [] for name in contenders}
    cpu: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, call in contenders.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            call()
            cpu[name].append(time.process_time() - start_cpu)
            wall[name].append(time.perf_counter() - start)
    median = statistics.median
    return (
        {name: median(values) for name, values in wall.items()},
        {name: median(values) for name, values in cpu.items()},
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=31)
    parser.add_argument("--skip-pkuseg", action="store_true")
    args = parser.parse_args()
    texts = _texts()
    chars = sum(map(len, texts))
    print(f"python {platform.python_version()}, spacy {spacy.__version__}, "
          f"{os.cpu_count()} cpus, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")  # fmt: skip
    print(f"{len(texts)} dev docs, {chars} characters; {args.rounds} interleaved rounds, medians")
    char_bare = spacy.blank("zh").tokenizer
    char_nlp = hzner.load(segmenter="char")
    extractor = hzner.Extractor()
    contenders: dict[str, Callable[[], object]] = {
        "char tokenizer (bare)": lambda: [char_bare(text) for text in texts],
        "hzner.load(segmenter='char')": lambda: [char_nlp(text) for text in texts],
        "hzner.extract (no tokens)": lambda: [extractor.extract(text) for text in texts],
    }
    pairs = [("char tokenizer (bare)", "hzner.load(segmenter='char')")]
    model = segmenter.model_path()
    if model is not None and not args.skip_pkuseg:
        bare = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
        bare.tokenizer.initialize(pkuseg_model=str(model))  # type: ignore[attr-defined]
        pku_nlp = hzner.load()
        contenders["pkuseg tokenizer (bare)"] = lambda: [bare.tokenizer(text) for text in texts]
        contenders["hzner.load() (pkuseg)"] = lambda: [pku_nlp(text) for text in texts]
        pairs.append(("pkuseg tokenizer (bare)", "hzner.load() (pkuseg)"))
    for call in contenders.values():
        call()  # build lexicons, warm caches
    wall, cpu = _medians(contenders, args.rounds)
    print(f"  {'':<32}{'wall':>9}    {'cpu':>9}")
    for name in contenders:
        print(f"  {name:<32}{wall[name] * 1000:>9.2f} ms{cpu[name] * 1000:>9.2f} ms")
    for bare_name, full_name in pairs:
        ratio, ratio_cpu = wall[bare_name] / wall[full_name], cpu[bare_name] / cpu[full_name]
        print(f"  {full_name} / {bare_name}: {ratio:.2f}x wall, {ratio_cpu:.2f}x cpu")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
