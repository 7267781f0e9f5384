"""A company's short forms (hzner.orgs.names); every name here is written for its test."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hzner
from hzner.orgs.lexicon import OrgLexicon
from hzner.orgs.names import glued_start, occurrences, officially_placed, trade_name
from hzner.rules import RuleSet

LEXICON = OrgLexicon(RuleSet.default())


def test_trade_name_short_forms() -> None:
    assert trade_name("苏州青禾生物制药股份有限公司", LEXICON) == [
        "苏州青禾生物制药",
        "青禾生物制药",
        "青禾生物",
        "青禾",
    ]


def test_trade_name_remembered_is_the_same_and_not_shared() -> None:
    lexicon = OrgLexicon(RuleSet.default())
    first = trade_name("厦门天马显示科技有限公司", lexicon)
    first.append("changed by the caller")
    assert "厦门天马显示科技有限公司" in lexicon.short_forms
    assert trade_name("厦门天马显示科技有限公司", lexicon) == [
        "厦门天马显示科技",
        "天马显示科技",
        "天马显示",
        "天马",
    ]


def test_trade_name_of_a_name_without_a_legal_form_keeps_no_one_character_form() -> None:
    assert all(len(short) >= 2 for short in trade_name("青禾", LEXICON))


def test_occurrences_leftmost_longest_without_overlap() -> None:
    text = "天马显示与天马合作，天马显示再投资"
    assert occurrences(text, ["天马", "天马显示"]) == [
        (0, 4, "天马显示"),
        (5, 7, "天马"),
        (10, 14, "天马显示"),
    ]


WORDS = st.lists(st.sampled_from(["天马", "马显", "显示与"]))


@given(st.text(alphabet="天马显示与", max_size=30), WORDS)
def test_occurrences_are_in_the_text_and_do_not_overlap(text: str, words: list[str]) -> None:
    found = occurrences(text, words)
    for start, end, word in found:
        assert text[start:end] == word
    for (_, end, _), (start, _, _) in itertools.pairwise(found):
        assert end <= start


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("导入江西省电子集团", 2),  # a verb glued before the place
        ("江西省电子集团", 0),  # begins at a place
        ("华为重庆有限公司", 0),  # begins at a known brand
        ("东陶(辽宁)有限公司", 0),  # a bracket: one name
        ("南京东路贸易有限公司", 0),  # a place begins it already
        ("青禾重庆有限公司。青禾表示", 0),  # the prefix recurs: a brand
    ],
)
def test_glued_start(text: str, start: int) -> None:
    end = text.find("。") if "。" in text else len(text)
    assert glued_start(text, 0, end, LEXICON) == start


@pytest.mark.parametrize(("text", "placed"), [("江西省电子集团", True), ("重庆科技公司", False)])
def test_officially_placed(text: str, placed: bool) -> None:
    assert officially_placed(text, 0, LEXICON) is placed


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A branch after a company's legal name: a place, zone or region and a branch word.
        ("中国电信股份有限公司四川分公司与园区签约。", ["中国电信股份有限公司四川分公司"]),
        ("上海农商银行临港新片区支行发放贷款。", ["上海农商银行临港新片区支行"]),
        ("华夏银行华东分行授信5亿元。", ["华夏银行华东分行"]),
        # No place before it, or words that go on: the legal name alone.
        ("某某科技有限公司在四川建设基地。", ["某某科技有限公司"]),
        ("某某有限公司产品销往全国。", ["某某有限公司"]),
    ],
)
def test_names_a_branch_is_part_of_the_name(text: str, names: list[str]) -> None:
    assert [org.text for org in hzner.extract(text).orgs] == names


def test_names_a_role_noun_opens_the_name() -> None:
    # 园区运营商|联东集团: the company starts after its role.
    text = "由国内最大产业园区运营商联东集团设立的项目"
    assert [org.text for org in hzner.extract(text).orgs] == ["联东集团"]


def test_names_a_company_named_before_is_another() -> None:
    # 技术服务公司|斯伦贝谢公司: the walk from the second 公司 stops after the first.
    orgs = [org.text for org in hzner.extract("油田技术服务公司斯伦贝谢公司设立总部").orgs]
    assert "斯伦贝谢公司" in orgs
    assert all(not name.endswith("公司斯伦贝谢公司") for name in orgs)


def test_names_an_investment_platform_opens_the_name() -> None:
    text = "其投资平台中银集团投资有限公司出资10亿元"
    assert [org.text for org in hzner.extract(text).orgs] == ["中银集团投资有限公司"]
