"""Roles in parallel lists: 产值、税收分别达到220亿元、5亿元 (the n-th amount, the n-th cue).

The nearest cue before an amount gives its role (`hzner.money.parse`); in a
parallel list the nearest cue is the last of the list for every amount, so a
marker such as 分别 pairs the cues before it with the amounts after it, in
order, when the two lists are of the same length.
"""

from __future__ import annotations

import bisect
import re

from ..types import Role
from .forms import EverydayForms
from .lexicon import MoneyLexicon, last

__all__ = ["CUE_CLAUSE_END", "CUE_WINDOW", "ROLES", "cue_after", "cue_before", "parallel_roles"]

# Where a clause ends for its cue: a cue does not reach across these.
CUE_CLAUSE_END = frozenset("。,;!?、:()\"“”‘’'《》【】[]|…")
# How far back a cue may stand in its clause.
CUE_WINDOW = 40
# Role by value, without the enum's slower call.
ROLES = {role.value: role for role in Role}

# What ends the clause of a list (、 joins its items and does not).
_CLAUSE_END = "。,;!?:()\n"
# What joins the items of a list.
_JOINERS = re.compile("[、]|和|与|及|以及")
# How far back a list of cues may reach.
_WINDOW = 40
_MAX_ITEMS = 12


def cue_after(
    text: str, end: int, lexicon: MoneyLexicon, forms: EverydayForms | None = None
) -> Role | None:
    """The role of a cue right after an amount ending at ``end``: its head noun.

    After 的 too, and after a qualifier, when the cue ends its clause
    (形成14亿元以上的销售。, 完成5亿元的投资,). A cue that modifies a class
    noun after it (``forms``: 亿元签约项目) is no head noun of the amount.
    """
    if end >= len(text) or text[end] not in lexicon.after_cue_starts:
        return None  # the usual case (5亿元,), told by one character
    cues = lexicon.cues
    after = cues.longest_at(text, end)
    if after is not None:
        if forms is not None and forms.class_noun_near(text, after[0], 0):
            return None  # 64个亿元签约项目: the size of a class of signed projects
        return ROLES[last(after[1])]
    qualifier = lexicon.qualifiers_after.longest_at(text, end)
    if qualifier is not None:
        end = qualifier[0]
    if end >= len(text) or text[end] != "的":
        return None
    after = cues.longest_at(text, end + 1)
    if after is None or (after[0] < len(text) and text[after[0]] not in CUE_CLAUSE_END):
        return None
    return ROLES[last(after[1])]


def cue_before(
    text: str, position: int, lexicon: MoneyLexicon, forms: EverydayForms
) -> tuple[Role, int] | None:
    """The nearest cue that ends at or before ``position`` in its clause, and where it ends.

    A cue followed by a name word before ``position`` is part of a company's
    name (某某融资担保有限公司增资4.75亿元) and governs nothing: None.
    """
    cues = lexicon.cues
    last_chars = cues.last_chars
    for end in range(position, max(0, position - CUE_WINDOW), -1):
        char = text[end - 1]
        if char in CUE_CLAUSE_END:
            return None
        if char not in last_chars:
            continue  # no cue ends here: skip the look-up
        found = cues.longest_ending_at(text, end)
        if found is not None:
            if end < position and forms.names_between(text, end, position):
                return None
            return ROLES[last(found[1])], end
    return None


def _clause_start(text: str, position: int) -> int:
    low = max(0, position - _WINDOW)
    for index in range(position - 1, low - 1, -1):
        if text[index] in _CLAUSE_END:
            return index + 1
    return low


def _cue_roles(text: str, start: int, end: int, lexicon: MoneyLexicon) -> list[Role] | None:
    """The role of each item of the list ``text[start:end]``, or None if one has no cue."""
    roles: list[Role] = []
    item_start = start
    for item in [*_JOINERS.finditer(text, start, end), None]:
        item_end = end if item is None else item.start()
        found = list(lexicon.cues.finditer(text[item_start:item_end]))
        if not found:
            return None
        roles.append(ROLES[last(found[-1][2])])
        if item is not None:
            item_start = item.end()
    return roles


def parallel_roles(
    text: str,
    spans: list[tuple[int, int]],
    lexicon: MoneyLexicon,
    forms: EverydayForms,
) -> dict[int, Role]:
    """Roles given by parallel lists, by the index of the amount in ``spans``.

    Parameters
    ----------
    text
        The normalized text.
    spans
        The amounts found, ``(start, end)`` in the view, in text order.
    lexicon
        The money cues.
    forms
        The parallel markers.

    """
    roles: dict[int, Role] = {}
    starts = [start for start, _ in spans]
    for marker in forms.parallel_markers:
        position = text.find(marker)
        while position != -1:
            after = position + len(marker)
            members: list[int] = []
            first = bisect.bisect_left(starts, after)
            # A list is short: the bound keeps the pass linear however many
            # markers and amounts a text has.
            for index in range(first, min(len(spans), first + _MAX_ITEMS + 1)):
                start = spans[index][0]
                gap = text[(spans[members[-1]][1] if members else after) : start]
                if any(char in _CLAUSE_END for char in gap) or len(gap) > _WINDOW:
                    break
                members.append(index)
            cues = _cue_roles(text, _clause_start(text, position), position, lexicon)
            if cues is not None and len(cues) >= 2 and len(cues) == len(members):
                roles.update(zip(members, cues, strict=True))
            position = text.find(marker, after)
    return roles
