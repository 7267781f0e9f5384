"""Find PROJECT candidates: enumeration items, 项目 names and facility names.

See `hzner.projects.tagger` for the three kinds and the order of trust.
"""

from __future__ import annotations

import re

from .lists import ListReader
from .text import has_latin, is_name_char
from .walk import (
    COUNT_AFTER,
    LIST_MARK,
    PROJECT_WORD,
    Candidate,
    is_name,
)

# A quoted title inside a project's name (某某公司“年产…生产线建设”项目): its marks
# and its longest length.
QUOTE_PAIRS = {"\u201d": "\u201c", "」": "「"}
QUOTED_TITLE = 40
# The shortest quoted title that names a project by itself (“军民融合信息技术”项目);
# a shorter one is a campaign's slogan (“双百”项目).
MIN_TITLE = 4
# A capacity in a project's name (年产3万吨, 1200万片): two parts joined by 、 with
# one of them name one project (`Scanner._joined_capacities`).
CAPACITY = re.compile(
    r"年产|[0-9.]+[万千百]?(?:吨|件|台|套|辆|片|箱|平方米|立方米|GWh|Gwh|MW|兆瓦|千瓦)"
)
# The shortest name before 项目 that names a project without letters or digits:
# shorter ones are slogans and classes (谋新项目, 攻慢项目, 预备项目, 电子项目); over
# 45 annotated sets they were 78 false projects to 2 true ones.
MIN_NAME = 4


class Scanner(ListReader):
    """Candidate finding over one view text."""

    def project_candidates(self, heads: list[tuple[int, int, str]]) -> list[Candidate]:
        """Find the enumeration items and the names that end in 项目."""
        found: list[Candidate] = []
        for start, end, word in heads:
            if not word.endswith(PROJECT_WORD) or self.in_zone.find(1, start, end) >= 0:
                continue
            etc = self.etc_before(start)
            if etc is None:
                etc = self.count_before(start)
            if etc is not None:
                self.project_etcs.add(etc)
                items = self.items(etc)
                if items:
                    group = (items[0][0], end)
                    found.extend(Candidate(s, e, 0, "enumeration", group) for s, e in items)
                    for item_start, item_end in items:
                        self.in_item[item_start:item_end] = b"\x01" * (item_end - item_start)
                continue
            if COUNT_AFTER.match(self.text, end):
                continue  # counted: 制造类项目9个, 新材料项目1个 name classes
            walked = self.walk(start)
            if walked is None:
                continue
            walked = self._past_quote(walked, start)
            name_start = walked[0]
            if name_start == start and start > 0 and self.text[start - 1] in QUOTE_PAIRS:
                name_start = self._quoted_title(start)
            name_start = self._joined_capacities(self._trim(name_start, start), start)
            if not is_name(self.text[name_start:start]):
                continue
            if word == PROJECT_WORD and self._too_short(name_start, start):
                continue  # 跑出项目, 预备项目: a slogan or a class (but 平谦|三期项目)
            # Counted (12个新能源汽车项目, 5批X项目): the name is a class of projects;
            # a rank (世界500强) is no count of them.
            if self._counted_before(name_start):
                continue
            # A known or administered zone alone before 项目 names the zone's
            # projects (天府新区项目, 辽阳经济开发区项目).
            if (name_start, start) in self.zone_names:
                continue
            if self._zone_class(name_start, start, end):
                continue
            if not self.generic(name_start, start, end, walked[1]):
                found.append(Candidate(name_start, end, 1, f"head:{word}", (name_start, end)))
        return found

    def _too_short(self, name_start: int, head: int) -> bool:
        """Whether the name before a head is under `MIN_NAME` with no letter or digit."""
        return head - name_start < MIN_NAME and not has_latin(self.text[name_start:head])

    def _joined_capacities(self, name_start: int, head: int) -> int:
        """Join the capacities of one project listed with 、 (年产3万吨乳酸、1万吨聚乳酸项目).

        The part before the 、 joins the name when it has no head of its own,
        no 、 before it (a longer list is one of items), and a capacity (年产,
        3万吨) begins the name after it or stands in the part; else the 、
        parts two names, as in any list.
        """
        text = self.text
        mark = name_start - 1
        if mark < 1 or text[mark] != LIST_MARK:
            return name_start
        if self.lexicon.heads.longest_ending_at(text, mark) is not None:
            return name_start  # an item with a head of its own: a list of projects
        walked = self.walk(mark)
        if walked is None:
            return name_start
        before = self._trim(walked[0], mark)
        part = text[before:mark]
        if not part or not is_name(part) or (before > 0 and text[before - 1] == LIST_MARK):
            return name_start  # three parts or more: a list of items (年产A、年产B、C物流项目)
        if CAPACITY.match(text, name_start) is None and CAPACITY.search(part) is None:
            return name_start
        return before

    def _past_quote(self, walked: tuple[int, str], head: int) -> tuple[int, str]:
        """Walk on past a quoted title inside a project's name (某某公司“年产…建设”项目).

        When the walk stopped at a closing quote, and the opening quote comes
        after a name (not after a verb: 建设“智慧工厂”项目), the quote is
        part of the name and the walk goes on before it.
        """
        text, pos = self.text, walked[0]
        if walked[1] or pos == 0 or text[pos - 1] not in QUOTE_PAIRS:
            return walked
        opening = self._opening_quote(pos)
        if opening <= 0 or not is_name(text[opening + 1 : pos - 1]):
            return walked
        if self._closes(opening, head) is not None:
            return walked  # after a verb or a mark: the quote begins the name
        further = self.walk(opening)
        return walked if further is None else further

    def _opening_quote(self, pos: int) -> int:
        """The opening quote of the closing one at ``pos - 1``, within `QUOTED_TITLE`, or -1."""
        text = self.text
        return text.rfind(QUOTE_PAIRS[text[pos - 1]], max(0, pos - QUOTED_TITLE), pos - 1)

    def _quoted_title(self, head: int) -> int:
        """A quoted title right before the head is the name, with its marks (签约“X”项目).

        Called when the walk stopped at the closing quote right before the
        head: the name begins at the opening quote if what it quotes is a
        name; else it is empty (``head``).
        """
        opening = self._opening_quote(head)
        if opening < 0:
            return head
        title = self.text[opening + 1 : head - 1]
        if len(title) < MIN_TITLE or title in self.lexicon.generic_words:
            return head  # a slogan (“双百”项目, “放管服”项目) or a field
        if any(not is_name_char(char) for char in title):
            return head
        return opening

    def _zone_class(self, name_start: int, name_end: int, end: int) -> bool:
        """Tell whether a known zone and generic words name the zone's projects.

        海南自由贸易试验区|建设项目, 两江新区|重大项目, 某某新片区|重大工程: a
        class of the zone's projects, no project's name; the zone stays a PARK.
        """
        zone_end = self.known_starts.get(name_start)
        if zone_end is None or zone_end >= name_end:
            return False
        text, generic = self.text, self.lexicon.generic_words
        if text[zone_end:end] in generic or text[zone_end:name_end] in generic:
            return True
        return self._made_of_generic(zone_end, name_end)

    def facility_candidates(self, heads: list[tuple[int, int, str]]) -> list[Candidate]:
        """Find the names that end in a facility head (call after `project_candidates`)."""
        text, lexicon = self.text, self.lexicon
        found: list[Candidate] = []
        for start, end, word in heads:
            if word.endswith(PROJECT_WORD) or self.in_zone.find(1, start, end) >= 0:
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
            if not is_name(text[name_start:start]) or self.generic(
                name_start, start, end, walked[1]
            ):
                continue
            if self._too_short(name_start, start):
                continue  # 营销中心, 配套设施, 研发大楼: a kind of facility, no name
            if self._zone_class(name_start, start, end):
                continue  # 临港新片区|重大工程: the zone's works
            gated = self.ctx.has_real_cue(name_start, end)
            found.append(Candidate(name_start, end, 2, f"head:{word}", (name_start, end), gated))
        return found
