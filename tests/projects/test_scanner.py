"""PROJECT candidates (hzner.projects.scanner): boundaries, heads and list items on unseen news."""

from __future__ import annotations

import pytest

import hzner


def _names(text: str) -> list[str]:
    facts = hzner.extract(text)
    for project in facts.projects:
        assert text[project.start : project.end] == project.text
    return [project.text for project in facts.projects]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count before the name: a class of projects
        ("本次集中开工的12个新能源汽车项目总投资175亿元。", []),
        ("今年首批启动30个试点项目。", []),
        # near miss: a date before the name is no count
        ("2023年云帆动力电池项目开工。", ["云帆动力电池项目"]),
        # a known zone alone before 项目 names the zone's projects
        ("天府新区项目是签约重点。", []),
        # near miss: a zone that begins a longer name is inside it
        ("天府新区云帆智能制造基地项目开工。", ["天府新区云帆智能制造基地项目"]),
        # determiners that make a class (以上, 大型)
        ("以上试点项目均已开工。", []),
        ("该园是青禾公司投资建设的大型高科技水公园项目。", []),
        # new facility heads: 厂房, 乐园
        ("云帆产业园标准厂房正式开工。", ["云帆产业园标准厂房"]),
        ("方特水上乐园于今年开工建设。", ["方特水上乐园"]),
        # near miss: a generic facility
        ("服务中心于5月开工。", []),
    ],
)
def test_scanner_classes_and_heads(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


def test_scanner_pinyin_reading_inside_a_name() -> None:
    # Some sites print a reading after a character; it stays inside the name.
    text = "青禾新材料產(chǎn)業(yè)園項目於今年開工。"
    assert _names(text) == ["青禾新材料產(chǎn)業(yè)園項目"]


def test_scanner_a_rank_is_no_count() -> None:
    # 世界500强 ranks the company; it does not count projects.
    assert _names("世界500强云帆集团新材料生产项目签约。") == ["云帆集团新材料生产项目"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("当天,该市新能源汽车检测中心等5个项目开工。", "新能源汽车检测中心"),
        ("我区光电显示模组生产基地项目投产。", "光电显示模组生产基地项目"),
        ("本县绿色食品加工园项目签约。", "绿色食品加工园项目"),
    ],
)
def test_a_determiner_with_a_place_unit_is_outside_the_name(text: str, name: str) -> None:
    assert [project.text for project in hzner.extract(text).projects] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "一批支撑性项目落地。",  # a level of importance
        "引进功能型总部12家。",  # a type
        "开工建设科技创新生态型项目5个。",
    ],
)
def test_a_class_mark_before_the_head_names_a_class(text: str) -> None:
    assert hzner.extract(text).projects == ()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a conjunction with one character before it, after a 、, is inside a name
        (
            "开工建设中建西南总部大楼、泰和泰国际法务中心等项目。",
            ["中建西南总部大楼", "泰和泰国际法务中心"],
        ),
        # an item that begins with one
        ("引进天马、与德通讯产业园等项目。", ["天马", "与德通讯产业园"]),
        # between two names it still joins them
        ("引进天马和京东方等项目。", ["天马", "京东方"]),
    ],
)
def test_conjunctions_inside_list_items(text: str, names: list[str]) -> None:
    assert [project.text for project in hzner.extract(text).projects] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("所有项目均已开工。", []),  # a whole is a class
        ("其他项目正在推进。", []),
        ("其中有鼎盛航天孵化园、智慧交通产业园等8个项目。", ["鼎盛航天孵化园", "智慧交通产业园"]),
        ("记者从项目签约仪式上获悉。", []),  # the reporter is no name
        ("华腾科技新能源电池项目陆续投产。", ["华腾科技新能源电池项目"]),
    ],
)
def test_determiners_adverbs_and_people_stand_outside_names(text: str, names: list[str]) -> None:
    assert [project.text for project in hzner.extract(text).projects] == names


def test_an_adverb_is_no_investor() -> None:
    text = "美国依斯集团自2007年起在吴江先后投资设立了三家企业。"
    assert [org.text for org in hzner.extract(text).orgs] == ["美国依斯集团"]


@pytest.mark.parametrize(
    "text",
    [
        "推动产业链项目落地。",
        "引进产业平台项目3个。",
        "部分项目已开工。",
        "要抓好落实项目建设。",
        "高新区进一步完善项目帮办服务。",
        "长沙重大项目开工。",  # a place and a class word
    ],
)
def test_classes_and_verbs_before_project_name_none(text: str) -> None:
    assert hzner.extract(text).projects == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Half the items or more are sectors: the others are sectors too.
        ("涵盖人才房、安置房、乡村振兴、医疗等项目。", []),
        ("包括轨道交通、道路桥梁、绿化、水利等项目。", []),
        # An item that shows a name stays one (a place, a company, letters, a head).
        ("涵盖长沙人才公寓、安置房、乡村振兴等项目。", ["长沙人才公寓"]),
        ("包括安置房、水利、华夏新材料公司扩产等项目。", ["华夏新材料公司扩产"]),
        # Fewer than half are sectors: every named item is a project.
        ("引进甲乙光电、丙丁智造、医疗等项目。", ["甲乙光电", "丙丁智造"]),
    ],
)
def test_scanner_a_list_of_sectors(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quoted title right before 项目 is the name, with its marks.
        (
            "现场签约“纳米金属粉体新材料产业化”项目、“军民融合信息技术”项目。",
            ["“纳米金属粉体新材料产业化”项目", "“军民融合信息技术”项目"],
        ),
        # A short quoted slogan is a campaign, no project.
        ("全力推进“双百”项目。", []),
        # A verb or a preposition that takes 项目 as its object names none.
        ("预计项目建成后年产值5亿元。", []),
        ("按照项目进度倒排工期。", []),
        # A time word or a building verb opens the name.
        ("今天东川智能装备产业园项目开工。", ["东川智能装备产业园项目"]),
        ("兴建某某特种空调设备生产项目。", ["某某特种空调设备生产项目"]),
    ],
)
def test_scanner_quoted_titles_and_openers(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Companies or bodies between 等 and 项目: the items are the parties.
        "科技城与甲乙地质总局、丙丁曙光股份有限公司等13家单位签署项目合作协议。",
        "吸引华为、中兴等企业投资的项目落地。",
    ],
)
def test_scanner_parties_listed_before_projects(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name of three characters or fewer before 项目 is a slogan or a class.
        ("全区上下全力跑出项目建设加速度。", []),
        ("坚持谋新项目、攻难项目,做好预备项目储备。", []),
        # Near misses: letters or digits name it, a compound head (三期项目)
        # carries it, or the name is long enough.
        ("签约5G项目和LNG项目。", ["5G项目", "LNG项目"]),
        ("青禾三期项目正式签约。", ["青禾三期项目"]),
        ("青禾新材料项目正式签约。", ["青禾新材料项目"]),
    ],
)
def test_a_short_name_before_project_is_no_project(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A facility named by three characters or fewer is a kind of facility.
        ("公司将在园区建设营销中心和配套设施。", []),
        ("研发大楼已经完工。", []),
        # Near misses: a longer name, or letters in it.
        ("青禾新材料营销中心建成。", ["青禾新材料营销中心"]),
        ("TCL研发中心建成。", ["TCL研发中心"]),
    ],
)
def test_a_short_name_before_a_facility_is_no_project(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two capacities joined by 、 name one project.
        ("签约年产5万吨乳酸、2万吨聚乳酸项目。", ["年产5万吨乳酸、2万吨聚乳酸项目"]),
        ("年产300万片光伏玻璃、超薄电子玻璃项目开工。", ["年产300万片光伏玻璃、超薄电子玻璃项目"]),
        # Near misses: three parts are a list of items; no capacity, two names.
        ("年产1万吨硅铁、年产2万吨金属硅、年产3万吨铁合金项目", ["年产3万吨铁合金项目"]),
        ("青禾光伏玻璃、超薄电子玻璃项目开工。", ["超薄电子玻璃项目"]),
    ],
)  # fmt: skip
def test_capacities_joined_by_a_list_mark_name_one_project(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("公司新上锂离子电池隔膜生产项目。", ["锂离子电池隔膜生产项目"]),
        ("此举标志着青禾新材料项目正式落地。", ["青禾新材料项目"]),
        ("图片为青禾新材料项目施工现场。", ["青禾新材料项目"]),
        ("目前正在确认青禾新材料项目的用地。", ["青禾新材料项目"]),
    ],
)
def test_launching_and_marking_verbs_stay_outside_the_name(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 升级 and 转型 end in a class mark but name the project's action.
        ("青禾纸业公司数码喷墨纸产业升级项目开工。", ["青禾纸业公司数码喷墨纸产业升级项目"]),
        ("青禾新材料有限公司搬迁升级转型项目开工。", ["青禾新材料有限公司搬迁升级转型项目"]),
        # Near misses: no name before the action, or a class mark (生态型).
        ("全力推进产业升级项目建设。", []),
        ("重点打造生态型项目。", []),
    ],
)  # fmt: skip
def test_an_action_ending_in_a_class_mark_names_a_project(text: str, expected: list[str]) -> None:
    assert _names(text) == expected
