"""Short forms a text defines for its parks (hzner.zones.defined).

Every sentence here is written for its test.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hzner
from hzner.zones.defined import MAX_DEFINED, defined_form, mentions


def _parks(text: str) -> list[tuple[str, str | None, str]]:
    return [(park.text, park.zone, park.rule_id) for park in hzner.extract(text).parks]


def test_defined_form_after_a_listed_zone_links_every_mention() -> None:
    text = "井冈山经济技术开发区(以下简称“井开区”)去年引进项目12个。今年,井开区又签约项目8个。"
    zone = "井冈山经济技术开发区"
    assert _parks(text) == [
        ("井冈山经济技术开发区", zone, "gazetteer"),
        ("井开区", zone, "defined"),
        ("井开区", zone, "defined"),
    ]


def test_defined_form_in_traditional_script_with_a_comma() -> None:
    text = "井岡山經濟技術開發區,簡稱“井開區”。井開區今年簽約項目8個。"
    assert [(park.text, park.zone) for park in hzner.extract(text).parks][1:] == [
        ("井開區", "井冈山经济技术开发区"),
        ("井開區", "井冈山经济技术开发区"),
    ]


def test_a_bare_zone_word_defines_nothing() -> None:
    text = "重庆两江新区(以下简称“新区”)今年引进项目12个,新区将继续招商。"
    assert [park.text for park in hzner.extract(text).parks] == ["重庆两江新区"]


def test_no_definition_without_quotes_or_away_from_the_name() -> None:
    assert defined_form("重庆高新区简称高新", 5) is None
    assert defined_form("重庆高新区今年(以下简称“今年”)", 5) is None
    text = "重庆高新区(以下简称“西永”)"
    assert defined_form(text, 5) == (text.index("西永"), text.index("西永") + 2)


@given(st.text(alphabet="井开区“”简称(以下)", max_size=60))
def test_mentions_are_occurrences(text: str) -> None:
    for start in mentions(text, "井开区", 0):
        assert text[start : start + 3] == "井开区"
    assert len(list(mentions(text, "井开区", 0))) == text.count("井开区")


def test_defined_forms_are_capped() -> None:
    names = [f"{place}高新区(简称“{place}园”)" for place in "甲乙丙丁戊己庚辛壬癸子丑"]
    text = ",".join(names)
    defined = {park.text for park in hzner.extract(text).parks if park.rule_id == "defined"}
    assert len(defined) <= MAX_DEFINED


def test_a_count_of_parks_is_no_defined_form() -> None:
    # (以下简称“两区”) names two parks at once: a back-reference, no park of its own.
    text = "在蒙自经开区红河综保区(以下简称“两区”),项目施工正忙。两区将加快发展。"
    assert [park.text for park in hzner.extract(text).parks] == ["蒙自经开区", "红河综保区"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("某某园区(以下简称某某园)", (9, 12)),  # bare, closed by the bracket
        ("某某园区(简称“某某园”)", (8, 11)),
        ("某某园区(以下简称某某园", None),  # no closing bracket: no definition
        ("某某园区(以下简称“两园”)", None),
    ],
)
def test_defined_form_spans(text: str, span: tuple[int, int] | None) -> None:
    assert defined_form(text, 4) == span


def test_a_bare_defined_form_names_the_park_again() -> None:
    text = "苏锡通科技产业园区(以下简称苏锡通园区)成立。苏锡通园区新签约项目3个。"
    parks = hzner.extract(text).parks
    assert [(park.text, park.rule_id) for park in parks] == [
        ("苏锡通科技产业园区", "zone_word"),
        ("苏锡通园区", "defined"),
        ("苏锡通园区", "defined"),
    ]
