"""Find PARK mentions: known zones from the gazetteer, and unseen named parks.

Two passes over the normalized text, both linear:

1. the gazetteer's forms (official names, short forms, aliases such as 光谷),
   leftmost-longest, each linked to its zone (an ambiguous form such as
   火炬高新区 is linked only when its context decides);
2. zone words (高新区, 产业园, 科学城, 片区 ...) not inside a known name, each
   extended to the left over its proper part (沙文生态科技, 西部(重庆)) until a
   boundary: punctuation, a digit, a boundary word (在 位于 落户 的 和 ...), the
   end of another park, or a length cap (`hzner.zones.proper`). A proper part
   that is generic (国家, 国际合作, 海外高科技) makes no park.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..kinds import ADMINISTRATIVE
from ..lexicon import Lexicon
from ..normalize import Located, NormalizedText, locate
from ..rules import RuleSet
from ..types import Money, Park, ZoneKind
from .defined import MAX_DEFINED, defined_form, mentions
from .gazetteer import Gazetteer, Zone
from .lexicon import ParkLexicon
from .places import province_names
from .proper import MAX_PROPER, is_name_char
from .readings import named_as_project, project_names
from .where import Where

__all__ = ["ParkRecognizer"]

# Sentence ends: the context that decides an ambiguous form.
_SENTENCE_END = frozenset("。!?;")
_CONTEXT = 200
# Quotes that close a slogan built on a zone's brand ("湾区光谷").
_CLOSING_QUOTES = frozenset("\u201d\"\u300d\u300f\u2019'")
_OPENING_QUOTES = frozenset("\u201c\"\u300c\u300e\u2018'")
# ZoneKind by value, without the enum's slower call.
_KINDS = {kind.value: kind for kind in ZoneKind}


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
        The rule set, whose PARK rules `hzner.zones.lexicon.ParkLexicon` reads.

    """

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.lexicon = ParkLexicon(rules)

    @property
    def gazetteer(self) -> Gazetteer:
        """The zones and their forms."""
        return self.lexicon.gazetteer

    @property
    def zone_words(self) -> Lexicon[str]:
        """Zone words and the kind each gives an unseen park."""
        return self.lexicon.zone_words

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
        text = norm.text  # without pinyin glosses (產(chǎn)業(yè)園): `hzner.normalize`
        words = list(self.lexicon.zone_words.finditer(text))
        known, slogans = self._named(text, list(self._known(text)), words)
        asides = list(self._second_names(text, known))
        barriers.update(item.end for item in asides)
        unseen = self._unseen(text, known, barriers, words, [*slogans, *asides])
        found, as_projects = self._read(text, sorted([*known, *unseen], key=lambda i: i.start))
        found = self._defined(text, found)
        parks: list[Located[Park]] = []
        linked: dict[str, Zone] = {}
        where: Where | None = None  # the place table is read only when a park needs it
        for item in found:
            zone = self._link(text, item, linked)
            if zone is not None:
                province, city = zone.province or None, zone.city or None
            else:
                where = where or Where(self.lexicon.places, text)
                province, city = where.of(item.start, item.end)
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
        return parks, spans, as_projects

    def _read(self, text: str, found: list[_Found]) -> tuple[list[_Found], list[tuple[int, int]]]:
        """Drop the unlinked parks that their context reads as a kind or a project.

        Returns the parks kept, and the spans of those read as projects.
        """
        unlinked = [(item.start, item.end) for item in found if not item.zones]
        if not unlinked:
            return found, []
        readings = self.lexicon.readings
        projects = project_names(text, unlinked)
        kept: list[_Found] = []
        as_projects: list[tuple[int, int]] = []
        for item in found:
            if item.zones or text.startswith("项目", item.end):  # the PROJECT tagger reads it whole
                kept.append(item)
            elif readings.is_kind(text, item.start) or readings.has_other_head(text, item.end):
                continue
            elif readings.is_project(
                text, item.start, item.end, administered=item.kind in ADMINISTRATIVE
            ) or (
                # An administered zone's name before 项目 names its projects
                # (辽阳经济开发区项目), not the zone as one.
                item.kind not in ADMINISTRATIVE
                and named_as_project(text[item.start : item.end], projects)
            ):
                as_projects.append((item.start, item.end))
            else:
                kept.append(item)
        if as_projects and len(kept) > len(found) - len(unlinked):
            # Every mention of a name read as a project is the project (三圣产业园正式开工。
            # 三圣产业园是…), unless its clause names it as a place or it is an
            # administered zone (新区, 开发区: those are built as they develop).
            names = {text[start:end] for start, end in as_projects}
            mentions = [
                item
                for item in kept
                if not item.zones
                and item.kind not in ADMINISTRATIVE
                and text[item.start : item.end] in names
                and not text.startswith("项目", item.end)  # the PROJECT tagger reads it whole
                and not readings.is_place(text, item.start)
            ]
            if mentions:
                as_projects = sorted([*as_projects, *((item.start, item.end) for item in mentions)])
                moved = {item.start for item in mentions}  # a set: a list would be quadratic
                kept = [item for item in kept if item.zones or item.start not in moved]
        return kept, as_projects

    def _defined(self, text: str, found: list[_Found]) -> list[_Found]:
        """Add the mentions of the short forms the text defines for its parks (`.defined`)."""
        taken: bytearray | None = None
        extra: list[_Found] = []
        forms: set[str] = set()
        for item in found:
            span = defined_form(text, item.end)
            if span is None or len(forms) >= MAX_DEFINED:
                continue
            form = text[span[0] : span[1]]
            if form in forms or self.lexicon.zone_words.lookup(form):
                continue  # defined already, or a bare zone word: a back-reference
            forms.add(form)
            if taken is None:
                taken = bytearray(len(text))
                for other in found:
                    taken[other.start : other.end] = b"\x01" * (other.end - other.start)
            for start in mentions(text, form, span[0]):
                end = start + len(form)
                if taken.find(1, start, end) < 0:
                    taken[start:end] = b"\x01" * len(form)
                    extra.append(_Found(start, end, item.zones, item.kind, "defined"))
        return sorted([*found, *extra], key=lambda i: i.start) if extra else found

    def _known(self, text: str) -> Iterator[_Found]:
        gazetteer = self.lexicon.gazetteer
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
                if start > 1 and text[start - 1] in self.lexicon.province_last:
                    start = self._province_before(text, start, zones[0])
            else:
                kinds = {zone.kind for zone in zones}
                kind = _KINDS[kinds.pop()] if len(kinds) == 1 else ZoneKind.OTHER
            yield _Found(start, end, zones, kind, "gazetteer")

    def _province_before(self, text: str, start: int, zone: Zone) -> int:
        """Where a known zone's name starts with its own province written before it.

        The longest name wins: 山东烟台高新区 and 山东省烟台高新区 are one name
        (烟台高新区 is in 山东省); a province that is not the zone's stays out.
        """
        if not zone.province or start < 2:
            return start
        for name in province_names().get(zone.province, (zone.province,)):
            if text.endswith(name, 0, start):
                return start - len(name)
        return start

    def _parent_prefix(self, text: str, start: int, end: int, parent: Zone) -> int | None:
        """Where the parent zone's name ends inside a 片区's name, if it begins it."""
        for cut in range(end - 3, start + 1, -1):
            if parent in self.lexicon.gazetteer.candidates(text[start:cut]):
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
            if self.lexicon.gazetteer.is_brand(text[item.start : item.end]):
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
            close = text.find(")", item.end + 1, item.end + MAX_PROPER)
            word = self.lexicon.zone_words.longest_ending_at(text, close) if close > 0 else None
            if word is not None and word[0] == item.end + 1:  # nothing but a zone word
                yield _Found(item.end, close + 1, (), ZoneKind.OTHER, "aside")

    @staticmethod
    def _in_slogan(text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` ends a quoted phrase with other words before it."""
        if end >= len(text) or text[end] not in _CLOSING_QUOTES:
            return False
        begin = start
        while begin > 0 and begin > start - MAX_PROPER and is_name_char(text[begin - 1]):
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
        return self.lexicon.gazetteer.disambiguate(item.zones, context)

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
        proper = self.lexicon.proper
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
            start = proper.left_bound(text, word_start, word_end, previous_end, known_ends, merged)
            if start is None:
                continue
            previous_end = word_end
            yield _Found(start, word_end, (), _KINDS[kinds[-1]], "zone_word")


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
