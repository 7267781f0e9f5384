"""The gazetteer of named zones: official names, press forms and literal matching.

Every zone comes from a ``zone`` rule (hzner ships the national lists in
``hzner/data/zones/zones.jsonl``; users add their own the same way), and
``alias`` rules add forms to a zone named by its id or official name. For
each zone the gazetteer also generates the forms the press writes
(`hzner.zones.forms.generate_aliases`): 重庆高新技术产业开发区 is written 重庆高新区,
中国(重庆)自由贸易试验区 is written 重庆自贸区, 重庆西永综合保税区 is written
西永综保区. A form that belongs to several zones (火炬高新区: 厦门, 中山 and
威海) returns all of them; `disambiguate` picks one only when the context
names the place of exactly one.

All forms are normalized (`hzner.normalize.normalize_key`), and matching runs
on normalized text, so brackets of either width are the same.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from .._files import data_file
from ..errors import Errors, RuleError
from ..lexicon import Lexicon
from ..normalize import normalize_key
from ..rules import Rule, RuleSet
from .forms import Zone, generate_aliases, place_names, signature, zone_word_lexicon

__all__ = [
    "Gazetteer",
    "Zone",
    "disambiguate",
    "generate_aliases",
    "place_names",
    "precomputed_forms",
    "precomputed_tables",
    "render_forms",
    "render_tables",
]


def _mentioned(division: str, text: str) -> bool:
    names = place_names(division)
    return bool(names) and names[-1] in text


def disambiguate(candidates: Iterable[Zone], context: str) -> Zone | None:
    """Pick the one candidate whose place the context names, or None.

    A candidate fits when its city or province (as the press writes it:
    厦门 for 厦门市) occurs in ``context``. Exactly one fitting candidate is
    returned; when several fit, the one whose city occurs is returned if
    it is the only one; otherwise, and when none fits, the result is None,
    so that no link is guessed. A single candidate is returned as it is.

    Examples
    --------
    >>> xiamen = Zone("HTZ-350000-02", "厦门火炬高技术产业开发区", "high_tech_zone", (),
    ...               "福建省", "厦门市", "")
    >>> weihai = Zone("HTZ-370000-02", "威海火炬高技术产业开发区", "high_tech_zone", (),
    ...               "山东省", "威海市", "")
    >>> disambiguate([xiamen, weihai], "厦门市火炬高新区今年").name
    '厦门火炬高技术产业开发区'
    >>> disambiguate([xiamen, weihai], "火炬高新区今年") is None
    True

    """
    zones = tuple(dict.fromkeys(candidates))
    if len(zones) <= 1:
        return zones[0] if zones else None
    text = normalize_key(context)
    fits = [
        zone for zone in zones if _mentioned(zone.city, text) or _mentioned(zone.province, text)
    ]
    if len(fits) == 1:
        return fits[0]
    by_city = [zone for zone in fits if _mentioned(zone.city, text)]
    return by_city[0] if len(by_city) == 1 else None


def _seeds(rules: RuleSet) -> tuple[list[Zone], set[str]]:
    """The zones of the ``zone`` and ``alias`` rules, by id, before forms are generated.

    Also returns the forms the rules flag as ambiguous.

    Raises
    ------
    RuleError
        [E020] if an alias rule names a zone that no zone rule defines.

    """
    records: dict[str, Rule] = {}
    for rule in rules.of("zone"):
        records[rule["id"]] = rule
    names: dict[str, str] | None = None
    extra: dict[str, list[str]] = {zone_id: [] for zone_id in records}
    for rule in rules.of("alias"):
        target: str = rule["zone"]
        found: str | None = target
        if target not in records:
            if names is None:  # built only when an alias names a zone by its name
                names = {}
                for zone_id, record in records.items():
                    names.setdefault(normalize_key(record["name"]), zone_id)
            found = names.get(normalize_key(target))
        if found is None:
            raise RuleError(Errors.E020.format(alias=rule["alias"], zone=target))
        extra[found].append(rule["alias"])
    seeds: list[Zone] = []
    flagged: set[str] = set()
    for zone_id in sorted(records):
        rule = records[zone_id]
        seeds.append(
            Zone(
                zone_id=zone_id,
                name=rule["name"],
                kind=rule["kind"],
                aliases=(*rule["aliases"], *extra[zone_id]),
                province=rule["province"],
                city=rule["city"],
                parent=rule["parent"],
            )
        )
        flagged.update(rule["ambiguous"])
    return seeds, flagged


class Gazetteer:
    """The zones, their forms, and a leftmost-longest matcher over them.

    Build one with `Gazetteer.from_rules` or use `Gazetteer.default`; the
    constructor takes finished zones (with every form in ``aliases``).

    Parameters
    ----------
    zones
        The zones; a later zone with the same id replaces an earlier one.
    flagged
        Forms the rules flag as ambiguous (a place or brand as well as a zone).
    tables
        The brands and endings of the zones' forms, when they are known
        already (the shipped zones' tables, built by ``scripts/build_zones.py``).

    """

    __slots__ = ("_brands", "_by_id", "_by_name", "_endings", "_flagged", "_forms")

    def __init__(
        self, zones: Iterable[Zone], flagged: Iterable[str] = (), *, tables: _Tables | None = None
    ) -> None:
        self._index(zones, flagged, tables)

    def _index(self, zones: Iterable[Zone], flagged: Iterable[str], tables: _Tables | None) -> None:
        """Index the zones; ``tables``, when given, are the brands and endings of their forms."""
        self._by_id: dict[str, Zone] = {}
        for zone in zones:
            self._by_id[zone.zone_id] = zone
        self._by_name: dict[str, Zone] = {}
        # Forms are normalized already (`Zone.aliases`); only names are normalized here.
        forms: dict[str, tuple[Zone, ...]] = {}
        for zone in self._by_id.values():
            name = normalize_key(zone.name)
            self._by_name.setdefault(name, zone)
            for form in (name, *zone.aliases):
                found = forms.get(form, ())
                if zone not in found:
                    forms[form] = (*found, zone)
        self._forms = forms
        self._flagged = frozenset(normalize_key(form) for form in flagged)
        # Most forms end with a zone word: they are looked up where a zone word
        # ends, by the lengths of the forms that end with it. The few that do
        # not (光谷, 中关村) have a small matcher of their own. This is several
        # times faster than one matcher of every form tried at every position.
        self._brands: Lexicon[Zone] = Lexicon()
        if tables is not None:  # hzner's own zones: the tables are stored (`precomputed_tables`)
            brands, self._endings = tables
            for form, zones in forms.items():
                if form in brands:
                    for zone in zones:
                        self._brands.add(form, zone)
            return
        lengths: dict[str, set[int]] = {}
        ending = _zone_word_ending().search
        for form, zones in forms.items():
            suffix = ending(form)
            if suffix is None or suffix.start() == 0:
                for zone in zones:
                    self._brands.add(form, zone)
            else:
                # Keyed by the zone word and the character before it, which
                # rules out most zone words of a text with one look-up.
                start = suffix.start()
                key = form[start:] + form[start - 1]
                lengths.setdefault(key, set()).add(len(form))
        self._endings = {
            word: tuple(sorted(found, reverse=True)) for word, found in lengths.items()
        }

    @classmethod
    def from_rules(cls, rules: RuleSet) -> Gazetteer:
        """Build the gazetteer from the ``zone`` and ``alias`` rules of ``rules``.

        Raises
        ------
        RuleError
            [E020] if an alias rule names a zone that no zone rule defines
            (by id or by official name).

        """
        seeds, flagged = _seeds(rules)
        shipped = _shipped_forms()
        # Only hzner's own zones, each as stored: then the look-up tables are stored too.
        as_shipped = len(seeds) == len(shipped)
        zones: list[Zone] = []
        for seed in seeds:
            # The forms of the shipped zones are generated at build time
            # (`precomputed_forms`); a zone whose rules differ gets them now.
            stored = shipped.get(seed.zone_id)
            if stored is not None and stored[0] == signature(seed):
                aliases = tuple(stored[1])
            else:
                aliases = tuple(sorted(generate_aliases(seed) - {seed.name}))
                as_shipped = False
            # Built directly: dataclasses.replace is several times slower.
            zones.append(
                Zone(
                    seed.zone_id,
                    seed.name,
                    seed.kind,
                    aliases,
                    seed.province,
                    seed.city,
                    seed.parent,
                )
            )
        return cls(zones, flagged, tables=_shipped_tables() if as_shipped else None)

    @classmethod
    def default(cls) -> Gazetteer:
        """Return the gazetteer of hzner's own rules, built at first use and then cached."""
        return _default_gazetteer()

    def get(self, zone_id: str) -> Zone | None:
        """Return the zone with id ``zone_id``, or None."""
        return self._by_id.get(zone_id)

    def by_name(self, official_name: str) -> Zone | None:
        """Return the zone with this official name (brackets of either width), or None."""
        return self._by_name.get(normalize_key(official_name))

    def candidates(self, form: str) -> tuple[Zone, ...]:
        """Return the zones ``form`` (normalized) names, in id order; empty if none."""
        return self._forms.get(normalize_key(form), ())

    def is_brand(self, form: str) -> bool:
        """Whether normalized ``form`` is a zone's name with no zone word in it (光谷, 张江)."""
        return bool(self._brands.lookup(form))

    def is_ambiguous(self, form: str) -> bool:
        """Whether ``form`` names several zones or is flagged as also naming a non-zone."""
        return len(self.candidates(form)) > 1 or normalize_key(form) in self._flagged

    def finditer(self, text: str) -> Iterator[tuple[int, int, tuple[Zone, ...]]]:
        """Yield ``(start, end, candidates)`` for the zone forms in normalized ``text``.

        Matches are leftmost-longest and do not overlap, so 重庆西永综保区 is one
        match, not 重庆 + 西永综保区. The time is linear in the length of the text.
        """
        found: list[tuple[int, int, tuple[Zone, ...]]] = []
        words = zone_word_lexicon()
        for start, end, _ in words.finditer(text):
            if start == 0:
                continue
            for length in self._endings.get(text[start:end] + text[start - 1], ()):
                begin = end - length
                zones = self._forms.get(text[begin:end], ()) if begin >= 0 else ()
                if zones:
                    found.append((begin, end, zones))
                    break
        found.extend(self._brands.finditer(text))
        # Leftmost-longest without overlaps, as one matcher of all forms would give.
        found.sort(key=lambda match: (match[0], match[0] - match[1]))
        last = 0
        for match in found:
            if match[0] >= last:
                last = match[1]
                yield match

    def forms(self) -> tuple[str, ...]:
        """Return every normalized form (official names included), sorted."""
        return tuple(sorted(self._forms))

    def ambiguous_forms(self) -> tuple[str, ...]:
        """Return the forms for which `is_ambiguous` is true, sorted."""
        return tuple(form for form in self.forms() if self.is_ambiguous(form))

    @staticmethod
    def disambiguate(candidates: Iterable[Zone], context: str) -> Zone | None:
        """Pick a candidate by the place its context names; see `disambiguate`."""
        return disambiguate(candidates, context)

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Zone]:
        return iter(self._by_id.values())

    def __contains__(self, form: object) -> bool:
        return isinstance(form, str) and normalize_key(form) in self._forms


def precomputed_forms(rules: RuleSet) -> dict[str, tuple[str, list[str]]]:
    """Generate every zone's forms: ``{id: (signature, sorted forms less the name)}``.

    ``scripts/build_zones.py --forms`` writes this for hzner's own rules to
    ``hzner/data/zones/forms.json``, so that the gazetteer loads without
    generating them (a test checks that the file is current).
    """
    seeds, _ = _seeds(rules)
    return {
        seed.zone_id: (signature(seed), sorted(generate_aliases(seed) - {seed.name}))
        for seed in seeds
    }


def render_forms(forms: dict[str, tuple[str, list[str]]]) -> str:
    """The text of ``forms.json``: one zone a line, sorted by id, deterministic."""
    lines = [
        json.dumps(zone_id, ensure_ascii=False) + ": " + json.dumps(value, ensure_ascii=False)
        for zone_id, value in sorted(forms.items())
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def precomputed_tables(rules: RuleSet) -> dict[str, Any]:
    """The gazetteer's look-up tables for the forms of ``rules``' zones, computed now.

    ``{"brands": the forms that end in no zone word, "endings": {zone word and
    the character before it: the lengths of the forms ending so}}``, which
    ``scripts/build_zones.py --forms`` writes for hzner's own rules to
    ``hzner/data/zones/tables.json`` (a test checks that it is current).
    """
    gazetteer = Gazetteer(Gazetteer.from_rules(rules))  # the constructor computes them
    return {
        "brands": sorted(gazetteer._brands.keys()),
        "endings": {key: list(lengths) for key, lengths in sorted(gazetteer._endings.items())},
    }


def render_tables(tables: dict[str, Any]) -> str:
    """The text of ``tables.json``: the brands on one line, then one ending a line."""
    endings = [
        json.dumps(key, ensure_ascii=False) + ": " + json.dumps(lengths)
        for key, lengths in sorted(tables["endings"].items())
    ]
    brands = json.dumps(sorted(tables["brands"]), ensure_ascii=False)
    return '{\n"brands": ' + brands + ',\n"endings": {\n' + ",\n".join(endings) + "\n}\n}\n"


# The forms that end in no zone word, and the lengths of the others by the
# zone word that ends them and the character before it.
_Tables = tuple[frozenset[str], dict[str, tuple[int, ...]]]


@cache
def _shipped_tables() -> _Tables | None:
    try:
        text = data_file("zones", "tables.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    raw: dict[str, Any] = json.loads(text)
    endings = {key: tuple(lengths) for key, lengths in raw["endings"].items()}
    return frozenset(raw["brands"]), endings


@cache
def _shipped_forms() -> dict[str, tuple[str, list[str]]]:
    source = data_file("zones", "forms.json")
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    raw: dict[str, list[Any]] = json.loads(text)
    return {zone_id: (value[0], value[1]) for zone_id, value in raw.items()}


@cache
def _zone_word_ending() -> re.Pattern[str]:
    """The longest zone word that ends a form: the leftmost that reaches the end.

    The zone words are CJK, so the ASCII-word rule of `Lexicon.longest_ending_at`
    never applies; one search in C per form is several times faster than it.
    """
    return re.compile(f"(?:{zone_word_lexicon().pattern})$")


@cache
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.from_rules(RuleSet.default())
