"""An unseen park's proper part (hzner.zones.proper); sentences written for the tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hzner
from hzner.rules import RuleSet
from hzner.zones.lexicon import ParkLexicon
from hzner.zones.proper import MAX_PROPER, is_name_char, is_numeral

READER = ParkLexicon(RuleSet.default()).proper


def _start(text: str, head_word: str) -> int | None:
    head = text.index(head_word)
    return READER.left_bound(text, head, head + len(head_word), 0, set(), False)


@pytest.mark.parametrize(
    ("text", "word", "proper"),
    [
        ("沙文生态科技产业园", "产业园", "沙文生态科技"),
        ("西部(重庆)科学城", "科学城", "西部(重庆)"),  # a bracket inside the name
        ("市长专程调研修文工业园区", "工业园区", "修文"),  # glue before a place name
        ("项目落户贵阳产业园", "产业园", "贵阳"),  # a boundary word
    ],
)
def test_left_bound_reads_the_proper_part(text: str, word: str, proper: str) -> None:
    start = _start(text, word)
    assert start is not None
    assert text[start : text.index(word)] == proper


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("全省18家大数据产业园", "产业园"),  # counted: a class of parks
        ("第三届中国开发区", "开发区"),  # an ordinal: an event
        ("百亿级产业园", "产业园"),  # a quantity
        ("国家高新区", "高新区"),  # a generic proper part
        ("在园区", "园区"),  # nothing before the zone word
    ],
)
def test_left_bound_refuses_what_names_no_park(text: str, word: str) -> None:
    assert _start(text, word) is None


def test_name_and_numeral_characters() -> None:
    assert all(is_name_char(char) for char in "沙A(")
    assert not any(is_name_char(char) for char in "，1")
    assert is_name_char("\u2014", "滨")  # 滨海—中关村 joins
    assert not is_name_char("\u2014", "\u2014")  # —— is punctuation
    assert all(is_numeral(char) for char in "3两")
    assert not is_numeral("园")


@given(st.text(alphabet="沙文生态科技园区产业的在18第三届，(国家", max_size=40))
def test_left_bound_stays_within_the_cap_and_before_the_head(text: str) -> None:
    text += "产业园"
    head = len(text) - 3
    start = READER.left_bound(text, head, len(text), 0, set(), False)
    if start is not None:
        assert head - MAX_PROPER <= start < head


@pytest.mark.parametrize(
    "text",
    [
        "推动双A类综保区建设",  # a class
        "建设功能型园区",  # a type
        "打造“互联网+”型创新创业综合示范区",  # a type cut by a quote
        "支撑高新区高质量发展",  # a verb of support
        "叠加自贸试验区政策优势",  # a verb of combination
    ],
)
def test_generic_modifiers_and_verbs_name_no_park(text: str) -> None:
    assert hzner.extract(text).parks == ()


def test_an_occasion_determiner_ends_the_proper_part() -> None:
    assert [park.text for park in hzner.extract("据悉,此次章华片区共签约14个项目。").parks] == [
        "章华片区"
    ]


@pytest.mark.parametrize(
    ("text", "park"),
    [
        ("沪滇临港昆明科技城今年引进企业12家。", "沪滇临港昆明科技城"),  # a pairing of provinces
        ("川渝合作广安产业园今年签约。", "川渝合作广安产业园"),
        ("市委书记调研修文工业园。", "修文工业园"),  # glue before a place is still cut
    ],
)
def test_a_pairing_of_provinces_begins_a_name(text: str, park: str) -> None:
    assert [p.text for p in hzner.extract(text).parks] == [park]


@pytest.mark.parametrize(
    "text",
    [
        "全面推进山西省开发区改革创新。",  # a province's parks
        "河北省高新区发展势头良好。",
        "广西壮族自治区园区经济提质增效。",
    ],
)
def test_a_province_alone_is_no_proper_part(text: str) -> None:
    assert hzner.extract(text).parks == ()


def test_a_province_free_trade_zone_is_one_park() -> None:
    assert [park.text for park in hzner.extract("湖北省自贸区挂牌三周年。").parks] == [
        "湖北省自贸区"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "打造海洋牧场示范区。",  # a designation with fields only
        "建设低空应用示范区。",
        "形成一心四片区的格局。",  # a layout
        "企业可享受保税区政策。",  # a verb glued on the left
    ],
)
def test_designations_layouts_and_verbs_are_no_park(text: str) -> None:
    assert hzner.extract(text).parks == ()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A designation with a place, letters or a short name of its own is a park.
        ("中日(成都)地方发展合作示范区揭牌。", ["中日(成都)地方发展合作示范区"]),
        ("沈抚示范区新签约项目12个。", ["沈抚示范区"]),
        # A conjunction that opens the part joins two names.
        ("考察电子信息产业园及台商产业园。", ["电子信息产业园", "台商产业园"]),
    ],
)
def test_designations_with_a_name_and_joined_parks(text: str, names: list[str]) -> None:
    assert [park.text for park in hzner.extract(text).parks] == names


def test_a_head_that_names_no_park_ends_a_name() -> None:
    # SPEC: 先导区, 合作区 … name no PARK; before a park they end its name on the left.
    parks = hzner.extract("长沙大河西先导区宁乡金洲新区签约项目12个。").parks
    assert [park.text for park in parks] == ["宁乡金洲新区"]


@pytest.mark.parametrize(
    "text",
    [
        "各地要学习借鉴园区管理的经验。",  # a verb before a bare zone word
        "由多个片区组成园区整体。",
        "一批项目园区已经建成。",
    ],
)
def test_a_short_word_before_a_bare_zone_word_is_no_park(text: str) -> None:
    assert hzner.extract(text).parks == ()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("伊宁园区新增企业12家。", ["伊宁园区"]),  # a county's name
        ("双流园区引进项目8个。", ["双流园区"]),
    ],
)
def test_a_place_before_a_bare_zone_word_is_a_park(text: str, names: list[str]) -> None:
    assert [park.text for park in hzner.extract(text).parks] == names


def test_a_part_after_a_known_park_before_a_bare_zone_word_is_a_park() -> None:
    parks = hzner.extract("仪式在兰州新区绿色化工园区举行。").parks
    assert [park.text for park in parks] == ["兰州新区", "绿色化工园区"]
