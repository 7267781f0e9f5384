"""Walk left from a project head to where its name starts (SPEC.md, PROJECT).

`NameWalker` holds what the candidate scanner (`hzner.projects.scanner`)
needs of one view text: where names cannot reach over, how far a walk goes
and which names are generic. The constants here are shared by the scanner
and the tagger.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..kinds import ADMINISTRATIVE
from ..types import Park, Status
from .lexicon import CONJUNCTION_ENDS, NO_RUN, ProjectLexicon
from .links import Context
from .text import NAME_RANGES, NUMERALS, has_count, is_name_char

# SPEC: "ends at 项目 when the text has it"; an earlier 项目 also closes a name
# on the left (重要投资项目泽璟新药生产基地建设项目 is 泽璟…项目).
PROJECT_WORD = "项目"
# SPEC: enumerations that end in 等…项目. At most ETC_GAP characters (see
# `Scanner.etc_before`) stand between 等 and the head.
ETC = "等"
ETC_GAP = 16
# A count right after a head: the head names a class (新材料项目1个).
COUNT_AFTER = re.compile(f"[{''.join(sorted(NUMERALS))}]+[个项家]")
# A phase of a project or facility: 二期, 一期三阶段, (一期).
PHASE = re.compile(r"\(?[0-9一二三四五六七八九十]+期(?:[0-9一二三四五六七八九十]+阶段)?\)?")
PHASE_END = re.compile(PHASE.pattern + "$")
LONGEST_PHASE = 12  # (十二期十二阶段) and shorter
# Joiners inside a name that cannot begin one.
NOT_FIRST = frozenset("·-&+ \u2014")
# Function words that, right after a park, make it a clause's subject or
# place, not the start of a project's name (绵阳新区|为|项目建设提供保障).
AFTER_PARK = frozenset("为在是对向把将被由从给")
# Heads that name a function of a firm or a project (研发中心, 试验基地): one
# generic word before one names a part of something, not a project; a building
# head (会堂, 大厦) with one field word still names a building (科学会堂).
FUNCTIONAL_HEADS = frozenset({"中心", "基地", "工厂", "车间", "平台", "生产线", "厂房"})
ORDINAL = "第"
# A building's number alone before its head (一号厂房, 首幢厂房, 3#车间).
NUMBERED = re.compile("第?[0-9一二两三四五六七八九十首]+[号幢栋座#]")
# The attributive particle: what stands before it in a list item modifies it.
ATTRIBUTE = "的"
# After a whole name, 和 and 与 join two names; 及 and 以及 add a part to one
# (日本DAC西南总部及亚太创新中心项目, 礼进生物总部及新药研制基地).
BETWEEN_NAMES = ("和", "与")
# The shortest part after 和 or 与, with its head, that makes it join one name (`_joins_parts`).
MIN_PART = 4
ATTRIBUTIVE = frozenset("式型性")
LIST_MARK = "、"
# Where a list item or a clause begins.
ITEM_OPENS = frozenset("、,;:。!?\n ")
# What ends a class, a type or a level right before the head: the name is a class.
CLASS_MARKS = frozenset("类型级性")
# Verbs that end in a class mark and name an action of the project, not a class
# (数码喷墨纸产业升级项目, 搬迁升级转型项目).
CLASS_MARK_VERBS = ("升级", "转型")
# What follows a word inside a company's name.
COMPANY_WORDS = ("(", "集团", "有限", "股份", "公司", "控股")
# Caps: a name is at most MAX_NAME view characters (the longest in the dev
# set has 29), an enumeration at most MAX_LIST.
MAX_NAME = 48
MAX_LIST = 240
# A cue's status by value; a cue of value "none" asserts no status.
STATUSES = {status.value: status for status in Status}
# Generic words longer than this are whole names (企业总部基地), never parts.
LONGEST_GENERIC = 6
# The nearest 等 before a head (read in the reversed text) or after a name,
# with only name characters (and 、 after a name) between.
ETC_BEFORE = re.compile(f"[、{NAME_RANGES}]{{0,{ETC_GAP - 1}}}?等")
# The nearest 、 to the left with only name characters between (read in the
# reversed text): where the item before runs up to.
LISTED_BEFORE = re.compile(f"[.{NAME_RANGES}]{{1,{MAX_NAME}}}?、")  # 投资2.5亿元的
ETC_AFTER = re.compile(f"[、{NAME_RANGES}]{{0,{MAX_NAME - 1}}}?等")


# Internal and short-lived, so not frozen: creating one is four times faster.
@dataclass(slots=True)
class Candidate:
    """A possible project name, before overlaps are resolved."""

    start: int
    end: int
    rank: int  # 0 enumeration item, 1 项目 head, 2 facility head
    rule_id: str
    group: tuple[int, int]  # where links are read from: the whole enumeration, or the name
    gated: bool = True


def is_name(name: str) -> bool:
    """Tell whether ``name`` has letters, and more than numerals (百亿项目 is a size)."""
    return len(name) >= 2 and any(char.isalpha() and char not in NUMERALS for char in name)


class NameWalker:
    """Name walking over one view text (the base of `hzner.projects.scanner.Scanner`)."""

    def __init__(self, ctx: Context, lexicon: ProjectLexicon, in_zone: bytearray) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.lexicon = lexicon
        self.park_end = {item.end: item.start for item in ctx.parks}
        # A known zone as an enumeration item is a place, not a project; an
        # unseen park (茂林医疗器械产业园) listed among projects is one of them.
        # Before 项目 or generic words, an administered zone names the zone's
        # projects too, known or not (辽阳经济开发区项目: `Scanner._zone_class`).
        self.known_zones: set[tuple[int, int]] = set()
        self.zone_names: set[tuple[int, int]] = set()
        for item in ctx.parks:
            park = item.entity
            if isinstance(park, Park):
                if park.zone is not None:
                    self.known_zones.add((item.start, item.end))
                    self.zone_names.add((item.start, item.end))
                elif park.kind in ADMINISTRATIVE:
                    self.zone_names.add((item.start, item.end))
        # Where a name cannot reach over: the end of an amount, or a line
        # break that ends a headline or a caption.
        self.hard_ends = {item.end for item in ctx.money} | set(ctx.breaks)
        self.in_zone = in_zone
        self.project_etcs: set[int] = set()
        # The characters inside enumeration items (`project_candidates` marks them).
        self.in_item = bytearray(len(self.text))
        self.stop_last = lexicon.stop_last_chars
        self.plain_run = lexicon.walk_run()
        # A walk also looks again right after a park and its function word (`_closes`).
        text = self.text
        after_park = {end + 1 for end in self.park_end if text[end : end + 1] in AFTER_PARK}
        self.barriers = sorted(self.hard_ends | self.park_end.keys() | after_park)
        self._known_starts: dict[int, int] | None = None
        self._reversed: str | None = None

    @property
    def known_starts(self) -> dict[int, int]:
        """The end of each known zone, by its start (`Scanner._zone_class`)."""
        found = self._known_starts
        if found is None:
            found = self._known_starts = {start: end for start, end in self.zone_names}
        return found

    @property
    def reversed(self) -> str:
        """The text reversed, for walks left in one match; built at the first walk."""
        found = self._reversed
        if found is None:
            found = self._reversed = self.text[::-1]
        return found

    def _closes(
        self, pos: int, end: int, *, split_names: bool = False, head_end: int = -1
    ) -> str | None:
        """Say what ends a name at ``pos`` walking left: a stop word, "" (hard stop) or None.

        With ``split_names``, 和 or 与 after a whole name ends it too
        (A基地与|B中心); 及 adds a part to one name (日本DAC西南总部及亚太创新中心项目).
        """
        text = self.text
        if pos in self.hard_ends:
            return ""
        if pos != end and pos >= 2 and text[pos - 2 : pos] == PROJECT_WORD:
            return ""
        char = text[pos - 1]
        if char in AFTER_PARK and pos - 1 in self.park_end:
            return char  # 绵阳新区|为|项目建设: a park and its verb, no name
        if char in CONJUNCTION_ENDS and pos >= 2 and text[pos - 2] == LIST_MARK:
            return None  # a list item that begins with it: part of the name (、和而泰…)
        if char in CONJUNCTION_ENDS:
            if split_names and self._joins_names(pos):
                return ""
            if (
                pos < 2
                or not is_name_char(text[pos - 2])
                or text[pos - 3 : pos - 1] == PROJECT_WORD
            ):
                return char  # opening a clause (与A项目达成意向) or after a project (A项目及B项目)
        if char in self.stop_last:  # most characters end no stop word
            stop = self.lexicon.stops.longest_ending_at(text, pos)
            # Before an attributive suffix a verb is an adjective (保障性住房),
            # and before a company word a part of a company's name
            # (申辰鑫通讯企业(上海)有限公司, 中建投资集团).
            if (
                stop is not None
                and text[pos : pos + 1] not in ATTRIBUTIVE
                and not text.startswith(COMPANY_WORDS, pos)
                and not self._inside_name(pos, stop[0])
                and not (
                    text[stop[0] : pos] in BETWEEN_NAMES
                    and self._joins_parts(pos, stop[0], head_end)
                )
            ):
                return text[stop[0] : pos]
        before = text[pos - 2] if pos >= 2 else ""
        if char == ETC or not is_name_char(char, before) or has_count(text, pos - 1):
            return ""
        return None

    def _inside_name(self, pos: int, stop_start: int) -> bool:
        """Tell whether a conjunction ending at ``pos`` is part of a name (泰和泰, 协和).

        A conjunction joins two names; with one character before it, after a
        list mark or a clause mark, it is inside the first word of one.
        """
        text = self.text
        return (
            pos - stop_start == 1
            and text[pos - 1] in CONJUNCTION_ENDS
            and pos >= 2
            and is_name_char(text[pos - 2])
            and (pos == 2 or text[pos - 3] in ITEM_OPENS)
        )

    def _joins_parts(self, pos: int, stop_start: int, end: int) -> bool:
        """Tell whether 和 or 与 at ``[stop_start, pos)`` joins two parts of one name.

        年产30万吨烧碱和年产32万吨聚氯乙烯项目, 西部电子材料和供应链中心: what
        stands before it is a part with no head of its own (no whole name, no
        项目 in its last characters: 重大项目计划和|重大预备项目) and no generic
        word (基础设施和民生项目 stays apart), and a part with its head follows.
        """
        text, lexicon = self.text, self.lexicon
        return (
            text[stop_start:pos] in BETWEEN_NAMES
            and stop_start >= 2
            and end - pos >= MIN_PART
            and is_name_char(text[stop_start - 1])
            and PROJECT_WORD not in text[max(0, stop_start - MIN_PART) : stop_start]
            and lexicon.heads.longest_ending_at(text, stop_start) is None
            and lexicon.generic.longest_ending_at(text, stop_start) is None
        )

    def _joins_names(self, pos: int) -> bool:
        """Tell whether 和 or 与 ending at ``pos`` follows a whole name (A基地与B中心)."""
        text, heads = self.text, self.lexicon.heads
        return any(
            text[pos - len(word) : pos] == word
            and heads.longest_ending_at(text, pos - len(word)) is not None
            for word in BETWEEN_NAMES
        )

    def walk(self, end: int, *, split_names: bool = False) -> tuple[int, str] | None:
        """Walk left from a head at ``end``: ``(name start, stop word or "")``, None if capped.

        ``split_names`` is passed on to `_closes` (for facility heads).

        Stretches of plain name characters are crossed in one `plain_run`
        match over the reversed text; each position where the match stops,
        or where a park or an amount ends, is checked in full.
        """
        text, park_end = self.text, self.park_end
        floor = end - MAX_NAME - 1  # reaching it means the name is too long
        pos, depth = end, 0
        while pos > 0:
            if pos <= floor:
                return None
            if pos in park_end:
                pos = park_end[pos]
                continue
            low = max(self._plain_low(pos, self.plain_run), floor)
            if low != pos:
                pos = low
                if pos <= floor or pos == 0 or pos in park_end:
                    continue  # capped, at the start, or a park to jump over
            closed = self._closes(pos, -1, split_names=split_names, head_end=end)
            if closed is not None:
                return pos, closed
            char = text[pos - 1]
            if char == "(" and depth == 0:
                return pos, ""
            depth += (char == ")") - (char == "(")
            pos -= 1
        return pos, ""

    def _plain_low(self, pos: int, run: re.Pattern[str]) -> int:
        """Where a walk left from ``pos`` over plain name characters must look again.

        That is where ``run`` stops, or the nearest amount or park ending in
        between, whichever comes first.
        """
        if run is NO_RUN and self.lexicon.step():
            self.plain_run = run = self.lexicon.plain_run  # from the next call on, too
        length = len(self.text)
        match = run.match(self.reversed, length - pos)  # never None: {0,n}
        low = length - match.end() if match is not None else pos
        index = bisect.bisect_right(self.barriers, pos) - 1
        if index >= 0 and self.barriers[index] >= low:
            low = self.barriers[index]
        return low

    def _trim(self, start: int, end: int) -> int:
        """Skip what cannot begin a name: 重大项目·|空港国际小镇."""
        while start < end and self.text[start] in NOT_FIRST:
            start += 1
        return start

    def generic(self, start: int, name_end: int, end: int, stop: str) -> bool:
        """Tell whether the name ``[start, name_end)`` + head ``[name_end, end)`` is generic."""
        text, lexicon = self.text, self.lexicon
        if stop in lexicon.determiners or text[start:end] in lexicon.generic_words:
            return True
        if text[start:name_end] in lexicon.head_words:  # 生产线项目, 基地项目
            return True
        if name_end > start and text[name_end - 1] in CLASS_MARKS:
            if not text.endswith(CLASS_MARK_VERBS, start, name_end):
                return True  # a class, type or level: 支撑性项目, 功能型总部, 生态型项目
            action = name_end - 2
            if action == start or text[start:action] in lexicon.generic_words:
                return True  # no name before the action: 产业升级项目

        if PHASE.fullmatch(text, start + (text[start] == ORDINAL), name_end):
            return True  # a phase alone: 第一期工程, 二期项目
        if NUMBERED.fullmatch(text, start, name_end):
            return True  # a number alone: 一号厂房, 首幢厂房, 3#车间
        head = text[name_end:end]
        if head in FUNCTIONAL_HEADS and text[start:name_end] in lexicon.generic_words:
            return True  # one function before a functional head: 研发中心, 孵化基地
        if text[name_end:end].endswith(PROJECT_WORD):
            if text[start:name_end] in lexicon.generic_words:
                return True  # one field or class word: 装备制造项目, 新动能项目
            if text[start:name_end] in lexicon.places:
                return True  # a place's projects: 长沙项目, 北京项目
            for size in (2, 3):  # a place's class of projects: 潮州|新一轮项目
                rest = text[start + size : name_end]
                if text[start : start + size] in lexicon.places and rest in lexicon.generic_words:
                    return True
            # 生物医药产业项目: the name ends in a word that the generic list
            # pairs with 项目 (产业项目), so it names a kind of project.
            keys = self.lexicon.generic_words
            for size in range(1, min(LONGEST_GENERIC, name_end - start) + 1):
                if text[name_end - size : name_end] + PROJECT_WORD in keys:
                    return True
        return self._made_of_generic(start, name_end)

    def _made_of_generic(self, start: int, end: int) -> bool:
        """Tell whether ``text[start:end]`` is two or more generic words (科学创新, 相关重大).

        One field word alone still names a building (科学会堂), so it takes two.
        Read right to left, longest word first, over a bounded name.
        """
        words, pos, keys = 0, end, self.lexicon.generic_words
        while pos > start:
            sizes = range(min(LONGEST_GENERIC, pos - start), 0, -1)
            size = next((n for n in sizes if self.text[pos - n : pos] in keys), 0)
            if not size:
                return False
            words, pos = words + 1, pos - size
        return words >= 2
