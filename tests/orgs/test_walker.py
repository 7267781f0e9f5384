"""The ORG name walk and name checks (`hzner.orgs.walker`)."""

from __future__ import annotations

import pytest

from hzner.orgs.lexicon import OrgLexicon
from hzner.orgs.walker import MAX_BRAND, Walker
from hzner.rules import RuleSet

LEXICON = OrgLexicon(RuleSet.default())


def _walker(text: str) -> Walker:
    return Walker(text, LEXICON, set(), {})


@pytest.mark.parametrize(
    ("text", "form", "name"),
    [
        ("本次签约的青禾科技有限公司", "有限公司", "青禾科技"),  # the stop word 的 ends the walk
        ("项目由云帆动力集团建设", "集团", "云帆动力"),  # an agent word ends it
        ("中国建设银行", "银行", "中国建设"),  # glued: a verb before a form word is the name's
    ],
)
def test_walker_walks_left_to_the_name(text: str, form: str, name: str) -> None:
    end = text.index(form)
    start = _walker(text).walk(end, glued=True)
    assert text[start:end] == name


def test_walker_walks_are_capped() -> None:
    text = "甲" * 200 + "集团"
    assert 200 - _walker(text).walk(200) <= 20


@pytest.mark.parametrize(
    ("name", "brand"),
    [
        ("青禾", True),
        ("云帆动力", True),
        ("青山区", False),
        ("首批", False),
        ("甲" * (MAX_BRAND + 1), False),
    ],
)
def test_walker_brand_like(name: str, brand: bool) -> None:
    text = f"，{name}投资建设"
    assert _walker(text).brand_like(1, 1 + len(name)) is brand
