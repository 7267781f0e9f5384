"""A company's short forms, and where a document's few names occur.

厦门天马显示科技有限公司 is written 天马 after its first mention: `trade_name`
strips the legal form, the place before the name and the business words
after it, longest form first. The same companies recur from text to text,
so each name's forms are remembered on its lexicon (up to `_MAX_MEMO`).
"""

from __future__ import annotations

from collections.abc import Iterable

from .lexicon import OrgLexicon

__all__ = ["occurrences", "trade_name"]

# How many company names' short forms are remembered (`OrgLexicon.short_forms`).
_MAX_MEMO = 4096


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
    core = core[pos:]
    while core and core not in shorts:
        shorts.append(core)
        found = business.longest_ending_at(core, len(core))
        if found is None or found[0] < 2:
            break
        core = core[: found[0]]
    return [short for short in shorts if len(short) >= 2]
