"""ORG recognition (hzner.orgs.recognizer); every sentence here is written for its test."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hzner
from hzner.extractor import Extractor
from hzner.normalize import normalize
from hzner.orgs.lexicon import OrgLexicon
from hzner.orgs.recognizer import find_orgs
from hzner.rules import RuleSet
from hzner.types import Facts, Org
from tests.complexity import assert_linear

LEXICON = OrgLexicon(RuleSet.default())


def _orgs(text: str) -> list[str]:
    return [org.text for org in hzner.extract(text).orgs]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # legal forms and group words, with the place prefix and the business words
        ("北京星河智能科技有限公司发布新品。", ["北京星河智能科技有限公司"]),
        ("中国远航能源集团有限公司董事长表示。", ["中国远航能源集团有限公司"]),
        ("会上,青石药业股份有限公司作了发言。", ["青石药业股份有限公司"]),
        # institutions: a place is enough, and a parent with its institute is one span
        ("南京大学教授王明说。", ["南京大学"]),
        ("随着南京大学材料研究院揭牌。", ["南京大学材料研究院"]),
        ("成都农商银行提供贷款。", ["成都农商银行"]),
        # a bracket inside the name, and PDF spaces
        ("施耐德电气(中国)有限公司签约。", ["施耐德电气(中国)有限公司"]),
        ("引进山东鲁华 门业有限公司,建设新厂。", ["山东鲁华 门业有限公司"]),
        # boundaries on the left: verbs, particles, conjunctions
        (
            "位于城南的江海物流有限公司与蓝田电子有限公司签约。",
            ["江海物流有限公司", "蓝田电子有限公司"],
        ),
    ],
)
def test_recognizer_forms(text: str, names: list[str]) -> None:
    assert _orgs(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "该公司副总经理说。",  # generic mention
        "市政府和管委会出席。",  # government bodies
        "一批科技有限公司落户。",  # no proper part
        "多只生物医药基金参与。",  # a count and business words only
        "对标世界银行评价体系。",  # an international organisation
        "环大学城创新生态圈初具规模。",  # a form word inside another word
        "行业协会和商会组织企业参展。",  # associations
        "集聚一批一流大学。",  # a modifier of a class
    ],
)
def test_recognizer_not_org(text: str) -> None:
    assert _orgs(text) == []


def test_recognizer_short_forms_after_the_full_name() -> None:
    text = "厦门云帆显示科技有限公司今年投产。云帆显示的产能翻番,云帆还将扩产。"
    orgs = hzner.extract(text).orgs
    assert [(org.text, org.full) for org in orgs] == [
        ("厦门云帆显示科技有限公司", None),
        ("云帆显示", "厦门云帆显示科技有限公司"),
        ("云帆", "厦门云帆显示科技有限公司"),
    ]


def test_recognizer_short_form_before_the_full_name_is_not_found() -> None:
    assert _orgs("云帆还将扩产。厦门云帆显示科技有限公司今年投产。") == ["厦门云帆显示科技有限公司"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # brands as subjects of an investor's verb, and their other mentions
        ("今年,星澜投资建设新工厂。星澜表示满意。", ["星澜", "星澜"]),
        ("该项目由远拓投资建设,总投资5亿元。", ["远拓"]),
        # a trade name that acts
        ("东岳科技拟投资3亿元建设新厂。", ["东岳科技"]),
        # a list closed by 等 and a class noun
        ("吸引到松下、腾讯、京东等80家知名企业参会。", ["松下", "腾讯", "京东"]),
        # a list item next to an ORG
        ("随着南京大学材料研究院、清源理工等一批平台落户。", ["南京大学材料研究院", "清源理工"]),
    ],
)
def test_recognizer_brands(text: str, names: list[str]) -> None:
    assert _orgs(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "带动引进芯片设计、发光材料、光刻胶等配套企业。",  # a list of sectors
        "前沿科技不断涌现。",  # a trade word after a modifier, no verb
        "项目投资建设顺利。",  # no brand before the verb
    ],
)
def test_recognizer_brands_near_misses(text: str) -> None:
    assert _orgs(text) == []


def test_recognizer_user_org_rule() -> None:
    extractor = Extractor(rules=[{"type": "org", "name": "星海重工集团", "short": ["星海"]}])
    facts = extractor.extract("星海重工集团在此设厂,星海表示。")
    assert [(org.text, org.full, org.rule_id) for org in facts.orgs] == [
        ("星海重工集团", None, "form:集团"),
        ("星海", "星海重工集团", "org-rule"),
    ]


def test_recognizer_user_org_rule_without_form() -> None:
    extractor = Extractor(rules=[{"type": "org", "name": "蓝鲸", "short": []}])
    assert [org.text for org in extractor.extract("蓝鲸宣布扩产。").orgs] == ["蓝鲸"]


def test_recognizer_org_inside_a_project_is_dropped() -> None:
    facts = hzner.extract("北京星河智能科技有限公司新材料生产基地项目开工。")
    assert facts.orgs == ()
    assert [p.text for p in facts.projects] == ["北京星河智能科技有限公司新材料生产基地项目"]


def test_find_orgs_pure_function() -> None:
    norm = normalize("浙江金石新材料有限公司投资5亿元。")
    orgs = find_orgs(norm, [], [], LEXICON)
    assert [(o.text, o.start, o.end) for o in orgs] == [("浙江金石新材料有限公司", 0, 11)]


@given(st.text(alphabet="公司集团有限银行大学基金与、等该引进科技南京星河() \n,。", max_size=80))
def test_recognizer_offsets(text: str) -> None:
    facts = hzner.extract(text)
    for org in facts.orgs:
        assert text[org.start : org.end] == org.text
        assert org.text == org.text.strip()
    spans = sorted((org.start, org.end) for org in facts.orgs)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@given(
    st.builds(
        Org,
        st.text(min_size=1, max_size=8),
        st.integers(0, 1000),
        st.integers(0, 1000),
        st.one_of(st.none(), st.text(max_size=12)),
    )
)
def test_org_round_trip(org: Org) -> None:
    assert Org.from_dict(org.to_dict()) == Org(org.text, org.start, org.end, org.full)


@pytest.mark.parametrize(
    "text",
    [
        "引进北京星河智能科技有限公司,以建设星河新材料生产基地项目。星河表示。",
        "厦门云帆显示科技有限公司今年投产。云帆第6代生产线项目开工。",
    ],
)
def test_facts_round_trip_with_orgs(text: str) -> None:
    facts = hzner.extract(text)
    assert facts.orgs
    again = Facts.from_dict(facts.to_dict())
    assert again.to_dict() == facts.to_dict()

    def spans(found: Facts) -> list[tuple[str, int, int] | None]:
        return [
            None if p.company is None else (p.company.text, p.company.start, p.company.end)
            for p in found.projects
        ]

    assert spans(again) == spans(facts)
    assert all(p.company is not None for p in facts.projects)


def _find(text: str) -> object:
    return find_orgs(normalize(text), [], [], LEXICON)


@pytest.mark.parametrize("unit", ["公司", "星河科技有限公司、", "、", "腾讯、", "等企业"])
def test_recognizer_linear_time(unit: str) -> None:
    assert_linear(_find, unit, 20_000)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name that opens a list item and spends an amount on what follows
        (
            "包括临川德茂投资8亿元的智能仓储中心项目、华光集团投资12亿元的精密轴承项目。",
            ["临川德茂", "华光集团"],
        ),
        ("华为斥资5亿元建设研发中心。", ["华为"]),
        ("江苏润达计划投资3亿元的物流园项目已开工。", ["江苏润达"]),
        # no investor: a generic subject, a time word, a noun use of 投资
        ("该公司投资5亿元的项目已开工。", []),
        ("今年投资10亿元的项目有12个。", []),
        ("项目投资5亿元,建成后年产值20亿元。", []),
        # a place after 在 is where, not who; the investor stands before it
        ("中航集团在东丽区投资5亿元建设研发基地。", ["中航集团"]),
        ("中海能在高新区投资16亿元建设研发基地。", ["中海能"]),
        # an origin before the name is no part of it
        ("台企长春颖霆科技有限公司投资2亿元建设厂房。", ["长春颖霆科技有限公司"]),
        # an amount not followed by what it is spent on
        ("临川德茂投资8亿元。", []),
    ],
)
def test_orgs_investor_before_an_amount(text: str, expected: list[str]) -> None:
    assert [org.text for org in hzner.extract(text).orgs] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("红星机械厂今年投产新线。", ["红星机械厂"]),  # a factory named by its trade
        ("万丰食品厂与开发区签约。", ["万丰食品厂"]),
        ("该市污水处理厂扩建。", []),  # a facility, no company
        # a subject after a boundary word of two characters, before a compound verb
        ("此次康泰普增资建设中国制造基地。", ["康泰普"]),
        ("在高新区增资建设厂房。", []),
    ],
)
def test_orgs_factories_and_subjects_after_a_word(text: str, expected: list[str]) -> None:
    assert [org.text for org in hzner.extract(text).orgs] == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a household brand needs no legal form and no introduction
        ("国家电网与宁德时代签署战略合作协议。", ["国家电网", "宁德时代"]),
        ("西门子、博世等外资企业增资扩产。", ["西门子", "博世"]),
        # a short form of a brand, in traditional script too
        ("中石化將在當地建設加氫站。", ["中石化"]),
        # the longer name wins over the brand inside it
        ("华为技术有限公司总部。", ["华为技术有限公司"]),
        # a brand that begins a project's name is the project's, not an ORG
        ("海尔智慧家电产业园项目开工。", []),
    ],
)
def test_recognizer_household_brands(text: str, names: list[str]) -> None:
    assert _orgs(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "全国投资总额增长。",  # 国投 is left out: it runs into 全国投资
        "沿北京东路向东。",  # 京东 is left out: it runs into 北京东路
        "推动金融创新发展。",  # 融创 is left out: it runs into 金融创新
        "本月7日立项审批。",  # 日立 is left out: it runs into 7日立项
    ],
)
def test_recognizer_brands_left_out(text: str) -> None:
    assert _orgs(text) == []


def test_recognizer_brand_is_project_company() -> None:
    project = hzner.extract("由比亚迪投资50亿元建设的汽车零部件产业园项目开工。").projects[0]
    assert project.company is not None
    assert project.company.text == "比亚迪"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a registered legal form after a place and business words: a company's own name
        ("会议由绵阳市城市建设投资集团有限公司承办。", ["绵阳市城市建设投资集团有限公司"]),
        # a place's official name before a group word, not its short form
        ("湖北省电子集团负责人出席。", ["湖北省电子集团"]),
        # business words that are also boundary words, inside a name before its form
        ("湖北农发投资基金管理有限公司出资。", ["湖北农发投资基金管理有限公司"]),
        # a list of companies: no item is the tail of a legal form (限公司)
        (
            "甲乙控股有限公司、丙丁贸易有限公司等企业参会。",
            ["甲乙控股有限公司", "丙丁贸易有限公司"],
        ),
        # glue before a place at the start of a name (引入|湖北省…, 立足环|武汉大学)
        ("将引入湖北省电子集团的研发中心。", ["湖北省电子集团"]),
        ("走廊立足环武汉大学创新带。", ["武汉大学"]),
        # a bracket or a brand used elsewhere before the place stays in the name
        ("东陶(辽宁)有限公司增资。", ["东陶(辽宁)有限公司"]),
    ],
)
def test_recognizer_official_and_glued_names(text: str, names: list[str]) -> None:
    assert _orgs(text) == names


@pytest.mark.parametrize("text", ["重庆科技公司落户。", "一家电子集团来访。"])
def test_recognizer_short_place_and_business_words_are_generic(text: str) -> None:
    assert _orgs(text) == []


def test_recognizer_a_place_as_a_subject_is_no_brand() -> None:
    assert _orgs("青山区签约落户2个重大项目。") == []


@pytest.mark.parametrize(
    "text",
    [
        "项目分两期投资建设。",  # a count is no brand
        "央企二三级公司参与建设。",  # a level of companies
        "参加跨国公司高层对话会。",  # a kind of companies
    ],
)
def test_recognizer_counts_levels_and_kinds_are_no_org(text: str) -> None:
    assert _orgs(text) == []


def test_recognizer_business_words_alone_before_a_group_word_are_generic() -> None:
    assert _orgs("总资产逾百亿元的高科技产业集团——青禾集团拟投资。") == ["青禾集团"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a one-character stop right after a place is the name's first word
        ("引进秦皇岛本征晶体科技有限公司。", ["秦皇岛本征晶体科技有限公司"]),
        # a kind word is no proper part
        ("建成现代化工厂。", []),
        # a conjunction after a place joins two names; a field word is a proper part
        ("吉林市与中泽集团签约。", ["中泽集团"]),
        ("交通银行提供贷款。", ["交通银行"]),
    ],
)
def test_recognizer_places_before_stops_and_kind_words(text: str, names: list[str]) -> None:
    assert _orgs(text) == names


def test_recognizer_a_short_form_written_with_the_short_place() -> None:
    text = "山东省港口集团有限公司在烟台举行仪式。山东港口将聚焦陆海联动。"
    assert _orgs(text) == ["山东省港口集团有限公司", "山东港口"]


@pytest.mark.parametrize(
    "text",
    [
        "今年全区计划开工建设8个项目。",
        "已有5个项目签约入园,将在年内入园开工建设。",
        "青禾集团拟新增投资400亿元建设新材料项目。",
    ],
)
def test_recognizer_plan_increase_and_entry_words_are_no_subject(text: str) -> None:
    assert [name for name in _orgs(text) if name != "青禾集团"] == []
