"""Roles carried from the words around a clause that names no cue of its own.

The nearest cue in an amount's clause gives its role (`hzner.money.parse`).
When the clause has none, five forms still tell the role, each read from
the clause's first character back:

- an item of a list after 、 takes the role of the amount before it
  (征地40亿元、拆迁42亿元);
- a clause opened by a breakdown word (其中) lists parts of the amount of the
  clause before it and takes its role (总投资104亿元,其中包括征地40亿元);
- a clause of continuing words only (达到, 超过, 约) goes on with the clause
  before it, whose nearest cue, or else whose amount, gives the role
  (进出口额突破100亿元,达到110.6亿元; 投资额最大,达150亿元); not across a
  parallel marker (产值、税收分别增长5%,达到30亿元 stays other);
- an amount that sizes a thing named after it takes that thing's role
  (成立200亿元武汉新城基金: financing);
- an amount in brackets takes the cue right before them (进出口总额(2021年为
  23.47亿元)), or the role of the amount right before them when they open
  with a breakdown word (总投资10亿元(其中一期5亿元)), and a short note in
  brackets between a cue and its amount is read through (产值(营收)约1296亿元).

Every look is bounded by `CUE_WINDOW` characters, so the pass stays linear.
"""

from __future__ import annotations

from ..types import Role
from .forms import EverydayForms
from .lexicon import MoneyLexicon, last
from .roles import CUE_CLAUSE_END, CUE_WINDOW, ROLES, cue_after, cue_before

__all__ = ["carried_roles"]

# The longest note in brackets read through between a cue and its amount.
_NOTE = 8
# How many ideographs may stand between an amount and a counted class noun after
# it in a breakdown (其中超100亿元的特大|项目8个).
_CLASS_WORDS = 4


def carried_roles(
    text: str,
    spans: list[tuple[int, int]],
    roles: list[Role],
    lexicon: MoneyLexicon,
    forms: EverydayForms,
    fixed: frozenset[int],
) -> dict[int, Role]:
    """Roles carried into clauses with no cue, by the index of the amount in ``spans``.

    Parameters
    ----------
    text
        The normalized text.
    spans
        The amounts found, ``(start, end)`` in the view, in text order.
    roles
        Their roles so far; updated in place as roles are carried, so that a
        list carries its first item's role to the last.
    lexicon, forms
        The money cues and the word lists of the forms above.
    fixed
        Amounts whose role a parallel list gave: left as they are.

    """
    carried: dict[int, Role] = {}
    for index, (start, end) in enumerate(spans):
        if roles[index] is not Role.OTHER or index in fixed:
            continue
        if cue_after(text, end, lexicon, forms) is not None:
            continue  # a cue after the amount decided it
        boundary = _clause_start(text, start)
        role = None
        if boundary is not None:
            role = _carried(text, spans, roles, index, boundary, lexicon, forms)
        if role is None:
            role = forms.sized_after(text, end)
        if role is not None and role is not Role.OTHER:
            roles[index] = carried[index] = role
    return carried


def _clause_start(text: str, start: int) -> int | None:
    """The index of the character that ends the clause before ``start``, if near and no cue."""
    for position in range(start - 1, max(-1, start - 1 - CUE_WINDOW), -1):
        if text[position] in CUE_CLAUSE_END:
            return position
    return None


def _carried(
    text: str,
    spans: list[tuple[int, int]],
    roles: list[Role],
    index: int,
    boundary: int,
    lexicon: MoneyLexicon,
    forms: EverydayForms,
) -> Role | None:
    start = spans[index][0]
    if cue_before(text, start, lexicon, forms) is not None:
        return None  # a cue of the clause's own (one whose role is other, or in a name)
    char = text[boundary]
    head = boundary + 1
    if char == "(":
        bracketed = lexicon.cues.longest_ending_at(text, boundary)
        if bracketed is not None:
            return ROLES[last(bracketed[1])]
        if forms.opens_breakdown(text, head) and index > 0 and spans[index - 1][1] == boundary:
            return roles[index - 1]  # 总投资10亿元(其中一期5亿元)
        return None
    if char == ")":
        opening = text.rfind("(", max(0, boundary - _NOTE), boundary)
        if opening == -1 or not forms.continuing_only(text, head, start):
            return None
        if any(text[position] in CUE_CLAUSE_END for position in range(opening + 1, boundary)):
            return None
        found_before = cue_before(text, opening, lexicon, forms)
        return None if found_before is None else found_before[0]
    previous = _previous_in_clause(text, spans, index, boundary)
    if char == "、":
        return None if previous is None else roles[previous]
    if char not in ",;":
        return None
    end = spans[index][1]
    sized = forms.class_noun_near(text, end, 1)  # the size of a class (超亿元项目)
    if forms.opens_breakdown(text, head):
        if previous is None or sized or forms.counted_class_near(text, end, _CLASS_WORDS):
            return None  # 其中亿元以上项目25个, 其中超100亿元的特大项目8个: a count of projects
        return roles[previous]
    if sized and (previous is None or not forms.class_noun_near(text, spans[previous][1], 1)):
        # 总投资569.5亿元,超亿元项目79个: the size of a class goes on with no total
        # (but 投资额超50亿元的项目3个,超10亿元的项目17个 goes on with a class).
        return None
    if head == start:
        # No word between: the amount's own qualifier may continue (…50亿元的项目3个,超10亿元的…).
        if not forms.continues_at(text, start):
            return None
    elif not forms.continuing_only(text, head, start):
        return None
    before = _clause_start(text, boundary)
    low = 0 if before is None else before + 1
    if any(text.find(marker, low, boundary) != -1 for marker in forms.parallel_markers):
        return None
    found = cue_before(text, boundary, lexicon, forms)
    if found is not None:
        return found[0]
    return None if previous is None else roles[previous]


def _previous_in_clause(
    text: str, spans: list[tuple[int, int]], index: int, boundary: int
) -> int | None:
    """The amount before ``index`` if it ends the clause that ``boundary`` closes."""
    if index == 0:
        return None
    end = spans[index - 1][1]
    if end > boundary or boundary - end > CUE_WINDOW:
        return None
    if any(text[position] in CUE_CLAUSE_END for position in range(end, boundary)):
        return None
    return index - 1
