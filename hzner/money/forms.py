"""Everyday forms of money: coins after the unit, 块 as 元, and 元 inside words.

Read once from ``hzner/data/money/forms/everyday.jsonl``, a file of its own
kinds of line (not rules of `hzner.rules`); each line is validated and a bad
one raises `RuleError` naming the file and line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, cached_property
from typing import Any

from .._files import data_file
from ..errors import Errors, RuleError
from ..numerals import exact_sum, parse_numeral
from ..types import Role

__all__ = ["EverydayForms", "everyday_forms"]

# The fields of each kind of line, all strings but `places`.
_FIELDS: dict[str, tuple[str, ...]] = {
    "subunit": ("unit", "word", "places"),
    "subunit_joiner": ("word",),
    "loose_unit": ("word",),
    "yuan_word": ("word",),
    "inclusive": ("word",),
    "amount_verb": ("word",),
    "yuan_name": ("word", "code"),
    "parallel_marker": ("word",),
    "continuing_word": ("word",),
    "breakdown_word": ("word",),
    "name_word": ("word",),
    "class_noun": ("word",),
    "passing_verb": ("word",),
    "sized_noun": ("word", "role"),
}
_ROLES = {role.value: role for role in Role}
# The longest class or sized noun looked for past a reach (项目, 基金).
_LONGEST_NOUN = 4
# A count right after a class noun: 项目8个, 项目十二项.
_COUNT = re.compile("[0-9零一二两三四五六七八九十百几]+[个项]")
# One or two digits, Arabic or Chinese, before a coin word (8角, 二十五美分),
# financial forms too (伍元玖角玖分), as cheques and cn2an's "rmb" mode write them.
_DIGIT = "0-9零〇一二三四五六七八九两壹贰貳叁參肆伍陆陸柒捌玖"
_COIN_DIGITS = re.compile(f"[{_DIGIT}]{{1,2}}|[{_DIGIT}]?[十拾][{_DIGIT}]?")


@dataclass
class EverydayForms:
    """The everyday forms, compiled for look-ups.

    Attributes
    ----------
    subunits
        For each unit word (元, 块, 美元), its coin words and their places.
    joiners, loose_units, yuan_words, inclusive
        The word lists of the data file.

    """

    subunits: dict[str, dict[str, int]] = field(default_factory=dict)
    joiners: tuple[str, ...] = ()
    loose_units: frozenset[str] = frozenset()
    yuan_words: tuple[str, ...] = ()
    inclusive: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    yuan_names: dict[str, str] = field(default_factory=dict)
    parallel_markers: tuple[str, ...] = ()
    continuing: tuple[str, ...] = ()
    breakdowns: tuple[str, ...] = ()
    name_words: tuple[str, ...] = ()
    class_nouns: tuple[str, ...] = ()
    passing_verbs: tuple[str, ...] = ()
    sized_nouns: dict[str, Role] = field(default_factory=dict)

    @cached_property
    def coin_starts(self) -> frozenset[str]:
        """The characters that may begin the coins after a unit (a digit or a joiner)."""
        digits = (
            {chr(code) for code in range(ord("0"), ord("9") + 1)} | set(_DIGIT[3:]) | {"十", "拾"}
        )
        return frozenset(digits | {joiner[0] for joiner in self.joiners})

    @cached_property
    def inclusive_starts(self) -> frozenset[str]:
        """The first characters of the inclusive notes."""
        return frozenset(word[0] for word in self.inclusive)

    @cached_property
    def yuan_pattern(self) -> re.Pattern[str]:
        """Any yuan name, longest first (澳门元 before 元-less names)."""
        words = sorted(self.yuan_names, key=len, reverse=True) or ["(?!)"]
        return re.compile("|".join(re.escape(word) for word in words))

    def coins(self, text: str, end: int, unit: str) -> tuple[int, Decimal] | None:
        """Read the coins after a unit word ending at ``end`` (元8角, 美元又25美分).

        Returns where they end and what they add, or None. Places must fall
        (角 before 分) and each count must fit its place (no 12角).
        """
        table = self.subunits.get(unit)
        if not table or end >= len(text) or text[end] not in self.coin_starts:
            return None  # the usual case, told by one character: 5亿元,
        position, total, places_before = end, Decimal(0), 0
        while True:
            start = position
            for joiner in self.joiners:
                if text.startswith(joiner, start):
                    start += len(joiner)
                    break
            digits = _COIN_DIGITS.match(text, start)
            if digits is None:
                break
            word = next((w for w in table if text.startswith(w, digits.end())), None)
            if word is None:
                break
            places = table[word]
            count = _count(digits.group())
            if count is None or places <= places_before or count >= 10 ** (places - places_before):
                break
            total = exact_sum(total, Decimal((0, tuple(int(d) for d in str(count)), -places)))
            position, places_before = digits.end() + len(word), places
        return (position, total) if position > end else None

    def loose_ok(self, text: str, end: int, unit: str) -> bool:
        """Whether a loose unit (块) ending at ``end`` is money: no word goes on after it."""
        if unit not in self.loose_units or end >= len(text):
            return True
        char = text[end]
        # A coin (八块五毛) or punctuation may follow; an ideograph goes on a word.
        return not ("\u4e00" <= char <= "\u9fff") or _COIN_DIGITS.match(text, end) is not None

    def yuan_in_word(self, text: str, end: int) -> bool:
        """Whether 元 ending at ``end`` is part of a word (一元化, 二元结构)."""
        return any(text.startswith(word, end) for word in self.yuan_words)

    def verb_at(self, text: str, position: int) -> bool:
        """Whether a verb that takes the amount as its means starts at ``position`` (5亿建设)."""
        return any(text.startswith(word, position) for word in self.verbs)

    def continuing_only(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is continuing words only (达到, 约): no subject."""
        return start >= end or self._continuing.fullmatch(text, start, end) is not None

    def continues_at(self, text: str, position: int) -> bool:
        """Whether a continuing word (超, 约) starts at ``position``."""
        return self._continuing.match(text, position) is not None

    def opens_breakdown(self, text: str, position: int) -> bool:
        """Whether a breakdown word (其中) opens the clause at ``position``."""
        return any(text.startswith(word, position) for word in self.breakdowns)

    @cached_property
    def _continuing(self) -> re.Pattern[str]:
        return re.compile(f"(?:{_alternation(self.continuing)}| )+")

    @cached_property
    def _class_pattern(self) -> re.Pattern[str]:
        return re.compile(_alternation(self.class_nouns))

    @cached_property
    def _sized_pattern(self) -> re.Pattern[str]:
        return re.compile(_alternation(self.sized_nouns))

    @cached_property
    def _name_pattern(self) -> re.Pattern[str]:
        return re.compile(_alternation(self.name_words))

    def class_noun_near(self, text: str, position: int, reach: int = 3) -> bool:
        """Whether a class noun (项目) starts within ``reach`` characters of ``position``.

        After a bare magnitude and its currency (亿元项目, 亿元以上项目, 百亿元级重大项目),
        it makes the amount the size of a class of things; only ideographs stand between.
        """
        return self._class_noun(text, position, reach) is not None

    def counted_class_near(self, text: str, position: int, reach: int) -> bool:
        """Whether a class noun within ``reach`` is counted right after it (…的特大项目8个).

        Only ideographs stand between; the count is numerals and 个 or 项.
        """
        found = self._class_noun(text, position, reach)
        return found is not None and _COUNT.match(text, found.end()) is not None

    def _class_noun(self, text: str, position: int, reach: int) -> re.Match[str] | None:
        """The class noun within ``reach`` ideographs of ``position``, if any."""
        found = self._class_pattern.search(text, position, position + reach + _LONGEST_NOUN)
        if found is None or found.start() - position > reach:
            return None
        if not all("\u4e00" <= char <= "\u9fff" for char in text[position : found.start()]):
            return None
        return found

    def sized_after(self, text: str, end: int, reach: int = 10) -> Role | None:
        """The role of a sized noun (基金) that ends the name after an amount ending at ``end``.

        成立200亿元武汉新城基金: the name runs on in ideographs, at most ``reach`` of them.
        """
        found = self._sized_pattern.search(text, end, end + reach + _LONGEST_NOUN)
        if found is None or found.start() - end >= reach:
            return None
        if any(not "\u4e00" <= char <= "\u9fff" for char in text[end : found.start()]):
            return None
        return self.sized_nouns[found.group()]

    def passed_before(self, text: str, position: int) -> bool:
        """Whether a passing verb (过, 破) ends at ``position``: 投资过亿元, 突破亿元."""
        return any(text.endswith(word, 0, position) for word in self.passing_verbs)

    def names_between(self, text: str, start: int, end: int) -> bool:
        """Whether a name word (公司, 集团) stands in ``text[start:end]``."""
        return start < end and self._name_pattern.search(text, start, end) is not None

    def inclusive_at(self, text: str, position: int) -> int:
        """Skip an inclusive note such as (含) at ``position``; return where it ends."""
        if position >= len(text) or text[position] not in self.inclusive_starts:
            return position
        for word in self.inclusive:
            if text.startswith(word, position):
                return position + len(word)
        return position


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first; one that never matches when empty."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word) for word in ordered) or "(?!)"


def _count(digits: str) -> int | None:
    try:
        value = parse_numeral(digits).value
    except ValueError:
        return 2 if digits in "两兩" else None
    return None if value is None or value != value.to_integral_value() else int(value)


def _rule(raw: Any, source: str, line: int) -> tuple[str, dict[str, Any]]:
    """Validate one line: its type and fields (E140, E141)."""
    kind = raw.get("type") if isinstance(raw, dict) else None
    fields = _FIELDS.get(kind) if isinstance(kind, str) else None
    if fields is None or not isinstance(raw, dict):
        raise RuleError(Errors.E140.format(source=source, line=line, known=", ".join(_FIELDS)))
    for name in fields:
        value = raw.get(name)
        expected = int if name == "places" else str
        if not isinstance(value, expected) or isinstance(value, bool) or value in ("", 0):
            raise RuleError(Errors.E141.format(source=source, line=line, type=kind, field=name))
    return str(kind), raw


def read_forms(lines: list[str], source: str) -> EverydayForms:
    """Compile the lines of an everyday-forms file (``//`` lines are comments)."""
    forms = EverydayForms()
    joiners: list[str] = []
    loose: set[str] = set()
    yuan_words: list[str] = []
    inclusive: list[str] = []
    verbs: list[str] = []
    lists: dict[str, list[str]] = {
        kind: []
        for kind in ("continuing_word", "breakdown_word", "name_word", "class_noun", "passing_verb")
    }
    for number, text in enumerate(lines, start=1):
        text = text.strip()
        if not text or text.startswith("//"):
            continue
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as error:
            raise RuleError(Errors.E010.format(source=source, line=number, detail=error)) from None
        kind, rule = _rule(raw, source, number)
        if kind == "subunit":
            forms.subunits.setdefault(rule["unit"], {})[rule["word"]] = rule["places"]
        elif kind == "subunit_joiner":
            joiners.append(rule["word"])
        elif kind == "loose_unit":
            loose.add(rule["word"])
        elif kind == "yuan_word":
            yuan_words.append(rule["word"])
        elif kind == "parallel_marker":
            forms.parallel_markers = (*forms.parallel_markers, rule["word"])
        elif kind == "yuan_name":
            forms.yuan_names[rule["word"]] = rule["code"]
        elif kind == "amount_verb":
            verbs.append(rule["word"])
        elif kind == "sized_noun":
            role = _ROLES.get(rule["role"])
            if role is None:
                known = ", ".join(sorted(_ROLES))
                raise RuleError(
                    Errors.E142.format(source=source, line=number, role=rule["role"], known=known)
                )
            forms.sized_nouns[rule["word"]] = role
        elif kind in lists:
            lists[kind].append(rule["word"])
        else:
            inclusive.append(rule["word"])
    forms.joiners = tuple(joiners)
    forms.loose_units = frozenset(loose)
    forms.yuan_words = tuple(sorted(yuan_words, key=len, reverse=True))
    forms.inclusive = tuple(sorted(inclusive, key=len, reverse=True))
    forms.verbs = tuple(verbs)
    forms.continuing = tuple(sorted(lists["continuing_word"], key=len, reverse=True))
    forms.breakdowns = tuple(lists["breakdown_word"])
    forms.name_words = tuple(lists["name_word"])
    forms.class_nouns = tuple(lists["class_noun"])
    forms.passing_verbs = tuple(lists["passing_verb"])
    for table in forms.subunits.values():  # longest coin word first: 美分 before 分
        ordered = sorted(table.items(), key=lambda item: len(item[0]), reverse=True)
        table.clear()
        table.update(ordered)
    return forms


@cache
def everyday_forms() -> EverydayForms:
    """Read the everyday forms of hzner's data, once."""
    path = data_file("money", "forms", "everyday.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    return read_forms(lines, "hzner/data/money/forms/everyday.jsonl")
