"""A zone of the reference lists, and the forms the press writes for it.

The press rarely writes a zone's official name: 重庆高新技术产业开发区 is
written 重庆高新区, 中国(重庆)自由贸易试验区 重庆自贸区, 重庆西永综合保税区
西永综保区. `generate_aliases` derives those forms from a zone's name, its
province and city and its listed short names; `hzner.zones.gazetteer` matches
them. hzner's own zones have their forms generated at build time
(``scripts/build_zones.py --forms``), keyed by `signature`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..lexicon import Lexicon
from ..normalize import normalize_key

if TYPE_CHECKING:
    from ..rules import RuleSet

__all__ = [
    "Zone",
    "generate_aliases",
    "place_names",
    "signature",
    "zone_place_names",
    "zone_word_lexicon",
]

# Official zone words (the long forms in approved names) and the short forms
# the press writes in their place: XX高新技术产业开发区 → XX高新区, XX国家高新区.
# The 国家 forms are the national-level marker the press adds to a named zone;
# without a place name they are generic and are filtered out (`_is_specific`).
_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "高新技术产业开发区": ("高新区", "国家高新区", "国家高新技术产业开发区"),
    "高新技术产业园区": ("高新区", "国家高新区"),
    "高技术产业开发区": ("高新区", "国家高新区"),
    "新技术产业开发区": ("高新区", "国家高新区"),
    "新技术开发区": ("高新区", "国家高新区"),
    "经济技术开发区": (
        "经开区",
        "开发区",
        "国家级经开区",
        "国家级经济技术开发区",
        "国家经济技术开发区",
    ),
    "经济开发区": ("经开区", "开发区"),
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


def _lexicon_of(words: Iterable[str]) -> Lexicon[str]:
    lexicon: Lexicon[str] = Lexicon()
    for word in words:
        lexicon.add(word, word)
    return lexicon


@cache
def _short_form_lexicon() -> Lexicon[str]:
    return _lexicon_of(_SHORT_FORMS)


@cache
def zone_word_lexicon() -> Lexicon[str]:
    """Every zone word a form of a national zone can carry, long and short."""
    return _lexicon_of(_ZONE_WORDS)


# Cached: the lexicons call it for the province and city of every zone, and
# the zones share a few hundred of them.
@lru_cache(maxsize=4096)
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


def zone_place_names(rules: RuleSet) -> list[str]:
    """The names (`place_names`) of the provinces and cities of ``rules``' zones, in order.

    Each province or city is named once, where first met: the zones share a
    few hundred of them.
    """
    divisions = dict.fromkeys(
        division
        for rule in rules.of("zone")
        for division in (rule.get("province", ""), rule.get("city", ""))
        if division
    )
    return [name for division in divisions for name in place_names(division)]


def _proper_part(form: str) -> str | None:
    """Return the part of ``form`` before its first zone word, less national markers.

    None if ``form`` has no zone word.
    """
    first = next(zone_word_lexicon().finditer(form), None)
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
        # 株洲高新区 → 株洲市高新区: a city proper is written with 市 too.
        full = next((names[0] for names in divisions if prefix in names[1:]), prefix)
        if full != prefix and full.endswith("市") and _is_specific(full + rest):
            placed.add(full + rest)
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


def signature(zone: Zone) -> str:
    """What a zone's generated forms depend on, as one string."""
    return "\x1f".join((zone.name, zone.province, zone.city, *zone.aliases))
