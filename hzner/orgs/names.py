"""A company's short forms, where its name begins, and where a document's few names occur.

厦门天马显示科技有限公司 is written 天马 after its first mention: `trade_name`
strips the legal form, the place before the name and the business words
after it, longest form first. The same companies recur from text to text,
so each name's forms are remembered on its lexicon (up to `_MAX_MEMO`).
"""

from __future__ import annotations

from collections.abc import Iterable

from .lexicon import OrgLexicon

__all__ = ["branch_end", "glued_start", "occurrences", "officially_placed", "trade_name"]

# How many company names' short forms are remembered (`OrgLexicon.short_forms`).
_MAX_MEMO = 4096
# The longest phrase glued before a place at a name's start (项目立足环|中国…).
_MAX_GLUE = 6
# The longest place, zone or region between a company's name and its branch
# word (临港新片区 has 5), and what a region begins with (西南, 华东).
_MAX_BRANCH_PLACE = 6
# The longest branch word (办事处, 分中心).
_LONGEST_BRANCH = 3
_DIRECTIONS = frozenset("东南西北华")
# The last character of a place's official name (江西省, 南阳市, 修文县, 黔南州).
_ADMIN_ENDS = frozenset("省市县区州盟旗")
# A province or city in full before a short form (山东省|港口) is also written short (山东港口).
_PROVINCE_CITY = frozenset("省市")


def glued_start(text: str, start: int, end: int, lexicon: OrgLexicon) -> int:
    """Move ``start`` to where a place name begins, past a few glued words.

    A name that does not begin at a place or a known brand but has a place
    a few characters in begins there: what stands before it is a verb or a
    phrase glued on the left (导入|江西省电子集团, 立足环|中国科学技术大学).
    A prefix that the text uses elsewhere, or that has Latin letters, is a
    brand and stays (TCL重庆…有限公司); so does one character (南|京…).
    """
    places, known = lexicon.places, lexicon.known
    if places.longest_at(text, start) is not None or known.longest_at(text, start):
        return start
    for pos in range(start + 1, min(end, start + _MAX_GLUE + 1)):
        if text[pos - 1] in "()" or text[pos] in "()":
            return start  # a bracket: 东陶(辽宁)有限公司 is one name
        found = places.longest_at(text, pos)
        if found is None or found[0] > end:
            continue
        prefix = text[start:pos]
        if len(prefix) == 1 or any(char.isascii() for char in prefix):
            return start
        elsewhere = text.find(prefix, 0, start) >= 0 or text.find(prefix, end) >= 0
        return start if elsewhere else pos
    return start


def branch_end(text: str, end: int, lexicon: OrgLexicon) -> int:
    """Where a company's name ends with its branch after it, else ``end``.

    某某股份有限公司|四川分公司, 上海农商银行|临港新片区支行, 某某银行|华东分行: a
    place, a zone or a region (at most `_MAX_BRANCH_PLACE` characters, beginning
    at a place's name or a direction, or ending in a zone word) and a branch word
    (``branch`` rules).
    """
    branches = lexicon.branches
    if end >= len(text) or not branches:
        return end
    found = branches.search(text, end + 2, end + _MAX_BRANCH_PLACE + _LONGEST_BRANCH)
    if found is None or found[0] - end > _MAX_BRANCH_PLACE:
        return end  # the usual case: no branch word near, one scan in C
    if any(not "\u4e00" <= char <= "\u9fff" for char in text[end : found[0]]):
        return end
    placed = lexicon.divisions.longest_at(text, end) is not None or text[end] in _DIRECTIONS
    if placed or lexicon.zone_words.longest_ending_at(text, found[0]) is not None:
        return found[1]
    return end


def officially_placed(text: str, start: int, lexicon: OrgLexicon) -> bool:
    """Whether the name at ``start`` opens with a place's official name (江西省, 南阳市).

    A generic mention uses the short form (重庆科技公司); a company's own
    name, the official one (江西省电子集团).
    """
    found = lexicon.places.longest_at(text, start)
    return found is not None and text[found[0] - 1] in _ADMIN_ENDS


def occurrences(text: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """The occurrences of ``words`` in ``text``, leftmost-longest, not overlapping.

    For the few names one document gives (its companies, their short forms):
    a scan per word is cheaper than compiling them into a `Lexicon`.
    """
    found = []
    for word in set(words):
        pos = text.find(word)
        while pos >= 0:
            found.append((pos, pos + len(word), word))
            pos = text.find(word, pos + 1)
    found.sort(key=lambda item: (item[0], -item[1]))
    kept, reached = [], 0
    for start, end, word in found:
        if start >= reached:
            kept.append((start, end, word))
            reached = end
    return kept


def trade_name(name: str, lexicon: OrgLexicon) -> list[str]:
    """The short forms of a company's full name, longest first.

    Examples
    --------
    >>> from hzner.rules import RuleSet
    >>> trade_name("厦门天马显示科技有限公司", OrgLexicon(RuleSet.default()))
    ['厦门天马显示科技', '天马显示科技', '天马显示', '天马']

    """
    memo = lexicon.short_forms
    known = memo.get(name)
    if known is None:
        if len(memo) >= _MAX_MEMO:
            memo.clear()
        known = memo[name] = tuple(_trade_name(name, lexicon))
    return list(known)


def _trade_name(name: str, lexicon: OrgLexicon) -> list[str]:
    forms, places, business = lexicon.forms, lexicon.places, lexicon.business
    core = name
    while True:
        found = forms.longest_ending_at(core, len(core))
        if found is None or found[0] == 0:
            break
        core = core[: found[0]]
    shorts = [core] if core != name else []
    pos = 0
    while (place := places.longest_at(core, pos)) is not None and place[0] < len(core):
        pos = place[0]
    if shorts and 1 < pos < len(core) and core[pos - 1] in _PROVINCE_CITY:
        # 山东省港口 is also written with the short place: 山东港口.
        shorts.append(core[: pos - 1] + core[pos:])
    core = core[pos:]
    while core and core not in shorts:
        shorts.append(core)
        found = business.longest_ending_at(core, len(core))
        if found is None or found[0] < 2:
            break
        core = core[: found[0]]
    return [short for short in shorts if len(short) >= 2]
