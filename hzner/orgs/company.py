"""Each project's company, and the ORGs that the PROJECT and PARK names leave.

SPEC.md, PROJECT ``company``; dev README decisions 23 and 24:

1. an ORG of the project's sentence that invests in, builds or signs for it:
   the first ORG before the project whose words up to the project hold an
   investor's verb, in the project's own clause (引进某某公司,以建设某某基地)
   or with no clause between (某某公司投资建设A、B等项目: each item's company);
2. else the company name that begins the project's name (after a zone name):
   an ORG name or short form of the document (厦门天马显示科技有限公司第6代…,
   天马第6代…), else the words before what the project builds, as written
   (泽璟|新药生产基地, 日本DAC|西南总部, 迈胜医疗|高端医疗装备); a name that is
   only places or that begins with what is built names none (中日动漫街区).

An ORG inside a PROJECT's name, or a PARK's, is dropped: the project keeps
it and its ``company`` names it. A trade name that project names introduce,
followed by business words elsewhere, is an ORG (泽璟制药 after 泽璟新药…项目).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..normalize import Located, NormalizedText
from ..types import Org, Park, Project
from .lexicon import OrgLexicon
from .names import trade_name

__all__ = ["link_companies", "outside"]

_SENTENCE_END = frozenset("。!?;\n")
_CLAUSE_END = frozenset(",:")
_LIST_MARK = "、"
_DOT = "·"
# A company's name joins no two things: 软件与信息|产业基地 names none.
_JOINERS = ("及", "与", "和")
# How far before a project its company may stand.
_WINDOW = 120
_MIN_BRAND = 2
_MAX_BRAND = 12
# At most a comma and an agent word (由) between a project and its ORG after it,
# and a modal (拟 将) between that ORG and its verb.
_AGENT_GAP = 2
_MODALS = frozenset("拟将已正")
# What follows a park named as a project: 项目, 二期项目, 建设项目.
_PROJECT = "项目"
_PROJECT_HEAD = 4
# The longest park head a company's name could run into (高新技术产业开发区 has 9).
_LONGEST_HEAD = 9


_SENTENCE_MARK = re.compile("[" + re.escape("".join(sorted(_SENTENCE_END))) + "]")


class _Linker:
    def __init__(
        self,
        text: str,
        orgs: Sequence[Located[Org]],
        parks: Sequence[Located[Park]],
        lexicon: OrgLexicon,
    ) -> None:
        self.text = text
        self.orgs = orgs
        self.starts = [item.start for item in orgs]
        self.sentence_ends: list[int] | None = None
        self.lexicon = lexicon
        self.park_at = {item.start: item.end for item in parks}
        self.names: set[str] = set()
        self.names_built = False

    def _build_names(self) -> None:
        """The ORG names of the text and their short forms, built at first need."""
        self.names_built = True
        for item in self.orgs:
            name = self.text[item.start : item.end]
            self.names.add(name)
            if item.entity.full is None:
                self.names.update(trade_name(name, self.lexicon))
        self.sizes = sorted({len(name) for name in self.names}, reverse=True)

    def has_verb(self, start: int, end: int, kind: str) -> bool:
        return self.lexicon.searchers[kind].search(self.text, start, end) is not None

    def in_sentence(self, start: int) -> Located[Org] | None:
        """The first ORG before ``start`` in its sentence that acts on the project.

        In a 、 list whose items name their own investors (甲投资20亿元的A项目、
        乙投资14亿元的B项目), the first that acts within the project's own item wins.
        """
        if not self.orgs:
            return None
        if self.sentence_ends is None:
            self.sentence_ends = [found.end() for found in _SENTENCE_MARK.finditer(self.text)]
        ends = self.sentence_ends
        index = bisect.bisect_right(ends, start) - 1
        text, first = self.text, max(ends[index] if index >= 0 else 0, start - _WINDOW)
        item_start = text.rfind(_LIST_MARK, first, start)
        found: Located[Org] | None = None
        # Only the ORGs of the sentence, itself cut to _WINDOW: bounded work per project.
        for index in range(bisect.bisect_left(self.starts, first), len(self.orgs)):
            item = self.orgs[index]
            if item.end > start:
                break
            if found is not None and item.start <= item_start:
                continue
            between = text[item.end : start]
            clause = max((between.rfind(mark) for mark in _CLAUSE_END), default=-1)
            # In the ORG's own clause any investor's verb; in a later one, a builder's.
            if self.has_verb(item.end + clause + 1, start, "verb" if clause < 0 else "build"):
                if found is None and item.start <= item_start:
                    found = item  # before the project's own list item: others may follow
                else:
                    return item
        return found

    def after(self, end: int) -> Located[Org] | None:
        """The ORG right after a project ending at ``end`` that builds it (,由某某公司投资建设).

        Only an agent word (由 是 系) and a comma may stand between, and an
        investor's verb must follow the ORG at once (maybe after a modal).
        """
        index = bisect.bisect_left(self.starts, end)
        if index >= len(self.orgs):
            return None
        item = self.orgs[index]
        between = self.text[end : item.start].lstrip(",")
        if item.start - end > _AGENT_GAP or between not in self.lexicon.agents:
            return None
        pos = item.end + (self.text[item.end : item.end + 1] in _MODALS)
        return item if self.lexicon.verbs.longest_at(self.text, pos) is not None else None

    def closes(self, pos: int, end: int) -> bool:
        """Tell whether a trade name may end at ``pos``: at the end, a place or what is built."""
        lexicon = self.lexicon
        while (more := lexicon.business.longest_at(self.text, pos)) is not None and more[0] <= end:
            pos = more[0]
        return (
            pos >= end
            or lexicon.describe.longest_at(self.text, pos) is not None
            or lexicon.places.longest_at(self.text, pos) is not None
        )

    def _division_then_describes(self, start: int, end: int) -> bool:
        """Tell whether a division's name opens ``[start, end)`` and what is built follows it.

        Only then is a county's or a city's short form read as a place here:
        before other words it is as often a brand's first word (金山|云).
        """
        text, lexicon = self.text, self.lexicon
        division = lexicon.divisions.longest_at(text, start)
        if division is None or division[0] >= end:
            return False
        after = division[0]
        return (
            lexicon.describe.longest_at(text, after) is not None
            or lexicon.generic.longest_at(text, after) is not None
        )

    def _cut_inside(self, start: int, end: int) -> bool:
        """Tell whether a place or a word of what is built begins in ``[start, end)``."""
        if self.lexicon.searchers["describe"].search(self.text, start, end) is not None:
            return True
        places = self.lexicon.places
        return any(places.longest_at(self.text, pos) is not None for pos in range(start, end))

    def _splits_head(self, pos: int) -> bool:
        """Tell whether a park's head word runs across ``pos`` (青禾科技|园: 科技园 is the head)."""
        words = self.lexicon.zone_words
        return any(
            (found := words.longest_at(self.text, at)) is not None and found[0] > pos
            for at in range(max(0, pos - _LONGEST_HEAD + 1), pos)
        )

    def in_name(self, start: int, end: int) -> tuple[int, int] | None:
        """The company name that begins the project's name ``[start, end)``, if any."""
        text, lexicon = self.text, self.lexicon
        # A middle dot parts the company from what it builds (中南高科·肇庆…产业谷项目).
        dot = text.find(_DOT, start + _MIN_BRAND, min(end, start + _MAX_BRAND + 1))
        if dot >= 0:
            return (start, dot) if _word_like(text[start:dot]) else None
        park_end = self.park_at.get(start, start)
        # A zone that begins the name; a park being built is all of it, and so
        # is a park named with 项目 (安宁粤商产业园项目: its proper part names the company).
        rest = text[park_end:end]
        if park_end < end and not (rest.endswith(_PROJECT) and len(rest) <= _PROJECT_HEAD):
            start = park_end
        # A name that is a company's (卫蓝科技, an item of A、B等企业项目) names it whole.
        # Not when a place or what is built begins inside: 孚能|新能源动力电池,
        # 天津大学|四川创新研究院 (the shorter trade name, as below).
        last = lexicon.trades.longest_ending_at(text, end)
        if (
            last is not None
            and last[0] - start >= _MIN_BRAND
            and end - start <= _MAX_BRAND
            and not self._cut_inside(start + _MIN_BRAND, last[0])
        ):
            return (start, end) if _word_like(text[start:end]) else None
        if not self.names_built:
            self._build_names()
        for size in self.sizes if self.names else ():
            name_end = start + size
            name = name_end <= end and text[start:name_end] in self.names
            if name and not self._splits_head(name_end):
                return start, name_end
        pos = start
        while (place := lexicon.places.longest_at(text, pos)) is not None and place[0] < end:
            pos = place[0]
        proper = pos
        if proper == start and self._division_then_describes(start, end):
            return None  # a county or a city, then what is built: 眉山|新能源…项目
        generic = lexicon.generic.longest_at(text, proper)
        if generic is not None and generic[0] - proper >= _MIN_BRAND:
            return None  # a field, class or level begins it: 国家级…基地, 城市更新项目
        limit = min(end, start + _MAX_BRAND + 1)
        # A place after the company's name ends it, whatever it has built in
        # (卫蓝新能源|湖州基地, 西安交大|漳州科技园).
        for index in range(proper + _MIN_BRAND, limit):
            if text[index].isascii() and not text[proper:index].isascii():
                break  # the ASCII cut below comes first (伊藤洋华堂|BPO中国区总部)
            if lexicon.places.longest_at(text, index) is not None:
                return (start, index) if _word_like(text[start:index]) else None
        # The first word of what is built ends the company name; one at its very
        # start means there is none (基板级扇出封装, 科技人才小镇).
        first = self.lexicon.searchers["describe"].search(text, proper, limit)
        if first is not None and first[0] < proper + _MIN_BRAND:
            return None
        pos = limit if first is None else first[0]
        for index in range(proper + _MIN_BRAND, pos):
            if text[index].isascii() and not text[proper:index].isascii():
                pos = index  # 伊藤洋华堂|BPO中国区总部, 瑞浦兰钧|50GWh
                break
        business = self.lexicon.searchers["business"]
        at = proper + _MIN_BRAND
        while (trade := business.search(text, at, pos)) is not None:
            if not self.closes(trade[1], end):
                pos = trade[0]  # 永农|生物酶催化: the shorter trade name
                break
            at = trade[0] + 1
        if pos - proper < _MIN_BRAND or pos - start > _MAX_BRAND:
            return None
        measure = self.lexicon.searchers["measure"]
        if any(word in text[start:pos] for word in _JOINERS):
            return None  # 软件与信息|产业基地: two fields joined, no company
        if not _word_like(text[start:pos]) or measure.search(text, start, pos) is not None:
            return None  # 千万平方米|综合产业园区: a size, no company
        return start, pos


def link_companies(
    norm: NormalizedText,
    orgs: Sequence[Located[Org]],
    projects: Sequence[Located[Project]],
    parks: Sequence[Located[Park]],
    lexicon: OrgLexicon,
) -> tuple[list[Located[Org]], list[Located[Project]]]:
    """Link each project to its company; drop the ORGs inside a project's name.

    Parameters
    ----------
    norm
        The normalized text.
    orgs
        The ORGs of `hzner.orgs.recognizer.find_orgs_located`, spans in the view.
    projects
        The projects, spans in the view.
    parks
        All the parks found, those a project absorbed too (a zone name that
        begins a project's name is no part of its company).
    lexicon
        The ORG word lists.

    Returns
    -------
    tuple[list[Located[Org]], list[Located[Project]]]
        The ORGs that remain, and the projects with ``company`` set.

    """
    if not projects:  # nothing to link, and no project name to drop an ORG from
        return list(orgs), []
    text = norm.text
    in_project = bytearray(len(text))
    for item in projects:
        in_project[item.start : item.end] = b"\x01" * (item.end - item.start)
    kept = [item for item in orgs if in_project.find(1, item.start, item.end) < 0]
    linker = _Linker(text, orgs, parks, lexicon)
    sentence = _Linker(text, kept, parks, lexicon) if len(kept) != len(orgs) else linker
    linked: list[Located[Project]] = []
    brands: set[str] = set()
    for item in projects:
        found = sentence.in_sentence(item.start) or sentence.after(item.end)
        company = None if found is None else found.entity
        if company is None:
            span = linker.in_name(item.start, item.end)
            if span is not None:
                start, end = norm.to_original(*span)
                company = Org(norm.original[start:end], start, end, None, "project-name")
                brands.add(text[span[0] : span[1]])
        if company is not None:
            item = Located(item.start, item.end, _with_company(item.entity, company))
        linked.append(item)
    # A brand inside a park's name is no ORG either (沙文生态科技|产业园).
    for park in parks:
        in_project[park.start : park.end] = b"\x01" * (park.end - park.start)
    kept += _brand_mentions(norm, brands, in_project, kept, lexicon)
    kept.sort(key=lambda item: item.start)
    return kept, linked


def _with_company(project: Project, company: Org) -> Project:
    """``project`` with its company: built directly, at a third of `dataclasses.replace`'s cost."""
    return Project(
        project.text,
        project.start,
        project.end,
        project.status,
        project.investment,
        project.park,
        project.rule_id,
        company,
        project.status_cue,
    )


def _word_like(name: str) -> bool:
    """Tell whether ``name`` opens and closes on a letter or an ideograph, not a mark."""
    return name[0].isalnum() and name[-1].isalnum()


def _brand_mentions(
    norm: NormalizedText,
    brands: set[str],
    in_project: bytearray,
    orgs: Sequence[Located[Org]],
    lexicon: OrgLexicon,
) -> list[Located[Org]]:
    """A trade name from a project's name followed by trade words, outside any name."""
    if not brands:
        return []
    text = norm.text
    names = {
        brand
        for brand in brands
        if not lexicon.places.lookup(brand) and len(brand) <= _MAX_BRAND and _word_like(brand)
    }
    if not _any_before_trade(text, names, lexicon):
        return []  # no name right before a trade word: the scan below would find none
    taken = bytearray(in_project)
    for item in orgs:
        taken[item.start : item.end] = b"\x01" * (item.end - item.start)
    sizes = sorted({len(name) for name in names}, reverse=True)
    last_chars = {name[-1] for name in names}
    found: list[Located[Org]] = []
    reached = 0
    # Read from the trade words (制药 生物), far fewer than the places a brand could be.
    for trade_start, _, _ in lexicon.trades.finditer(text):
        if trade_start < reached:
            continue
        if text[trade_start - 1 : trade_start] not in last_chars:
            continue  # most trade words follow no brand: one look-up rules them out
        size = next((n for n in sizes if text[trade_start - n : trade_start] in names), 0)
        start = trade_start - size
        if not size or start < reached:
            continue
        stop = trade_start
        while (word := lexicon.trades.longest_at(text, stop)) is not None:
            stop = word[0]
        reached = stop
        if taken.find(1, start, stop) >= 0:
            continue
        low, high = norm.to_original(start, stop)
        found.append(Located(start, stop, Org(norm.original[low:high], low, high, None, "brand")))
    return found


def _any_before_trade(text: str, names: set[str], lexicon: OrgLexicon) -> bool:
    """Tell whether some occurrence of one of ``names`` ends where a trade word starts.

    Every mention `_brand_mentions` finds is one: a few `str.find` calls
    instead of a scan of the whole text for trade words.
    """
    trades = lexicon.trades
    for name in names:
        pos = text.find(name)
        while pos >= 0:
            if trades.longest_at(text, pos + len(name)) is not None:
                return True
            pos = text.find(name, pos + 1)
    return False


def outside(
    orgs: Sequence[Located[Org]], spans: Sequence[tuple[int, int]], size: int
) -> list[Located[Org]]:
    """The ORGs that overlap none of ``spans`` (offsets into the original text of ``size``)."""
    if not spans:
        return list(orgs)
    mask = bytearray(size)
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return [item for item in orgs if mask.find(1, item.entity.start, item.entity.end) < 0]
