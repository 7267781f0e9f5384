"""Time to the first result: import hzner, then the first ``hzner.extract`` in a fresh process.

Usage: python benchmarks/bench_startup.py [--rounds N] [--profile]

Each round starts a new Python process that imports hzner and then extracts
from one short news sentence; the import and the first call are timed apart
inside the child. The median over rounds is reported (processes are slow to
start on a busy machine, so the spread is printed too). ``--profile`` prints
the child's cProfile of the first call instead.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

SENTENCE = (
    "昨日，贵阳高新区与中国(湖北)自由贸易试验区武汉片区签约，"
    "总投资12亿元的沙文生态科技产业园项目开工。"
)

CHILD = """
import json, sys, time
t0 = time.perf_counter()
import hzner
t1 = time.perf_counter()
facts = hzner.extract(sys.argv[1])
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first": t2 - t1, "n": len(facts.parks)}))
"""

PROFILE = """
import cProfile, pstats, sys
import hzner
profiler = cProfile.Profile()
profiler.enable()
hzner.extract(sys.argv[1])
profiler.disable()
pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    if args.profile:
        subprocess.run([sys.executable, "-c", PROFILE, SENTENCE], check=True)
        return 0
    imports: list[float] = []
    firsts: list[float] = []
    for _ in range(args.rounds):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, SENTENCE], check=True, capture_output=True, text=True
        )
        result = json.loads(out.stdout)
        imports.append(result["import"] * 1000)
        firsts.append(result["first"] * 1000)
    print(f"python {sys.version.split()[0]}, {args.rounds} fresh processes")
    for name, values in (("import hzner", imports), ("first extract", firsts)):
        print(
            f"{name:15} median {statistics.median(values):7.1f} ms"
            f"  (min {min(values):.1f}, max {max(values):.1f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
