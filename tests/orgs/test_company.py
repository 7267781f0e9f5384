"""Each project's company (hzner.orgs.company); every sentence here is written for its test."""

from __future__ import annotations

import pytest

import hzner


def _companies(text: str) -> dict[str, str | None]:
    return {
        p.text: None if p.company is None else p.company.text for p in hzner.extract(text).projects
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the ORG that builds it in a clause of its own, after the ORG's
        (
            "去年引进山东鲁华门业有限公司,以建设高端门窗制造基地为契机,做强产业链。",
            {"高端门窗制造基地": "山东鲁华门业有限公司"},
        ),
        # one subject for a list of projects
        (
            "北京星河智能科技有限公司投资建设甲醇储运中心项目、乙烯精制中心项目。",
            {
                "甲醇储运中心项目": "北京星河智能科技有限公司",
                "乙烯精制中心项目": "北京星河智能科技有限公司",
            },
        ),
        # the company name that begins the project's name, as written
        ("东岳新药生产基地建设项目开工。", {"东岳新药生产基地建设项目": "东岳"}),
        ("韩国LKT西北总部项目签约。", {"韩国LKT西北总部项目": "韩国LKT"}),
        (
            "远拓医疗高端医疗装备生产基地项目签约。",
            {"远拓医疗高端医疗装备生产基地项目": "远拓医疗"},
        ),
        ("青禾生物酶制剂项目签约。", {"青禾生物酶制剂项目": "青禾"}),  # the shorter trade name
        ("蓝鲸50GWh储能电池基地项目开工。", {"蓝鲸50GWh储能电池基地项目": "蓝鲸"}),
        ("松岛丽华堂BPO华南总部项目签约。", {"松岛丽华堂BPO华南总部项目": "松岛丽华堂"}),
    ],
)
def test_company_links(text: str, expected: dict[str, str | None]) -> None:
    assert _companies(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ORG doing something else, in another clause, with no builder's verb
        (
            "随着南京大学材料研究院等平台相继落户,先进材料研发中心项目正在推进。",
            {"先进材料研发中心项目": None},
        ),
        # an investing verb in a later clause has the zone as its subject
        (
            "园区引入星河资本基金等多只基金,投资3亿元吸引冷链物流中心项目落户。",
            {"冷链物流中心项目": None},
        ),
        # places, or what is built, name no company
        ("中韩动漫街区项目开工。", {"中韩动漫街区项目": None}),
        ("科技人才小镇正在施工。", {"科技人才小镇": None}),
    ],
)
def test_company_near_misses(text: str, expected: dict[str, str | None]) -> None:
    assert _companies(text) == expected


def test_company_short_form_begins_the_name() -> None:
    text = "厦门云帆显示科技有限公司今年投产。云帆第6代生产线项目开工。"
    facts = hzner.extract(text)
    assert [(p.text, p.company.text if p.company else None) for p in facts.projects] == [
        ("云帆第6代生产线项目", "云帆")
    ]
    company = facts.projects[0].company
    assert company is not None
    assert text[company.start : company.end] == "云帆"


def test_company_brand_of_a_project_name_with_a_business_word() -> None:
    text = "东岳新药生产基地建设项目签约。东岳制药发展壮大,东岳生物已上市。"
    facts = hzner.extract(text)
    assert [org.text for org in facts.orgs] == ["东岳制药", "东岳生物"]


def test_company_in_to_dict() -> None:
    facts = hzner.extract("东岳新药生产基地建设项目开工。")
    (entity,) = [e for e in facts.to_dict()["entities"] if e["label"] == "PROJECT"]
    assert entity["company"] == "东岳"


def test_company_user_phrase_wins_over_an_org() -> None:
    from hzner.extractor import Extractor

    rules = [{"type": "phrase", "label": "FUND", "pattern": "星河资本基金"}]
    facts = Extractor(rules=rules).extract("引入星河资本基金和远拓银行。")
    assert [(m.label, m.text) for m in facts.others] == [("FUND", "星河资本基金")]
    assert [org.text for org in facts.orgs] == ["远拓银行"]


def test_a_brand_inside_a_park_name_is_no_org() -> None:
    text = "青溪生态科技产业园位于江北。青溪生态科技产业园总投资5亿元。"
    facts = hzner.extract(text)
    assert [org.text for org in facts.orgs] == []
    # Both mentions stay the park's name (a park being invested in reads as a project).
    named = sorted([*facts.parks, *facts.projects], key=lambda entity: entity.start)
    assert [entity.text for entity in named] == ["青溪生态科技产业园"] * 2


@pytest.mark.parametrize(
    "text",
    [
        "光学镜片项目,由华星科技有限公司投资建设,总投资5亿元。",
        "光学镜片项目是华星科技有限公司投资5亿元建设的。",
        "光学镜片项目由华星科技有限公司拟投资建设。",
    ],
)
def test_company_is_the_org_right_after_the_project_that_builds_it(text: str) -> None:
    assert _companies(text) == {"光学镜片项目": "华星科技有限公司"}


@pytest.mark.parametrize(
    "text",
    [
        # the ORG after it does something else, or stands further on
        "光学镜片项目由华星科技有限公司负责运营。",
        "光学镜片项目昨日开工,华星科技有限公司投资建设的厂房同时竣工。",
    ],
)
def test_company_after_the_project_needs_an_agent_and_a_verb(text: str) -> None:
    assert _companies(text).get("光学镜片项目") != "华星科技有限公司"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place after the company's name ends it, past what it does
        ("卫星新能源湖州基地项目开工。", "卫星新能源"),
        ("西安交大漳州科技园等项目签约。", "西安交大"),
        # a park named with 项目: its proper part names the company
        ("安宁粤商产业园项目开工。", "安宁粤商"),
    ],
)
def test_company_from_the_name_ends_before_a_place(text: str, expected: str) -> None:
    assert list(_companies(text).values()) == [expected]


def test_a_project_named_by_a_company_alone_names_it_whole() -> None:
    text = "已有星河科技、晨光新能源等多家重点企业项目落户新区。"
    assert _companies(text) == {"星河科技": "星河科技", "晨光新能源": "晨光新能源"}


def test_a_project_named_by_what_it_builds_keeps_the_shorter_company() -> None:
    assert _companies("星河新药生产基地项目开工。") == {"星河新药生产基地项目": "星河"}


@pytest.mark.parametrize(
    "text",
    ["五百万平方米标准厂房项目开工。", "青溪千亩智能制造园区项目开工。"],
)
def test_a_project_name_opening_with_a_size_names_no_company(text: str) -> None:
    assert list(_companies(text).values()) == [None]


def test_company_each_list_item_names_its_own_investor() -> None:
    text = (
        "今年签约的项目包括华光集团投资12亿元的精密轴承产业园项目、"
        "临川德茂投资8亿元的智能仓储中心项目等。"
    )
    assert _companies(text) == {
        "精密轴承产业园项目": "华光集团",
        "智能仓储中心项目": "临川德茂",
    }


def test_company_one_investor_for_a_list_still_links_every_item() -> None:
    text = "华光集团有限公司投资建设精密轴承产业园项目、智能仓储中心项目。"
    assert set(_companies(text).values()) == {"华光集团有限公司"}


def test_company_in_a_name_stops_before_what_is_built() -> None:
    # A business word ends the name (电池), but 新能源 begins what is built: the shorter trade name.
    text = "当天,瑞泰新能源动力电池、金岭光伏玻璃等8个项目集中开工。"
    assert _companies(text)["瑞泰新能源动力电池"] == "瑞泰"


def test_company_in_a_name_stops_before_services_and_trade() -> None:
    text = "拟建设华庭艺术展示中心、鑫葡进口葡萄酒仓储中心等项目。"
    assert _companies(text) == {"华庭艺术展示中心": "华庭", "鑫葡进口葡萄酒仓储中心": "鑫葡"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a middle dot parts the company from what it builds
        (
            "开工建设中恒高科·端州双龙科创产业谷项目。",
            {"中恒高科·端州双龙科创产业谷项目": "中恒高科"},
        ),
        # two fields joined name no company
        ("开工建设卫星地面应用及电子装备产业基地。", {"卫星地面应用及电子装备产业基地": None}),
    ],
)
def test_company_dots_and_joined_fields(text: str, expected: dict[str, str | None]) -> None:
    assert _companies(text) == expected


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a field, class or level begins the name: no company
        ("青山片区城市更新项目开工。", None),
        ("国家级风电叶片检测研发基地开工。", None),
        # a kind of what is built follows the trade name
        ("青岚低碳制造业产业园项目开工。", "青岚"),
        ("云投装配式绿色建材产业园项目开工。", "云投"),
        # a short form of the document's company does not run into the park's head
        ("青禾科技有限公司签约。青禾科技园项目开工。", "青禾"),
    ],
)
def test_company_in_name_stops_at_fields_kinds_and_heads(text: str, company: str | None) -> None:
    project = hzner.extract(text).projects[-1]
    assert (project.company.text if project.company else None) == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a county or city, then what is built: no company
        ("眉山新能源电池片项目开工。", None),
        ("昌江多用途模块式示范工程开工。", None),
        # a county's name before other words may be a brand's first word
        ("金山云数据中心项目开工。", "金山云"),
    ],
)
def test_company_after_a_division_name(text: str, company: str | None) -> None:
    project = hzner.extract(text).projects[-1]
    assert (project.company.text if project.company else None) == company
