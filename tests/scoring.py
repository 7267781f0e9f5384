"""The contract's scores, now in the package: see `hzner.scoring`."""

from __future__ import annotations

from hzner.scoring import LABELS, misses, score

__all__ = ["LABELS", "misses", "score"]
