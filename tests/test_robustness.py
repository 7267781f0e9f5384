"""Bad and adversarial input: never a crash, a hang or a lost document."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hzner
from tests.complexity import assert_linear

# Each unit is repeated to about 50k and 100k characters; the time must grow
# about linearly (a ratio, not an absolute time, so a slow machine passes).
ADVERSARIAL = {
    "digits": "1",
    "yi": "亿",
    "about": "约",
    "open_bracket": "(",
    "full_width_bracket": "（",
    "enumeration_comma": "、",
    "zone_word": "高新区",
    "chinese_digits": "一二三",
    "lone_surrogate": "\ud800",
    "control": "\x01\x02",
    "no_punctuation": "重庆高新区投资建设项目产业园",
    "project_head": "项目",
    "enumeration_end": "等项目",
    "range": "5亿元至",
    "boundary_words": "在位于",
    "news": "总投资5亿元的长通智能制造产业基地项目落户重庆高新区，",
    "modified_items": "投资5亿元的甲乙基地、投资6亿元的丙丁中心",  # walks across 的 modifiers
    "joined_facilities": "甲乙物流基地与",  # conjunctions after heads
    "bare_units": "超亿元以上",
    "quoted_names": "建设“甲乙基地”",
    "dashes": "中国—东盟",
    "short_lines": "甲乙项目\n",  # every line a headline
    "long_list": "投资5亿元的甲乙基地、" * 30 + "等项目，",
}


@pytest.mark.parametrize("unit", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_robustness_linear_time(unit: str) -> None:
    assert_linear(hzner.extract, unit, 12_500)


CHINESE = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from(list("，。、（）()：: \n0123456789.亿万元约超等项目区园")),
    ),
    max_size=300,
)


@settings(max_examples=150)
@given(CHINESE)
def test_robustness_chinese_text_gives_valid_facts(text: str) -> None:
    facts = hzner.extract(text)
    for entity in facts.entities:
        assert text[entity.start : entity.end] == entity.text
    assert hzner.extract(text) == facts  # deterministic


def test_robustness_same_results_from_threads(dev_docs: list[dict[str, Any]]) -> None:
    texts = [doc["text"] for doc in dev_docs] * 4
    expected = [hzner.extract(text) for text in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(hzner.extract, texts))
    assert got == expected


def test_robustness_a_megabyte_without_punctuation() -> None:
    text = "重庆高新区投资建设项目产业园" * (1_000_000 // 14)
    facts = hzner.extract(text)
    assert all(text[e.start : e.end] == e.text for e in facts.entities)
