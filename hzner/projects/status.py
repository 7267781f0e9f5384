"""The cue that decides a project's status (SPEC.md, PROJECT, Links: status).

In the mention's clause the predicate after it comes first, then a verb
before it; in the rest of the sentence only a cue with a real status counts.
Future or conditional wording (将, 拟, 达产后) withholds a status: before the
mention, in the clause of a cue after it, or before a building verb that
carries it out. When the sentence after a mention names several milestones,
the latest counts. Every look is cut to `WINDOW` characters.

All offsets here are offsets into the normalized view (`hzner.normalize`).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ..types import Status
from .text import OPENING, QUOTES, TERMINATORS

if TYPE_CHECKING:
    from .links import Context

__all__ = ["WINDOW", "Cue", "StatusReader"]

#: How far (in view characters) a link may reach from its mention.
WINDOW = 200

# The stages of a project in the order they happen (SPEC: the latest that holds counts).
_STAGES = (
    Status.SIGNED,
    Status.SETTLED,
    Status.STARTED,
    Status.UNDER_CONSTRUCTION,
    Status.COMPLETED,
    Status.OPERATING,
)

_MILESTONES = frozenset({Status.STARTED, Status.COMPLETED, Status.OPERATING})

#: A status cue: its view span and its status (None for future or conditional wording).
Cue = tuple[int, int, Status | None]


class StatusReader:
    """The status cues of one `Context`, read around its mentions."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        # Read on every look: held here rather than looked up through ctx.
        self.text = ctx.text
        self.cues = ctx.cues
        self.occupied = ctx.occupied  # the same bytearray: Context.occupy marks it in place
        self.head_starts = ctx.head_starts
        self.cue_starts = [cue[0] for cue in ctx.cues]

    def has_real_cue(self, start: int, end: int) -> bool:
        """Tell whether the clause of ``[start, end)`` has, outside it, a cue with a real status.

        A name in quotes (建设"X基地") is read in the clause around the quotes.
        """
        unit = self.ctx.clause(start)
        text = self.text
        if start > 0 and end < len(text) and text[start - 1] in OPENING and text[end] in QUOTES:
            unit = (self.ctx.clause(start - 1)[0], self.ctx.clause(min(end + 1, len(text) - 1))[1])
        return self._nearest_cue(start, end, unit, True) is not None

    def nearest_cue(self, start: int, end: int) -> Cue | None:
        """Return the cue that decides the status of ``[start, end)``: its nearest cue.

        In the clause the predicate after the mention comes first (去年落地的
        X项目已经竣工 is completed), then a verb before it (引进X); any cue
        counts there, so future wording (将, 达产后, 意向) gives None. In the
        rest of the sentence only a cue with a real status counts, since a 计划
        in another clause is about something else (……按原计划完成。"X负责人表示).
        """
        clause = self.ctx.clause(start)
        for low, high, real in (
            (end, clause[1], False),
            (clause[0], start, False),
            (*self.ctx.sentence(start), True),
        ):
            best = self._nearest_cue(start, end, (low, high), real)
            if best is not None:
                if low == end and best[2] is not None:
                    return self._latest(start, end, best)
                if high == start and best[2] is Status.UNDER_CONSTRUCTION:
                    return self._intended(best)
                if real and best[1] <= start:
                    return self._withheld(best, start)
                if real:
                    return self._withheld_in_clause(best)
                return best
        return None

    def _withheld(self, found: Cue, start: int) -> Cue:
        """Future wording between a cue before and the mention (拟…分别实施X), else the cue."""
        future = self._future_between(found[1], start)
        if future is None:
            return found
        # Not across a quote's own end (……按原计划完成。"X负责人表示).
        ended = any(mark in TERMINATORS for mark in self.text[future[1] : start])
        return found if ended else future

    def _withheld_in_clause(self, found: Cue) -> Cue:
        """Future wording before a cue in its clause (X项目投资5亿元,将建设…), else the cue."""
        future = self._future_between(self.ctx.clause(found[0])[0], found[0])
        return found if future is None else future

    def _future_between(self, low: int, high: int) -> Cue | None:
        """The first future wording (a cue with no status) starting in ``[low, high)``."""
        first = bisect.bisect_left(self.cue_starts, low)
        last = bisect.bisect_left(self.cue_starts, high)
        for cue in self.cues[first:last]:
            if cue[2] is None and not self.occupied[cue[0]]:
                return cue
        return None

    def _intended(self, found: Cue) -> Cue:
        """The future wording that a building verb before a mention carries out, if any.

        拟投资3.5亿元,在A区建设X项目 and 拟分两期投入,分别实施X项目: the 建设 or 实施
        is what the earlier 拟 (将, 计划) intends, so nothing holds now. Only the
        cue right before it counts, in the same sentence and within WINDOW.
        """
        index = bisect.bisect_left(self.cue_starts, found[0]) - 1
        if index < 0:
            return found
        before = self.cues[index]
        same = self.ctx.sentence(before[0]) == self.ctx.sentence(found[0])
        near = found[0] - before[1] <= WINDOW and not self.occupied[before[0]]
        if before[2] is None and near and same:
            return before
        return found

    def _latest(self, start: int, end: int, found: Cue) -> Cue:
        """The latest stage the sentence after a mention asserts (签约…开工…投产 is operating).

        SPEC: when the sentence names several stages, the latest that holds
        now counts. A stage after future wording in its clause (预计明年投产)
        does not hold now, and the next head (another project) ends the look.
        Only milestones count there (开工 竣工 投产): 建设 and 推进 are as often
        nouns about something else (落户科学城,为科学城建设夯实底子).
        """
        high = min(self.ctx.sentence(start)[1], end + WINDOW)
        following = bisect.bisect_left(self.head_starts, end)
        if following < len(self.head_starts):
            high = min(high, self.head_starts[following])
        first = bisect.bisect_left(self.cue_starts, end)
        last = bisect.bisect_left(self.cue_starts, high)
        best, blocked = found, (-1, -1)
        rank = -1 if found[2] is None else _STAGES.index(found[2])
        for cue in self.cues[first:last]:
            cue_start, cue_end, status = cue
            if cue_end > high or self.occupied[cue_start]:
                continue
            unit = self.ctx.clause(cue_start)
            if status is None:
                blocked = unit  # 将, 预计, 达产后: what follows in the clause is to come
            elif status in _MILESTONES and unit != blocked and _STAGES.index(status) > rank:
                best, rank = cue, _STAGES.index(status)
        return best

    def _nearest_cue(
        self, start: int, end: int, unit: tuple[int, int], real: bool
    ) -> tuple[int, int, Status | None] | None:
        low, high = self.ctx.window(start, end, unit)
        first = bisect.bisect_left(self.cue_starts, low)
        last = bisect.bisect_left(self.cue_starts, high)
        best: tuple[int, int, Status | None] | None = None
        best_distance = len(self.text) + 1
        occupied = self.occupied
        for cue in self.cues[first:last]:
            cue_start, cue_end, status = cue
            inside = cue_start < end and start < cue_end
            if inside or cue_end > high or occupied[cue_start] or (real and status is None):
                continue
            distance = start - cue_end if cue_end <= start else cue_start - end
            if distance < best_distance:
                best, best_distance = cue, distance
        return best
