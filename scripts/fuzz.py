"""Run the fuzz grammar of tests/test_fuzz.py over many inputs and report failures.

Usage::

    python scripts/fuzz.py [-n 100000] [--seed 13] [--show 5]

Each input is generated from ``random.Random(f"{seed}:{index}")``, so a
failure is reproduced from its seed and index alone. Exit status 1 when any
input broke an invariant or raised.
"""

from __future__ import annotations

import argparse
import random
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_fuzz import check, generate


def main(argv: list[str] | None = None) -> int:
    """Generate ``-n`` inputs, check each, print the count and the failures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--show", type=int, default=5, help="failures to print in full")
    args = parser.parse_args(argv)
    failures = 0
    entities = 0
    for index in range(args.count):
        text = generate(random.Random(f"{args.seed}:{index}"))
        try:
            entities += len(check(text).entities)
        except Exception:  # report every failure, whatever it is
            failures += 1
            if failures <= args.show:
                print(f"--- seed {args.seed} index {index}: {text!r}")
                traceback.print_exc(limit=3, file=sys.stdout)
    print(f"seed {args.seed}: {args.count} inputs, {entities} entities, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
