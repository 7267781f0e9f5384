"""Fuzzing in the suite: generated money, park and project text keeps every invariant.

The grammar is a plain function of a `random.Random`, so hypothesis drives it
here (shrinking a failure to its seed) and scripts/fuzz.py runs the same
generator for 100,000 inputs with a stated seed. Fragments come from hzner's
own word lists (currencies, qualifiers, range joiners, cues, zone words,
project heads) and from numerals written in every form and at every length,
glued with whitespace of every kind, lone surrogates and control characters.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

import hzner
from hzner.types import Bound, Facts, Money

_SIMPLE = "零一二三四五六七八九"
_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
_ZEROS = "零〇○"
_UNITS = (
    "",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "萬",
    "億",
    "兆",
    "万亿",
    "个亿",
    "個億",
    "拾",
    "佰",
    "仟",
)
_WHITESPACE = (" ", "  ", "\t", "\n", "\r\n", "\u3000", "\xa0", "\u2028", "\u200b", "\x0b")
_ODD = ("\ud800", "\udfff", "\x00", "\x07", "\x1b", "\x7f", "\u0085", "\ufeff", "\U0001f4b0")
_FILLER = ("公司", "今年", "计划", "其中", "，", "。", "、", "（", "）", "(含)", "的", "与", "据悉")
_EXTRA_WORDS = (
    "块",
    "块钱",
    "毛",
    "角",
    "分",
    "美分",
    "又",
    "分别",
    "达到",
    "破",
    "多",
    "余",
    "几",
    "数",
)


@cache
def _words(domain: str, name: str, kind: str) -> tuple[str, ...]:
    """The ``word`` of every rule of ``kind`` in hzner's data file."""
    path = resources.files("hzner") / "data" / domain / name
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("{"):
            rule = json.loads(line)
            if rule.get("type") == kind and "word" in rule:
                found.append(rule["word"])
    return tuple(found)


def _chinese_integer(rng: random.Random, digits: str) -> str:
    """Write a number positionally (一千零五十万), with some deliberate slips."""
    number = rng.randrange(1, 10 ** rng.randint(1, 16))
    text = ""
    groups = []
    while number:
        number, group = divmod(number, 10000)
        groups.append(group)
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        part = ""
        for place, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = group // place % 10
            if digit:
                part += digits[digit] + unit
            elif part and not part.endswith(digits[0]):
                part += digits[0]
        part = part.rstrip(digits[0])
        text += part + ("", "万", "亿", "万亿")[index % 4] if part else ""
    if rng.random() < 0.2 and text.startswith(digits[1] + "十"):
        text = text[1:]  # 十五, not 一十五
    if rng.random() < 0.1:
        text = text.replace(digits[2], "两", 1)
    return text or digits[0]


def _arabic(rng: random.Random) -> str:
    """An Arabic number of any length, with separators, decimals, full width."""
    whole = str(rng.randrange(0, 10 ** rng.choice((1, 2, 3, 4, 6, 9, 18, 28, 29, 40, 70))))
    if rng.random() < 0.3:
        groups = []
        while whole:
            groups.append(whole[-3:])
            whole = whole[:-3]
        joiner = rng.choice((",", ",", "，", ", ", "'"))
        whole = joiner.join(reversed(groups))
    if rng.random() < 0.4:
        places = rng.choice((1, 2, 4, 12, 29, 40))
        whole += rng.choice((".", ".", "．", "·")) + str(rng.randrange(10**places)).zfill(places)
    if rng.random() < 0.2:  # full width
        whole = whole.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789.,"})
    return whole


def _numeral(rng: random.Random) -> str:
    """A number in one of the ways Chinese text writes one."""
    form = rng.randrange(8)
    if form <= 2:
        return _arabic(rng) + rng.choice(_UNITS)
    if form == 3:
        return _chinese_integer(rng, _SIMPLE) + rng.choice(("", "", "万", "亿"))
    if form == 4:
        return _chinese_integer(rng, _TRADITIONAL).replace("千", "仟").replace("万", "萬")
    if form == 5:  # digit by digit, as the press of Taiwan writes
        digits = _SIMPLE[1:] + _ZEROS
        run = "".join(rng.choice(digits) for _ in range(rng.randint(1, 30)))
        if rng.random() < 0.3:
            run += rng.choice(("·", "点", "點")) + rng.choice(_SIMPLE)
        return run + rng.choice(("億", "亿", "万", ""))
    if form == 6:  # ranges and vague amounts written as one numeral
        a = rng.randint(1, 8)
        return rng.choice(
            (
                f"{_SIMPLE[a]}{_SIMPLE[a + 1]}{rng.choice(_UNITS)}",
                f"{rng.choice('数几數幾')}{rng.choice('十百千万亿')}",
                f"十{_SIMPLE[a]}{_SIMPLE[a + 1]}万",
                f"{rng.choice(_SIMPLE[1:])}{rng.choice(('个亿', '块', '元'))}",
            )
        )
    return rng.choice(("百", "千", "万", "亿", "千亿", "万亿", "两", "半"))


def _money(rng: random.Random) -> str:
    parts = []
    if rng.random() < 0.5:
        parts.append(rng.choice(_words("money", "cues.jsonl", "money_cue")))
    if rng.random() < 0.3:
        parts.append(rng.choice(_words("money", "qualifiers.jsonl", "qualifier")))
    currencies = _words("money", "currencies.jsonl", "currency")
    if rng.random() < 0.2:
        parts.append(rng.choice(currencies))
    parts.append(_numeral(rng))
    if rng.random() < 0.3:
        parts.append(rng.choice(("", "(含)", "（含）")))
        parts.append(rng.choice(_words("money", "range_separators.jsonl", "range_separator")))
        parts.append(_numeral(rng))
    if rng.random() < 0.8:
        parts.append(rng.choice(currencies))
    if rng.random() < 0.2:
        parts.append(rng.choice(_EXTRA_WORDS) + _numeral(rng) + rng.choice(("角", "分", "毛", "")))
    if rng.random() < 0.2:
        parts.append(rng.choice(_words("money", "qualifiers.jsonl", "qualifier")))
    return "".join(parts)


def _park(rng: random.Random) -> str:
    place = rng.choice(
        ("重庆", "厦门火炬", "沙文生态科技", "中国(重庆)", "西部(重庆)", "光谷", "臺北")
    )
    return place + rng.choice(_words("zones", "zone_words.jsonl", "zone_word"))


def _project(rng: random.Random) -> str:
    name = rng.choice(("长通智能制造", "第6代柔性AMOLED生产线", "新药生产基地", "科技人才"))
    return name + rng.choice(_words("projects", "heads.jsonl", "project_head"))


_FRAGMENTS: tuple[Callable[[random.Random], str], ...] = (
    _money,
    _money,
    _money,
    _park,
    _project,
    lambda rng: rng.choice(_WHITESPACE),
    lambda rng: rng.choice(_ODD),
    lambda rng: rng.choice(_FILLER),
    lambda rng: rng.choice(_EXTRA_WORDS),
    _numeral,
)


def generate(rng: random.Random) -> str:
    """One generated document: a few fragments of money, park and project text."""
    return "".join(rng.choice(_FRAGMENTS)(rng) for _ in range(rng.randint(1, 12)))


def _plain(value: str | None) -> bool:
    return value is None or ("E" not in value and "e" not in value and "N" not in value)


def check(text: str) -> Facts:
    """Extract from ``text`` and assert every invariant on every result."""
    facts = hzner.extract(text)
    for entity in facts.entities:
        assert 0 <= entity.start <= entity.end <= len(text), entity
        assert text[entity.start : entity.end] == entity.text, entity
    for money in facts.money:
        assert money.value is None or isinstance(money.value, Decimal), money
        assert money.high is None or isinstance(money.high, Decimal), money
        assert (money.value is None) == (money.bound is Bound.VAGUE), money
        if money.high is not None:
            assert money.bound is Bound.RANGE, money
        if money.bound is Bound.RANGE:
            assert money.value is not None, money
            assert money.high is not None, money
            assert money.high > money.value, money
        data = money.to_dict()
        assert _plain(data["value"]), data
        assert _plain(data["high"]), data
        assert Money.from_dict(data) == money
    data = facts.to_dict()
    json.dumps(data)  # JSON-ready (JSON itself joins a lone surrogate pair: not compared)
    assert Facts.from_dict(data).to_dict() == data
    return facts


@settings(max_examples=300)
@given(st.randoms(use_true_random=False))
def test_fuzz_generated_text_keeps_every_invariant(rng: random.Random) -> None:
    check(generate(rng))


@given(st.lists(st.sampled_from([*_WHITESPACE, *_ODD, *_FILLER, "元", "亿", "万"]), max_size=20))
def test_fuzz_debris_alone_keeps_every_invariant(pieces: list[str]) -> None:
    check("".join(pieces))


def test_fuzz_generator_covers_every_fragment() -> None:
    rng = random.Random(13)
    texts = "".join(generate(rng) for _ in range(2000))
    for needle in ("\ud800", "\x00", "\u3000", "亿", "億", "区", "项目", "美元", "至", "·"):
        assert needle in texts
    assert any(ch in texts for ch in "０１２３４５６７８９")
