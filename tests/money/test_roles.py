"""Roles where the cue is not adjacent (issue 14, item 3)."""

from __future__ import annotations

import pytest

from hzner.extractor import Extractor
from tests.complexity import assert_linear

EXTRACTOR = Extractor()


def _roles(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.role.value) for m in EXTRACTOR.extract_money(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Parallel lists: the n-th amount takes the n-th cue.
        (
            "今年园区产值、税收分别达到220亿元、5亿元。",
            [("220亿元", "output"), ("5亿元", "tax")],
        ),
        (
            "计划投资、融资分别为10亿元和5亿元，另有补贴200万元",
            [("10亿元", "investment"), ("5亿元", "financing"), ("200万元", "subsidy")],
        ),
        ("去年營業收入、稅收分別為8億元、1億元", [("8億元", "revenue"), ("1億元", "tax")]),
        # Near miss: lists of different lengths are left to the nearest cue.
        (
            "产值、税收分别增长5%，达到30亿元",
            [("30亿元", "other")],
        ),
        # Cues written as compounds.
        ("全年引资额120亿元", [("120亿元", "investment")]),
        ("到位资金8.6亿元", [("8.6亿元", "investment")]),
        ("实际利用外资3亿美元", [("3亿美元", "investment")]),
        ("该基金总规模50亿元", [("50亿元", "financing")]),
        ("項目投資總額12億元", [("12億元", "investment")]),
    ],
)
def test_roles_from_cues_not_adjacent(text: str, found: list[tuple[str, str]]) -> None:
    assert _roles(text) == found


def test_roles_parallel_lists_stay_linear() -> None:
    assert_linear(EXTRACTOR.extract_money, "产值、税收分别达到220亿元、5亿元分别", 4000)
