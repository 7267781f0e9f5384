"""The text around a project: sentences, clauses, cues, and the links they give.

A project carries what its own sentence says of it (SPEC.md, PROJECT, Links):
its status, its own investment and its park. The next sentence counts too
when it refers back (该项目, 该人才小镇; dev README decision 12). Every look
around a mention is cut to `WINDOW` characters, so the work per mention is
bounded and a whole pass stays linear in the length of the text.

All offsets here are offsets into the normalized view (`hzner.normalize`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..lexicon import Lexicon
from ..normalize import Located
from ..types import Money, Park, Role, Status
from .status import WINDOW, Cue, StatusReader
from .text import (
    CLAUSE_MARKS,
    TERMINATORS,
    has_count,
    is_name_char,
    starts,
    unit,
)

__all__ = ["WINDOW", "Context", "Cue", "Links"]

# A back-reference's 该 stands at most this far before its head (该人才小镇).
_ANAPHOR_GAP = 8

#: What a project's sentence says of it: status, own investment, park, and
#: the cue that decided the status (`Project.status_cue`).
Links = tuple[Status | None, Money | None, Park | None, Cue | None]


@dataclass
class Context:
    """The view text of one document and what was found in it, indexed for look-ups.

    Parameters
    ----------
    text
        The normalized view.
    cues
        Status cues ``(start, end, status or None)``, sorted.
    heads
        Every head occurrence ``(start, end)``, sorted.
    money, parks
        The given entities with their view spans, sorted by start.
    anaphors
        Words that make a head refer back (该项目): such a head between a
        mention and an amount is the mention again.
    breaks
        Line breaks that end a unit (`hzner.normalize.hard_breaks`), as view
        positions: sentences and clauses end there, and names do not cross.

    """

    text: str
    cues: list[tuple[int, int, Status | None]]
    heads: list[tuple[int, int]]
    money: list[Located[Money]]
    parks: list[Located[Park]]
    anaphors: Lexicon[str] | None = None
    breaks: Sequence[int] = ()
    occupied: bytearray = field(init=False)

    def __post_init__(self) -> None:
        self.occupied = bytearray(len(self.text))
        # The same mentions ask for their sentence and clause again and again.
        self._sentence_of: dict[int, tuple[int, int]] = {}
        self._clause_of: dict[int, tuple[int, int]] = {}
        self.head_starts = [head[0] for head in self.heads]
        self._money_starts = [item.start for item in self.money]
        self._park_starts = [item.start for item in self.parks]
        self._sentences: list[int] | None = None
        self._clauses: list[int] | None = None
        self.status = StatusReader(self)

    @property
    def sentences(self) -> list[int]:
        """The starts of the sentences, found at the first look-up (many texts need none)."""
        found = self._sentences
        if found is None:
            found = starts(self.text, TERMINATORS, True)
            if self.breaks:  # a headline or a caption is a sentence of its own
                found = sorted({*found, *self.breaks})
            self._sentences = found
        return found

    @property
    def clauses(self) -> list[int]:
        """The starts of the clauses, found at the first look-up."""
        found = self._clauses
        if found is None:
            found = starts(self.text, CLAUSE_MARKS, False)
            if self.breaks:
                found = sorted({*found, *self.breaks})
            self._clauses = found
        return found

    def sentence(self, pos: int) -> tuple[int, int]:
        """Return the span of the sentence holding ``pos``."""
        found = self._sentence_of.get(pos)
        if found is None:
            found = self._sentence_of[pos] = unit(self.sentences, len(self.text), pos)
        return found

    def clause(self, pos: int) -> tuple[int, int]:
        """Return the span of the clause holding ``pos``."""
        found = self._clause_of.get(pos)
        if found is None:
            found = self._clause_of[pos] = unit(self.clauses, len(self.text), pos)
        return found

    def occupy(self, start: int, end: int) -> None:
        """Mark a project span, so that cues and parks inside it are not read as context."""
        self.occupied[start:end] = b"\x01" * (end - start)

    def is_free(self, start: int, end: int) -> bool:
        """Tell whether no project covers any character of ``[start, end)``."""
        return self.occupied.find(1, start, end) < 0

    def heads_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Return the head occurrences lying inside ``[start, end)``."""
        first = bisect.bisect_left(self.head_starts, start)
        last = bisect.bisect_left(self.head_starts, end)
        return [head for head in self.heads[first:last] if head[1] <= end]

    def window(self, start: int, end: int, unit: tuple[int, int]) -> tuple[int, int]:
        """Cut ``unit`` (a sentence or a clause) to `WINDOW` characters around the mention."""
        return max(unit[0], start - WINDOW), min(unit[1], end + WINDOW)

    def has_real_cue(self, start: int, end: int) -> bool:
        """Tell whether the clause of ``[start, end)`` has, outside it, a cue with a real status."""
        return self.status.has_real_cue(start, end)

    def nearest_cue(self, start: int, end: int) -> Cue | None:
        """Return the cue that decides the status of ``[start, end)`` (`StatusReader`)."""
        return self.status.nearest_cue(start, end)

    def investment(self, start: int, end: int) -> Money | None:
        """Return the project's own MONEY with role investment: nearest in clause, then sentence.

        An amount is not the project's own when another head (7个项目) or a
        count stands between them (dev README decision 15). The clause comes
        first: A项目投资30亿元,B项目投资50亿元.
        """
        low, high = self.window(start, end, self.sentence(start))
        clause = self.clause(start)
        first = bisect.bisect_left(self._money_starts, low)
        last = bisect.bisect_left(self._money_starts, high)
        best: Money | None = None
        best_key = (2, len(self.text))
        for item in self.money[first:last]:
            money = item.entity
            if not isinstance(money, Money) or money.role is not Role.INVESTMENT:
                continue
            if item.end > high or (item.start < end and start < item.end):
                continue
            if self._attributed(item.end, start):
                continue
            gap = (item.end, start) if item.end <= start else (end, item.start)
            key = (0 if clause[0] <= item.start < clause[1] else 1, gap[1] - gap[0])
            if key >= best_key or self._separated(*gap, (start, end)):
                continue
            # The amount's own clause counting projects (5个项目总投资50亿元);
            # another named project there has its own amount (分别是总投资
            # 10.6亿元的A项目和总投资13亿元的B项目), so only counts matter.
            if self._counted(self.clause(item.start)[0], item.start):
                continue
            # Or counting them after it (总投资273亿元的31只重大项目).
            if self._counted(item.end, self.clause(item.start)[1]):
                continue
            best, best_key = money, key
        return best

    def _attributed(self, amount_end: int, start: int) -> bool:
        """Tell whether the amount ending at ``amount_end`` is another name's (总投资8亿元的Y).

        An amount with 的 belongs to the name right after it when that name is
        another project or a park; before a generic head (是总投资8亿元的重点
        项目) it still describes the mention.
        """
        after = amount_end + 1
        if after >= len(self.text) or after == start or self.text[amount_end] != "的":
            return False
        index = bisect.bisect_left(self._park_starts, after)
        park = index < len(self._park_starts) and self._park_starts[index] == after
        # Before the mention, any other name after 的 owns it: 总投资8亿元的Y、X项目.
        return park or after < start or bool(self.occupied[after])

    def _separated(self, low: int, high: int, mention: tuple[int, int]) -> bool:
        """Tell whether ``[low, high)`` has a count or a head outside the mention."""
        low = max(low, high - WINDOW)
        text = self.text
        for head_start, head_end in self.heads_in(low, high):
            outside = head_end <= mention[0] or head_start >= mention[1]
            # A bare head at the start of a clause (,项目总投资…) names nothing,
            # and 该项目 refers back: either is the mention again.
            bare = head_start == 0 or not is_name_char(text[head_start - 1])
            if not bare and self.anaphors is not None:
                bare = self.anaphors.longest_ending_at(text, head_start) is not None
            if outside and not bare:
                return True
        return self._counted(low, high)

    def _counted(self, low: int, high: int) -> bool:
        """Tell whether ``[low, high)`` holds a count (7个, 项目5个)."""
        low = max(low, high - WINDOW)
        return any(has_count(self.text, index, dates=False) for index in range(low + 1, high))

    def park(self, start: int, end: int) -> Park | None:
        """Return the park of the mention: in its clause first, then the nearest before it.

        A park just before the name (走进…沙文生态科技产业园的X) is where the
        project is; so is one after it in its clause (落户西部(重庆)科学城).
        Failing that, it is the park of the sentence that signs, hosts or
        introduces it, which news writes before the project (成都高新区签约…).
        A park absorbed into a project name is not a candidate.
        """
        low, high = self.window(start, end, self.sentence(start))
        clause = self.clause(start)
        first = bisect.bisect_left(self._park_starts, low)
        last = bisect.bisect_left(self._park_starts, high)
        best: Park | None = None
        best_key = (2, 2, len(self.text))
        inner = {
            item.start: item.entity
            for item in self.parks[first:last]
            if item.end <= high and not self.occupied[item.start]
        }
        for item in self.parks[first:last]:
            park = item.entity
            if not isinstance(park, Park) or item.end > high or self.occupied[item.start]:
                continue
            before = item.end <= start
            if not before and item.start < end:
                continue
            distance = start - item.end if before else item.start - end
            key = (0 if clause[0] <= item.start < clause[1] else 1, 0 if before else 1, distance)
            if key < best_key:
                # After the name, a park right after this one is inside it (A区|B片区).
                best, best_key = (park if before else inner.get(item.end, park)), key
        return best

    def anaphor(self, sentence_end: int, prefixes: Lexicon[str]) -> tuple[int, int] | None:
        """Find a back-reference (该项目, 该人才小镇) in the sentence starting at ``sentence_end``.

        It must come before any project named in that sentence.
        """
        text = self.text
        if sentence_end >= len(text):
            return None
        low, high = self.sentence(sentence_end)
        high = min(high, low + WINDOW)
        named = next((i for i in range(low, high) if self.occupied[i]), high)
        for head_start, head_end in self.heads_in(low, named):
            pos = head_start
            while pos >= max(low, head_start - _ANAPHOR_GAP):
                hit = prefixes.longest_ending_at(text, pos)
                if hit is not None and hit[0] >= low:
                    return hit[0], head_end
                if pos == 0 or not is_name_char(text[pos - 1]):
                    break
                pos -= 1
        return None

    def links(
        self, start: int, end: int, *, several: bool, anaphor: tuple[int, int] | None
    ) -> Links:
        """Return the links of a mention (or of a whole enumeration when ``several``).

        An enumeration gets no investment: its amount is a total (投资4.6亿元
        吸引…等项目). What the mention's own sentence lacks is taken from the
        sentence that refers back to it, if any.
        """
        cue = self.nearest_cue(start, end)
        money = None if several else self.investment(start, end)
        park = self.park(start, end)
        if anaphor is not None:
            if cue is None or cue[2] is None:
                cue = self.nearest_cue(*anaphor) or cue
            money = money or self.investment(*anaphor)
            park = park or self.park(*anaphor)
        return None if cue is None else cue[2], money, park, cue
