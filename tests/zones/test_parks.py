"""The PARK recognizer: known zones, unseen parks, boundaries, links, near misses."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hzner
from hzner.extractor import Extractor
from hzner.normalize import normalize
from hzner.types import Park


def _parks(text: str) -> list[tuple[str, str | None, str]]:
    return [(p.text, p.zone, p.kind.value) for p in hzner.extract(text).parks]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("光谷今年引进项目12个", [("光谷", "武汉东湖新技术开发区", "high_tech_zone")]),
        ("两江新区和重庆经开区签约", [
            ("两江新区", "重庆两江新区", "new_area"),
            ("重庆经开区", "重庆经济技术开发区", "econ_dev_zone"),
        ]),
        # SPEC: a free-trade zone followed by its 片区 is two spans, each linked.
        ("落户中国（上海）自由贸易试验区临港新片区", [
            ("中国（上海）自由贸易试验区", "中国（上海）自由贸易试验区", "free_trade_zone"),
            ("临港新片区", "中国（上海）自由贸易试验区临港新片区", "free_trade_zone"),
        ]),
        ("重庆西永综保区进出口增长", [("重庆西永综保区", "重庆西永综合保税区", "bonded_zone")]),
        ("总部设在张江", [("张江", "上海张江高新技术产业开发区", "high_tech_zone")]),
        ("在沈撫新區開工", [("沈撫新區", None, "new_area")]),  # traditional script
    ],
)  # fmt: skip
def test_parks_known_zones_are_linked(
    text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert _parks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("项目位于绿洲生态科技产业园", [("绿洲生态科技产业园", None, "industrial_park")]),
        ("企业入驻了苏州生物医药产业园", [("苏州生物医药产业园", None, "industrial_park")]),
        ("在北湖科学城建设", [("北湖科学城", None, "science_city")]),
        ("星河谷片区、白鹭片区及未来科技城片区", [
            ("星河谷片区", None, "other"),
            ("白鹭片区", None, "other"),
            ("未来科技城片区", None, "other"),
        ]),
        ("位于东部(宁波)智能制造示范区的工厂", [("东部(宁波)智能制造示范区", None, "other")]),
        ("来自江南小分子及生物制药产业园", [
            ("江南小分子及生物制药产业园", None, "industrial_park"),
        ]),
        ("位于中国药谷的企业", [("中国药谷", None, "other")]),
        ("将助推通航产业园发展", [("通航产业园", None, "industrial_park")]),
        ("苏南国家自主创新示范区建设", [("苏南国家自主创新示范区", None, "other")]),
        ("成功入列京南国家科技成果转化示范区", [("京南国家科技成果转化示范区", None, "other")]),
        ("苏锡通科技产业园区(以下简称苏锡通园区)成立", [
            ("苏锡通科技产业园区", None, "industrial_park"),
            ("苏锡通园区", None, "industrial_park"),
        ]),
    ],
)  # fmt: skip
def test_parks_unseen_parks_from_zone_words(
    text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert _parks(text) == expected


def test_parks_zone_then_park_inside_it_are_two() -> None:
    assert [p[0] for p in _parks("在重庆高新区西永微电园的实验室")] == ["重庆高新区", "西永微电园"]


@pytest.mark.parametrize(
    "text",
    [
        "园区今年引进项目12个",
        "全国169个国家高新区",
        "建设国家自主创新示范区",
        "加强同海外高科技园区合作",
        "推动国际合作园区建设",
        "打造高质量发展示范区",
        "规划三大片区",
        "科学城建设添动能",
        "全省18家大数据产业园区之一",
        "经济走出低谷",
        "打造国家一流经济技术开发区",  # generic words only
        "全市项目建设主战场经开区迎来开工",
        "紧扣开发园区功能定位",
        "打造示范性高科技产业园区",
        "新区先后有古镇口创新区等功能区",  # an innovation district, not a 新区
        "第一季度新区新签约项目",
        "推进金山云(天津)逸仙园云计算数据中心园区项目",  # no park cuts a bracket in half
    ],
)
def test_parks_generic_mentions_are_not_parks(text: str) -> None:
    assert _parks(text) == []


def test_parks_name_stops_at_an_amount() -> None:
    # A headline: the amount and the zone are separated only by a space.
    assert [p[0] for p in _parks("总投资84亿元 北湖科技城发布规划")] == ["北湖科技城"]


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("厦门市统计局称,火炬高新区发布数据", "厦门火炬高技术产业开发区"),
        ("威海市统计局称,火炬高新区发布数据", "威海火炬高技术产业开发区"),
        ("火炬高新区发布数据", None),  # no context: never a confident wrong link
        ("厦门火炬高新区发布数据。火炬高新区还将", "厦门火炬高技术产业开发区"),
    ],
)
def test_parks_ambiguous_form_links_by_context(text: str, zone: str | None) -> None:
    parks = hzner.extract(text).parks
    assert parks[-1].text == "火炬高新区"
    assert parks[-1].zone == zone


@pytest.mark.parametrize(
    ("text", "span", "zone"),
    [
        ("厦门市火炬高新区发布数据", "厦门市火炬高新区", "厦门火炬高技术产业开发区"),
        ("企业落户北京中关村", "北京中关村", "中关村科技园区"),
        ("总部设在上海张江", "上海张江", "上海张江高新技术产业开发区"),
    ],
)
def test_parks_city_before_a_zone_is_part_of_its_name(text: str, span: str, zone: str) -> None:
    (park,) = hzner.extract(text).parks
    assert (park.text, park.zone) == (span, zone)


def test_parks_ambiguous_form_keeps_its_candidates() -> None:
    (park,) = hzner.extract("火炬高新区发布数据").parks
    assert len(park.candidates) == 3
    assert park.kind.value == "high_tech_zone"


def test_parks_pdf_spaces_inside_names() -> None:
    text = "位于重 庆高新区西永微电 园"
    parks = hzner.extract(text).parks
    assert [p.text for p in parks] == ["重 庆高新区", "西永微电 园"]
    assert all(text[p.start : p.end] == p.text for p in parks)


@given(st.text(alphabet=st.sampled_from(list("重庆高新区产业园科学城片区在的和、(（)） 国家"))))
def test_parks_never_overlap_and_slice(text: str) -> None:
    parks: list[Park] = list(hzner.extract(text).parks)
    for park in parks:
        assert text[park.start : park.end] == park.text
    for left, right in itertools.pairwise(parks):
        assert left.end <= right.start


def _spans(text: str) -> list[str]:
    return [p.text for p in hzner.extract(text).parks]


def test_free_trade_zone_and_its_subarea_are_two_linked_spans() -> None:
    parks = hzner.extract("中国(湖北)自由贸易试验区武汉片区今天迎来新企业。").parks
    assert [(p.text, p.zone) for p in parks] == [
        ("中国(湖北)自由贸易试验区", "中国（湖北）自由贸易试验区"),
        ("武汉片区", "中国（湖北）自由贸易试验区武汉片区"),
    ]


def test_longest_name_wins_over_an_alias_inside_it() -> None:
    parks = hzner.extract("张江科学城的实验室今年扩建。").parks
    assert [(p.text, p.zone, p.kind.value) for p in parks] == [("张江科学城", None, "science_city")]


@pytest.mark.parametrize(
    "text",
    [
        "全省一类综保区进出口额上涨。",  # a class of zones
        "各级园区要做好服务。",  # a generic modifier
        "第三届中国开发区发展大会在京举行。",  # an ordinal: an event
        "报告提出打造“湾区光谷”的目标。",  # a slogan on a brand
        "第二批特色产业园区名单公布。",  # an ordinal: a batch
    ],
)
def test_generic_modifiers_events_and_slogans_are_no_park(text: str) -> None:
    assert _spans(text) == []


def test_a_brand_in_quotes_alone_is_still_a_park() -> None:
    assert _spans("被称为“光谷”的东湖高新区") == ["光谷", "东湖高新区"]


def test_left_boundary_falls_where_a_place_name_begins() -> None:
    assert _spans("市长日前专程赴修文工业园区调研。") == ["修文工业园区"]


def test_linked_park_carries_the_lists_province_and_city() -> None:
    (park,) = hzner.extract("重庆西永综保区进出口增长。").parks
    assert (park.province, park.city) == ("重庆市", "重庆市")


def test_unseen_park_is_placed_by_its_own_name() -> None:
    (park,) = hzner.extract("项目落户修文生态农业产业园。").parks
    assert (park.province, park.city) == ("贵州省", "贵阳市")


def test_unseen_park_is_placed_by_the_place_named_before_it() -> None:
    parks = hzner.extract("贵阳市今年加快建设，沙文生态科技产业园新增企业20家。").parks
    assert [(p.text, p.province, p.city) for p in parks] == [
        ("沙文生态科技产业园", "贵州省", "贵阳市")
    ]


def test_unplaced_park_has_no_province() -> None:
    (park,) = hzner.extract("企业入驻绿洲生态科技产业园。").parks
    assert (park.province, park.city) == (None, None)


def test_to_dict_round_trips_province_and_city() -> None:
    (park,) = hzner.extract("项目落户修文生态农业产业园。").parks
    data = park.to_dict()
    assert (data["province"], data["city"]) == ("贵州省", "贵阳市")
    assert Park.from_dict(data).province == "贵州省"


def test_county_short_name_alone_does_not_place_a_park_from_the_context() -> None:
    # 江南 is a district's short name (南宁市江南区) but here a common word.
    (park,) = hzner.extract("江南水乡风光好，绿洲生态科技产业园开园。").parks
    assert park.province is None


def test_one_character_before_a_place_name_stays_in_the_name() -> None:
    assert _spans("南太湖新区新签约项目12个。") == ["南太湖新区"]


def _recognized(text: str) -> list[str]:
    """The PARK recognizer's own spans, before other labels take theirs."""
    extractor = Extractor()
    return [park.text for park in extractor.park_recognizer(normalize(text))]


@pytest.mark.parametrize(
    "text",
    [
        # A count before the name: a kind, even where the count ends a boundary word.
        "这是全省首个零碳智能制造产业园",
        "规划建设12个特色农产品加工园区",
        # A modifier joined by 的 that counts or sums up the park.
        "这是西南地区首个集研发、生产于一体的智能家居产业园",
        "打造一个以新能源为主导的循环经济产业园",
        "建成集仓储、分拣于一体的冷链物流产业园",
        # An amount inside the proper part.
        "打造百亿级新能源汽车产业园",
        "建设千万平方米标准厂房产业园区",
        # Zone words only, one in brackets as an alternative.
        "推进工业(产业)园区提质增效",
    ],
)
def test_kinds_of_parks_are_no_park(text: str) -> None:
    assert _recognized(text) == []


def test_a_modifier_that_places_the_park_keeps_it() -> None:
    assert _recognized("总部位于贵阳的沙文生态科技产业园") == ["沙文生态科技产业园"]


@pytest.mark.parametrize(
    "text",
    [
        "签约了光伏组件项目、青溪新材料产业园等三个项目",
        "包括锂电池项目、白沙氢能装备产业园两大项目",
        "总投资5亿元的青溪新材料产业园正式开工",
        "青溪新材料产业园计划总投资20亿元",
        # Being built: adverbs before the verb, a phase in brackets, the site.
        "青溪新材料产业园也已正式开工",
        "青溪新材料产业园(二期)占地80亩",
        "记者在青溪新材料产业园施工现场看到",
        # A park that is no administered zone: a verb that builds it, or its
        # investment, right before it and the park ending its phrase; 建设 after it.
        "两地将在万州共建青溪新材料产业园。",
        "投资3亿元的白沙科技产业园已完成厂房建设",
        "全力推进白沙科技产业园建设。",
        # An item of a list next to a project.
        "开工项目有云帆芯片项目、青溪新材料产业园、白沙物流中心。",
        "包括青溪新材料产业园、云帆芯片项目。",
    ],
)
def test_a_park_listed_among_projects_or_being_built_is_no_park(text: str) -> None:
    assert _recognized(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The park does not end the phrase: what is built is its core area.
        ("全力建设白沙科技城核心区", ["白沙科技城"]),
        # An administered zone's 建设 is its development.
        ("积极投入万州新区建设,", ["万州新区"]),
        # An amount before it that is not its investment.
        ("引进外资5亿美元投资,位于万州的白沙科技产业园", ["白沙科技产业园"]),
        # A list item that the park only begins (its projects), after a project.
        ("云帆芯片项目、青溪新材料产业园第一批入园项目开工", ["青溪新材料产业园"]),
        # Firms move into it: a park, whatever was invested.
        ("投资20亿元的白沙科技产业园已有10家企业入驻", ["白沙科技产业园"]),
    ],
)
def test_a_park_whose_building_words_are_not_its_own_stays_a_park(
    text: str, expected: list[str]
) -> None:
    assert _recognized(text) == expected


def test_every_mention_of_a_park_read_as_a_project_is_the_project() -> None:
    text = "青溪新材料产业园正式开工。青溪新材料产业园由某某集团建设。"
    assert _recognized(text) == []
    assert [project.text for project in hzner.extract(text).projects] == ["青溪新材料产业园"] * 2


def test_a_mention_before_project_is_read_whole_by_project() -> None:
    text = "青溪新材料产业园正式开工。此次开工的青溪新材料产业园项目占地80亩。"
    names = [project.text for project in hzner.extract(text).projects]
    assert names == ["青溪新材料产业园", "青溪新材料产业园项目"]


def test_a_later_mention_named_as_a_place_stays_a_park() -> None:
    text = "青溪新材料产业园正式开工。首批企业将入驻青溪新材料产业园。"
    assert [park.start for park in hzner.extract(text).parks] == [text.rindex("青溪")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 等园区: the list is of parks, not projects.
        ("青溪新材料产业园、白沙科技产业园等园区承接项目", ["青溪新材料产业园", "白沙科技产业园"]),
        # Named as the place where projects start.
        ("在青溪新材料产业园开工的项目共5个", ["青溪新材料产业园"]),
        ("昨日在贵阳举行仪式,企业在白沙科技产业园正式开工", ["白沙科技产业园"]),
    ],
)  # fmt: skip
def test_a_park_where_projects_are_is_a_park(text: str, expected: list[str]) -> None:
    assert _recognized(text) == expected


def test_a_name_the_text_calls_a_project_is_no_park_elsewhere() -> None:
    text = "白沙科技产业园项目昨日签约。市长希望白沙科技产业园尽快建成"
    later = text.index("希望")
    assert [park.start for park in hzner.extract(text).parks if park.start > later] == []


@pytest.mark.parametrize("text", ["我们相信经开区将成为沃土", "企业具备产业园的条件"])
def test_verbs_of_belief_and_having_are_no_proper_part(text: str) -> None:
    assert _recognized(text) == []


def test_a_zones_second_name_in_brackets_is_no_park_and_a_park_may_follow() -> None:
    text = "企业落户嘉兴高新区(经开区)光伏产业园"
    assert _recognized(text) == ["嘉兴高新区", "光伏产业园"]


def test_a_park_in_brackets_after_a_zone_is_still_a_park() -> None:
    assert _recognized("重庆高新区(西永微电园)发布") == ["重庆高新区", "西永微电园"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("项目落户西安陆港", ["西安陆港"]),
        ("企业入驻郑州航空港", ["郑州航空港"]),
        ("成都空港新区签约", ["成都空港新区"]),
        ("打造西部内陆港", []),  # a kind of port
        ("天津港吞吐量增长", []),  # a sea port is no zone
    ],
)
def test_airport_and_inland_port_zones(text: str, expected: list[str]) -> None:
    assert _recognized(text) == expected


@pytest.mark.parametrize("text", ["建设西安陆港经济区", "推进青溪科技园合作区建设"])
def test_a_zone_word_before_a_head_that_is_no_park(text: str) -> None:
    assert _recognized(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("青溪汽车集团宣布，项目落户青溪汽车西安产业园", ["青溪汽车西安产业园"]),
        ("TCL惠州产业园投产", ["TCL惠州产业园"]),
        ("市委书记调研修文工业园", ["修文工业园"]),  # glue, not a brand
    ],
)
def test_a_brand_before_a_place_stays_in_the_name(text: str, expected: list[str]) -> None:
    assert _recognized(text) == expected


def test_a_brand_read_as_a_longer_name_hides_the_known_name_inside_it() -> None:
    facts = hzner.extract("光谷光谷")
    assert [(park.start, park.end) for park in facts.parks] == [(0, 4)]


@pytest.mark.parametrize(
    "text",
    [
        "充分放大该市国家示范物流园区和多式联运优势。",  # a determiner with a place unit
        "南博会期间高新区签约项目12个。",  # a time span, then a bare zone word
    ],
)
def test_determiners_and_time_spans_name_no_park(text: str) -> None:
    assert hzner.extract(text).parks == ()


@pytest.mark.parametrize(
    "text",
    [
        "公司将加快建设速度,确保光伏新材料产业园早日建成投产。",
        "舜华新材料产业园由吉林省东北亚集团投资,总投资10亿元。",
    ],
)
def test_a_park_being_built_or_financed_is_a_project(text: str) -> None:
    facts = hzner.extract(text)
    assert facts.parks == ()
    assert [project.rule_id for project in facts.projects] == ["park:project"]


@pytest.mark.parametrize(
    "text",
    [
        "会议提出打造“经济新区、制造新区”。",  # a slogan of field words
        "推进智慧园区建设。",  # a kind of park
        "入驻智慧型特色产业园区的企业。",  # a two-character kind and its mark
        "落户电子级特种材料产业园。",
        "不断提高园区服务水平。",  # a verb whose object is the park
        "举行装备制造产业集群暨经济技术开发区项目签约仪式。",  # 暨 joins two names
        "2023年市开发区重点项目开工。",  # a date, then "the city's" zone
        "记者王五报道 高新区企业增多。",  # a byline
    ],
)
def test_slogans_kinds_verbs_and_determiners_are_no_park(text: str) -> None:
    assert _spans(text) == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("青岛市南区软件产业园揭牌。", ["青岛市南区软件产业园"]),  # 市南区 is a place
        ("县工业园区与沙文生态科技产业园合作。", ["沙文生态科技产业园"]),
    ],
)
def test_a_lone_city_word_is_no_proper_part_but_a_place_is(text: str, spans: list[str]) -> None:
    assert _spans(text) == spans


@pytest.mark.parametrize(
    "text",
    ["出台实施自贸试验区提升战略。", "符合高新区发展方向。", "促进沿江自贸试验区协同。"],
)
def test_verbs_and_groupings_before_a_zone_word_are_no_park(text: str) -> None:
    assert _spans(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The longest name wins: the zone's own province before it is part of its name.
        ("山东烟台高新区举行集中签约。", "山东烟台高新区"),
        ("项目位于山东省烟台高新区。", "山东省烟台高新区"),
        ("在新疆维吾尔自治区乌鲁木齐高新区召开。", "新疆维吾尔自治区乌鲁木齐高新区"),
        # Another province's name stays outside.
        ("江苏合肥高新区", "合肥高新区"),
    ],
)
def test_parks_province_before_a_known_zone(text: str, name: str) -> None:
    parks = hzner.extract(text).parks
    assert [park.text for park in parks] == [name]
    assert parks[0].zone is not None


def test_parks_a_free_trade_port_is_no_park() -> None:
    # SPEC: 自贸港 is no PARK head; the lists' short form 海南自贸港 is left out.
    assert hzner.extract("加快海南自贸港建设。").parks == ()
    assert [park.text for park in hzner.extract("海南自贸区挂牌五周年。").parks] == ["海南自贸区"]


def test_mentions_of_parks_read_as_projects_stay_linear() -> None:
    from tests.complexity import assert_linear

    assert_linear(hzner.extract, "青溪新材料产业园正式开工。青溪新材料产业园由青禾建设。", 40_000)
