"""When do more processes pay? `extract_many` and `hzner extract --jobs` at 1 and 2 processes.

The documents are the dev page's paragraphs (69, about 87 characters each),
repeated to each size. For each size the contenders run in interleaved
rounds (wall-clock medians, pool start-up included, as a user pays it):

- ``n_process=1``: in this process;
- ``n_process=2``: two workers sending back the compact form (`hzner.batch.pack`);
- ``n_process=2, full Facts``: the same workers pickling whole `Facts` (before 0.2);
- ``cli --jobs 1`` / ``--jobs 2``: the command on a JSONL file of the documents
  (a fresh process each, writing JSONL to a file), on the largest sizes only.

Usage: ``python benchmarks/bench_processes.py [--sizes 100,1000,...] [--rounds 3]``.
A machine whose other processes keep its cores busy shows no gain from a
second worker: run it on an idle machine for the table in docs/scale-out.md.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import hzner
from hzner import batch

sys.path.insert(0, str(Path(__file__).parent))
from timing import interleaved_medians

DEV = Path(__file__).parent.parent / "tests" / "data" / "dev_gold.jsonl"


def _paragraphs() -> list[str]:
    with DEV.open(encoding="utf-8") as handle:
        docs = [json.loads(line)["text"] for line in handle if line.strip()]
    return [part for doc in docs for part in doc.split("\n") if part.strip()]


def _texts(size: int) -> list[str]:
    paragraphs = _paragraphs()
    return [paragraphs[i % len(paragraphs)] for i in range(size)]


def _full(facts: hzner.Facts) -> hzner.Facts:
    return facts


def _contenders(texts: list[str], corpus: Path | None, out: Path) -> dict[str, Any]:
    def many(n: int) -> Any:
        return lambda: sum(1 for _ in hzner.extract_many(texts, n_process=n))

    def full() -> int:
        return sum(1 for _ in batch.extract_encoded(texts, _full, n_process=2))

    contenders: dict[str, Any] = {"n_process=1": many(1), "n_process=2": many(2)}
    contenders["n_process=2, full Facts"] = full
    if corpus is not None:
        for jobs in ("1", "2"):
            argv = [sys.executable, "-m", "hzner", "extract", str(corpus), "-o", str(out)]
            argv += ["--quiet", "--jobs", jobs]
            contenders[f"cli --jobs {jobs}"] = lambda argv=argv: subprocess.run(argv, check=True)
    return contenders


def _cpu(call: Any) -> tuple[float, float]:
    """CPU seconds of one call: this process's, and its (joined) worker processes'."""
    before, began = os.times(), time.process_time()
    call()
    parent, after = time.process_time() - began, os.times()
    workers = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return parent, workers


def _cpu_table(rows: list[tuple[int, str, float, float]]) -> None:
    print()
    print("CPU seconds (load-independent): main process, workers, and the wall time two free")
    print("cores would allow, max(main, workers / 2) for two workers:")
    print("| documents | contender | main CPU | workers CPU | on free cores |")
    print("| ---: | --- | ---: | ---: | ---: |")
    for size, name, parent, workers in rows:
        ideal = parent if name == "n_process=1" else max(parent, workers / 2)
        print(f"| {size:,} | {name} | {parent:.3f} | {workers:.3f} | {ideal:.3f} |")


def _best_cpu(call: Any, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.process_time()
        call()
        best = min(best, time.process_time() - began)
    return best


def _compact() -> None:
    """Bytes and CPU of the compact form against pickled Facts, on the dev page's paragraphs."""
    texts = _paragraphs()
    facts = [hzner.extract(text) for text in texts]
    packed = [batch.pack(item) for item in facts]
    whole, small = pickle.dumps(facts), pickle.dumps(packed)
    send_whole = _best_cpu(lambda: pickle.dumps(facts))
    send_small = _best_cpu(lambda: pickle.dumps([batch.pack(item) for item in facts]))
    take_whole = _best_cpu(lambda: pickle.loads(whole))

    def rebuild() -> list[hzner.Facts]:
        return [batch.unpack(t, p) for t, p in zip(texts, pickle.loads(small), strict=True)]

    take_small = _best_cpu(rebuild)
    utf8 = sum(len(text.encode("utf-8")) for text in texts)
    print(f"{len(texts)} paragraphs, {utf8:,} bytes of UTF-8 text:")
    print(
        f"  whole Facts: {len(whole):,} bytes; pickle {send_whole * 1e3:.2f} ms, "
        f"unpickle {take_whole * 1e3:.2f} ms"
    )
    print(
        f"  compact:     {len(small):,} bytes; pack+pickle {send_small * 1e3:.2f} ms, "
        f"unpickle+unpack {take_small * 1e3:.2f} ms"
    )
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="20,100,500,2000,10000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cli-from", type=int, default=2000, help="run the CLI from this size")
    args = parser.parse_args()
    hzner.extract("光谷")  # load the rules in this process first
    print(f"cores: {os.cpu_count()}; load average: {os.getloadavg()[0]:.2f}")
    _compact()
    print("| documents | characters | contender | seconds | docs/s | vs n_process=1 |")
    print("| ---: | ---: | --- | ---: | ---: | ---: |")
    cpu_rows: list[tuple[int, str, float, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(value) for value in args.sizes.split(",")):
            texts = _texts(size)
            corpus = None
            if size >= args.cli_from:
                corpus = Path(folder) / "corpus.jsonl"
                lines = (json.dumps({"text": text}, ensure_ascii=False) for text in texts)
                corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
            contenders = _contenders(texts, corpus, Path(folder) / "out.jsonl")
            medians = interleaved_medians(contenders, args.rounds)
            base = medians["n_process=1"]
            chars = sum(map(len, texts))
            for name, seconds in medians.items():
                ratio = base / seconds
                row = f"| {size:,} | {chars:,} | {name} | {seconds:.3f} | {size / seconds:,.0f} |"
                print(f"{row} {ratio:.2f}x |", flush=True)
            for name, call in contenders.items():
                if not name.startswith("cli"):
                    cpu_rows.append((size, name, *_cpu(call)))
    _cpu_table(cpu_rows)


if __name__ == "__main__":
    main()
