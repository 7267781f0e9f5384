"""Project links (hzner.projects.links): the status when a sentence names several stages."""

from __future__ import annotations

import pytest

import hzner


def _statuses(text: str) -> list[tuple[str, str | None]]:
    return [
        (p.text, None if p.status is None else p.status.value) for p in hzner.extract(text).projects
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the latest stage that holds now counts
        ("华星智能工厂项目去年签约,今年3月开工,目前已投产。", "operating"),
        ("华星智能工厂项目签约并开工。", "started"),
        ("华星智能工厂项目去年开工,今年已竣工。", "completed"),
        # a stage still to come does not hold
        ("华星智能工厂项目今年3月开工,预计明年投产。", "started"),
        # 建设 later in the sentence is about something else
        ("华星智能工厂项目落户科学城,为科学城建设夯实基础。", "settled"),
    ],
)
def test_links_latest_stage(text: str, expected: str) -> None:
    assert _statuses(text) == [("华星智能工厂项目", expected)]


def test_links_stage_of_another_project_is_not_this_ones() -> None:
    assert _statuses("华星智能工厂项目签约,远拓物流中心项目开工。") == [
        ("华星智能工厂项目", "signed"),
        ("远拓物流中心项目", "started"),
    ]


@pytest.mark.parametrize(
    ("text", "status", "cue"),
    [
        ("华星智能工厂项目去年签约,今年3月开工,目前已投产。", "operating", "投产"),
        ("华星智能工厂项目于3月开工。", "started", "开工"),
        # future wording withholds a status, and is the cue that did
        ("华星智能工厂项目将于明年开工。", None, "将"),
        # no cue at all
        ("华星智能工厂项目占地200亩。", None, None),
    ],
)
def test_links_status_cue(text: str, status: str | None, cue: str | None) -> None:
    (project,) = hzner.extract(text).projects
    assert project.status == (None if status is None else hzner.Status(status))
    assert project.status_cue == cue
    assert project.to_dict()["status_cue"] == cue


def test_links_status_cue_from_the_sentence_that_refers_back() -> None:
    (project,) = hzner.extract("华星智能工厂项目位于城南。该项目已于去年竣工。").projects
    assert (project.status, project.status_cue) == (hzner.Status.COMPLETED, "竣工")


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        # an amount with 的 belongs to the name right after it
        ("以云帆智能制造基地项目为代表,总投资814亿元的青禾科技园已有20家企业入驻。", None),
        # near misses: the name after 的 is the mention, or a generic head describing it
        ("总投资10亿元的云帆智能制造基地项目开工。", "10亿元"),
        ("云帆智能制造基地项目是总投资10亿元的重点项目。", "10亿元"),
    ],
)
def test_links_amount_of_another_name(text: str, amount: str | None) -> None:
    (project,) = hzner.extract(text).projects
    assert (None if project.investment is None else project.investment.text) == amount


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 建设/实施 carry out what an earlier 拟 or 计划 of the sentence intends
        ("华星科技拟投资3亿元,在江北建设光学镜片项目。", None),
        ("华星科技计划分两期投入,分别实施光学镜片项目。", None),
        # near misses: no future wording, or it belongs to another sentence
        ("华星科技投资3亿元,在江北建设光学镜片项目。", "under_construction"),
        ("全年计划投资百亿元。华星科技在江北建设光学镜片项目。", "under_construction"),
    ],
)
def test_links_building_verb_after_future_wording(text: str, expected: str | None) -> None:
    assert _statuses(text) == [("光学镜片项目", expected)]


def test_links_future_wording_nearer_than_a_cue_of_another_clause() -> None:
    text = "该项目由华星科技投资建设,拟分两期投入,分别实施光学镜片项目、储能电池项目两大项目。"
    assert _statuses(text) == [("光学镜片项目", None), ("储能电池项目", None)]


def test_links_future_wording_in_a_finished_quote_does_not_govern() -> None:
    text = "华星光学镜片项目去年开工。\u201c我们按原计划推进。\u201d华星光学镜片项目负责人表示。"
    assert _statuses(text)[-1] == ("华星光学镜片项目", "under_construction")  # 推进, not 计划


def test_links_park_after_the_name_takes_the_park_inside_the_zone() -> None:
    text = "光学镜片项目昨日在青溪工业园区北坡片区开工。"
    (project,) = hzner.extract(text).projects
    assert project.park is not None
    assert project.park.text == "北坡片区"


def test_links_park_after_the_name_alone_is_kept() -> None:
    text = "光学镜片项目昨日在青溪工业园区开工,北坡片区同日签约。"
    (project,) = hzner.extract(text).projects
    assert project.park is not None
    assert project.park.text == "青溪工业园区"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 开复工: started or resumed, a start; 复工 alone: building goes on.
        (
            "截至3月底，某某数据中心、某某汽车零部件基地等30个重点项目均如期开复工。",
            [("某某数据中心", "started"), ("某某汽车零部件基地", "started")],
        ),
        ("某某新材料产业园项目近日已复工。", [("某某新材料产业园项目", "under_construction")]),
        # 建设 in 建设项目 names a kind of project: the list's 签约 holds.
        (
            "本次签约的项目包括甲公司投资的智能装备制造项目、乙公司投资的年产50万件建设项目、"
            "丙公司投资的电池组装项目。",
            [("智能装备制造项目", "signed"), ("电池组装项目", "signed")],
        ),
    ],
)
def test_links_status_of_resumed_work_and_construction_projects(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = [(p.text, p.status.value if p.status else None) for p in hzner.extract(text).projects]
    assert found == expected
