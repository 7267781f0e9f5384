"""The characters and units of a view text: name characters, counts, sentences, clauses.

What both the PROJECT name walk (`hzner.projects.walk`) and its links
(`hzner.projects.links`) read, and the ORG recognizer too: which characters
can stand in a name, where a count or a date closes one, and where the
sentences and clauses of a text start. Pure functions over strings.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from ..lexicon import Lexicon

__all__ = [
    "CLAUSE_MARKS",
    "NAME_RANGES",
    "NUMERALS",
    "OPENING",
    "QUOTES",
    "TERMINATORS",
    "has_count",
    "has_latin",
    "is_name_char",
    "plain_run",
    "starts",
    "unit",
]

# SPEC: a sentence runs up to 。, ! or ? (the view has ASCII ! and ?).
TERMINATORS = frozenset("。!?")
# Clause marks: commas, colons, semicolons and quotes; 、 is not one, since
# it joins the items of one enumeration inside a clause.
CLAUSE_MARKS = frozenset(",;:\"'\u201c\u201d\u2018\u2019「」『』") | TERMINATORS
QUOTES = frozenset("\"'\u201d\u2019」』")
OPENING = frozenset("\"'\u201c\u2018「『")
# A quotation ending in 。 and its attribution (……完成。"长通…负责人表示。) are
# one assertion: the attribution, a short clause, joins the quote's sentence.
_ATTRIBUTION = 40
# Counts (7个项目, 七大项目, 世界500强) and dates (2019年) are not part of a name: a
# numeral followed by a classifier, or digits followed by a date unit.
NUMERALS = frozenset("0123456789\u3007零一二两三四五六七八九十百千万亿几数")
_CLASSIFIERS = frozenset("个项大批家座条只类种栋幢处宗件份强")
_DATE_UNITS = frozenset("年月日号")
# ± begins a voltage in a power line's name (±800千伏特高压直流输电工程).
_NAME_EXTRA = frozenset("()·-&+ ±")
# Pinyin letters with tone marks: some sites print a reading after a character
# (產(chǎn)業(yè)園, 設(shè)備), and the reading in its brackets stays inside the name.
_PINYIN = "\\u00e0-\\u00f6\\u00f8-\\u00fc\\u0101-\\u01dc"
_PINYIN_CHARS = re.compile(f"[{_PINYIN}]")
# Units of a capacity written with a slash inside a name (20万吨/年).
_RATE_UNITS = frozenset("吨件台套辆只片瓦升米方")
#: The characters `is_name_char` accepts (all but the point of 第10.5代 and the dash of
#: 中国—东盟, which need a look at their neighbour), as
#: the inside of a regular-expression character class.
NAME_RANGES = (
    "\\u3400-\\u9fff\\uf900-\\ufaff0-9A-Za-z()"
    + _PINYIN
    + "".join(re.escape(char) for char in sorted(_NAME_EXTRA - {"(", ")"}))
)
# The longest stretch one `plain_run` match may cross.
_MAX_RUN = 64


def is_name_char(char: str, before: str = "") -> bool:
    """Tell whether ``char`` can be part of a name: CJK, ASCII letters and digits, ``()·-&+``.

    A ``.`` counts when the character ``before`` it is a digit (第10.5代), a
    dash ``—`` when it is single (中国—东盟水果交易中心), a ``/`` after a unit
    (20万吨/年).
    """
    if "\u4e00" <= char <= "\u9fff":
        return True  # the common case first: this runs for every step of every walk
    if char == ".":
        return before.isascii() and before.isdigit()
    if char == "\u2014":
        return before != "\u2014"  # 中国—东盟 joins; a double dash —— is punctuation
    if char == "/":
        return before in _RATE_UNITS  # 20万吨/年钛白后处理: a capacity
    if char in _NAME_EXTRA:
        return True
    if char.isascii():
        return char.isalnum()
    if _PINYIN_CHARS.match(char):
        return True
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def has_latin(item: str) -> bool:
    """Whether ``item`` holds a Latin letter or a digit (5G项目, LNG项目, TCL研发中心)."""
    return any(char.isascii() and char.isalnum() for char in item)


def has_count(text: str, index: int, *, dates: bool = True) -> bool:
    """Tell whether ``text[index]`` closes a count (7个, 七大) or, if ``dates``, a date (2019年)."""
    if index <= 0:
        return False
    char, before = text[index], text[index - 1]
    if char in _CLASSIFIERS:
        return before in NUMERALS
    return dates and char in _DATE_UNITS and before.isascii() and before.isdigit()


def plain_run(stops: Lexicon[str], also: str = "") -> re.Pattern[str]:
    """Compile the run of name characters a walk leftwards crosses with nothing to check.

    The pattern reads the text reversed (``text[::-1]``): from ``len(text) -
    pos`` it matches the characters left of ``pos`` while each is a name
    character (`is_name_char`) that closes no count or date (`has_count`),
    is not 等 or a bracket, and ends no stop word and no 项目. Where it stops,
    the walk checks that one position in full; so a walk costs one match
    per boundary, not a Python step per character. It is capped at
    ``_MAX_RUN`` characters, so that a match is bounded whatever the text.
    The characters of ``also`` stop it too.
    """
    checks = [
        "等",
        "目项",
        f"[{_class(_CLASSIFIERS)}][{_class(NUMERALS)}]",
        f"[{_class(_DATE_UNITS)}][0-9]",
    ]
    if also:
        checks.append(f"[{_class(frozenset(also))}]")
    reversed_stops = stops.reversed().pattern
    if reversed_stops is not None:
        checks.append(reversed_stops)
    # Only a character that can begin a check (in the reversed text) is
    # looked at twice; the others pass on a character-class test.
    first = set("等目" + also) | _CLASSIFIERS | _DATE_UNITS | {key[-1] for key in stops}
    ranges = NAME_RANGES.replace("()", "")
    plain = f"(?![{_class(frozenset(first))}])[{ranges}]"
    # A checked name character, or the point of 第10.5代: the checks are
    # written once for both (each branch of the two would test them alike),
    # which halves the time to compile the pattern.
    checked = f"(?!{'|'.join(checks)})(?:[{ranges}]|\\.(?=[0-9]))"
    return re.compile(f"(?:{plain}|{checked}){{0,{_MAX_RUN}}}")


def _class(chars: frozenset[str]) -> str:
    return "".join(re.escape(char) for char in sorted(chars))


@cache
def _mark_pattern(marks: frozenset[str]) -> re.Pattern[str]:
    # One character class, scanned in C: the marks are few, the text long.
    return re.compile("[" + re.escape("".join(sorted(marks))) + "]")


def starts(text: str, marks: frozenset[str], merge_quotes: bool) -> list[int]:
    """Find the starts of the sentences (or clauses) of ``text``, in one bounded pass."""
    length = len(text)
    if not merge_quotes:  # clauses: every mark ends one, in one comprehension
        starts = [0]
        starts += [match.end() for match in _mark_pattern(marks).finditer(text)]
        if len(starts) > 1 and starts[-1] == length:
            starts.pop()
        return starts
    starts = [0]
    for match in _mark_pattern(marks).finditer(text):
        index = match.start()
        char = text[index]
        after = index + 1
        if merge_quotes and char in TERMINATORS and after < len(text) and text[after] in QUOTES:
            # Look ahead a bounded stretch for the end of a short attribution.
            stop = min(len(text), after + 1 + _ATTRIBUTION)
            if _mark_pattern(TERMINATORS).search(text, after + 1, stop) is not None:
                continue
        if after < len(text) and starts[-1] != after:
            starts.append(after)
    return starts


def unit(starts: list[int], length: int, pos: int) -> tuple[int, int]:
    """Return ``(start, end)`` of the unit holding ``pos``, given the units' ``starts``."""
    index = bisect.bisect_right(starts, pos) - 1
    end = starts[index + 1] if index + 1 < len(starts) else length
    return starts[index], end
