"""Exact values at any length, and ranges that can exist (issue 13, items 1 and 2)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hzner.extractor import Extractor
from hzner.numerals import exact_product
from hzner.types import Bound, Money

EXTRACTOR = Extractor()


def _money(text: str) -> list[Money]:
    return EXTRACTOR.extract_money(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("投资10000000000000000000000000000元", "10000000000000000000000000000"),
        ("收入120221.11498852450089667579075元", "120221.11498852450089667579075"),
        ("总投资1234567890123456789012345.6789亿元", "123456789012345678901234567890000"),
        ("基金规模九千九百九十九万亿亿元", None),  # 亿亿 is an idiom, no number
    ],
)
def test_issue13_values_are_exact_at_any_length(text: str, value: str | None) -> None:
    found = _money(text)
    if value is None:
        assert all(money.value is None or "亿亿" not in money.text for money in found)
        return
    (money,) = found
    assert money.value == Decimal(value)
    data = json.loads(json.dumps(money.to_dict()))
    assert data["value"] == value
    assert Money.from_dict(data) == money


def test_issue13_pipeline_writes_huge_values(nlp: Any) -> None:
    doc = nlp("今年投资10000000000000000000000000000元建设新区")
    (span,) = [span for span in doc.ents if span.label_ == "MONEY"]
    assert span._.money.value == Decimal(10**28)
    assert span._.money.to_dict()["value"] == "1" + "0" * 28


@given(
    st.integers(min_value=1, max_value=10**60),
    st.integers(min_value=0, max_value=40),
    st.sampled_from(["", "万", "亿", "万亿"]),
)
def test_issue13_arabic_amounts_of_any_length_round_trip(
    whole: int, places: int, unit: str
) -> None:
    digits = str(whole)
    number = digits
    if 0 < places < len(digits):
        number = f"{digits[:-places]}.{digits[-places:]}"
    (money,) = _money(f"投资{number}{unit}元")
    data = json.loads(json.dumps(money.to_dict()))
    assert "E" not in data["value"]
    scale = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}[unit]
    assert money.value == exact_product(Decimal(number), Decimal(scale))
    assert Money.from_dict(data) == money


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A range runs upwards: otherwise it is the amounts the text writes.
        ("5万到7元", ["7元"]),
        ("10亿元到5亿元", ["10亿元", "5亿元"]),
        ("营收8亿元至8亿元", ["8亿元", "8亿元"]),
        ("￥數亿到７元", ["￥數亿", "７元"]),
        ("数亿元到7亿元", ["数亿元", "7亿元"]),
        # Near misses: real ranges stay ranges.
        ("5万到7万元", ["5万到7万元"]),
        ("8500到3万元", ["8500到3万元"]),
    ],
)
def test_issue13_a_range_has_high_above_value(text: str, spans: list[str]) -> None:
    found = _money(text)
    assert [money.text for money in found] == spans
    for money in found:
        if money.bound is Bound.RANGE:
            assert money.value is not None
            assert money.high is not None
            assert money.high > money.value
        if money.value is None:
            assert money.bound is Bound.VAGUE
