"""Runs of numeral characters in a normalized text, and the amounts they read as.

One pass of a character-class regex finds every run; a cheap test keeps the
runs that may be money, and each is read by its longest suffix that is one
number (多个, 数据: the run may begin with the words before it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain

from ..normalize import NormalizedText
from ..numerals import NUMERAL_CHARS, Numeral, parse_numeral
from .forms import everyday_forms
from .lexicon import MoneyLexicon
from .lexicon import last as _last

__all__ = ["MAGNITUDES", "RUN", "Amount", "bare_unit", "read_run", "runs"]

# 多/余 written inside a number ("3000多万元", "十余亿元") mean "more than".
_OVER_MARKS = "多余餘"
_OVER_SET = frozenset(_OVER_MARKS)
# What a number does not begin with: the marks, points and separators, 个.
_NOT_FIRST = frozenset(_OVER_MARKS + ".,·点个個")
# The magnitude words: a run made of them alone ("亿元", "万元") names a
# unit, not an amount; two of them ("万亿元") is an amount.
MAGNITUDES = frozenset("万亿萬億")
_TWO = frozenset("两兩")
# Units and magnitudes with an implicit 一: 百亿, 千万, 万亿.
_UNIT_CHARS = frozenset("十百千万亿拾佰仟萬億")
# A magnitude right before a digit in the view (`_spaced_magnitude`).
_MAGNITUDE_DIGIT = re.compile("[万亿萬億](?=[0-9])")
_MAGNITUDE = re.compile("[万亿萬億]")
# How many ideographs may stand between a counted class's unit and its noun
# (四个亿元以上|重大工业|项目: four projects, not 四个亿).
_CLASS_REACH = 6
# How many ideographs may stand between a lone 亿元 and its class noun (亿元签约项目).
_CLASS_BEFORE_NOUN = 3
# The longest run worth reading as one amount; a longer run of numeral
# characters is read by its last characters only, which keeps the scan
# linear on a megabyte of digits.
_MAX_RUN = 40

_RUN_CHARS = "".join(sorted(set(NUMERAL_CHARS) | set(_OVER_MARKS) | set("数几")))
_RUN_CLASS = "[" + re.escape(_RUN_CHARS).replace("\\-", "-").replace("\\.", "") + "]"
# A point before a digit, Arabic or Chinese (510.2亿, 三十五．三九兆元), or a
# thousands separator.
_POINT = r"\.(?=[0-9〇零○一二三四五六七八九两])"
_RUN_MARK = _POINT + r"|,(?=\d{3}(?!\d))|[个個](?=[亿億])"
# The same language as (?:class|mark)+, written so that the engine crosses a
# stretch of numeral characters in one step: a third faster on news.
RUN = re.compile(f"(?:{_RUN_CLASS}|{_RUN_MARK})(?:{_RUN_CLASS}+|{_RUN_MARK})*")
# The runs of RUN that are more than commas, which are all `runs` reads: the
# view writes ，as ",", so most runs of news are a lone comma (230 of 384 on
# the dev page), trimmed away one by one in Python before. The pattern opens
# with a character class, so the engine skips in C to where a run may start,
# and the lookbehinds then tell which start it was; a comma starts a run only
# as the first of its commas ((?<!,,)), with a numeral after them, which keeps
# the scan linear on a megabyte of commas.
_NOT_COMMA = _RUN_CLASS.replace(",", "")
_SCAN = re.compile(
    f"[{_RUN_CLASS[1:-1]}.个個]"
    f"(?:(?<={_NOT_COMMA})|(?<=\\.)(?=[0-9〇零○一二三四五六七八九两])|(?<=[个個])(?=[亿億])"
    f"|(?<=,)(?<!,,),*(?={_NOT_COMMA}|{_POINT}|[个個](?=[亿億])))"
    f"(?:{_RUN_CLASS}+|{_RUN_MARK})*"
)


# Internal and short-lived, so not frozen: creating one is four times faster.
@dataclass(slots=True)
class Amount:
    """A number read from a run, before it is known to be money."""

    start: int  # of the number, in the normalized text
    end: int
    numeral: Numeral
    over: bool  # 多/余 inside the number


def read_run(text: str, start: int, end: int) -> Amount | None:
    """Read the run ``text[start:end]`` as one number, trimming what is not."""
    # A run may begin with characters of the words before it (多个, 数据):
    # try the longest suffix that reads as a number. The whole run is read at
    # any length (a number of 60 digits is exact too); shorter suffixes only
    # within the last _MAX_RUN characters, which keeps the scan linear.
    begins: Iterable[int] = range(start, end)
    if end - start > _MAX_RUN:
        begins = chain((start,), range(end - _MAX_RUN, end))
    for begin in begins:
        if text[begin] in _NOT_FIRST:
            continue
        body = text[begin:end]
        if "个" in body or "個" in body:
            body = body.replace("个", "").replace("個", "")  # 三个亿 is 三亿
        over = not _OVER_SET.isdisjoint(body)
        if over:
            body = body.translate({ord(mark): None for mark in _OVER_MARKS})
        if not body or (len(body) == 1 and body in MAGNITUDES):
            return None
        if body in _TWO:
            # 两 alone is 2 before a currency or a range word (两美元, 两到三万).
            return Amount(begin, end, Numeral(Decimal(2), None, False), over)
        try:
            numeral = parse_numeral(body)
        except ValueError:
            continue
        return Amount(begin, end, numeral, over)
    return None


def bare_unit(text: str, start: int, end: int, lexicon: MoneyLexicon) -> Amount | None:
    """Read a lone 万 or 亿 with a qualifier and a currency as one unit (超亿元, 亿元以上).

    超亿元, 近亿元, 上亿元, 亿元以上 say "more than (about) one 亿"; the
    qualifier gives the bound later, as for any amount. 约 is not one here
    (签约亿元以上项目 is 签约 + 亿元以上), but 近亿元 is. With no qualifier,
    a passing verb before (投资过亿元) or a class noun after (亿元项目18个, 亿元签约项目)
    makes it one 亿, exact; else a lone 万元 is a unit (万元GDP能耗).
    """
    if end - start != 1 or text[start] not in MAGNITUDES:
        return None
    currency = lexicon.after.longest_at(text, end)
    if currency is None:
        return None
    before = lexicon.qualifiers_before.longest_ending_at(text, start)
    if before is not None and (_last(before[1]) == "none" or text[start - 1] in "约約"):
        before = None  # 签约亿元: no qualifier; 约亿元 is not written
    if before is None and lexicon.qualifiers_after.longest_at(text, currency[0]) is None:
        forms = everyday_forms()
        if not (
            forms.passed_before(text, start)
            or forms.class_noun_near(text, currency[0], _CLASS_BEFORE_NOUN)
        ):
            return None
    value = Decimal(10**8 if text[start] in "亿億" else 10**4)
    return Amount(start, end, Numeral(value, None, False), False)


def _pieces(norm: NormalizedText, start: int, end: int) -> list[tuple[int, int]]:
    """Split a run at full-width commas: ，is punctuation, never a thousands separator.

    The view writes ，as ","; the original says which it was ($15，600美元 is
    two amounts). Only runs with a comma are looked at.
    """
    text, original = norm.text, norm.original
    pieces: list[tuple[int, int]] = []
    comma = text.find(",", start, end)
    while comma != -1:
        if original[norm.offset(comma)] != ",":
            pieces.append((start, comma))
            start = comma + 1
        comma = text.find(",", comma + 1, end)
    pieces.append((start, end))
    return pieces


def runs(norm: NormalizedText, lexicon: MoneyLexicon) -> list[tuple[int, int]]:
    """The runs of numeral characters that may be money, in text order.

    A cheap test rules out most runs (2019年, 一批, 10.4%) before parsing:
    a currency or unit word must follow, a magnitude end the run, or a
    currency word stand before it (总投资5亿 is money if a cue governs it).
    """
    text = norm.text
    after, before = lexicon.after_starts, lexicon.before_ends
    length = len(text)
    found: list[tuple[int, int]] = []
    for match in _SCAN.finditer(text):
        start, end = match.span()
        # Trailing 多/余 belong to the number only before a unit or currency,
        # which the caller checks; here a run is trimmed of trailing marks
        # that cannot end a number.
        while end > start and text[end - 1] in ".,":
            end -= 1
        while start < end and text[start] == ",":
            start += 1  # a clause's comma before it: 看,亿元以上项目 is a lone unit
        if end == start:
            continue
        # Only a view with gaps (whitespace or glosses dropped) can part a magnitude.
        cut = _spaced_magnitude(norm, start, end) if len(norm.starts) > 1 else 0
        if cut:
            # 总投资380亿 2017年: a magnitude and a number after a space are two runs.
            found.extend(_runs_of(text, [(start, cut), (cut, end)], lexicon))
            continue
        if text.find(",", start, end) != -1:
            pieces = _pieces(norm, start, end)
            if len(pieces) > 1:
                found.extend(_runs_of(text, pieces, lexicon))
                continue
        if end - start > 1 and text[end - 2] in "个個" and _counts_a_class(text, end, lexicon):
            start = end - 1  # 8个亿元以上项目: eight projects of 亿元 and more
        if (
            (end < length and text[end] in after)
            or text[end - 1] in MAGNITUDES
            or (start > 0 and text[start - 1] in before)
        ):
            found.append((start, end))
    return found


def _counts_a_class(text: str, end: int, lexicon: MoneyLexicon) -> bool:
    """Whether a run ending in 个亿 at ``end`` counts a class (8个亿元以上项目), not 八个亿.

    The currency, then at most a qualifier, then a class noun (`EverydayForms.class_noun_near`),
    at most `_CLASS_REACH` ideographs on (四个亿元以上重大工业项目).
    """
    currency = lexicon.after.longest_at(text, end)
    if currency is None:
        return False
    position = currency[0]
    qualifier = lexicon.qualifiers_after.longest_at(text, position)
    if qualifier is not None:
        position = qualifier[0]
    return everyday_forms().class_noun_near(text, position, _CLASS_REACH)


def _spaced_magnitude(norm: NormalizedText, start: int, end: int) -> int:
    """Where a run must be cut after a magnitude that whitespace parts from a digit, or 0.

    The view drops whitespace (1465.3 亿 元 is one amount), but a magnitude
    followed by a space or a line break and then digits with no magnitude of
    their own ends its number: 总投资380亿⏎⏎2017-12-13 is 380亿 and a date,
    while 1亿 2000万元 stays one amount.
    """
    for match in _MAGNITUDE_DIGIT.finditer(norm.text, start, end):
        pos = match.end()
        if _MAGNITUDE.search(norm.text, pos, end) is not None:
            return 0  # a smaller magnitude follows: one number, stray space and all (1亿 2000万)
        if norm.to_original(pos - 1, pos)[1] != norm.to_original(pos, pos + 1)[0]:
            return pos
    return 0


def _runs_of(
    text: str, pieces: list[tuple[int, int]], lexicon: MoneyLexicon
) -> list[tuple[int, int]]:
    """The pieces of a split run that may be money (the test of `_runs`)."""
    after, before = lexicon.after_starts, lexicon.before_ends
    found = []
    for start, end in pieces:
        while end > start and text[end - 1] in ".,":
            end -= 1
        if end > start and (
            (end < len(text) and text[end] in after)
            or text[end - 1] in MAGNITUDES
            or (start > 0 and text[start - 1] in before)
        ):
            found.append((start, end))
    return found
