"""Projects listed after a count and a colon (hzner.projects.counted).

Every sentence here is written for its test.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hzner
from tests.complexity import assert_linear

BATCH = (
    "当天,还有12个项目集中开工,其中经开区本部3个:格林研发中心、中达智能停车设备、"
    "云帆汽车零部件;临空经济区2个:平和微创医疗、驰远物流园。"
)


def test_each_item_of_a_counted_list_is_a_project_with_the_batch_status() -> None:
    projects = hzner.extract(BATCH).projects
    assert [(p.text, p.status and p.status.value, p.rule_id) for p in projects] == [
        ("格林研发中心", "started", "counted-list"),
        ("中达智能停车设备", "started", "counted-list"),
        ("云帆汽车零部件", "started", "counted-list"),
        ("平和微创医疗", "started", "counted-list"),
        ("驰远物流园", "started", "counted-list"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "今年签约项目3个:交通、能源、水利。",  # sectors
        "主要有3个:华星光电、天马微电子。",  # no 项目 in the sentence before the count
        "签约项目1个:华星光电。",  # one name is a title, not a list
    ],
)
def test_no_counted_list(text: str) -> None:
    assert [p.rule_id for p in hzner.extract(text).projects if p.rule_id == "counted-list"] == []


@given(st.text(alphabet="项目3个:、;。甲乙丙丁", max_size=80))
def test_counted_items_index_the_text(text: str) -> None:
    for project in hzner.extract(text).projects:
        assert text[project.start : project.end] == project.text


@pytest.mark.parametrize("unit", ["项目1个:甲乙、", "1个:", "项目2个:甲乙、丙丁;"])
def test_counted_lists_are_read_in_linear_time(unit: str) -> None:
    assert_linear(lambda text: hzner.extract(text), unit, 2_000)


def test_a_count_then_projects_named_with_fenbiewei() -> None:
    text = "青山区签约2个重大项目,分别为青禾西部总部及生产基地和绿水新材料研发中心,总投资30亿元。"
    projects = hzner.extract(text).projects
    assert [(p.text, p.rule_id) for p in projects] == [
        ("青禾西部总部及生产基地", "counted-list"),
        ("绿水新材料研发中心", "counted-list"),
    ]
    assert [p.company.text if p.company else None for p in projects] == ["青禾", "绿水"]


def test_fenbiewei_with_no_count_lists_nothing() -> None:
    text = "两家企业的项目分别为青禾西部总部和绿水研发中心。"
    assert [p.rule_id for p in hzner.extract(text).projects if p.rule_id == "counted-list"] == []
