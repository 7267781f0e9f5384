"""Find PARK mentions: known zones from the gazetteer, and unseen named parks.

Two passes over the normalized text, both linear:

1. the gazetteer's forms (official names, short forms, aliases such as 光谷),
   leftmost-longest, each linked to its zone (an ambiguous form such as
   火炬高新区 is linked only when its context decides);
2. zone words (高新区, 产业园, 科学城, 片区 ...) not inside a known name, each
   extended to the left over its proper part (沙文生态科技, 西部(重庆)) until a
   boundary: punctuation, a digit, a boundary word (在 位于 落户 的 和 ...), the
   end of another park, or a length cap. A proper part that is generic
   (国家, 国际合作, 海外高科技) makes no park.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..lexicon import Lexicon
from ..normalize import Located, NormalizedText, locate
from ..rules import RuleSet
from ..types import Money, Park, ZoneKind
from .gazetteer import Gazetteer, Zone
from .glosses import Glossed
from .places import Places
from .readings import Readings, named_as_project, project_names
from .where import Where

__all__ = ["ParkRecognizer"]

# The longest proper part worth reading: 中日(成都)地方发展合作 has 12.
_MAX_PROPER = 14
# How many unknown characters may stand before a generic modifier (同|海外高科技园区);
# two are a place already (苏南|国家自主创新示范区).
_STRAY_PREFIX = 1
# Sentence ends: the context that decides an ambiguous form.
_SENTENCE_END = frozenset("。!?;")
_CONTEXT = 200
# A classifier after a number ends a count, not a name (169个国家高新区).
_CLASSIFIERS = frozenset("个家座所项批类级")
_NUMERALS = frozenset("〇零一二两三四五六七八九十百千万几数多")
# An ordinal names an event or a batch, not a park: 第三届…开发区(大会), 第二批…园区.
_ORDINAL_UNITS = frozenset("届次批期轮")
# Magnitudes that, followed by 万 or 亿, make a quantity (百亿项目, 千万平方米): no name.
_MAGNITUDES = frozenset("十百千万")
# Quotes that close a slogan built on a zone's brand ("湾区光谷").
_CLOSING_QUOTES = frozenset("\u201d\"\u300d\u300f\u2019'")
_OPENING_QUOTES = frozenset("\u201c\"\u300c\u300e\u2018'")
# Characters that can be part of a park's proper part besides CJK ideographs.
_NAME_EXTRA = frozenset("()·-&")
# ZoneKind by value, without the enum's slower call.
_KINDS = {kind.value: kind for kind in ZoneKind}


def _is_numeral(char: str) -> bool:
    return char.isdigit() or char in _NUMERALS


def _is_name_char(char: str, before: str = "") -> bool:
    if char in _NAME_EXTRA:
        return True
    if char == "\u2014":
        return before != "\u2014"  # 滨海—中关村科技园 joins; a double dash —— is punctuation
    if char.isascii():
        return char.isalpha()
    # CJK ideographs; not CJK punctuation (、，。“” are outside this block).
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


# Internal and short-lived, so not frozen: creating one is four times faster.
@dataclass(slots=True)
class _Found:
    start: int
    end: int
    zones: tuple[Zone, ...]
    kind: ZoneKind
    rule_id: str


class ParkRecognizer:
    """Find and link the parks of a normalized text.

    Parameters
    ----------
    rules
        The rule set: ``zone``, ``alias``, ``zone_word``, ``park_stop`` and
        ``park_generic`` rules are used.

    """

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The zones and their forms."""
        return Gazetteer.from_rules(self.rules)

    @cached_property
    def zone_words(self) -> Lexicon[str]:
        """Zone words and the kind each gives an unseen park."""
        return self.rules.lexicon("zone_word", "kind")

    @cached_property
    def stops(self) -> Lexicon[str]:
        """Words that end a park's name on the left."""
        return self.rules.lexicon("park_stop", "word")

    @cached_property
    def generic(self) -> Lexicon[str]:
        """Proper parts (or name endings) that make a mention generic."""
        return self.rules.lexicon("park_generic", "word")

    @cached_property
    def readings(self) -> Readings:
        """The cues that read an unseen park as a kind or a project."""
        return Readings.default()

    @cached_property
    def places(self) -> Places:
        """China's place names (provinces, prefectures, counties)."""
        return Places.default()

    def __call__(self, norm: NormalizedText, money: Sequence[Money] = ()) -> list[Park]:
        """Find the parks of ``norm``, with offsets into ``norm.original``.

        A park's name does not reach back over an amount of ``money``
        (总投资84亿元 衡水高新区 names 衡水高新区).
        """
        parks, _, _ = self.find_located(norm, locate(money, norm))
        return [item.entity for item in parks]

    def find_located(
        self, norm: NormalizedText, money: Sequence[Located[Money]]
    ) -> tuple[list[Located[Park]], list[tuple[int, int]], list[tuple[int, int]]]:
        """Find the parks of ``norm``, given its money with spans in the view.

        Returns the parks with their spans in the view, the spans of all the
        zone words of the text, and the spans of the unseen parks dropped as
        projects (…产业园正式开工): the PROJECT tagger needs both.
        """
        barriers = {amount.end for amount in money} | set(norm.breaks)
        # Read the text without pinyin glosses (產(chǎn)業(yè)園), if it has any.
        glossed = Glossed.of(norm.text)
        text = norm.text if glossed is None else glossed.text
        if glossed is not None:
            barriers = {glossed.inward(pos) for pos in barriers}
        words = list(self.zone_words.finditer(text))
        known, slogans = self._named(text, list(self._known(text)), words)
        asides = list(self._second_names(text, known))
        barriers.update(item.end for item in asides)
        unseen = self._unseen(text, known, barriers, words, [*slogans, *asides])
        found, as_projects = self._read(text, sorted([*known, *unseen], key=lambda i: i.start))
        parks: list[Located[Park]] = []
        linked: dict[str, Zone] = {}
        where: Where | None = None  # the place table is read only when a park needs it
        for item in found:
            zone = self._link(text, item, linked)
            if zone is not None:
                province, city = zone.province or None, zone.city or None
            else:
                where = where or Where(self.places, text)
                province, city = where.of(item.start, item.end)
            if glossed is not None:
                item.start, item.end = glossed.outward(item.start, item.end)
            start, end = norm.to_original(item.start, item.end)
            park = Park(
                text=norm.original[start:end],
                start=start,
                end=end,
                zone=None if zone is None else zone.name,
                kind=_KINDS[zone.kind] if zone is not None else item.kind,
                zone_id=None if zone is None else zone.zone_id,
                candidates=()
                if zone is not None or len(item.zones) < 2
                else tuple(candidate.zone_id for candidate in item.zones),
                rule_id=item.rule_id,
                province=province,
                city=city,
            )
            parks.append(Located(item.start, item.end, park))
        spans = [(start, end) for start, end, _ in words]
        if glossed is not None:
            spans = [glossed.outward(start, end) for start, end in spans]
            as_projects = [glossed.outward(start, end) for start, end in as_projects]
        return parks, spans, as_projects

    def _read(self, text: str, found: list[_Found]) -> tuple[list[_Found], list[tuple[int, int]]]:
        """Drop the unlinked parks that their context reads as a kind or a project.

        Returns the parks kept, and the spans of those read as projects.
        """
        unlinked = [(item.start, item.end) for item in found if not item.zones]
        if not unlinked:
            return found, []
        readings = self.readings
        projects = project_names(text, unlinked)
        kept: list[_Found] = []
        as_projects: list[tuple[int, int]] = []
        for item in found:
            if item.zones or text.startswith("项目", item.end):  # the PROJECT tagger reads it whole
                kept.append(item)
            elif readings.is_kind(text, item.start) or readings.has_other_head(text, item.end):
                continue
            elif readings.is_project(text, item.start, item.end) or named_as_project(
                text[item.start : item.end], projects
            ):
                as_projects.append((item.start, item.end))
            else:
                kept.append(item)
        return kept, as_projects

    def _known(self, text: str) -> Iterator[_Found]:
        gazetteer = self.gazetteer
        for start, end, zones in gazetteer.finditer(text):
            if len(zones) == 1:  # the common case
                kind = _KINDS[zones[0].kind]
                parent = gazetteer.get(zones[0].parent) if zones[0].parent else None
                if parent is not None:
                    # A free-trade zone and its 片区 are two spans, each linked:
                    # 中国(湖北)自由贸易试验区|武汉片区.
                    cut = self._parent_prefix(text, start, end, parent)
                    if cut is not None:
                        yield _Found(start, cut, (parent,), kind, "gazetteer")
                        yield _Found(cut, end, zones, kind, "gazetteer")
                        continue
            else:
                kinds = {zone.kind for zone in zones}
                kind = _KINDS[kinds.pop()] if len(kinds) == 1 else ZoneKind.OTHER
            yield _Found(start, end, zones, kind, "gazetteer")

    def _parent_prefix(self, text: str, start: int, end: int, parent: Zone) -> int | None:
        """Where the parent zone's name ends inside a 片区's name, if it begins it."""
        for cut in range(end - 3, start + 1, -1):
            if parent in self.gazetteer.candidates(text[start:cut]):
                return cut
        return None

    def _named(
        self, text: str, known: list[_Found], words: list[tuple[int, int, tuple[str, ...]]]
    ) -> tuple[list[_Found], list[_Found]]:
        """Apply the rules on known brands: the longest name wins, a slogan is no park.

        A brand with no zone word (张江, 光谷) followed by a zone word is a
        longer name of its own (张江科学城, not linked: it is not in the lists);
        a brand glued after other characters inside quotes is a slogan
        ("湾区光谷") and is dropped; it is returned apart, so that no unseen
        park is read there either.
        """
        slogans: list[_Found] = []
        if not known:
            return known, slogans
        word_at = {start: (end, kinds) for start, end, kinds in words}
        kept: list[_Found] = []
        reached = 0  # the end of the last longer name: no known name inside it (光谷|光谷)
        for item in known:
            if item.start < reached:
                continue
            if self.gazetteer.is_brand(text[item.start : item.end]):
                following = word_at.get(item.end)
                if following is not None:
                    kind = _KINDS[following[1][-1]]
                    kept.append(_Found(item.start, following[0], (), kind, "zone_word"))
                    reached = following[0]
                    continue
                if self._in_slogan(text, item.start, item.end):
                    slogans.append(item)
                    continue
            kept.append(item)
        return kept, slogans

    def _second_names(self, text: str, known: list[_Found]) -> Iterator[_Found]:
        """Brackets right after a known zone that hold its second name: 温州高新区(经开区).

        The bracket is no park of its own, and a park may begin after it
        (温州高新区(经开区)|新能源科技产业园).
        """
        for item in known:
            if not text.startswith("(", item.end):
                continue
            close = text.find(")", item.end + 1, item.end + _MAX_PROPER)
            word = self.zone_words.longest_ending_at(text, close) if close > 0 else None
            if word is not None and word[0] == item.end + 1:  # nothing but a zone word
                yield _Found(item.end, close + 1, (), ZoneKind.OTHER, "aside")

    @staticmethod
    def _in_slogan(text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` ends a quoted phrase with other words before it."""
        if end >= len(text) or text[end] not in _CLOSING_QUOTES:
            return False
        begin = start
        while begin > 0 and begin > start - _MAX_PROPER and _is_name_char(text[begin - 1]):
            begin -= 1
        return start > begin > 0 and text[begin - 1] in _OPENING_QUOTES

    def _link(self, text: str, item: _Found, linked: dict[str, Zone]) -> Zone | None:
        if not item.zones:
            return None
        if len(item.zones) == 1:
            zone = item.zones[0]
            linked[zone.zone_id] = zone
            return zone
        # An ambiguous form: an earlier unambiguous mention of one of its
        # zones decides, else a place named in its sentence or nearby.
        earlier = [zone for zone in item.zones if zone.zone_id in linked]
        if len(earlier) == 1:
            return earlier[0]
        context = text[max(0, item.start - _CONTEXT) : item.end + _CONTEXT]
        return self.gazetteer.disambiguate(item.zones, context)

    def _unseen(
        self,
        text: str,
        known: list[_Found],
        barriers: set[int],
        words: list[tuple[int, int, tuple[str, ...]]],
        slogans: list[_Found],
    ) -> Iterator[_Found]:
        # Where a known name ends, an unseen name may start (重庆高新区|西永微电园);
        # inside a known name no zone word starts a new park.
        known_ends = {item.end for item in known} | barriers
        covered = _Coverage(sorted([*known, *slogans], key=lambda item: item.start))
        previous_end = 0
        index = 0
        while index < len(words):
            word_start, word_end, kinds = words[index]
            index += 1
            # A zone word right after another is one name (未来科技城片区),
            # whose first zone word is part of what makes it specific.
            merged = False
            while index < len(words) and words[index][0] == word_end:
                word_end, kinds = words[index][1], words[index][2]
                index += 1
                merged = True
            if covered.overlaps(word_start, word_end):
                continue
            start = self._left_bound(text, word_start, word_end, previous_end, known_ends, merged)
            if start is None:
                continue
            previous_end = word_end
            yield _Found(start, word_end, (), _KINDS[kinds[-1]], "zone_word")

    def _left_bound(
        self, text: str, head: int, end: int, floor: int, known_ends: set[int], merged: bool
    ) -> int | None:
        """The start of the proper part before the zone word at ``head``, or None."""
        start = head
        limit = max(floor, head - _MAX_PROPER)
        depth = 0
        stops, stop_last = self.stops, self.stops.last_chars
        while start > limit:
            if start in known_ends:
                break  # after a known park or an amount (510.2亿元|产业园: no name)
            char = text[start - 1]
            # Counted parks are a class (18家大数据产业园区之一, 全省首个…园区), even
            # where the count ends a boundary word (首个, 一批).
            if char in _CLASSIFIERS and start >= 2 and _is_count(text[start - 2]):
                return None
            if depth == 0 and char in stop_last and stops.longest_ending_at(text, start):
                break
            if char == ")":
                depth += 1
            elif char == "(":
                if depth == 0:
                    break
                depth -= 1
            elif not _is_name_char(char, text[start - 2] if start >= 2 else ""):
                break
            start -= 1
        # A name does not begin with a bracket or a conjunction: 及 is not a
        # boundary word because it joins modifiers inside names
        # (小核酸及生物医药产业园), but after another park it joins two names.
        while start < head and (
            text[start] in "()·-&\u2014" or (text[start] == "及" and start == floor)
        ):
            start += 1
        start = self._place_start(text, start, head)
        proper = text[start:head]
        if len(proper) < 2 or depth or proper.count("(") != proper.count(")"):
            return None  # too short, or a bracket cut in half (金山云(|天津)逸仙园…园区)
        if _has_ordinal(proper) or _has_quantity(proper):
            return None  # an event or a batch (第三届中国开发区大会), an amount (百亿项目…产业园)
        if not merged and self._generic_proper(text, start, head, end):
            return None
        # A generic name may end the mention (国家高新区, 高质量发展示范区).
        ending = self.generic.longest_ending_at(text, end)
        if ending is not None and ending[0] >= start:
            return None
        return start

    def _place_start(self, text: str, start: int, head: int) -> int:
        """Move ``start`` to where a place name begins, past a few glued words.

        A proper part that does not begin at a place name but has one (outside
        brackets) begins there: the characters before it are a verb, an adverb
        or a time word glued on the left (市委书记调研|修文工业园, 昨日|贵阳产业园).
        """
        places = self.places
        if places.starts_with_place(text, start):
            return start
        # One character before a place is part of the name (南|太湖新区), not glue.
        for pos in range(start + 2, head - 1):
            if text[pos - 1] in "()" or text[pos] in "()":
                return start  # a bracket: 西部(重庆)科学城 is one name
            found = places.longest_at(text, pos)
            if found is not None and found[0] <= head:
                # A brand before the place stays: 比亚迪西安产业园, TCL惠州产业园.
                return start if self.readings.is_brand(text, start, pos) else pos
        return start

    def _generic_proper(self, text: str, start: int, head: int, end: int) -> bool:
        """Whether the proper part ``text[start:head]`` is generic.

        It is when it is a generic word (国家, 国际合作), or ends with one after
        at most two characters that the boundary words missed (加强同|海外高科技):
        a real proper part before a generic modifier is longer than that.
        """
        if self.generic.lookup(text[start:head]) or self._made_of_generic(text, start, head):
            return True
        # The generic word may run into the zone word (海外高科技|园区 is read
        # 海外高|科技园区), so every end inside the zone word is tried.
        last_chars = self.generic.last_chars
        for position in range(head, end + 1):
            if text[position - 1] not in last_chars:
                continue  # no generic word ends here
            ending = self.generic.longest_ending_at(text, position)
            straddles = position == head or (ending is not None and ending[0] < head)
            if ending is not None and straddles and ending[0] - start <= _STRAY_PREFIX:
                return True
        return False

    def _made_of_generic(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is generic words only (国家一流, 工业(产业)).

        Read right to left, longest word first, over a bounded proper part.
        """
        pos = end
        while pos > start:
            if text[pos - 1] in "()":
                pos -= 1  # an alternative in brackets: 工业(产业)园区
                continue
            found = self.generic.longest_ending_at(text, pos)
            if found is None or found[0] < start:
                return False
            pos = found[0]
        return True


def _is_count(char: str) -> bool:
    """Whether ``char`` may end a count before a classifier: a numeral, or 首 (首个, 首批)."""
    return char == "首" or _is_numeral(char)


def _has_quantity(proper: str) -> bool:
    """Whether ``proper`` holds a quantity: two magnitudes in a row (百亿, 千万平方米)."""
    return any(
        proper[index] in _MAGNITUDES and proper[index + 1] in "万亿"
        for index in range(len(proper) - 1)
    )


def _has_ordinal(proper: str) -> bool:
    """Whether ``proper`` holds an ordinal: 第 + numerals + a unit (第三届, 第2批)."""
    index = proper.find("第")
    while index != -1:
        pos = index + 1
        while pos < len(proper) and _is_numeral(proper[pos]):
            pos += 1
        if pos > index + 1 and pos < len(proper) and proper[pos] in _ORDINAL_UNITS:
            return True
        index = proper.find("第", index + 1)
    return False


class _Coverage:
    """Which spans of the text known names cover (sorted, non-overlapping)."""

    def __init__(self, items: list[_Found]) -> None:
        self._spans = [(item.start, item.end) for item in items]
        self._index = 0

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a known name; calls come in text order."""
        while self._index < len(self._spans) and self._spans[self._index][1] <= start:
            self._index += 1
        return self._index < len(self._spans) and self._spans[self._index][0] < end
