"""Rules: the one way data gets into hzner.

Every word list, cue word, currency, zone and alias that hzner uses is a
*rule*: one JSON object on one line of a JSONL file, with a ``type`` field
that says what it adds. hzner's own data under ``hzner/data/`` is written in
exactly the form users write, so a user extends hzner by giving more rules:

>>> from hzner.rules import RuleSet
>>> rules = RuleSet.default().extend([{"type": "currency", "word": "泰铢", "code": "THB"}])
>>> rules.of("currency")[-1]["code"]
'THB'

Rules are validated on load; an error names the file and the line.
"""

from __future__ import annotations

import json
import reprlib
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from ._files import data_file
from .errors import Errors, RuleError
from .lexicon import Lexicon

__all__ = ["MAX_WORD", "RULE_TYPES", "Rule", "RuleSet", "RuleSource", "read_rules"]

Rule = dict[str, Any]
RuleSource = str | Path | Mapping[str, Any] | Iterable[Mapping[str, Any]]

_ROLES = (
    "investment", "output", "revenue", "gdp", "contract",
    "financing", "subsidy", "trade", "tax", "other",
)  # fmt: skip
_BOUNDS = ("about", "over", "under")
_KINDS = (
    "high_tech_zone", "econ_dev_zone", "new_area", "free_trade_zone",
    "bonded_zone", "industrial_park", "science_city", "other",
)  # fmt: skip
_ORG_WORDS = (
    "form", "institution", "business", "trade", "class", "not_org", "stop", "describe", "place",
    "verb", "build", "agent", "measure", "spend", "branch",
)  # fmt: skip
_STATUSES = ("signed", "started", "under_construction", "completed", "operating", "settled")

# A field spec: (python type, allowed values or None, required, default).
_Field = tuple[type, tuple[str, ...] | None, bool, Any]


def _req(kind: type = str, allowed: tuple[str, ...] | None = None) -> _Field:
    return (kind, allowed, True, None)


def _opt(kind: type, default: Any, allowed: tuple[str, ...] | None = None) -> _Field:
    return (kind, allowed, False, default)


#: The rule types and their fields. ``word`` is always matched on the
#: normalized text (see `hzner.normalize`).
RULE_TYPES: dict[str, dict[str, _Field]] = {
    # MONEY
    "currency": {
        "word": _req(),
        "code": _req(),
        "position": _opt(str, "after", ("before", "after")),
    },
    "qualifier": {
        "word": _req(),
        "position": _req(str, ("before", "after")),
        "bound": _req(str, (*_BOUNDS, "none")),
    },
    "range_separator": {"word": _req()},
    "money_cue": {"word": _req(), "role": _req(str, _ROLES)},
    "scale_word": {"word": _req()},
    "locale_cue": {"word": _req(), "currency": _req()},
    # PARK
    "zone": {
        "id": _req(),
        "name": _req(),
        "kind": _req(str, _KINDS),
        "aliases": _opt(list, []),
        "ambiguous": _opt(list, []),
        "province": _opt(str, ""),
        "city": _opt(str, ""),
        "parent": _opt(str, ""),
    },
    "alias": {"alias": _req(), "zone": _req()},
    "zone_word": {"word": _req(), "kind": _req(str, _KINDS)},
    "park_stop": {"word": _req()},
    "park_generic": {"word": _req()},
    "park_designation": {"word": _req()},
    "park_bare": {"word": _req()},
    # PROJECT
    "project_head": {"word": _req()},
    "project_stop": {"word": _req()},
    "project_generic": {"word": _req()},
    "project_anaphor": {"word": _req()},
    "status_cue": {"word": _req(), "status": _req(str, (*_STATUSES, "none"))},
    # ORG: word lists by kind (see hzner/data/orgs/SOURCE.md), and a user's
    # known organisation with its short forms.
    "org_word": {"word": _req(), "kind": _req(str, _ORG_WORDS)},
    "org": {"name": _req(), "short": _opt(list, [])},
    # Any label: a literal phrase, matched on the normalized text.
    "phrase": {"label": _req(), "pattern": _req(), "id": _opt(str, "")},
}

_TYPE_NAMES = {str: "a string", list: "a list of strings", int: "an integer"}

#: The longest word, pattern, alias or name a rule may have, in characters.
#: Words are matched literally; a longer one names nothing in news text, and
#: compiling a pattern of millions of characters takes tens of seconds.
MAX_WORD = 1000

# The fields matched in the text: each must keep a character once normalized.
_MATCHED = frozenset(("word", "pattern", "alias", "name", "aliases"))

# Shows a bad value in a message: short, and safe on deeply nested values.
_SHOW = reprlib.Repr()
_SHOW.maxlevel = 3
_SHOW.maxstring = 60
_SHOW.maxother = 60


def _check_matched(rule: Rule, source: str, line: int) -> None:
    """Raise if a matched field is empty once normalized or longer than `MAX_WORD`."""
    for name in _MATCHED.intersection(rule):
        value = rule[name]
        for item in value if isinstance(value, list) else (value,):
            if len(item) > MAX_WORD:
                raise RuleError(
                    Errors.E161.format(
                        source=source, line=line, field=name, type=rule["type"],
                        length=len(item), limit=MAX_WORD,
                    )
                )  # fmt: skip
            # The view drops exactly the characters str.isspace() accepts, so
            # this is `not normalize_key(item)` without building a view.
            if not item or item.isspace():
                raise RuleError(
                    Errors.E160.format(
                        source=source, line=line, field=name, type=rule["type"], value=item
                    )
                )


def _validate(raw: Any, source: str, line: int) -> Rule:
    if not isinstance(raw, dict):
        raise RuleError(Errors.E011.format(source=source, line=line, type=type(raw).__name__))
    rule_type = raw.get("type")
    fields = RULE_TYPES.get(rule_type) if isinstance(rule_type, str) else None
    if fields is None:
        known = ", ".join(RULE_TYPES)
        shown = _ShownValue(rule_type)
        raise RuleError(Errors.E012.format(source=source, line=line, type=shown, known=known))
    rule: Rule = {"type": rule_type}
    for name in raw:
        if name != "type" and name not in fields:
            known = ", ".join(fields)
            raise RuleError(
                Errors.E016.format(
                    source=source, line=line, field=name, type=rule_type, known=known
                )
            )
    for name, (kind, allowed, required, default) in fields.items():
        if name not in raw:
            if required:
                raise RuleError(
                    Errors.E013.format(
                        source=source,
                        line=line,
                        type=rule_type,
                        field=name,
                        expected=_TYPE_NAMES[kind],
                    )
                )
            rule[name] = list(default) if isinstance(default, list) else default
            continue
        value = raw[name]
        ok = isinstance(value, kind) and (kind is not str or value != "" or not required)
        if ok and kind is list:
            ok = all(isinstance(item, str) and item for item in value)
        if not ok:
            raise RuleError(
                Errors.E014.format(
                    source=source,
                    line=line,
                    field=name,
                    type=rule_type,
                    expected="a non-empty " + _TYPE_NAMES[kind].removeprefix("a "),
                    value=_ShownValue(value),
                )
            )
        if allowed is not None and value not in allowed:
            raise RuleError(
                Errors.E015.format(
                    source=source,
                    line=line,
                    field=name,
                    type=rule_type,
                    allowed=", ".join(allowed),
                    value=_ShownValue(value),
                )
            )
        rule[name] = list(value) if kind is list else value
    _check_matched(rule, source, line)
    return rule


class _ShownValue:
    """A value whose ``!r`` is short and safe however deeply it nests."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __repr__(self) -> str:
        return _SHOW.repr(self.value)


def _parse_lines(lines: Iterable[str], source: str) -> Iterator[Rule]:
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        try:
            raw = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise RuleError(
                Errors.E010.format(source=source, line=number, detail=error.msg)
            ) from None
        except RecursionError:
            raise RuleError(Errors.E162.format(source=source, line=number)) from None
        yield _validate(raw, source, number)


def read_rules(source: RuleSource) -> list[Rule]:
    """Read and validate rules from a JSONL or CSV path, a mapping or an iterable of mappings.

    Examples
    --------
    >>> read_rules({"type": "money_cue", "word": "总投资", "role": "investment"})
    [{'type': 'money_cue', 'word': '总投资', 'role': 'investment'}]

    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.is_file():
            raise RuleError(Errors.E018.format(source=path))
        with path.open(encoding="utf-8", newline="") as handle:
            if path.suffix.lower() == ".csv":
                from .rules_csv import parse_csv  # CSV rules are rare: csv loads only for them

                return list(parse_csv(handle, str(path)))
            return list(_parse_lines(handle, str(path)))
    if isinstance(source, Mapping):
        return [_validate(dict(source), "<rule>", 1)]
    if isinstance(source, Iterable) and not isinstance(source, (bytes, bytearray)):
        return [
            _validate(dict(raw) if isinstance(raw, Mapping) else raw, "<rules>", index)
            for index, raw in enumerate(source, start=1)
        ]
    raise TypeError(Errors.E017.format(type=type(source).__name__))


@cache
def _package_rules() -> tuple[Rule, ...]:
    """Read every ``*.jsonl`` file under ``hzner/data`` once per process."""
    rules: list[Rule] = []
    root = data_file()
    for folder in sorted(root.iterdir(), key=lambda entry: entry.name):
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir(), key=lambda item: item.name):
            if entry.name.endswith(".jsonl"):
                text = entry.read_text(encoding="utf-8")
                rules.extend(_parse_package(text, f"hzner/data/{folder.name}/{entry.name}"))
    return tuple(rules)


def _parse_package(text: str, source: str) -> list[Rule]:
    """One of hzner's own JSONL files, decoded as one JSON array: one call into C, not one a line.

    Should a line not decode alone, the lines are read one by one, for `read_rules`'s error.
    """
    lines = [
        (number, stripped)
        for number, line in enumerate(text.splitlines(), start=1)
        if (stripped := line.strip()) and not stripped.startswith("//")
    ]
    try:
        raws = json.loads("[" + ",".join(line for _, line in lines) + "]")
    except (json.JSONDecodeError, RecursionError):
        raws = None
    if not isinstance(raws, list) or len(raws) != len(lines):
        return list(_parse_lines(text.splitlines(), source))
    return [_validate(raw, source, number) for (number, _), raw in zip(lines, raws, strict=True)]


class RuleSet:
    """An immutable collection of validated rules, grouped by type.

    Parameters
    ----------
    rules
        Validated rules, in order. Later rules win where two disagree.

    """

    __slots__ = ("__weakref__", "_by_type", "_rules")

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: tuple[Rule, ...] = tuple(rules)
        by_type: dict[str, list[Rule]] = {name: [] for name in RULE_TYPES}
        for rule in self._rules:
            by_type[rule["type"]].append(rule)
        self._by_type = {name: tuple(items) for name, items in by_type.items()}

    @classmethod
    def default(cls) -> RuleSet:
        """The rules shipped in ``hzner/data`` (read once per process)."""
        return _default_ruleset()

    @classmethod
    def from_sources(cls, sources: Iterable[RuleSource] = (), *, defaults: bool = True) -> RuleSet:
        """Build a rule set from hzner's defaults (unless ``defaults=False``) and ``sources``."""
        base = cls.default() if defaults else cls()
        return base.extend(*sources) if sources else base

    def extend(self, *sources: RuleSource) -> RuleSet:
        """Return a new rule set with the rules of ``sources`` added after these."""
        added: list[Rule] = []
        for source in sources:
            added.extend(read_rules(source))
        return RuleSet((*self._rules, *added))

    def of(self, *types: str) -> tuple[Rule, ...]:
        """The rules of the given types, in order."""
        if len(types) == 1:
            return self._by_type[types[0]]
        return tuple(rule for rule in self._rules if rule["type"] in types)

    def lexicon(self, rule_type: str, value: str, **where: str) -> Lexicon[str]:
        """Compile the ``word`` of each rule of ``rule_type`` into a `Lexicon`.

        Each word maps to the rule's ``value`` field; ``where`` keeps only the
        rules whose fields have the given values (``position="after"``).

        Examples
        --------
        >>> rules = RuleSet().extend({"type": "money_cue", "word": "总投资", "role": "investment"})
        >>> rules.lexicon("money_cue", "role").get("总投资")
        ('investment',)

        """
        lexicon: Lexicon[str] = Lexicon()
        rules = self.of(rule_type)
        for field, wanted in where.items():
            rules = tuple(rule for rule in rules if rule.get(field) == wanted)
        for rule in rules:
            lexicon.add(rule["word"], rule[value])
        return lexicon

    def select(self, *types: str) -> RuleSet:
        """A rule set holding only the rules of the given types."""
        return RuleSet(rule for rule in self._rules if rule["type"] in types)

    @property
    def rules(self) -> tuple[Rule, ...]:
        """All rules, in order."""
        return self._rules

    def __len__(self) -> int:
        return len(self._rules)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RuleSet) and self._rules == other._rules

    def __hash__(self) -> int:
        return id(self)

    def to_jsonl(self) -> str:
        """Serialize the rules, one JSON object a line, as they are read."""
        return "".join(json.dumps(rule, ensure_ascii=False) + "\n" for rule in self._rules)

    @classmethod
    def from_jsonl(cls, text: str, source: str = "<jsonl>") -> RuleSet:
        """Read rules written by `to_jsonl`."""
        return cls(_parse_lines(text.splitlines(), source))


@cache
def _default_ruleset() -> RuleSet:
    return RuleSet(_package_rules())
