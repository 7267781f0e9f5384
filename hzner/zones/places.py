"""China's administrative divisions: where a place name begins, and which province and city it is.

The table ``hzner/data/places/divisions.tsv`` (built by
``scripts/build_places.py`` from the cpca package's adcodes, see its
``SOURCE.md``) lists every province, prefecture and county with its official
name and the short form the press writes (贵州省/贵州, 贵阳市/贵阳, 修文县/修文).
`Places` finds these names in normalized text, leftmost-longest, and resolves
each to the official province and city it belongs to. A name shared by
several divisions (朝阳: 北京 and 辽宁) resolves only where the text decides.

Only names of two or more characters are kept; the table is read once, at
first use, with no normalization (the names are already in normal form).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import NamedTuple, cast

from .._files import data_file
from ..lexicon import SCAN_BEFORE_COMPILE

__all__ = ["Division", "Places", "province_names"]

_LEVELS = {"province": 0, "prefecture": 1, "county": 2}


# A NamedTuple: some 3,000 are built at first use, faster than frozen dataclasses.
class Division(NamedTuple):
    """One administrative division: official name, level, and where it is."""

    adcode: str
    name: str
    level: str
    province: str
    city: str

    @property
    def rank(self) -> int:
        """0 for a province, 1 for a prefecture, 2 for a county: higher is more specific."""
        return _LEVELS[self.level]


class Places:
    """The place names of China's divisions, with a matcher over normalized text.

    Parameters
    ----------
    divisions
        The divisions, each found by its official name and by ``short`` forms.
    rows
        Instead: the lines of ``divisions.tsv`` by name, each name's
        divisions built at its first look-up (`Places.default`).

    Examples
    --------
    >>> places = Places.default()
    >>> [(start, end) for start, end, _ in places.finditer("贵阳市修文县扎佐工业园")]
    [(0, 3), (3, 6)]
    >>> places.resolve(places.get("修文")).city
    '贵阳市'

    """

    __slots__ = ("_by_name", "_lengths", "_pairs", "_read")

    def __init__(
        self,
        divisions: Iterable[tuple[Division, tuple[str, ...]]] = (),
        *,
        rows: dict[str, list[str]] | None = None,
    ) -> None:
        if rows is not None:  # table rows by name, each name's divisions built at need
            self._index(cast(dict[str, "tuple[Division, ...] | list[str]"], rows))
            return
        found: dict[str, list[Division]] = {}
        for division, shorts in divisions:
            for name in (division.name, *shorts):
                if len(name) >= 2:
                    found.setdefault(name, []).append(division)
        self._index({name: tuple(items) for name, items in found.items()})

    def _index(self, by_name: dict[str, tuple[Division, ...] | list[str]]) -> None:
        """Index the names: each maps to its divisions, or to their table rows not read yet."""
        self._by_name = by_name
        lengths: dict[str, set[int]] = {}
        for name in by_name:
            lengths.setdefault(name[:2], set()).add(len(name))
        # First two characters -> the lengths of the names that start with them, longest first.
        self._lengths = {
            pair: tuple(sorted(sizes, reverse=True)) for pair, sizes in lengths.items()
        }
        self._pairs: re.Pattern[str] | None = None  # compiled at need (`_pair_pattern`)
        self._read = 0  # characters `finditer` has read by look-ups

    def _pair_pattern(self) -> re.Pattern[str]:
        """Where a name may begin: a first character followed by a second one.

        Found by one regex pass in C (a lookahead, so that candidates may
        overlap); the pair is then checked in `_lengths`. An alternation of the
        names would be tried name by name at every position.
        """
        if self._pairs is None:
            firsts = "".join(sorted({pair[0] for pair in self._lengths}))
            seconds = "".join(sorted({pair[1] for pair in self._lengths}))
            self._pairs = re.compile(f"(?=([{re.escape(firsts)}][{re.escape(seconds)}]))")
        return self._pairs

    @classmethod
    def _from_table(cls, text: str) -> Places:
        """The places of ``divisions.tsv``, each name's divisions built at its first look-up.

        A text names a few of the 6,000 names: building every `Division` at
        once took longer than the first text's extraction.
        """
        rows: dict[str, list[str]] = {}
        for line in text.splitlines()[1:]:
            fields = line.split("\t")
            for name in (fields[1], fields[5]):
                if len(name) >= 2:
                    found = rows.get(name)
                    if found is None:
                        rows[name] = [line]
                    else:
                        found.append(line)
        return cls(rows=rows)

    def _divisions(self, name: str, rows: list[str]) -> tuple[Division, ...]:
        """Build the divisions of a name from its table rows, once."""
        built = tuple(Division(*line.split("\t")[:5]) for line in rows)
        self._by_name[name] = built
        return built

    @classmethod
    def default(cls) -> Places:
        """The divisions shipped with hzner, read at first use and then cached."""
        return _default_places()

    def get(self, name: str) -> tuple[Division, ...]:
        """Return the divisions named ``name`` (official or short), or an empty tuple."""
        found = self._by_name.get(name, ())
        return self._divisions(name, found) if isinstance(found, list) else found

    def longest_at(self, text: str, pos: int) -> tuple[int, tuple[Division, ...]] | None:
        """Return ``(end, divisions)`` of the longest place name starting at ``pos``, or None."""
        lengths = self._lengths.get(text[pos : pos + 2]) if pos >= 0 else None
        if lengths is None:
            return None
        room = len(text) - pos
        for length in lengths:
            if length > room:
                continue  # a slice past the end would be shorter than the name
            name = text[pos : pos + length]
            found = self._by_name.get(name)
            if found is not None:
                if isinstance(found, list):
                    found = self._divisions(name, found)
                return pos + length, found
        return None

    def starts_with_place(self, text: str, pos: int) -> bool:
        """Whether a place name begins at ``pos``."""
        return self.longest_at(text, pos) is not None

    def finditer(self, text: str) -> Iterator[tuple[int, int, tuple[Division, ...]]]:
        """Yield ``(start, end, divisions)`` of the place names of ``text``, leftmost-longest.

        One regex pass finds the positions where a name's first two characters
        may stand; only there are names looked up, a dict look-up per name
        length: linear in the length of the text. The first short texts of a
        process look each pair up instead, before the pattern (1-2 ms to
        compile) pays: see `hzner.lexicon.SCAN_BEFORE_COMPILE`.
        """
        lengths = self._lengths
        positions: Iterable[int]
        if self._pairs is None and self._read + len(text) <= SCAN_BEFORE_COMPILE:
            self._read += len(text)
            positions = (pos for pos in range(len(text) - 1) if text[pos : pos + 2] in lengths)
        else:
            matches = self._pair_pattern().finditer(text)
            positions = (match.start() for match in matches if match.group(1) in lengths)
        end = 0
        for pos in positions:
            if pos < end:
                continue
            found = self.longest_at(text, pos)
            if found is not None:
                end = found[0]
                yield pos, end, found[1]

    @staticmethod
    def resolve(
        divisions: tuple[Division, ...], context: Iterable[Division] = ()
    ) -> Division | None:
        """Pick the division a name means: the only one, or the one the context places.

        ``context`` holds divisions named elsewhere in the text; a candidate
        fits when its province or city is among them. With several fitting
        (or none), the most specific division is returned only when all the
        candidates share its province; else None.
        """
        if len(divisions) == 1:
            return divisions[0]
        if not divisions:
            return None
        near = {(item.province, item.city) for item in context}
        provinces = {province for province, _ in near}
        cities = {city for _, city in near if city}
        fits = [item for item in divisions if item.city in cities] or [
            item for item in divisions if item.province in provinces
        ]
        if len({(item.province, item.city) for item in fits}) == 1:
            return max(fits, key=lambda item: item.rank)
        if len({item.province for item in divisions}) == 1:
            # 恩施 is the prefecture and its seat: the broader one is safe.
            return min(divisions, key=lambda item: item.rank)
        return None


def _read_table(text: str) -> Iterator[tuple[Division, tuple[str, ...]]]:
    lines = text.splitlines()
    for line in lines[1:]:
        adcode, name, level, province, city, short = line.split("\t")
        yield Division(adcode, name, level, province, city), (short,) if short else ()


@cache
def province_names() -> dict[str, tuple[str, ...]]:
    """Each province's official name and its names as written: 山东省 → (山东省, 山东).

    Read once from the ``short`` column of ``divisions.tsv``.
    """
    text = data_file("places", "divisions.tsv").read_text(encoding="utf-8")
    return {
        division.name: (division.name, *shorts)
        for division, shorts in _read_table(text)
        if division.level == "province"
    }


@cache
def _default_places() -> Places:
    return Places._from_table(data_file("places", "divisions.tsv").read_text(encoding="utf-8"))
