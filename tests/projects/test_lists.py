"""Enumerations of projects (hzner.projects.lists): items of lists closed by 等 or a count."""

from __future__ import annotations

import pytest

import hzner


def _names(text: str) -> list[str]:
    return [project.text for project in hzner.extract(text).projects]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # brands listed before 等多家…企业项目 are the projects
        (
            "目前已有云帆动力、青禾材料等多家链主型企业项目落户新区。",
            ["云帆动力", "青禾材料"],
        ),
        # near miss: a list of sectors is no list of projects
        ("目前已有新能源、新材料等多家企业项目落户新区。", []),
    ],
)
def test_lists_company_items_of_a_list(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count right before 项目 closes a list whose last item has a head.
        ("签约青禾基地、云帆中心2个项目。", ["青禾基地", "云帆中心"]),
        # Class words may stand between the count and 项目.
        ("签约青禾基地、云帆中心两个产业项目。", ["青禾基地", "云帆中心"]),
        # Near misses: a count after items with no head counts a class, also
        # with class words between.
        ("签约新能源、新材料2个项目。", []),
        ("签约新能源、新材料两个产业项目。", []),
    ],
)
def test_lists_closed_by_a_count(text: str, expected: list[str]) -> None:
    assert _names(text) == expected
