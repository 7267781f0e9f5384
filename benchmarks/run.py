"""Run every benchmark, one after the other: ``python benchmarks/run.py``.

Throughput (hzner and each recognizer against the bare spaCy tokenizer and
jionlp), the pkuseg pipeline (throughput, load times, two processes) and
peak memory. Extra arguments are not passed on; run a script on its own to
tune it. Install the comparison first: ``pip install -e ".[bench]"``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("bench_throughput.py", "bench_short.py", "bench_pkuseg.py", "bench_memory.py")


def main() -> int:
    failed = 0
    for script in SCRIPTS:
        print(f"== {script}", flush=True)
        failed += subprocess.run([sys.executable, str(HERE / script)], check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
