"""The scan of `hzner.money.runs`: the runs of RUN that are more than commas, in linear time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hzner.money.runs import _SCAN, RUN
from tests.complexity import assert_linear

# The characters where the two patterns could part: commas, points, 个 before
# 亿, digits of every script, and a few that end a run.
_PIECES = st.sampled_from(
    [",", ",,", ".", "..", "个", "個", "个亿", "亿", "億", "万", "1", "0", "123", "一", "两",
     "点", "多", "余", "数", "几", "·", "十", "〇", "x", "元", " ", "\n"]
)  # fmt: skip


def _scanned(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _SCAN.finditer(text)]


@settings(max_examples=500)
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_scan_is_run_without_commas_alone(text: str) -> None:
    want = [match.span() for match in RUN.finditer(text) if match.group().strip(",")]
    assert _scanned(text) == want


@given(st.text())
def test_scan_on_any_text(text: str) -> None:
    want = [match.span() for match in RUN.finditer(text) if match.group().strip(",")]
    assert _scanned(text) == want


@pytest.mark.parametrize("unit", [",", ",,,,,,,,a", ",.", "个", "1,"])
def test_scan_linear_time(unit: str) -> None:
    assert_linear(_scanned, unit, 25_000)
