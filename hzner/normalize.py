"""A normalized view of the caller's text, with a map back to its offsets.

Newspaper text extracted from PDF has stray spaces and line breaks inside
words (``1465.3 亿 元``, ``重 庆高新区``) and mixes full-width and ASCII forms
(``５１０．２亿元``, ``中国（重庆）``). Every recognizer in hzner works on one
normalized view of the text:

* full-width ASCII forms (U+FF01-U+FF5E) and the ideographic space become
  their ASCII forms, one character for one character;
* traditional characters become their simplified forms (區 -> 区), one
  character for one character;
* whitespace is removed, except a run between two ASCII letters or digits,
  which becomes a single space (``Apple Inc``, ``2019 2020`` stay apart);
* the pinyin some pages print after a polyphonic character (產(chǎn)業(yè)園) is
  removed, so that words and cues read whole (a gloss is a bracket holding
  one lowercase syllable right after an ideograph); a span of the view that
  ends right before a removed gloss keeps it (the gloss belongs to its
  character).

`NormalizedText.to_original` maps a span of the view back to the caller's
text, so that every result satisfies ``text[start:end] == result.text``.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Generic, Protocol, TypeVar

from ._files import data_file

__all__ = [
    "Located",
    "NormalizedText",
    "hard_breaks",
    "has_gloss",
    "locate",
    "normalize",
    "normalize_key",
]

# Full-width ASCII variants map to ASCII one for one, so the translation
# keeps lengths and offsets; the ideographic space becomes a plain space and
# is then handled as whitespace.
_FULL_WIDTH = {chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_FULL_WIDTH["\u3000"] = " "
# A substitution over a character class is several times faster than
# str.translate with a mapping on CJK text, where most characters are kept.
_FULL_WIDTH_CHAR = re.compile("[\uff01-\uff5e\u3000]")


def _to_ascii(match: re.Match[str]) -> str:
    return _FULL_WIDTH[match.group()]


@cache
def _variants() -> dict[str, str]:
    """Traditional characters and their simplified forms, read once at first use.

    Mapping one character to one keeps offsets exact, and lets every word
    list, written in simplified characters, match text from Taiwan and Hong
    Kong (沈撫新區 is read 沈抚新区). See hzner/data/text/SOURCE.md.
    """
    lines = data_file("text", "variants.tsv").read_text(encoding="utf-8").splitlines()
    pairs = (line.split("\t") for line in lines if line and not line.startswith("#"))
    return {traditional: simplified for traditional, simplified in pairs}


@cache
def _variant_pattern() -> re.Pattern[str]:
    """The traditional characters as one character class, compiled at first use (2-3 ms)."""
    return re.compile("[" + re.escape("".join(sorted(_variants()))) + "]")


# Characters of text that may still be tested for traditional characters by a
# set test (`dict.keys().isdisjoint`: in C, but several times slower than the
# class) before the class is compiled: the first short texts of a process, and
# dictionary keys, do not wait for it.
_SET_TESTED = [20_000]


def _has_variants(text: str) -> bool:
    """Whether ``text`` holds a traditional character."""
    if len(text) <= _SET_TESTED[0]:
        _SET_TESTED[0] -= len(text)
        return not _variants().keys().isdisjoint(text)
    return _variant_pattern().search(text) is not None


# A text this short has its traditional characters replaced by look-ups, a
# longer one by the compiled class.
_SHORT = 256


def _simplified(text: str) -> tuple[str, int]:
    """``text`` with its traditional characters simplified, and how many there were."""
    table = _variants()
    if len(text) <= _SHORT:
        converted = sum(map(table.__contains__, text))
        return "".join([table.get(char, char) for char in text]), converted
    return _variant_pattern().subn(lambda match: table[match.group()], text)


# One pass of a single character class: linear on any input.
# The characters str.isspace() accepts (what \s matches), spelled out: a
# literal class is scanned about a fifth faster than the \s category.
_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Written [c][c]* rather than [c]+: a pattern that opens with a class lets
# the engine skip in C to the next whitespace, where one that opens with a
# repeat tries a match at every character (twice as slow on news).
_WHITESPACE = re.compile(f"[{_SPACES}][{_SPACES}]*")
# What the view changes besides traditional characters: full-width forms and
# whitespace. A text with none of them and no traditional character is its
# own view, which two scans in C tell (the traditional characters have their
# own test, `_has_variants`).
_CHANGED = re.compile(f"[\uff01-\uff5e{_SPACES}]")
# A pinyin gloss after an ideograph (產(chǎn)): one syllable of at most six letters.
# In the view (ASCII brackets) it is dropped with the whitespace (`_DROPPED`);
# `_GLOSS_AT` finds one at an offset of the caller's text, in either width.
_SYLLABLE = "[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,6}"
_DROPPED = re.compile(f"[{_SPACES}][{_SPACES}]*|(?<=[\u3400-\u9fff\uf900-\ufaff])\\({_SYLLABLE}\\)")
_GLOSS_AT = re.compile(f"[(\uff08]{_SYLLABLE}[)\uff09]")


def has_gloss(text: str) -> bool:
    """Whether ``text`` holds a pinyin gloss after an ideograph (產(chǎn)).

    A scan for each bracket in C, then one match there: a pattern that opens
    with a look-behind would be tried at every character of every text.

    >>> has_gloss("產(chǎn)業(yè)園"), has_gloss("中关村(Zhongguancun)"), has_gloss("(二期)")
    (True, False, False)
    """
    pos = text.find("(")
    while pos >= 0:
        if pos > 0 and _is_ideograph(text[pos - 1]) and _GLOSS_AT.match(text, pos):
            return True
        pos = text.find("(", pos + 1)
    return False


def _is_ideograph(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


# Not frozen: a frozen dataclass costs 2 µs to create, a plain one a tenth of
# that, and every call of `hzner.extract` creates one. Treat it as read-only
# all the same. (Not slotted either: compiled by mypyc it is a native class,
# whose attributes are slots already.)
@dataclass
class NormalizedText:
    """The normalized view of ``original`` and the map between the two (read-only).

    Parameters
    ----------
    original
        The text as the caller gave it.
    text
        The normalized view.
    starts
        Sorted starts, in the view, of the pieces copied from the original:
        maximal runs of characters with one shift between the view and the
        original, so a text that needs no change is one piece, and a long
        text costs a few bytes per changed whitespace run (an ``array``, not a
        list of Python ints).
    origins
        For each piece, the offset in ``original`` where it begins.
    traditional
        How many traditional characters were read as simplified ones.
    breaks
        Sorted view positions where a line break of the original ends a unit
        although no punctuation does: after a headline or a caption (see
        `hard_breaks`). Elsewhere a line break is only layout.
    glosses
        Sorted original offsets where a removed pinyin gloss begins; a span
        of the view ending right before one ends before it (`to_original`).

    Examples
    --------
    >>> norm = normalize("1465.3 亿 元")
    >>> norm.text
    '1465.3亿元'
    >>> norm.to_original(0, len(norm.text))
    (0, 10)

    """

    original: str
    text: str
    starts: Sequence[int]
    origins: Sequence[int]
    traditional: int = 0
    breaks: tuple[int, ...] = ()
    glosses: tuple[int, ...] = ()

    def offset(self, index: int) -> int:
        """Map the index of a character of the view to its original index."""
        piece = bisect.bisect_right(self.starts, index) - 1
        return self.origins[piece] + index - self.starts[piece]

    def to_view(self, index: int) -> int:
        """Map an original index to the view: the first view character at or after it."""
        piece = bisect.bisect_right(self.origins, index) - 1
        if piece < 0:
            return 0
        inside = index - self.origins[piece]
        piece_end = self.starts[piece + 1] if piece + 1 < len(self.starts) else len(self.text)
        return min(self.starts[piece] + inside, piece_end)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the view's span ``[start, end)`` to the original text.

        The span runs from the original of its first character to just after
        the original of its last one, so whitespace and pinyin glosses inside
        it are covered and those around it are not: a name ends at its last
        character (濱海新區, not 濱海新區(qū)).
        """
        if end <= start:
            position = self.offset(start) if start < len(self.text) else len(self.original)
            return position, position
        starts, origins = self.starts, self.origins  # `offset`, inlined: a hot path
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, end - 1) - 1
        return origins[first] + start - starts[first], origins[last] + end - starts[last]


def normalize(text: str) -> NormalizedText:
    """Build the normalized view of ``text`` (linear time).

    Examples
    --------
    >>> normalize("重 庆高新区（二期）").text
    '重庆高新区(二期)'

    """
    if _CHANGED.search(text) is None and not _has_variants(text) and not has_gloss(text):
        return NormalizedText(text, text, _ZERO, _ZERO)
    return _normalize(text)


# The map of a text that is its own view: one piece, at 0 in both.
_ZERO = (0,)
# Pieces of the view are joined into one chunk every so many, so that a huge
# text with many whitespace runs does not hold millions of small strings.
_CHUNK = 4096


def _normalize(text: str) -> NormalizedText:
    """The full path of `normalize`: the view and its map of runs."""
    translated = _FULL_WIDTH_CHAR.sub(_to_ascii, text)
    converted = 0
    if _has_variants(translated):
        translated, converted = _simplified(translated)
    code = "i" if len(text) < 2**31 - 1 else "q"
    starts, origins = array(code), array(code)
    chunks: list[str] = []
    pieces: list[str] = []
    size = len(translated)
    length = 0  # of the view so far
    position = 0  # in the original: what is copied so far
    shift = -1  # origin - start of the last piece; none yet
    glossed = has_gloss(translated)
    glosses = array(code)
    for match in (_DROPPED if glossed else _WHITESPACE).finditer(translated):
        begin, stop = match.span()
        if translated[begin] == "(":
            glosses.append(begin)  # a gloss: dropped, never kept as a space
        keep = (
            translated[begin] != "("
            and begin > 0
            and stop < size
            and _is_ascii_alnum(translated[begin - 1])
            and _is_ascii_alnum(translated[stop])
        )
        if keep and stop - begin == 1 and translated[begin] == " ":
            continue  # a space the view keeps as it is: the piece goes on
        if begin > position:
            if position - length != shift:
                shift = position - length
                starts.append(length)
                origins.append(position)
            pieces.append(translated[position:begin])
            length += begin - position
        if keep:
            if begin - length != shift:
                shift = begin - length
                starts.append(length)
                origins.append(begin)
            pieces.append(" ")
            length += 1
        position = stop
        if len(pieces) >= _CHUNK:
            chunks.append("".join(pieces))
            pieces.clear()
    if position < size or not starts:
        if position - length != shift:
            starts.append(length)
            origins.append(position)
        pieces.append(translated[position:])
    del translated
    chunks.append("".join(pieces))
    del pieces
    view = chunks[0] if len(chunks) == 1 else "".join(chunks)
    del chunks
    norm = NormalizedText(text, view, starts, origins, converted, (), tuple(glosses))
    breaks = hard_breaks(text)
    if not breaks:
        return norm
    positions = sorted({norm.to_view(index) for index in breaks} - {0, len(norm.text)})
    return replace(norm, breaks=tuple(positions))


# A line that ends in one of these goes on (a clause) or has ended (a sentence).
_LINE_PUNCTUATION = frozenset("。!?！？.,，、;；:：—…-")


def hard_breaks(text: str) -> list[int]:
    r"""Find the line breaks of ``text`` that end a unit: the offsets of their ``\n``.

    Text from PDF breaks lines inside sentences; a headline, a caption or a
    dateline ends its line without punctuation too, but is short. So a break
    counts when the line before it is less than half the median length of
    the text's lines and ends in no punctuation (集中签约仪式现场⏎现代…).

    Examples
    --------
    >>> text = "集中签约仪式现场\n" + "甲乙项目总投资约22亿元,将建设循环水养殖基地。\n" * 3
    >>> hard_breaks(text)
    [8]
    >>> hard_breaks("为西部(重庆)\n科学城建设增添新动能。")
    []

    """
    if "\n" not in text:
        return []
    lines = text.split("\n")
    lengths = [len(line.strip()) for line in lines]
    filled = sorted(length for length in lengths if length)
    if len(filled) < 3:
        return []
    short = filled[len(filled) // 2] / 2
    breaks: list[int] = []
    position = 0
    for line, length in zip(lines[:-1], lengths[:-1], strict=True):
        position += len(line)
        if 0 < length < short and line.rstrip()[-1] not in _LINE_PUNCTUATION:
            breaks.append(position)
        position += 1
    return breaks


def normalize_key(text: str) -> str:
    """Normalize a dictionary entry (an alias, a cue word) like the text.

    Examples
    --------
    >>> normalize_key("中国（重庆）自由贸易试验区")
    '中国(重庆)自由贸易试验区'

    """
    # `normalize`'s test, without building a view: most keys are their own.
    # Keys are short: the set test, which needs no compiled class, does.
    if _CHANGED.search(text) is None and _variants().keys().isdisjoint(text):
        return text
    return _normalize(text).text


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


E = TypeVar("E", bound=_Spanned)


class Located(Generic[E]):
    """An entity (offsets into the original) with its span in the view.

    The recognizers hand their results to each other in this form, so that
    no one maps offsets back and forth twice.
    """

    __slots__ = ("end", "entity", "start")

    def __init__(self, start: int, end: int, entity: E) -> None:
        self.start = start
        self.end = end
        self.entity = entity

    def __repr__(self) -> str:
        return f"Located({self.start}, {self.end}, {self.entity!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Located):
            return NotImplemented
        return (self.start, self.end, self.entity) == (other.start, other.end, other.entity)

    __hash__ = None  # type: ignore[assignment]


def locate(entities: Sequence[E], norm: NormalizedText) -> list[Located[E]]:
    """Pair each entity (original offsets) with its span in the view, sorted by start.

    Examples
    --------
    >>> from hzner.types import Bound, Money, Role
    >>> norm = normalize("投资 5 亿元")
    >>> money = Money("5 亿元", 3, 7, None, None, "CNY", Bound.EXACT, Role.INVESTMENT)
    >>> [(item.start, item.end) for item in locate([money], norm)]
    [(2, 5)]

    """
    located: list[Located[E]] = []
    for entity in entities:
        if not 0 <= entity.start < entity.end <= len(norm.original):
            continue
        start = norm.to_view(entity.start)
        end = norm.to_view(entity.end - 1) + 1
        if start < end:
            located.append(Located(start, end, entity))
    located.sort(key=lambda item: (item.start, item.end))
    return located
