"""The HTML view: every entity marked, coloured by label, with its values and links."""

from __future__ import annotations

import dataclasses
import html
import re
from typing import Any

import pytest

import hzner
from hzner.html import COLORS, describe, figure, head, page, render, tail
from hzner.types import Facts, Mention, Project

SENTENCE = "总投资510.2亿元的天马第6代柔性AMOLED生产线项目落户厦门火炬高新区。"


def test_html_dev_page_shows_amounts_and_parks(dev_docs: list[dict[str, Any]]) -> None:
    found = [(doc["id"], hzner.extract(doc["text"])) for doc in dev_docs]
    markup = "".join(page(found))
    assert markup.startswith("<!DOCTYPE html>")
    for _, facts in found:
        for money in facts.money:
            assert html.escape(money.text) in markup
            assert str(money.to_dict()["value"]) in markup
        for park in facts.parks:
            assert park.zone is None or park.zone in markup
    marks = re.findall(r'<mark class="entity"', markup)
    assert len(marks) == sum(len(facts.entities) for _, facts in found)
    assert markup.count(">PARK</span>") == sum(len(facts.parks) for _, facts in found)
    assert all(f'<h2 style="margin: 0">{doc["id"]}</h2>' in markup for doc in dev_docs)


@pytest.mark.parametrize("label", ["MONEY", "PARK", "PROJECT"])
def test_html_colour_per_label(label: str) -> None:
    markup = render(hzner.extract(SENTENCE))
    assert re.search(rf"background: {COLORS[label]};[^>]*>\s*[^<]+\s*<span[^>]*>{label}<", markup)


def test_html_colours_differ() -> None:
    assert len(set(COLORS.values())) == len(COLORS)


def test_html_project_links_to_its_money_and_park() -> None:
    markup = render(hzner.extract(SENTENCE), anchor="x")
    assert 'id="x-0"' in markup
    assert 'id="x-2"' in markup
    assert 'investment <a href="#x-0">510.2亿元</a>' in markup
    assert 'park <a href="#x-2">厦门火炬高新区</a>' in markup


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        (SENTENCE, 0, "51020000000 CNY · investment"),
        (SENTENCE, 1, "settled · investment 510.2亿元 · park 厦门火炬高新区"),
        # A park's province and city, once when they are one.
        (SENTENCE, 2, "厦门火炬高技术产业开发区 · high_tech_zone · 福建省 厦门市"),
        ("重庆高新区签约。", 0, "重庆高新技术产业开发区 · high_tech_zone · 重庆市"),
        ("光谷经济总量超1876亿元", 1, "187600000000 CNY · over · gdp"),
        ("沙文生态科技产业园", 0, "unlinked · industrial_park"),  # the text says not where
        ("贵阳市沙文生态科技产业园", 0, "unlinked · industrial_park · 贵州省 贵阳市"),
    ],
)
def test_html_describe(text: str, index: int, expected: str) -> None:
    assert describe(hzner.extract(text).entities[index]) == expected


def test_html_describe_bare_project() -> None:
    assert describe(Project("某项目", 0, 3)) == "no status · investment — · park —"


@pytest.mark.parametrize(
    ("text", "title"),
    [("<script>alert(1)</script>光谷", "<b>t</b>"), ('"光谷" & 5亿元', "a & b")],
)
def test_html_escapes_text_and_title(text: str, title: str) -> None:
    markup = render(hzner.extract(text), title=title)
    assert "<script>" not in markup
    assert "<b>" not in markup
    assert html.escape(title) in markup


def test_html_overlap_goes_to_the_tooltip() -> None:
    text = "天马生产线项目"
    project = Project(text, 0, len(text))
    facts = Facts(text, projects=(project,), others=(Mention("天马", 0, 2, "BRAND"),))
    markup = render(facts)
    assert markup.count("<mark") == 1
    assert "label: BRAND" in markup


def test_html_page_is_head_figures_tail() -> None:
    facts = [hzner.extract("光谷投资5亿元"), hzner.extract("重庆高新区")]
    whole = "".join(page([("a", facts[0]), ("b", facts[1])], title="t"))
    names = ["a", "b"]
    figures = [figure(facts[i], title=names[i], anchor=f"d{i}") for i in range(2)]
    parts = [head("t"), *figures, tail()]
    assert whole == "".join(parts)


@dataclasses.dataclass(frozen=True)
class _Org:
    text: str
    start: int
    end: int
    label: str = "ORG"

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "kind": "company",
            "zone": None,
            "listed": False,
            "employees": 0,
        }


def test_html_describe_a_new_label_from_its_fields() -> None:
    # A label html.py has no branch for is described by its own to_dict() fields.
    assert describe(_Org("华为", 0, 2)) == "company · 0"  # type: ignore[arg-type]
    assert "ORG" in COLORS
