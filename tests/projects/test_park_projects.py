"""A park that PARK reads as a project comes out as a PROJECT (SPEC: PARK, PROJECT).

The sentences are written for these tests. Each park the PARK recognizer
drops as being built, listed among projects or named elsewhere with 项目
is reported by the PROJECT tagger, with its links; a park where projects
are stays a PARK.
"""

from __future__ import annotations

import pytest

import hzner
from hzner.extractor import Extractor
from hzner.normalize import normalize
from hzner.types import ZoneKind


def _projects(text: str) -> list[dict[str, object]]:
    return [
        {key: entity[key] for key in ("text", "status", "investment", "park", "company")}
        for entity in hzner.extract(text).to_dict()["entities"]
        if entity["label"] == "PROJECT"
    ]


def _parks(text: str) -> list[str]:
    return [park.text for park in hzner.extract(text).parks]


def test_a_park_being_started_is_a_project_with_its_company() -> None:
    text = "由某某集团投资建设的茂林医疗器械产业园正式开工。"
    assert _parks(text) == []
    assert _projects(text) == [
        {
            "text": "茂林医疗器械产业园",
            "status": "started",
            "investment": None,
            "park": None,
            "company": "某某集团",
        }
    ]


def test_a_park_being_built_carries_its_investment() -> None:
    text = "华科集团投资建设的白沙科技产业园正式开工,总投资8亿元。"
    (project,) = _projects(text)
    assert project["text"] == "白沙科技产业园"
    assert project["investment"] == "8亿元"
    assert project["status"] == "started"
    assert project["company"] == "华科集团"


def test_a_park_being_built_inside_a_known_zone_links_the_zone() -> None:
    text = "重庆高新区白沙科技产业园正式开工。"
    assert _parks(text) == ["重庆高新区"]
    (project,) = _projects(text)
    assert (project["text"], project["park"]) == ("白沙科技产业园", "重庆高新区")


def test_a_park_with_a_planned_investment_is_a_project() -> None:
    (project,) = _projects("青溪新材料产业园计划总投资20亿元。")
    assert (project["text"], project["investment"]) == ("青溪新材料产业园", "20亿元")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("签约了光伏组件项目、青溪新材料产业园等三个项目", "青溪新材料产业园"),
        ("包括锂电池项目、白沙氢能装备产业园两大项目", "白沙氢能装备产业园"),
    ],
)
def test_a_park_listed_among_projects_is_a_project(text: str, name: str) -> None:
    assert name in [project["text"] for project in _projects(text)]
    assert _parks(text) == []


def test_a_park_the_text_calls_a_project_is_a_project_elsewhere() -> None:
    text = "白沙科技产业园项目昨日签约。市长希望白沙科技产业园加快建设。"
    names = [project["text"] for project in _projects(text)]
    assert names == ["白沙科技产业园项目", "白沙科技产业园"]


@pytest.mark.parametrize(
    "text",
    [
        "在青溪新材料产业园开工的项目共5个",
        "青溪新材料产业园、白沙科技产业园等园区承接项目",
        "全国首个绿色建筑产业园正式开工",
    ],
)
def test_a_park_where_projects_are_or_a_kind_of_park_is_no_project(text: str) -> None:
    names = [project["text"] for project in _projects(text)]
    assert not any(name.endswith("产业园") for name in names)


def test_the_pipeline_reports_a_park_being_built_as_a_project() -> None:
    text = "由某某集团投资建设的茂林医疗器械产业园正式开工。"
    doc = hzner.load(segmenter="char")(text)
    assert [span.text for span in doc.ents if span.label_ == "PROJECT"] == ["茂林医疗器械产业园"]
    assert [span.text for span in doc.ents if span.label_ == "PARK"] == []


def test_find_located_returns_the_parks_read_as_projects() -> None:
    text = "茂林医疗器械产业园正式开工,位于重庆高新区。"
    parks, _, as_projects = Extractor().park_recognizer.find_located(normalize(text), [])
    assert [item.entity.text for item in parks] == ["重庆高新区"]
    assert [text[start:end] for start, end in as_projects] == ["茂林医疗器械产业园"]


def test_a_park_being_built_is_found_with_no_project_head_in_the_text() -> None:
    # 科学城 holds no project head: the early exits of extract must not skip it
    text = "青溪科学城计划总投资20亿元。"
    doc = hzner.load(segmenter="char")(text)
    facts = hzner.extract(text)
    assert doc._.facts == facts
    assert [project.text for project in facts.projects] == ["青溪科学城"]


def test_a_park_project_never_overlaps_a_park_kept() -> None:
    for text in ("光谷光谷总投资", "光谷光谷"):
        facts = hzner.extract(text)
        spans = [(p.start, p.end) for p in (*facts.parks, *facts.projects)]
        assert all(a[1] <= b[0] for a, b in zip(sorted(spans), sorted(spans)[1:], strict=False))


def test_a_park_under_construction_is_a_project() -> None:
    text = "值得一提的是,青溪光电产业园当前正在快速建设当中。"
    assert _parks(text) == []
    (project,) = _projects(text)
    assert (project["text"], project["status"]) == ("青溪光电产业园", "under_construction")


def test_a_park_where_building_goes_on_stays_a_park() -> None:
    assert _parks("在青溪光电产业园正在建设的项目有5个。") == ["青溪光电产业园"]


def test_an_administered_zone_before_xiangmu_names_its_projects() -> None:
    # 某某经济开发区项目 are the zone's projects: every mention stays a PARK.
    facts = hzner.extract("东川经济开发区入驻企业达85家。今年东川经济开发区项目建设提速。")
    assert [park.text for park in facts.parks] == ["东川经济开发区", "东川经济开发区"]
    assert facts.projects == ()


def test_a_built_park_before_xiangmu_is_a_project() -> None:
    # An industrial park is built: 某某产业园项目 is that park as a project.
    facts = hzner.extract("东川智能制造产业园项目开工建设。")
    assert [project.text for project in facts.projects] == ["东川智能制造产业园项目"]


def test_zone_kinds_that_are_administered() -> None:
    assert ZoneKind.ECON_DEV_ZONE.administrative
    assert ZoneKind.FREE_TRADE_ZONE.administrative
    assert not ZoneKind.INDUSTRIAL_PARK.administrative
    assert not ZoneKind.SCIENCE_CITY.administrative
