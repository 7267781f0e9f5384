"""Enumerations of projects: the items of a list closed by 等 or a count (A、B等项目).

A mixin of `hzner.projects.scanner.Scanner`: where a list of projects ends,
what its items are, and whether a name is an item of a list of other things.
"""

from __future__ import annotations

from .lexicon import CONJUNCTION_ENDS, CONJUNCTIONS
from .text import NUMERALS, has_count, has_latin, is_name_char
from .walk import (
    ATTRIBUTE,
    ATTRIBUTIVE,
    BETWEEN_NAMES,
    COMPANY_WORDS,
    ETC_AFTER,
    ETC_BEFORE,
    ETC_GAP,
    ITEM_OPENS,
    LIST_MARK,
    LISTED_BEFORE,
    LONGEST_PHASE,
    MAX_LIST,
    MAX_NAME,
    PHASE,
    PHASE_END,
    PROJECT_WORD,
    NameWalker,
    is_name,
)

# Nouns of a field or a trade: between 等 and 项目 they make the items fields.
SECTOR_NOUNS = ("领域", "行业", "门类", "板块")
# Nouns of companies and bodies: between 等 and 项目 they make the items
# the parties (A、B等13家单位签署项目合作协议, 华为、中兴等企业投资的项目).
BODY_NOUNS = ("单位", "企业", "公司", "机构", "高校", "院校", "院所")
# The fewest items that make a list of sectors when half of them are (`ListReader.items`).
MIN_SECTOR_LIST = 3
# What a count of projects ends in right before 项目 (A、B2个项目).
_COUNT_UNITS = frozenset("个项")
# The classifiers that count projects: 12个新能源汽车项目, 5批项目, 3项工程.
PROJECT_COUNTERS = frozenset("个项批宗类")


class ListReader(NameWalker):
    """The enumerations of one view text (see the module docstring)."""

    def etc_before(self, head: int) -> int | None:
        """Find the 等 that makes the 项目 head at ``head`` close an enumeration, if any.

        Between 等 and the head stand at most ETC_GAP characters that open
        with a count or a generic word (等12个项目, 等一大批医疗项目), or any
        words when what precedes 等 is plainly a list of projects: an item
        ending in a head (…生产基地等海工装备项目). Only then may the words
        after 等 be a list too (…研发生产基地等医药研发、医疗服务项目).
        """
        text, lexicon = self.text, self.lexicon
        # The nearest 等 within ETC_GAP characters, only names and 、 between.
        found = ETC_BEFORE.match(self.reversed, len(text) - head)
        if found is None:
            return None
        index = len(text) - found.end()
        gap = index + 1
        if lexicon.zone_words.longest_at(text, gap) is not None:
            return None  # …等园区承接项目: the list is of parks, where projects go
        if any(noun in text[gap:head] for noun in SECTOR_NOUNS):
            return None  # 超导、光电等优势领域项目: the items are fields
        if any(0 <= text.find(noun, gap, head) < head - len(noun) for noun in BODY_NOUNS):
            # A、B等13家单位签署项目…: the items are the parties; right before
            # the head a body noun names their projects (等多家企业项目).
            return None
        # Only an item that ends in a head: 温泉酒店、度假俱乐部等高端服务业项目
        # lists kinds of projects, not projects.
        item_end = index
        phase = PHASE_END.search(text, max(0, index - LONGEST_PHASE), index)
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

    def count_before(self, head: int) -> int | None:
        """Find the count that closes a list of named projects before ``head`` (A、B2个项目).

        The count stands right after an item that ends in a head, with a 、
        before that item, and before 项目 or before class words and 项目 (五个产业
        项目): the count closes the list as 等 does.
        """
        text = self.text
        unit = head - 1
        # Class words may stand between the count and 项目 (A、B五个产业项目).
        while unit > 0 and text[unit] not in _COUNT_UNITS and head - unit <= ETC_GAP:
            unit -= 1
        if unit <= 0 or text[unit] not in _COUNT_UNITS:
            return None
        between = text[unit + 1 : head]
        if (
            between
            and between not in self.lexicon.generic_words
            and not self._made_of_generic(unit + 1, head)
        ):
            return None
        pos = unit
        while pos > 0 and text[pos - 1] in NUMERALS:
            pos -= 1
        if pos == unit or self.lexicon.heads.longest_ending_at(text, pos) is None:
            return None
        mark = text.rfind(LIST_MARK, max(0, pos - MAX_NAME), pos)
        return pos if mark >= 0 and is_name(text[mark + 1 : pos]) else None

    def _counted_before(self, start: int) -> bool:
        """Tell whether a count of projects (12个, 5批, 3项) ends right before ``start``."""
        return (
            start > 0
            and self.text[start - 1] in PROJECT_COUNTERS
            and has_count(self.text, start - 1, dates=False)
        )

    def _has_stop(self, start: int, end: int) -> bool:
        """Tell whether a stop word ends inside ``text[start:end]``, not at its end."""
        text, stops = self.text, self.lexicon.stops
        return any(
            text[pos - 1] in self.stop_last and stops.longest_ending_at(text, pos) is not None
            for pos in range(start + 1, end)  # a word before the head is a noun: 能源保障项目
        )

    def _conjunction(self, pos: int, right: int) -> int:
        text = self.text
        if pos == right or pos == 0 or text[pos - 1] not in CONJUNCTION_ENDS:
            return 0  # the common case, at every step of an enumeration's walk
        for word in CONJUNCTIONS:
            before = pos - len(word) - 1
            if pos == right or before < 0 or text[before + 1 : pos] != word:
                continue
            # Not after an attributive suffix (穿戴式及3D触控模块), nor between
            # two field words (靶向药研发与产业化基地): both join parts of one name.
            if not is_name_char(text[before]) or text[before] in ATTRIBUTIVE:
                continue
            if before == 0 or text[before - 1] in ITEM_OPENS:
                continue  # one character before it: inside a name (泰和泰…中心, 协和…)
            generic = self.lexicon.generic
            if text[pos:right] in self.lexicon.generic_words:
                continue  # 渔业养殖及食品加工: a field alone would be no item
            if word not in BETWEEN_NAMES and self.lexicon.heads.longest_ending_at(text, before + 1):
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
        while pos > 0 and etc - pos <= MAX_LIST and right - pos <= MAX_NAME:
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
            if closed == ATTRIBUTE and pos > 1:
                # 投资6亿元的A、投资5亿元的B等: an item may carry its own
                # modifier; the list goes on at the 、 before the modifier.
                listed = LISTED_BEFORE.match(self.reversed, len(text) - (pos - 1))
                if listed is not None:
                    items.append((pos, right))
                    right = pos = len(text) - listed.end() + 1
                    continue
            if (
                closed == ""
                and text[pos - 2 : pos] == PROJECT_WORD
                and PHASE.fullmatch(text, pos, right)
            ):
                right = pos  # X项目二期、: the phase is no part of the name
                continue
            if closed is not None:
                break
            pos -= 1
            # Cross the plain characters after it at once: nothing happens there.
            low = self._plain_low(pos, self.plain_run)
            pos = max(low, etc - MAX_LIST - 1, right - MAX_NAME - 1)
        else:
            if pos > 0:  # capped: the open item has no left boundary
                pos = -1
        if pos >= 0:
            items.append((pos, right))
        # A phase after a facility is no part of its name: X基地一期三阶段, X水厂(一期).
        lexicon = self.lexicon
        for index, (start, end) in enumerate(items):
            phase = PHASE_END.search(text, start, end)
            if phase is not None and lexicon.heads.longest_ending_at(text, phase.start()):
                items[index] = (start, phase.start())
        # An item that is only a generic word, a head or a park names no project.
        kept = [
            (start, end)
            for start, end in reversed(items)
            if is_name(text[start:end])
            and text[start:end] not in lexicon.generic_words
            and text[start:end] not in lexicon.head_words
            and (start, end) not in self.known_zones
        ]
        if len(items) >= MIN_SECTOR_LIST and 2 * (len(items) - len(kept)) >= len(items):
            # Half the items or more are sectors: a list of sectors, whose other
            # items are sectors too (人才房、安置房、养老服务、乡村振兴等项目),
            # unless they show a name (a place, a company, letters or digits, a head).
            kept = [(start, end) for start, end in kept if self._shows_a_name(start, end)]
        return kept

    def _shows_a_name(self, start: int, end: int) -> bool:
        """Tell whether an item shows that it names one project, not a sector."""
        text, lexicon = self.text, self.lexicon
        item = text[start:end]
        if has_latin(item):
            return True
        if any(word in item for word in COMPANY_WORDS[1:]):
            return True
        if lexicon.heads.longest_ending_at(text, end) is not None:
            return True
        places = lexicon.places
        return any(
            item[index : index + size] in places
            for index in range(len(item) - 1)
            for size in (2, 3)
        )

    def _in_other_list(self, end: int) -> bool:
        """Tell whether the name ending at ``end`` is an item of a list closed by 等+other head."""
        text = self.text
        # The nearest 等 within MAX_NAME characters, only names and 、 between.
        found = ETC_AFTER.match(text, end)
        if found is None or found.end() >= len(text):
            return False
        index = found.end() - 1
        return index not in self.project_etcs and is_name_char(text[index + 1])
