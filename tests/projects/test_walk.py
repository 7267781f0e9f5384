"""The walk left from a project's head (`hzner.projects.walk`): where a name starts."""

from __future__ import annotations

import pytest

import hzner


def _names(text: str) -> list[str]:
    return [project.text for project in hzner.extract(text).projects]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 和 or 与 between two parts of one name: the part before has no head of its own.
        (
            "某某化工有限公司年产20万吨烧碱和年产15万吨氯乙烯项目开工。",
            ["某某化工有限公司年产20万吨烧碱和年产15万吨氯乙烯项目"],
        ),
        ("园区引进华东电子材料和物流中心项目。", ["华东电子材料和物流中心项目"]),
        ("某某公司锂电池助剂与材料生产基地开工。", ["某某公司锂电池助剂与材料生产基地"]),
        # Near misses: a generic word before it, or no part after it.
        ("加快推进基础设施和民生项目建设。", []),
        ("积极引进企业和项目。", []),
    ],
)
def test_walk_a_conjunction_inside_one_name(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "市领导一行深入某某新材料公司年产8万吨板材项目调研。",
            ["某某新材料公司年产8万吨板材项目"],
        ),
        ("并与嘉宾一同为某某科技年产500台设备项目揭牌。", ["某某科技年产500台设备项目"]),
        ("新增产能将由某某饲料公司年产3万吨饲料项目提供。", ["某某饲料公司年产3万吨饲料项目"]),
        # 为 as the copula at a clause's head, and 之一 after the class it picks from
        ("签约项目5个,为某某新能源材料生产基地项目。", ["某某新能源材料生产基地项目"]),
        ("另一个项目为某某冷链物流园项目。", ["某某冷链物流园项目"]),
        ("图为某某智慧供应链总部基地项目建设现场。", ["某某智慧供应链总部基地项目"]),
        ("开工项目之一某某电子(苏州)有限公司项目,总投资3亿元。", ["某某电子(苏州)有限公司项目"]),
        ("华为云数据中心项目开工。", ["华为云数据中心项目"]),  # 为 inside a name stays
    ],
)
def test_walk_a_visit_or_a_preposition_opens_the_name(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


def test_walk_no_join_after_a_project_word() -> None:
    # 项目计划和|重大预备项目: what stands before 和 already names projects.
    assert _names("印发重大建设项目计划和东川预备项目计划的通知。") == ["东川预备项目"]
