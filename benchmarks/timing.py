"""Interleaved timing, shared by the benchmark scripts."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Mapping


def interleaved_medians(
    contenders: Mapping[str, Callable[[], object]], rounds: int
) -> dict[str, float]:
    """Median seconds per call of each contender; each round times every one once, in turn.

    Interleaving spreads the machine's drift (other load, frequency changes)
    over all contenders alike, so their ratios stay fair.
    """
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, call in contenders.items():
            start = time.perf_counter()
            call()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}
