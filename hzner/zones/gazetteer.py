"""The gazetteer of named zones: official names, press forms and literal matching.

Every zone comes from a ``zone`` rule (hzner ships the national lists in
``hzner/data/zones/zones.jsonl``; users add their own the same way), and
``alias`` rules add forms to a zone named by its id or official name. For
each zone the gazetteer also generates the forms the press writes
(`generate_aliases`): 重庆高新技术产业开发区 is written 重庆高新区,
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
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from ..errors import Errors, RuleError
from ..lexicon import Lexicon
from ..normalize import normalize_key
from ..rules import Rule, RuleSet

__all__ = [
    "Gazetteer",
    "Zone",
    "disambiguate",
    "generate_aliases",
    "place_names",
    "precomputed_forms",
    "render_forms",
]

# Official zone words (the long forms in approved names) and the short forms
# the press writes in their place: XX高新技术产业开发区 → XX高新区, XX国家高新区.
# The 国家 forms are the national-level marker the press adds to a named zone;
# without a place name they are generic and are filtered out (`_is_specific`).
_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "高新技术产业开发区": ("高新区", "国家高新区"),
    "高新技术产业园区": ("高新区", "国家高新区"),
    "高技术产业开发区": ("高新区", "国家高新区"),
    "新技术产业开发区": ("高新区", "国家高新区"),
    "新技术开发区": ("高新区", "国家高新区"),
    "经济技术开发区": ("经开区", "国家级经开区", "国家级经济技术开发区"),
    "经济开发区": ("经开区",),
    "综合保税区": ("综保区",),
    "自由贸易试验区": ("自贸区", "自贸试验区"),
}

# Every zone word a form of a national zone can carry, long and short. A
# generated form must have a proper part (a place or a brand) before the
# first of these, or it would name no zone in particular (高新区, 片区).
_ZONE_WORDS: tuple[str, ...] = (
    *_SHORT_FORMS,
    "高新区", "经开区", "综保区", "自贸区", "自贸试验区", "开发区", "新区", "新片区", "片区",
    "保税区", "保税港区", "工业园区", "工业园", "产业园区", "产业园", "科技园区", "科技园",
    "示范区", "试验区", "台商投资区",
)  # fmt: skip

# A proper part that begins like a zone word is a zone word cut short by a
# stripped prefix (成都高新综保区 → 高新综保区), not a place: refuse it.
_ZONE_STEMS: tuple[str, ...] = tuple(sorted({word[:2] for word in _ZONE_WORDS}))

# The national-level markers: a proper part made only of these is no place.
_NATIONAL: tuple[str, ...] = ("国家级", "国家")

# Administrative suffixes of provinces and prefectures, longest first: the
# press writes 武汉 for 武汉市, 湖北 for 湖北省, 广西 for 广西壮族自治区.
_ADMIN_SUFFIXES: tuple[str, ...] = ("特别行政区", "自治区", "自治州", "地区", "省", "市", "盟")

# 中国(重庆)自由贸易试验区 → 重庆自由贸易试验区: the press drops 中国 and the
# brackets around the place (matched on the normalized form, where brackets of
# either width are ASCII).
_CHINA_PLACE = re.compile(r"中国\(([^()]{2,})\)(.+)")


@dataclass(frozen=True, slots=True)
class Zone:
    """One named zone of the reference lists (or a user's rules).

    Parameters
    ----------
    zone_id
        Stable id, e.g. ``HTZ-500000-01``.
    name
        The official name, spelled as the reference lists spell it.
    kind
        ``high_tech_zone``, ``econ_dev_zone``, ``new_area``, ``free_trade_zone``,
        ``bonded_zone`` or another kind of `hzner.rules.RULE_TYPES`.
    aliases
        Every other normalized form the zone is found by, sorted: the lists'
        short names, alias rules and generated forms.
    province, city
        Where the zone is (``湖北省``, ``武汉市``); either may be empty.
    parent
        The id of the zone this one is part of (a 片区's free trade zone), or "".

    """

    zone_id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    province: str
    city: str
    parent: str


@cache
def _short_form_lexicon() -> Lexicon[str]:
    lexicon: Lexicon[str] = Lexicon()
    for word in _SHORT_FORMS:
        lexicon.add(word, word)
    return lexicon


@cache
def _zone_word_lexicon() -> Lexicon[str]:
    lexicon: Lexicon[str] = Lexicon()
    for word in _ZONE_WORDS:
        lexicon.add(word, word)
    return lexicon


def place_names(division: str) -> tuple[str, ...]:
    """Return the names of a province or prefecture as the press writes them, full first.

    Examples
    --------
    >>> place_names("武汉市")
    ('武汉市', '武汉')
    >>> place_names("广西壮族自治区")
    ('广西壮族自治区', '广西')
    >>> place_names("内蒙古自治区")
    ('内蒙古自治区', '内蒙古')

    """
    full = normalize_key(division)
    for suffix in _ADMIN_SUFFIXES:
        if full.endswith(suffix) and len(full) - len(suffix) >= 2:
            stem = full[: -len(suffix)]
            # An autonomous area is named place + people (广西壮族, 延边朝鲜族,
            # 新疆维吾尔); the place names are two characters long, and the one
            # three-character name (内蒙古) has no people's name after it.
            if suffix.startswith("自治") and (len(stem) > 3 or "族" in stem):
                stem = stem[:2]
            return (full, stem)
    return (full,) if full else ()


def _proper_part(form: str) -> str | None:
    """Return the part of ``form`` before its first zone word, less national markers.

    None if ``form`` has no zone word.
    """
    first = next(_zone_word_lexicon().finditer(form), None)
    if first is None:
        return None
    proper = form[: first[0]]
    for marker in _NATIONAL:
        proper = proper.removesuffix(marker)
    return proper


def _is_specific(form: str) -> bool:
    """Whether a generated form still names one zone: a proper part of two or more characters."""
    proper = _proper_part(form)
    return (
        proper is not None
        and len(proper) >= 2
        and not proper.startswith(_ZONE_STEMS)
        and not proper.startswith(_NATIONAL)
    )


def _shortened(form: str) -> set[str]:
    """Return ``form`` and its forms with a long zone word replaced by a short one."""
    variants = {form}
    for start, end, _ in _short_form_lexicon().finditer(form):
        head, tail = form[:start], form[end:]
        national = head.endswith(_NATIONAL)
        for short in _SHORT_FORMS[form[start:end]]:
            # 北京国家级经济技术开发区 → 北京国家级经开区, not 北京国家级国家级经开区.
            if not (national and short.startswith(_NATIONAL)):
                variants.add(head + short + tail)
    for variant in list(variants):
        match = _CHINA_PLACE.fullmatch(variant)
        if match is not None:
            variants.add(match.group(1) + match.group(2))
    return variants


def generate_aliases(zone: Zone) -> set[str]:
    """Every normalized form ``zone`` is found by: its names and the press forms built from them.

    The official name and ``zone.aliases`` are kept as they are. From them come
    the short zone words (XX高新技术产业开发区 → XX高新区, XX国家高新区;
    经济技术开发区 → 经开区, 国家级经开区; 综合保税区 → 综保区; 自由贸易试验区 →
    自贸区, 自贸试验区; 中国(X)自由贸易试验区 → X自贸区, 中国(X)自贸区 ...), then
    forms with the city or province stripped (武汉东湖高新区 → 东湖高新区) or
    added (西永综保区 → 重庆西永综保区). A generated form is kept only if a place
    or brand of at least two characters stands before its zone word, so bare
    zone words (高新区, 片区) and 国家高新区 are never generated.

    Parameters
    ----------
    zone
        The zone, with the aliases its rules give.

    Returns
    -------
    set of str
        The normalized forms, the official name included.

    Examples
    --------
    >>> zone = Zone("CBZ-500000-01", "重庆西永综合保税区", "bonded_zone", (),
    ...             "重庆市", "重庆市", "")
    >>> sorted(generate_aliases(zone))
    ['西永综保区', '西永综合保税区', '重庆市西永综保区', '重庆市西永综合保税区', '重庆西永综保区',
     '重庆西永综合保税区']

    """
    seeds = {normalize_key(form) for form in (zone.name, *zone.aliases)} - {""}
    forms = set(seeds)
    for seed in seeds:
        forms.update(form for form in _shortened(seed) if _is_specific(form))
    # Strip the longest matching place name (武汉市 before 武汉), so that a name
    # written with 市 does not leave 市 behind.
    divisions = [names for names in (place_names(zone.city), place_names(zone.province)) if names]
    strip = sorted({name for names in divisions for name in names}, key=len, reverse=True)
    placed = set(forms)
    for form in forms:
        prefix = next((name for name in strip if form.startswith(name)), None)
        if prefix is None:
            continue
        rest = form[len(prefix) :]
        if _is_specific(rest):
            placed.add(rest)
        # 深圳市高新技术产业园区 → 深圳高新技术产业园区: the short place name
        # keeps a form specific where dropping the place would not.
        short = next((names[-1] for names in divisions if names[0] == prefix), prefix)
        if short != prefix and _is_specific(short + rest):
            placed.add(short + rest)
    # Add only the short names of a province and of a city proper (市): the
    # press does not put an autonomous prefecture's name before a zone.
    # A city proper is written with or without 市 (厦门市火炬高新区).
    add = place_names(zone.province)[1:]
    if normalize_key(zone.city).endswith("市"):
        add += place_names(zone.city)
    result = set(placed)
    for form in placed:
        # A form that already names the place anywhere (中新苏州工业园区) does
        # not get it again.
        if any(name in form for name in strip) or form.startswith(("中国", *_NATIONAL)):
            continue
        if _is_specific(form):
            result.update(prefix + form for prefix in add)
        elif form in seeds and _proper_part(form) is None and len(form) >= 2:
            # A brand with no zone word (中关村, 张江): the press writes its city
            # before it (北京中关村, 上海张江), never its province.
            result.update(prefix + form for prefix in place_names(zone.city))
    return result


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

    """

    __slots__ = ("_brands", "_by_id", "_by_name", "_endings", "_flagged", "_forms")

    def __init__(self, zones: Iterable[Zone], flagged: Iterable[str] = ()) -> None:
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
        lengths: dict[str, set[int]] = {}
        self._brands: Lexicon[Zone] = Lexicon()
        words = _zone_word_lexicon()
        for form, zones in forms.items():
            suffix = words.longest_ending_at(form, len(form))
            if suffix is None or suffix[0] == 0:
                for zone in zones:
                    self._brands.add(form, zone)
            else:
                # Keyed by the zone word and the character before it, which
                # rules out most zone words of a text with one look-up.
                key = form[suffix[0] :] + form[suffix[0] - 1]
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
        zones: list[Zone] = []
        for seed in seeds:
            # The forms of the shipped zones are generated at build time
            # (`precomputed_forms`); a zone whose rules differ gets them now.
            stored = shipped.get(seed.zone_id)
            if stored is not None and stored[0] == _signature(seed):
                aliases = tuple(stored[1])
            else:
                aliases = tuple(sorted(generate_aliases(seed) - {seed.name}))
            zones.append(replace(seed, aliases=aliases))
        return cls(zones, flagged)

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
        words = _zone_word_lexicon()
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


def _signature(zone: Zone) -> str:
    """What a zone's generated forms depend on, as one string."""
    return "\x1f".join((zone.name, zone.province, zone.city, *zone.aliases))


def precomputed_forms(rules: RuleSet) -> dict[str, tuple[str, list[str]]]:
    """Generate every zone's forms: ``{id: (signature, sorted forms less the name)}``.

    ``scripts/build_zones.py --forms`` writes this for hzner's own rules to
    ``hzner/data/zones/forms.json``, so that the gazetteer loads without
    generating them (a test checks that the file is current).
    """
    seeds, _ = _seeds(rules)
    return {
        seed.zone_id: (_signature(seed), sorted(generate_aliases(seed) - {seed.name}))
        for seed in seeds
    }


def render_forms(forms: dict[str, tuple[str, list[str]]]) -> str:
    """The text of ``forms.json``: one zone a line, sorted by id, deterministic."""
    lines = [
        json.dumps(zone_id, ensure_ascii=False) + ": " + json.dumps(value, ensure_ascii=False)
        for zone_id, value in sorted(forms.items())
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"


@cache
def _shipped_forms() -> dict[str, tuple[str, list[str]]]:
    source = resources.files("hzner") / "data" / "zones" / "forms.json"
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    raw: dict[str, list[Any]] = json.loads(text)
    return {zone_id: (value[0], value[1]) for zone_id, value in raw.items()}


@cache
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.from_rules(RuleSet.default())
