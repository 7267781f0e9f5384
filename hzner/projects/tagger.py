"""Find PROJECT mentions in a normalized text and link them (SPEC.md, PROJECT).

A project name ends at a head: 项目 when the text has it, else a facility
head (基地 中心 小镇 总部 …). It starts at its first naming word, found by
walking left from the head over name characters until a boundary:
punctuation, a count or date (7个, 2019年), a stop word (的 在 签约 引进 此次
…, longest match), a MONEY, the end of an earlier 项目, or the start of the
text. Company names, places, generations (第6代), products, Latin letters and
a PARK at the start of the name are kept; that PARK is then absorbed.

Three kinds of candidates, in order of trust:

1. every item of an enumeration ending in 等…项目 (A、B和C等重大项目), whatever
   its head (SPEC; dev README decision 9);
2. a name ending in 项目, unless generic (重大项目, 一批…项目, 生物医药产业项目);
3. a name ending in a facility head, only when its clause has a status cue
   (加快科学会堂建设, 科技人才小镇…施工) or the same name was accepted
   elsewhere in the text: a bare 中心 or 基地 is far more often a function
   (打造…科技创新中心) than a project. Items of an enumeration that ends in
   another head (…等配套, …等技术创新平台) are not projects (decision 10).

Every walk is capped, so the whole pass is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from ..lexicon import Lexicon
from ..normalize import Located, NormalizedText, locate
from ..rules import RuleSet
from ..types import Money, Park, Project, Role, Status
from ..zones.gazetteer import place_names
from .links import NAME_RANGES, NUMERALS, Context, Links, has_count, is_name_char, plain_run

__all__ = ["ProjectLexicon", "find_projects", "find_projects_located"]

# SPEC: "ends at 项目 when the text has it"; an earlier 项目 also closes a name
# on the left (重要投资项目泽璟新药生产基地建设项目 is 泽璟…项目).
_PROJECT_WORD = "项目"
# SPEC: enumerations that end in 等…项目. At most _ETC_GAP characters (see
# `_Scanner.etc_before`) stand between 等 and the head.
_ETC = "等"
_ETC_GAP = 12
# A count right after a head: the head names a class (新材料项目1个).
_COUNT_AFTER = re.compile(f"[{''.join(sorted(NUMERALS))}]+[个项家]")
# A phase of a project or facility: 二期, 一期三阶段, (一期).
_PHASE = re.compile(r"\(?[0-9一二三四五六七八九十]+期(?:[0-9一二三四五六七八九十]+阶段)?\)?")
_PHASE_END = re.compile(_PHASE.pattern + "$")
_LONGEST_PHASE = 12  # (十二期十二阶段) and shorter
# Joiners inside a name that cannot begin one.
_NOT_FIRST = frozenset("·-&+ \u2014")
# The attributive particle: what stands before it in a list item modifies it.
_ATTRIBUTE = "的"
# What joins enumeration items besides 、. A conjunction after an attributive
# suffix joins two modifiers of one item (宸鸿穿戴式及3D触控模块), not two items.
_CONJUNCTIONS = ("以及", "和", "与", "及")
_CONJUNCTION_ENDS = frozenset(word[-1] for word in _CONJUNCTIONS)
# After a whole name, 和 and 与 join two names; 及 and 以及 add a part to one
# (日本DAC西南总部及亚太创新中心项目, 礼进生物总部及新药研制基地).
_BETWEEN_NAMES = ("和", "与")
_ATTRIBUTIVE = frozenset("式型性")
# What follows a word inside a company's name.
_COMPANY_WORDS = ("(", "集团", "有限", "股份", "公司", "控股")
# Caps: a name is at most _MAX_NAME view characters (the longest in the dev
# set has 29), an enumeration at most _MAX_LIST.
_MAX_NAME = 48
_MAX_LIST = 240
# A cue's status by value; a cue of value "none" asserts no status.
_STATUSES = {status.value: status for status in Status}
# Generic words longer than this are whole names (企业总部基地), never parts.
_LONGEST_GENERIC = 6
# The nearest 等 before a head (read in the reversed text) or after a name,
# with only name characters (and 、 after a name) between.
_ETC_BEFORE = re.compile(f"[、{NAME_RANGES}]{{0,{_ETC_GAP - 1}}}?等")
# The nearest 、 to the left with only name characters between (read in the
# reversed text): where the item before runs up to.
_LISTED_BEFORE = re.compile(f"[.{NAME_RANGES}]{{1,{_MAX_NAME}}}?、")  # 投资2.5亿元的
_ETC_AFTER = re.compile(f"[、{NAME_RANGES}]{{0,{_MAX_NAME - 1}}}?等")


@dataclass(frozen=True)
class ProjectLexicon:
    """The PROJECT word lists of a rule set, each compiled at first use.

    Parameters
    ----------
    rules
        The rule set: ``project_head``, ``project_stop``, ``project_generic``
        and ``status_cue`` rules, and ``zone_word`` rules (a head inside a
        zone word, as 园 in 产业园, makes no project).

    Examples
    --------
    >>> lexicon = ProjectLexicon(RuleSet.default())
    >>> "项目" in lexicon.heads and "该" in lexicon.anaphors
    True

    """

    rules: RuleSet

    @cached_property
    def heads(self) -> Lexicon[str]:
        """Head words: 项目 and its compounds, and the facility heads."""
        return self.rules.lexicon("project_head", "word")

    @cached_property
    def stops(self) -> Lexicon[str]:
        """Words that end a name on the left."""
        return self.rules.lexicon("project_stop", "word")

    @cached_property
    def generic(self) -> Lexicon[str]:
        """Words and names that are not projects."""
        return self.rules.lexicon("project_generic", "word")

    @cached_property
    def cues(self) -> Lexicon[str]:
        """Status cues, each with its status or ``"none"``; a later rule wins."""
        return self.rules.lexicon("status_cue", "status")

    @cached_property
    def zone_words(self) -> Lexicon[str]:
        """The PARK zone words, so that heads never turn a park into a project."""
        return self.rules.lexicon("zone_word", "kind")

    @cached_property
    def head_words(self) -> frozenset[str]:
        """The head words as a set."""
        return frozenset(self.heads.keys())

    @cached_property
    def generic_words(self) -> frozenset[str]:
        """The generic words as a set, for segmenting a name into them."""
        return frozenset(self.generic.keys())

    @cached_property
    def stop_last_chars(self) -> frozenset[str]:
        """The last characters of the stop words, to skip look-ups that cannot hit."""
        return frozenset(word[-1] for word in self.stops)

    @cached_property
    def determiners(self) -> frozenset[str]:
        """Words both stop and generic (一批, 一系列): what follows them is a class."""
        return frozenset(self.stops.keys()) & frozenset(self.generic.keys())

    @cached_property
    def places(self) -> frozenset[str]:
        """The provinces and cities of the zones, as the press writes them (长沙, 长沙市)."""
        names: set[str] = set()
        for rule in self.rules.of("zone"):
            for division in (rule.get("province", ""), rule.get("city", "")):
                names.update(place_names(division) if division else ())
        return frozenset(names)

    @cached_property
    def plain_run(self) -> re.Pattern[str]:
        """The run of name characters a walk crosses unchecked (`links.plain_run`).

        It also stops where a conjunction can end: whether one joins two
        names or parts of one is decided there.
        """
        return plain_run(self.stops, also="".join(sorted(_CONJUNCTION_ENDS)))

    @cached_property
    def anaphors(self) -> Lexicon[str]:
        """Words that refer back to a project named before (该, 此, 这个)."""
        return self.rules.lexicon("project_anaphor", "word")


# Internal and short-lived, so not frozen: creating one is four times faster.
@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    rank: int  # 0 enumeration item, 1 项目 head, 2 facility head
    rule_id: str
    group: tuple[int, int]  # where links are read from: the whole enumeration, or the name
    gated: bool = True


def _is_name(name: str) -> bool:
    # A name has letters, and more than numerals: 百亿项目 is a size, not a name.
    return len(name) >= 2 and any(char.isalpha() and char not in NUMERALS for char in name)


class _Scanner:
    """Candidate finding over one view text."""

    def __init__(self, ctx: Context, lexicon: ProjectLexicon, in_zone: bytearray) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.lexicon = lexicon
        self.park_end = {item.end: item.start for item in ctx.parks}
        # A known zone as an enumeration item is a place, not a project; an
        # unseen park (茂林医疗器械产业园) listed among projects is one of them.
        self.known_zones = {
            (item.start, item.end)
            for item in ctx.parks
            if isinstance(item.entity, Park) and item.entity.zone is not None
        }
        # Where a name cannot reach over: the end of an amount, or a line
        # break that ends a headline or a caption.
        self.hard_ends = {item.end for item in ctx.money} | set(ctx.breaks)
        self.in_zone = in_zone
        self.project_etcs: set[int] = set()
        # The characters inside enumeration items (`project_candidates` marks them).
        self.in_item = bytearray(len(self.text))
        self.stop_last = lexicon.stop_last_chars
        self.reversed = self.text[::-1]
        self.plain_run = lexicon.plain_run
        self.barriers = sorted(self.hard_ends | self.park_end.keys())

    def _closes(self, pos: int, end: int, *, split_names: bool = False) -> str | None:
        """Say what ends a name at ``pos`` walking left: a stop word, "" (hard stop) or None.

        With ``split_names``, 和 or 与 after a whole name ends it too
        (A基地与|B中心); 及 adds a part to one name (日本DAC西南总部及亚太创新中心项目).
        """
        text = self.text
        if pos in self.hard_ends:
            return ""
        if pos != end and pos >= 2 and text[pos - 2 : pos] == _PROJECT_WORD:
            return ""
        char = text[pos - 1]
        if char in _CONJUNCTION_ENDS:
            if split_names and self._joins_names(pos):
                return ""
            if (
                pos < 2
                or not is_name_char(text[pos - 2])
                or text[pos - 3 : pos - 1] == _PROJECT_WORD
            ):
                return char  # opening a clause (与A项目达成意向) or after a project (A项目及B项目)
        if char in self.stop_last:  # most characters end no stop word
            stop = self.lexicon.stops.longest_ending_at(text, pos)
            # Before an attributive suffix a verb is an adjective (保障性住房),
            # and before a company word a part of a company's name
            # (申辰鑫通讯企业(上海)有限公司, 中建投资集团).
            if (
                stop is not None
                and text[pos : pos + 1] not in _ATTRIBUTIVE
                and not text.startswith(_COMPANY_WORDS, pos)
            ):
                return text[stop[0] : pos]
        before = text[pos - 2] if pos >= 2 else ""
        if char == _ETC or not is_name_char(char, before) or has_count(text, pos - 1):
            return ""
        return None

    def _joins_names(self, pos: int) -> bool:
        """Tell whether 和 or 与 ending at ``pos`` follows a whole name (A基地与B中心)."""
        text, heads = self.text, self.lexicon.heads
        return any(
            text[pos - len(word) : pos] == word
            and heads.longest_ending_at(text, pos - len(word)) is not None
            for word in _BETWEEN_NAMES
        )

    def walk(self, end: int, *, split_names: bool = False) -> tuple[int, str] | None:
        """Walk left from a head at ``end``: ``(name start, stop word or "")``, None if capped.

        ``split_names`` is passed on to `_closes` (for facility heads).

        Stretches of plain name characters are crossed in one `plain_run`
        match over the reversed text; each position where the match stops,
        or where a park or an amount ends, is checked in full.
        """
        text, park_end = self.text, self.park_end
        floor = end - _MAX_NAME - 1  # reaching it means the name is too long
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
            closed = self._closes(pos, -1, split_names=split_names)
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
        length = len(self.text)
        match = run.match(self.reversed, length - pos)  # never None: {0,n}
        low = length - match.end() if match is not None else pos
        index = bisect.bisect_right(self.barriers, pos) - 1
        if index >= 0 and self.barriers[index] >= low:
            low = self.barriers[index]
        return low

    def _trim(self, start: int, end: int) -> int:
        """Skip what cannot begin a name: 重大项目·|空港国际小镇."""
        while start < end and self.text[start] in _NOT_FIRST:
            start += 1
        return start

    def generic(self, start: int, name_end: int, end: int, stop: str) -> bool:
        """Tell whether the name ``[start, name_end)`` + head ``[name_end, end)`` is generic."""
        text, lexicon = self.text, self.lexicon
        if stop in lexicon.determiners or text[start:end] in lexicon.generic_words:
            return True
        if text[start:name_end] in lexicon.head_words:  # 生产线项目, 基地项目
            return True
        if text[name_end:end].endswith(_PROJECT_WORD):
            if text[start:name_end] in lexicon.generic_words:
                return True  # one field or class word: 装备制造项目, 新动能项目
            if text[start:name_end] in lexicon.places:
                return True  # a place's projects: 长沙项目, 北京项目
            # 生物医药产业项目: the name ends in a word that the generic list
            # pairs with 项目 (产业项目), so it names a kind of project.
            keys = self.lexicon.generic_words
            for size in range(1, min(_LONGEST_GENERIC, name_end - start) + 1):
                if text[name_end - size : name_end] + _PROJECT_WORD in keys:
                    return True
        return self._made_of_generic(start, name_end)

    def _made_of_generic(self, start: int, end: int) -> bool:
        """Tell whether ``text[start:end]`` is two or more generic words (科学创新, 相关重大).

        One field word alone still names a building (科学会堂), so it takes two.
        Read right to left, longest word first, over a bounded name.
        """
        words, pos, keys = 0, end, self.lexicon.generic_words
        while pos > start:
            sizes = range(min(_LONGEST_GENERIC, pos - start), 0, -1)
            size = next((n for n in sizes if self.text[pos - n : pos] in keys), 0)
            if not size:
                return False
            words, pos = words + 1, pos - size
        return words >= 2

    def etc_before(self, head: int) -> int | None:
        """Find the 等 that makes the 项目 head at ``head`` close an enumeration, if any.

        Between 等 and the head stand at most _ETC_GAP characters that open
        with a count or a generic word (等12个项目, 等一大批医疗项目), or any
        words when what precedes 等 is plainly a list of projects: an item
        ending in a head (…生产基地等海工装备项目). Only then may the words
        after 等 be a list too (…研发生产基地等医药研发、医疗服务项目).
        """
        text, lexicon = self.text, self.lexicon
        # The nearest 等 within _ETC_GAP characters, only names and 、 between.
        found = _ETC_BEFORE.match(self.reversed, len(text) - head)
        if found is None:
            return None
        index = len(text) - found.end()
        gap = index + 1
        # Only an item that ends in a head: 温泉酒店、度假俱乐部等高端服务业项目
        # lists kinds of projects, not projects.
        item_end = index
        phase = _PHASE_END.search(text, max(0, index - _LONGEST_PHASE), index)
        if phase is not None:  # X水厂(一期)等
            item_end = phase.start()
        listed = lexicon.heads.longest_ending_at(text, item_end) is not None
        # A list before 等 lets any words follow it, but not a clause (…有限公司等
        # 香港企业签订了6个项目): no boundary word may stand among them.
        listed = listed and not self._has_stop(gap, head)
        if "、" in text[gap:head]:
            return index if listed else None
        opens = gap == head or text[gap] in NUMERALS or listed
        opens = opens or lexicon.generic.longest_at(text, gap) is not None
        return index if opens or lexicon.stops.longest_at(text, gap) else None

    def _has_stop(self, start: int, end: int) -> bool:
        """Tell whether a stop word ends inside ``text[start:end]``, not at its end."""
        text, stops = self.text, self.lexicon.stops
        return any(
            text[pos - 1] in self.stop_last and stops.longest_ending_at(text, pos) is not None
            for pos in range(start + 1, end)  # a word before the head is a noun: 能源保障项目
        )

    def _conjunction(self, pos: int, right: int) -> int:
        text = self.text
        if pos == right or pos == 0 or text[pos - 1] not in _CONJUNCTION_ENDS:
            return 0  # the common case, at every step of an enumeration's walk
        for word in _CONJUNCTIONS:
            before = pos - len(word) - 1
            if pos == right or before < 0 or text[before + 1 : pos] != word:
                continue
            # Not after an attributive suffix (穿戴式及3D触控模块), nor between
            # two field words (靶向药研发与产业化基地): both join parts of one name.
            if not is_name_char(text[before]) or text[before] in _ATTRIBUTIVE:
                continue
            generic = self.lexicon.generic
            if text[pos:right] in self.lexicon.generic_words:
                continue  # 渔业养殖及食品加工: a field alone would be no item
            if word not in _BETWEEN_NAMES and self.lexicon.heads.longest_ending_at(
                text, before + 1
            ):
                continue  # 礼进生物总部及新药研制基地: 及 adds a facility to a project
            if (
                generic.longest_ending_at(text, before + 1) is None
                or generic.longest_at(text, pos) is None
            ):
                return len(word)
        return 0

    def items(self, etc: int) -> list[tuple[int, int]]:
        """Split the enumeration closed by the 等 at ``etc`` into items, left to right."""
        text = self.text
        items: list[tuple[int, int]] = []
        right = pos = etc
        while pos > 0 and etc - pos <= _MAX_LIST and right - pos <= _MAX_NAME:
            if text[pos - 1] == "、":
                items.append((pos, right))
                right = pos = pos - 1
                continue
            joined = self._conjunction(pos, right)
            if joined:
                items.append((pos, right))
                right = pos = pos - joined
                continue
            if pos in self.park_end:
                pos = self.park_end[pos]
                continue
            closed = self._closes(pos, right)
            if closed == _ATTRIBUTE and pos > 1:
                # 投资6亿元的A、投资5亿元的B等: an item may carry its own
                # modifier; the list goes on at the 、 before the modifier.
                listed = _LISTED_BEFORE.match(self.reversed, len(text) - (pos - 1))
                if listed is not None:
                    items.append((pos, right))
                    right = pos = len(text) - listed.end() + 1
                    continue
            if (
                closed == ""
                and text[pos - 2 : pos] == _PROJECT_WORD
                and _PHASE.fullmatch(text, pos, right)
            ):
                right = pos  # X项目二期、: the phase is no part of the name
                continue
            if closed is not None:
                break
            pos -= 1
            # Cross the plain characters after it at once: nothing happens there.
            low = self._plain_low(pos, self.plain_run)
            pos = max(low, etc - _MAX_LIST - 1, right - _MAX_NAME - 1)
        else:
            if pos > 0:  # capped: the open item has no left boundary
                pos = -1
        if pos >= 0:
            items.append((pos, right))
        # A phase after a facility is no part of its name: X基地一期三阶段, X水厂(一期).
        lexicon = self.lexicon
        for index, (start, end) in enumerate(items):
            phase = _PHASE_END.search(text, start, end)
            if phase is not None and lexicon.heads.longest_ending_at(text, phase.start()):
                items[index] = (start, phase.start())
        # An item that is only a generic word, a head or a park names no project.
        return [
            (start, end)
            for start, end in reversed(items)
            if _is_name(text[start:end])
            and text[start:end] not in lexicon.generic_words
            and text[start:end] not in lexicon.head_words
            and (start, end) not in self.known_zones
        ]

    def project_candidates(self, heads: list[tuple[int, int, str]]) -> list[_Candidate]:
        """Find the enumeration items and the names that end in 项目."""
        found: list[_Candidate] = []
        for start, end, word in heads:
            if not word.endswith(_PROJECT_WORD) or self.in_zone.find(1, start, end) >= 0:
                continue
            etc = self.etc_before(start)
            if etc is not None:
                self.project_etcs.add(etc)
                items = self.items(etc)
                if items:
                    group = (items[0][0], end)
                    found.extend(_Candidate(s, e, 0, "enumeration", group) for s, e in items)
                    for item_start, item_end in items:
                        self.in_item[item_start:item_end] = b"\x01" * (item_end - item_start)
                continue
            if _COUNT_AFTER.match(self.text, end):
                continue  # counted: 制造类项目9个, 新材料项目1个 name classes
            walked = self.walk(start)
            if walked is None:
                continue
            name_start = self._trim(walked[0], start)
            if not _is_name(self.text[name_start:start]):
                continue
            if not self.generic(name_start, start, end, walked[1]):
                found.append(_Candidate(name_start, end, 1, f"head:{word}", (name_start, end)))
        return found

    def facility_candidates(self, heads: list[tuple[int, int, str]]) -> list[_Candidate]:
        """Find the names that end in a facility head (call after `project_candidates`)."""
        text, lexicon = self.text, self.lexicon
        found: list[_Candidate] = []
        for start, end, word in heads:
            if word.endswith(_PROJECT_WORD) or self.in_zone.find(1, start, end) >= 0:
                continue
            if self.in_item.find(0, start, end) < 0:
                continue  # inside an enumeration item, which is accepted first
            # 生产线项目: the 项目 name covers it; 中心有限责任公司: a company.
            if lexicon.heads.longest_at(text, end) or lexicon.generic.longest_at(text, end):
                continue
            # …等重大工程, …等技术创新平台: an enumeration closed by another head
            # (dev README decision 10), or an item of one.
            if self.etc_before(start) is not None or self._in_other_list(end):
                continue
            walked = self.walk(start, split_names=True)
            if walked is None:
                continue
            name_start = self._trim(walked[0], start)
            if not _is_name(text[name_start:start]) or self.generic(
                name_start, start, end, walked[1]
            ):
                continue
            gated = self.ctx.has_real_cue(name_start, end)
            found.append(_Candidate(name_start, end, 2, f"head:{word}", (name_start, end), gated))
        return found

    def _in_other_list(self, end: int) -> bool:
        """Tell whether the name ending at ``end`` is an item of a list closed by 等+other head."""
        text = self.text
        # The nearest 等 within _MAX_NAME characters, only names and 、 between.
        found = _ETC_AFTER.match(text, end)
        if found is None or found.end() >= len(text):
            return False
        index = found.end() - 1
        return index not in self.project_etcs and is_name_char(text[index + 1])


def _resolve(ctx: Context, candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping candidates, most trusted first, then same-name mentions."""
    accepted: list[_Candidate] = []
    # At one start the longer name wins (苏州中心购物广场 over 苏州中心).
    for candidate in sorted(candidates, key=lambda c: (c.rank, c.start, -c.end)):
        if candidate.gated and ctx.is_free(candidate.start, candidate.end):
            ctx.occupy(candidate.start, candidate.end)
            accepted.append(candidate)
    # 科技人才小镇就是贵阳高新区又一人才力作: no cue, but the name was accepted;
    # or the name with 项目 (X生产基地 of an accepted X生产基地项目).
    names = {ctx.text[c.start : c.end] for c in accepted}
    names |= {name.removesuffix(_PROJECT_WORD) for name in names}
    for candidate in candidates:
        if candidate.gated or ctx.text[candidate.start : candidate.end] not in names:
            continue
        if ctx.is_free(candidate.start, candidate.end):
            ctx.occupy(candidate.start, candidate.end)
            rule_id = candidate.rule_id.replace("head:", "same-name:", 1)
            accepted.append(replace(candidate, rule_id=rule_id))
    accepted.sort(key=lambda c: c.start)
    return accepted


def _zone_mask(
    text: str, parks: Sequence[Located[Park]], zone_words: Sequence[tuple[int, int]]
) -> bytearray:
    """Mark the characters inside a park or a zone word."""
    mask = bytearray(len(text))
    for start, end in [*((item.start, item.end) for item in parks), *zone_words]:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def _listed(text: str, accepted: list[_Candidate], index: int) -> bool:
    """Tell whether a mention is an item of a 、 list of projects (包括A项目、B项目).

    An amount before such a list is the total of its items, not one's own.
    """
    candidate = accepted[index]
    before = accepted[index - 1] if index > 0 else None
    after = accepted[index + 1] if index + 1 < len(accepted) else None
    if before is not None and before.end + 1 == candidate.start and text[before.end] == "、":
        return True
    return after is not None and candidate.end + 1 == after.start and text[candidate.end] == "、"


def _links(ctx: Context, accepted: list[_Candidate], prefixes: Lexicon[str]) -> list[Links]:
    """Link each accepted candidate; the items of one enumeration share their links."""
    by_group: dict[tuple[int, int], Links] = {}
    for index, candidate in enumerate(accepted):
        if candidate.group in by_group:
            continue
        several = candidate.rank == 0 or _listed(ctx.text, accepted, index)
        sentence_end = ctx.sentence(candidate.start)[1]
        later = accepted[index + 1].start if index + 1 < len(accepted) else len(ctx.text)
        # The next sentence's 该项目 refers to the nearest named mention: the
        # last one of this sentence, and never to an enumeration.
        anaphor = None if several or later < sentence_end else ctx.anaphor(sentence_end, prefixes)
        by_group[candidate.group] = ctx.links(*candidate.group, several=several, anaphor=anaphor)
    # An item's own amount stands right before it: 投资6亿元的A、投资5亿元的B等项目.
    own = {
        item.end + 1: item.entity
        for item in ctx.money
        if item.entity.role is Role.INVESTMENT and ctx.text[item.end : item.end + 1] == "的"
    }
    found = [by_group[candidate.group] for candidate in accepted]
    for index, candidate in enumerate(accepted):
        if candidate.rank == 0 and candidate.start in own:
            status, _, park = found[index]
            found[index] = (status, own[candidate.start], park)
    return found


def find_projects(
    norm: NormalizedText,
    money: Sequence[Money],
    parks: Sequence[Park],
    lexicon: ProjectLexicon,
) -> tuple[list[Project], list[Park]]:
    """Find the projects of ``norm`` and link them to the given money and parks.

    Parameters
    ----------
    norm
        The normalized text.
    money, parks
        The MONEY and PARK entities of the text, with offsets into
        ``norm.original``.
    lexicon
        The PROJECT word lists.

    Returns
    -------
    tuple[list[Project], list[Park]]
        The projects, sorted by start, with offsets into ``norm.original``;
        and the parks that remain once those inside a project name are
        absorbed (贵阳高新区铝合金门窗高端制造基地 is one PROJECT).

    Examples
    --------
    >>> from hzner.normalize import normalize
    >>> lexicon = ProjectLexicon(RuleSet.default())
    >>> norm = normalize("长通智能制造产业基地项目于3月开工。")
    >>> projects, _ = find_projects(norm, [], [], lexicon)
    >>> [(p.text, p.status.value if p.status else None) for p in projects]
    [('长通智能制造产业基地项目', 'started')]

    """
    located_parks = locate(parks, norm)
    located, kept = find_projects_located(norm, locate(money, norm), located_parks, lexicon)
    absorbed = {id(item.entity) for item in located_parks} - {id(item.entity) for item in kept}
    return [item.entity for item in located], [park for park in parks if id(park) not in absorbed]


def find_projects_located(
    norm: NormalizedText,
    money: list[Located[Money]],
    parks: list[Located[Park]],
    lexicon: ProjectLexicon,
    zone_words: Sequence[tuple[int, int]] | None = None,
) -> tuple[list[Located[Project]], list[Located[Park]]]:
    """Find the projects of ``norm``, given its money and parks with spans in the view.

    Like `find_projects`, with each result's span in the view. ``zone_words``
    are the spans of the zone words of the text when the caller has them
    (`hzner.zones.parks.ParkRecognizer.find_located`); else they are found here.
    """
    text = norm.text
    if zone_words is None:
        zone_words = [(start, end) for start, end, _ in lexicon.zone_words.finditer(text)]
    in_zone = _zone_mask(text, parks, zone_words)
    # A head inside a park or a zone word (the 园 of 产业园, of 园区) is no head.
    heads = [
        (start, end, values[-1])
        for start, end, values in lexicon.heads.finditer(text)
        if in_zone.find(1, start, end) < 0
    ]
    cues = [
        (start, end, _STATUSES.get(values[-1]))
        for start, end, values in lexicon.cues.finditer(text)
    ]
    ctx = Context(
        text, cues, [(s, e) for s, e, _ in heads], money, parks, lexicon.anaphors, norm.breaks
    )
    scanner = _Scanner(ctx, lexicon, in_zone)
    candidates = scanner.project_candidates(heads)
    candidates += scanner.facility_candidates(heads)
    accepted = _resolve(ctx, candidates)
    projects: list[Located[Project]] = []
    links = _links(ctx, accepted, lexicon.anaphors)
    for candidate, (status, investment, park) in zip(accepted, links, strict=True):
        start, end = norm.to_original(candidate.start, candidate.end)
        project = Project(
            norm.original[start:end], start, end, status, investment, park, candidate.rule_id
        )
        projects.append(Located(candidate.start, candidate.end, project))
    return projects, [item for item in ctx.parks if not ctx.occupied[item.start]]
