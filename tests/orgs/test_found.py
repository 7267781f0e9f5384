"""ORG candidates and the other mentions of their names (hzner.orgs.found)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

import hzner
from hzner.orgs.found import Found, resolve, same_names, short_forms
from hzner.orgs.lexicon import OrgLexicon
from hzner.rules import RuleSet

LEXICON = OrgLexicon(RuleSet.default())


def test_resolve_keeps_the_longer_then_the_earlier() -> None:
    kept = resolve([Found(0, 2, None, "a"), Found(0, 6, None, "b"), Found(4, 8, None, "c")], 10)
    assert [(item.start, item.end, item.rule_id) for item in kept] == [(0, 6, "b")]


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8)), max_size=20))
def test_resolve_never_overlaps(spans: list[tuple[int, int]]) -> None:
    kept = resolve([Found(start, start + size, None, "x") for start, size in spans], 40)
    for first, second in itertools.pairwise(kept):
        assert first.end <= second.start


def test_short_forms_only_after_the_full_name() -> None:
    text = "天马扩产。厦门天马显示科技有限公司投资建厂,天马表示。"
    full = text.index("厦门")
    company = Found(full, full + len("厦门天马显示科技有限公司"), None, "form", True)
    found = short_forms(text, [company], LEXICON)
    assert [(text[item.start : item.end], item.full) for item in found] == [
        ("天马", "厦门天马显示科技有限公司")
    ]


def test_a_short_form_that_begins_a_park_name_is_no_short_form() -> None:
    text = "天津东疆发展有限公司出资。东疆综保区表示,东疆将持续发展。"
    company = Found(0, len("天津东疆发展有限公司"), None, "form", True)
    assert [text[item.start : item.end] for item in short_forms(text, [company], LEXICON)] == [
        "东疆",
        "东疆",
    ]
    assert short_forms(text, [company], LEXICON, ["东疆综保区"]) == []


def test_the_short_form_of_a_park_name_is_no_org() -> None:
    text = "天津东疆发展有限公司与某某科技有限公司共同出资。项目落地东疆综保区。东疆将持续发展。"
    orgs = [org.text for org in hzner.extract(text).orgs]
    assert orgs == ["天津东疆发展有限公司", "某某科技有限公司"]


def test_same_names_are_every_mention_of_a_brand() -> None:
    text = "华为投资建设,华为表示"
    found = same_names(text, [Found(0, 2, None, "subject")])
    assert [(item.start, item.end) for item in found] == [(0, 2), (7, 9)]
