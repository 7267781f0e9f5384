"""Growth checks that load on the machine cannot break.

A linear-time guarantee is checked on CPU time (`time.process_time`, which
a busy machine does not inflate the way it inflates wall-clock time), with
the garbage collector off, as the best of several runs, over an input
``FACTOR`` times larger than the small one. With 8 times the input, linear
work takes about 8 times as long and quadratic work 64 times: the bound of
``2 * FACTOR`` sits an order of magnitude below the quadratic case, and far
above what noise does to a linear one.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

FACTOR = 8
BOUND = 2 * FACTOR
# Below this much CPU time a run is repeated: the ratio must measure the
# code under test, not the resolution of the clock.
_MIN_SECONDS = 0.02


def cpu_seconds(func: Callable[[T], object], arg: T, *, number: int = 1, repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` runs of ``number`` calls of ``func(arg)``."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            began = time.process_time()
            for _ in range(number):
                func(arg)
            best = min(best, time.process_time() - began)
    finally:
        if enabled:
            gc.enable()
    return best


def growth(func: Callable[[T], object], small: T, large: T) -> float:
    """How many times longer ``func(large)`` takes than ``func(small)``, in CPU time."""
    func(small)  # warm up: lexicons and regexes compile outside the timing
    number = 1
    while cpu_seconds(func, small, number=number, repeat=1) < _MIN_SECONDS and number < 1 << 16:
        number *= 2
    return cpu_seconds(func, large, number=number) / max(
        cpu_seconds(func, small, number=number), 1e-9
    )


def repeated(unit: str, size: int) -> str:
    """``unit`` repeated to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def assert_linear(func: Callable[[str], object], unit: str, size: int) -> None:
    """Assert that ``func`` grows linearly from ``size`` to ``FACTOR * size`` chars of ``unit``."""
    ratio = growth(func, repeated(unit, size), repeated(unit, FACTOR * size))
    assert ratio < BOUND, (
        f"{unit!r}: {FACTOR}x the input took {ratio:.1f}x the CPU time (linear is about "
        f"{FACTOR}x, quadratic {FACTOR * FACTOR}x)"
    )
