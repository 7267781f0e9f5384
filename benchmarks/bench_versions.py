"""`hzner.extract` of this tree against an older commit's, in the same run.

Usage: python benchmarks/bench_versions.py [--ref COMMIT] [--new COMMIT] [--rounds N] [--repeat N]

The older package (by default 8e04d87, the last commit before ORG joined
MONEY, PARK and PROJECT) is exported with ``git archive`` into a temporary
directory. Two child processes serve timings: one imports that package, the
other this tree's. The parent asks them in turn, round by round (the order
swapped every round), to time one contender once, so the machine's drift
falls on both alike:

* the dev page (examples/newspaper_page.txt) in one call;
* the page one call per paragraph (split at blank lines, as
  bench_short.py does).

Each child checks that its ``hzner`` is the one it was given, and warms up
(builds its lexicons) before the first round. Both children run on the same
core (``--cpu``, by default the last one this process may use), so that
neither is favoured by where the scheduler put it. The medians are reported
in ms with the ratio old/new: above 1, this tree is faster. Whether each
side runs compiled by mypyc (`hzner.COMPILED`, scripts/compile.py) is printed. With
``--repeat N`` the measurement runs N times, each with two fresh children,
and the range of each ratio is printed. ``--new COMMIT`` times that commit's
package in place of this tree's (to compare two commits).
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "examples" / "newspaper_page.txt"
CONTENDERS = ("page", "paragraphs")

# The child: imports hzner from argv[1], then times the contender named on
# each line of stdin once and answers its time in seconds.
CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
import hzner
if not hzner.__file__.startswith(sys.argv[1]):
    raise SystemExit(f"hzner from {hzner.__file__}, not {sys.argv[1]}")
page = open(sys.argv[2], encoding="utf-8").read()
paragraphs = [part for part in page.split("\\n\\n") if part.strip()]
extract = hzner.extract

def run_page():
    extract(page)

def run_paragraphs():
    for text in paragraphs:
        extract(text)

calls = {"page": run_page, "paragraphs": run_paragraphs}
for _ in range(3):
    run_page()
    run_paragraphs()
print("ready", getattr(hzner, "COMPILED", False), flush=True)
for line in sys.stdin:
    call = calls[line.strip()]
    start = time.perf_counter()
    call()
    print(time.perf_counter() - start, flush=True)
"""


def export(ref: str, into: Path) -> Path:
    """Extract the ``hzner/`` package of commit ``ref`` under ``into``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", ref, "hzner"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


class Child:
    """A process that imports hzner from ``path`` and times contenders on request."""

    def __init__(self, path: Path, cpu: int | None) -> None:
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        self.process = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(PAGE)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        if cpu is not None:
            os.sched_setaffinity(self.process.pid, {cpu})
        ready = self._line().split()
        if not ready or ready[0] != "ready":
            raise RuntimeError(f"the child for {path} did not start")
        #: Whether this child's hzner runs compiled by mypyc (`hzner.COMPILED`).
        self.compiled = ready[1:] == ["True"]

    def _line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the child exited")
        return line.strip()

    def time(self, name: str) -> float:
        assert self.process.stdin is not None
        self.process.stdin.write(name + "\n")
        self.process.stdin.flush()
        return float(self._line())

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def measure(old: Child, new: Child, rounds: int) -> dict[str, float]:
    """Median seconds of each (version, contender), interleaved round by round."""
    times: dict[str, list[float]] = {
        f"{version} {name}": [] for version in ("old", "new") for name in CONTENDERS
    }
    for number in range(rounds):
        order = [("old", old), ("new", new)]
        if number % 2:
            order.reverse()
        for name in CONTENDERS:
            for version, child in order:
                times[f"{version} {name}"].append(child.time(name))
    return {key: statistics.median(values) for key, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="8e04d87", help="the older commit (default 8e04d87)")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--new", default=None, help="a commit to time instead of this tree")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--cpu", type=int, default=None, help="the core both children run on")
    args = parser.parse_args()
    cpu = args.cpu
    if cpu is None and hasattr(os, "sched_getaffinity"):
        cpu = max(os.sched_getaffinity(0))
    print(
        f"python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores; "
        f"old = {args.ref}, new = {args.new or ROOT}; "
        f"{args.rounds} interleaved rounds x {args.repeat}; both on core {cpu}"
    )
    runs = []
    with tempfile.TemporaryDirectory(prefix="hzner-") as tmp:
        older = export(args.ref, Path(tmp) / "old")
        newer = ROOT if args.new is None else export(args.new, Path(tmp) / "new")
        for _ in range(args.repeat):
            old, new = Child(older, cpu), Child(newer, cpu)
            if not runs:
                print(f"compiled by mypyc: old {old.compiled}, new {new.compiled}")
            try:
                runs.append(measure(old, new, args.rounds))
            finally:
                old.close()
                new.close()
    print(f"{'contender':<12}{'old ms':>9}{'new ms':>9}{'old/new':>9}")
    for name in CONTENDERS:
        for run in runs:
            before, after = run[f"old {name}"], run[f"new {name}"]
            print(f"{name:<12}{before * 1e3:>9.2f}{after * 1e3:>9.2f}{before / after:>8.2f}x")
    if args.repeat > 1:
        for name in CONTENDERS:
            ratios = [run[f"old {name}"] / run[f"new {name}"] for run in runs]
            print(f"{name}: old/new {min(ratios):.2f}-{max(ratios):.2f}x over {args.repeat} runs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
