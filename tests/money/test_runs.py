"""The scan of `hzner.money.runs`: the runs of RUN that are more than commas, in linear time."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hzner
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


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # a magnitude, a space or a blank line, then a date: the amount ends at the magnitude
        ("签约项目总投资380亿\n\n2017-12-13", [("380亿", "38000000000")]),
        ("总投资75亿 2019年开工", [("75亿", "7500000000")]),
        # a smaller magnitude after the space: one amount, the stray space inside
        ("营收1亿 2000万元", [("1亿 2000万元", "120000000")]),
        ("总投资 1465.3 亿 元", [("1465.3 亿 元", "146530000000")]),
    ],
)
def test_a_spaced_magnitude_before_a_plain_number_ends_the_amount(
    text: str, amounts: list[tuple[str, str]]
) -> None:
    assert [(m.text, str(m.value)) for m in hzner.extract(text).money] == amounts


@pytest.mark.parametrize("unit", ["亿 1", "1亿 2", "投资5亿 2017年", "亿1亿 1"])
def test_spaced_magnitudes_are_read_in_linear_time(unit: str) -> None:
    assert_linear(lambda text: hzner.extract(text), unit, 4_000)
