"""Where an ORG name begins: the walk left from a form word, and what makes a name proper.

The base of the ORG recognizer's reader (`hzner.orgs.recognizer`): it walks
left over name characters until a boundary (punctuation, a count, a stop
word, an amount, a park, a line break), tells whether what it walked is a
proper name (not places and business words alone), whether a ``not_org``
word starts inside it, and whether a short name may be a brand. Every walk
is capped, so each is bounded whatever the text.
"""

from __future__ import annotations

import re

from ..projects.text import has_count, is_name_char
from .lexicon import OrgLexicon

__all__ = ["ETC", "MAX_BRAND", "Walker"]

# The longest name before a form word worth reading (中国电子信息产业 has 8;
# 中国科学院重庆绿色智能技术 has 13).
_MAX_NAME = 20
# A brand that invests, or a list item, is short (华为, 清研理工, 伊藤洋华堂).
MAX_BRAND = 8
# Where a clause opens: a name right after one is the clause's subject.
_CLAUSE_OPEN = frozenset(",;:。!?、\"'\u201c\u201d()\n ")
# How far past a name a not_org word that starts inside it may run (大学|城, 基金|会).
_LONGEST_NOT_ORG = 6
# Function words that end a name even right before its form word.
_PARTICLES = frozenset("到的在和与及对向从给被让将是")
# The longest bracket a name may hold: (中国), (tuán), (香港)有限公司.
_MAX_BRACKET = 10
# What may stand right before a subject besides a clause mark: 由某某投资建设.
_SUBJECT_AFTER = ("由", "与", "和", "及", "同", "向")
# A generic word of one character (新, 老, 本) may begin a trade name.
_SHORTEST_GENERIC = 2
# Conjunctions and particles: after a place they join or mark, never begin a name.
_JOINING = _PARTICLES | frozenset("同跟或并以为把")
# The shortest and longest place names before a name's first word (秦皇岛|本征).
_SHORTEST_PLACE = 2
_LONGEST_PLACE = 8
# A count inside a name (分两期, 三批): no brand.
_COUNTED = re.compile("[0-9一二两三四五六七八九十几多首][期批次轮]")
# What ends a place's name, never a brand's (青山区, 某某镇).
_PLACE_ENDS = frozenset("省市县区镇乡村州")
ETC = "等"


class Walker:
    """Name walking and name checks over one view text."""

    def __init__(
        self, text: str, lexicon: OrgLexicon, barriers: set[int], parks: dict[int, int]
    ) -> None:
        self.text = text
        self.lexicon = lexicon
        self.barriers = barriers
        self.park_end = parks

    def walk(self, end: int, limit: int = _MAX_NAME, *, glued: bool = False) -> int:
        """Walk left from ``end`` over name characters: where the name starts.

        With ``glued``, a stop word right before ``end`` is part of the name
        (中国建设|银行, 中建投资|集团): before a form word a verb is a name's.
        """
        text, stops, last = self.text, self.lexicon.stops, self.lexicon.stop_last_chars
        pos, depth = end, 0
        while pos > 0 and end - pos < limit:
            if pos in self.barriers or pos in self.park_end:
                break
            char = text[pos - 1]
            if char in last:
                stop = stops.longest_ending_at(text, pos)
                # Glued to a form word a verb is part of the name (建设|银行), a
                # particle never is (贯彻到|集团); before a form word a business
                # word is the name's wherever it stands (产业投资|集团有限公司).
                if (
                    stop is not None
                    and (pos != end or not glued or char in _PARTICLES)
                    and not (glued and self.lexicon.business.lookup(text[stop[0] : pos]))
                    and not self._after_place(stop[0], pos)
                ):
                    break
            if char == "(" and depth == 0:
                break
            if char == ")":
                # A bracket inside a name is part of it, whatever it holds:
                # 施耐德电气(中国), 集團(tuán) (a reading some sites print).
                opening = text.rfind("(", max(0, pos - _MAX_BRACKET), pos - 1)
                if opening > 0 and ")" not in text[opening : pos - 1]:
                    pos = opening
                    continue
                return end  # a bracket closed with no opening: no name to trust
            before = text[pos - 2] if pos >= 2 else ""
            if char == ETC or not is_name_char(char, before) or has_count(text, pos - 1):
                break
            depth += (char == ")") - (char == "(")
            pos -= 1
        else:
            if pos > 0 and end - pos >= limit:
                return end  # capped: no left boundary
        return pos

    def _after_place(self, stop_start: int, stop_end: int) -> bool:
        """Tell whether a one-character stop right after a place is the name's (秦皇岛|本征…)."""
        if stop_end - stop_start != 1 or stop_start < _SHORTEST_PLACE:
            return False
        if self.text[stop_start] in _JOINING:
            return False  # 吉林市|与|某某集团: a conjunction joins, it begins nothing
        places, text = self.lexicon.places, self.text
        for at in range(max(0, stop_start - _LONGEST_PLACE), stop_start - 1):
            found = places.longest_at(text, at)
            if found is not None and found[0] == stop_start:
                return True
        return False

    def proper(self, start: int, end: int, *, institution: bool) -> bool:
        """Tell whether ``text[start:end]`` is more than places, business and generic words.

        With ``institution``, a place is enough (武汉大学, 南阳市产业投资集团有限公司).
        """
        text, places, business = self.text, self.lexicon.places, self.lexicon.business
        pos, placed = start, False
        while pos < end:
            found = places.longest_at(text, pos)
            if found is None or found[0] > end:
                break
            pos, placed = found[0], True
        generic = self.lexicon.kinds
        while pos < end:
            found = business.longest_at(text, pos)
            if found is None:
                # A field, kind or level word is no proper part either, even one
                # that runs into the form word (现代化|工厂 read 现代|化工厂).
                found = generic.longest_at(text, pos)
                if found is None or found[0] - pos < _SHORTEST_GENERIC:
                    return True
                pos = min(found[0], end)
                continue
            if found[0] > end:
                return True
            pos = found[0]
        return institution and placed

    def rejected(self, start: int, end: int) -> bool:
        """Tell whether a ``not_org`` word starts inside ``text[start:end]``."""
        found = self.lexicon.searchers["not_org"].search(self.text, start, end + _LONGEST_NOT_ORG)
        return found is not None and found[0] < end

    def opens_after_word(self, pos: int) -> bool:
        """Tell whether a subject may begin at ``pos``.

        After a clause mark, or after a boundary word of two or more
        characters (包括|某某, 此次|某某); not after 在 or 该.
        """
        if self.opens(pos):
            return True
        stop = self.lexicon.stops.longest_ending_at(self.text, pos)
        return stop is not None and pos - stop[0] >= 2

    def opens(self, pos: int) -> bool:
        """Tell whether a subject or a list item may begin at ``pos``."""
        text = self.text
        return pos == 0 or text[pos - 1] in _CLAUSE_OPEN or text.endswith(_SUBJECT_AFTER, 0, pos)

    def brand_like(self, start: int, end: int) -> bool:
        """Tell whether ``text[start:end]`` may be a brand: short, proper, nothing descriptive."""
        if not 2 <= end - start <= MAX_BRAND or self.rejected(start, end):
            return False
        if self.lexicon.forms.longest_ending_at(self.text, end) is not None:
            return False  # a legal form ends it: a formed name, or its tail (限公司)
        if self.text[end - 1] in _PLACE_ENDS:
            return False  # a place: 青山区签约落户…, 某某镇引进…
        if _COUNTED.search(self.text, start, end) is not None:
            return False  # a count: 分两期投资建设, 首批签约
        describe, business = self.lexicon.describe, self.lexicon.business
        proper_end = end
        while (word := business.longest_ending_at(self.text, proper_end)) is not None:
            if word[0] - start < 2:
                break
            proper_end = word[0]  # 蜜蜂|科技: a business word after the name is no description
        if any(describe.longest_at(self.text, pos) is not None for pos in range(start, proper_end)):
            return False
        return self.proper(start, end, institution=False)
