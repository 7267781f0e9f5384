"""Where an unlinked park is: the province and city of the place names in or near it."""

from __future__ import annotations

import bisect

from .places import Division, Places

__all__ = ["Where"]

# How far before or after a park a place name may place it.
_CONTEXT = 200


class Where:
    """Where an unlinked park is: the place names of its name, else of the text near it.

    The place names of the text are found once, at the first park that needs
    them; each park then looks them up by bisection, so the work stays linear
    in the text. A name shared by several divisions is resolved by the other
    place names of the text (`Places.resolve`).
    """

    def __init__(self, places: Places, text: str) -> None:
        self._places = places
        self._text = text
        self._found: list[tuple[int, int, Division]] | None = None
        self._starts: list[int] = []
        # The mentions that may place a park from outside it: a prefecture or
        # province, or a county by its full name (a county's short name alone,
        # 城中 or 江南, is too often a common word).
        self._near: list[tuple[int, int, Division]] = []
        self._near_starts: list[int] = []
        self._near_ends: list[int] = []

    def _mentions(self) -> list[tuple[int, int, Division]]:
        if self._found is None:
            raw = list(self._places.finditer(self._text))
            context = [divisions[0] for _, _, divisions in raw if len(divisions) == 1]
            found: list[tuple[int, int, Division]] = []
            for start, end, divisions in raw:
                division = Places.resolve(divisions, context)
                if division is not None:
                    found.append((start, end, division))
            self._found = found
            self._starts = [item[0] for item in found]
            self._near = [item for item in found if item[2].rank < 2 or item[1] - item[0] > 2]
            self._near_starts = [item[0] for item in self._near]
            self._near_ends = [item[1] for item in self._near]
        return self._found

    def of(self, start: int, end: int) -> tuple[str | None, str | None]:
        """Return the province and city of the park at ``[start, end)`` in the view."""
        mentions = self._mentions()
        index = bisect.bisect_left(self._starts, start)
        inside: list[Division] = []
        while index < len(mentions) and mentions[index][1] <= end:
            inside.append(mentions[index][2])
            index += 1
        if inside:
            return _official(max(inside, key=lambda division: division.rank))
        # The nearest place named before the park, else the first after it.
        before = bisect.bisect_right(self._near_ends, start) - 1
        if before >= 0 and start - self._near[before][1] <= _CONTEXT:
            return _official(self._near[before][2])
        after = bisect.bisect_left(self._near_starts, end)
        if after < len(self._near) and self._near[after][0] - end <= _CONTEXT:
            return _official(self._near[after][2])
        return None, None


def _official(division: Division) -> tuple[str | None, str | None]:
    return division.province or None, division.city or None
