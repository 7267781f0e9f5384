"""A literal matcher for many keys over normalized text.

`Lexicon` maps literal keys (zone names, cue words) to values and finds them
in a text, leftmost-longest and without overlaps, in time linear in the
length of the text: the keys are compiled into one regular expression whose
shape is their prefix tree, so at each position of the text the engine walks
at most one path of the tree (every branch starts with a different
character) and the work per position is bounded by the longest key.

Measured on a 1 MB news-like text with the 4,051 zone forms: the compiled
tree takes 0.16 s (compiling it 0.08 s), a scan that jumps to the possible
first characters and tries each key length there in a dict 0.29 s, and a
plain dict look-up of every length at every position 1.9 s; so the tree it
is.

Keys are normalized with `hzner.normalize.normalize_key`, like the text the
recognizers read, so 中国(重庆) with brackets of either width is one key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Generic, TypeVar

from .normalize import normalize_key
from .prefix_tree import MAX_NESTING, Scan, build_tree, depth, is_ascii_letter, tree_pattern

__all__ = ["Lexicon"]

T = TypeVar("T")

#: Characters a lexicon's `Lexicon.finditer` reads by dict look-ups before it
#: compiles the pattern: compiling takes ~0.1 ms per CJK character class of the
#: tree, more than the first short texts of a process take to read so. A text
#: that would go past it is read by the pattern, compiled then.
SCAN_BEFORE_COMPILE = 5_000


class Lexicon(Generic[T]):
    """Literal keys with their values, found leftmost-longest in normalized text.

    Parameters
    ----------
    ascii_boundaries
        When true (the default), a key that begins (ends) with an ASCII letter
        is found only where the text has no ASCII letter just before (after)
        it: SIP is found in ``SIP企业`` but not in ``GOSSIP``.

    Examples
    --------
    >>> lexicon: Lexicon[str] = Lexicon()
    >>> lexicon.add("高新区", "generic")
    >>> lexicon.add("重庆高新区", "HTZ-500000-01")
    >>> [(start, end, values) for start, end, values in lexicon.finditer("在重庆高新区投资")]
    [(1, 6, ('HTZ-500000-01',))]

    """

    __slots__ = (
        "_ascii_boundaries",
        "_endings",
        "_last_chars",
        "_pattern",
        "_scan",
        "_scanned",
        "_shallow",
        "_source",
        "_starts",
        "_values",
    )

    def __init__(self, *, ascii_boundaries: bool = True) -> None:
        self._ascii_boundaries = ascii_boundaries
        self._values: dict[str, tuple[T, ...]] = {}
        self._pattern: re.Pattern[str] | None = None
        # The pattern's source, written at first use after a change: a caller
        # that embeds it in a larger pattern does not pay for compiling it.
        self._source: str | None = None
        # Keys nested too deep for one regex are matched by a scan instead.
        self._scan: Scan | None = None
        # Last character of a key -> the lengths of the keys ending in it,
        # longest first; built at first use after a change.
        self._endings: dict[str, tuple[int, ...]] | None = None
        self._last_chars: frozenset[str] = frozenset()
        # First character of a key -> the lengths of the keys starting with
        # it, longest first (`longest_at`); built at first use after a change.
        self._starts: dict[str, tuple[int, ...]] | None = None
        # Whether no key is longer than a pattern's nesting (with `_starts`):
        # then look-ups find what the pattern would.
        self._shallow = True
        # Characters `finditer` has read by look-ups, before compiling the pattern.
        self._scanned = 0

    def add(self, key: str, value: T) -> None:
        """Add ``value`` under ``key`` (normalized); a value already there is not repeated.

        Raises
        ------
        ValueError
            If the key is empty once normalized.

        """
        normal = normalize_key(key)
        if not normal:
            raise ValueError(f"a lexicon key must not be empty once normalized, got {key!r}")
        values = self._values.get(normal, ())
        if value in values:
            return
        if not values:
            # A new key changes the compiled pattern; a new value for a known
            # key does not, since values are looked up after matching.
            self._pattern = None
            self._source = None
            self._scan = None
            self._endings = None
            self._starts = None
        self._values[normal] = (*values, value)

    def get(self, key: str) -> tuple[T, ...]:
        """Return the values under ``key`` (normalized), or an empty tuple."""
        return self._values.get(normalize_key(key), ())

    @property
    def last_chars(self) -> frozenset[str]:
        """The last characters of the keys: where none is, no key ends."""
        self._ending_lengths()
        return self._last_chars

    def _ending_lengths(self) -> dict[str, tuple[int, ...]]:
        if self._endings is None:
            lengths: dict[str, set[int]] = {}
            for key in self._values:
                lengths.setdefault(key[-1], set()).add(len(key))
            self._endings = {
                char: tuple(sorted(sizes, reverse=True)) for char, sizes in lengths.items()
            }
            self._last_chars = frozenset(self._endings)
        return self._endings

    def lookup(self, normalized: str) -> tuple[T, ...]:
        """Return the values of a key already normalized (a slice of a normalized text).

        Unlike `get`, the key is not normalized again: this is the look-up
        for hot loops over a text that `hzner.normalize.normalize` produced.
        """
        return self._values.get(normalized, ())

    def keys(self) -> Iterator[str]:
        """Iterate over the normalized keys, in the order they were first added."""
        return iter(self._values)

    def items(self) -> Iterator[tuple[str, tuple[T, ...]]]:
        """Iterate over the normalized keys and their values."""
        return iter(self._values.items())

    def __len__(self) -> int:
        return len(self._values)

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and normalize_key(key) in self._values

    def reversed(self) -> Lexicon[T]:
        """Return a lexicon of the same keys spelled backwards, with the same values.

        A key that ends at ``end`` in a text starts at ``len(text) - end`` in
        the text reversed: a walk leftwards becomes a scan rightwards, which
        a regular expression can do (`hzner.walk`).

        Examples
        --------
        >>> lexicon: Lexicon[str] = Lexicon()
        >>> lexicon.add("引进", "stop")
        >>> text = "引进天马项目"
        >>> lexicon.reversed().longest_at(text[::-1], len(text) - 2)
        (6, ('stop',))

        """
        backwards: Lexicon[T] = Lexicon(ascii_boundaries=self._ascii_boundaries)
        backwards._values = {key[::-1]: values for key, values in self._values.items()}
        return backwards

    @property
    def pattern(self) -> str | None:
        """The source of the compiled pattern (a prefix tree of the keys), None when empty.

        For keys nested too deep for one regex (see `compiled`), the pattern
        of the characters that start a key. Writing the source does not
        compile it, so a pattern built from several lexicons is compiled once.
        """
        if self._source is None and self._values:
            tree = build_tree(list(self._values))
            if depth(tree) > MAX_NESTING:
                self._scan = Scan(self._values, self._ascii_boundaries)
                self._pattern = self._scan.starts
                self._source = self._pattern.pattern
            else:
                self._source = tree_pattern(tree, self._ascii_boundaries)
        return self._source

    @property
    def compiled(self) -> re.Pattern[str] | None:
        """A compiled pattern that matches wherever a key occurs (None when empty).

        ``compiled.search(text) is None`` tells, in one scan in C, that no
        key occurs in ``text``: an exact early exit for a recognizer. It is
        the prefix tree of the keys, or, when the keys nest more than
        `MAX_NESTING` levels deep (园, 园园, 园园园 ...), the characters that
        start a key.
        """
        return self._compiled()

    def _compiled(self) -> re.Pattern[str] | None:
        """Return the pattern of all keys, compiled at first use after a change."""
        pattern = self._pattern
        if pattern is None and self._values:
            source = self.pattern
            # Read again, not narrowed: a deep tree's scan has set its pattern.
            pattern = self._pattern
            if pattern is None and source is not None:
                pattern = self._pattern = re.compile(source)
        return pattern

    def finditer(self, text: str) -> Iterator[tuple[int, int, tuple[T, ...]]]:
        """Yield ``(start, end, values)`` for the keys in ``text``, leftmost-longest.

        Matches do not overlap: after a match the search goes on at its end.
        ``text`` should be normalized (`hzner.normalize.normalize`).
        """
        if self._pattern is None and self._scanned + len(text) <= SCAN_BEFORE_COMPILE:
            self._scanned += len(text)  # a short text early on: no pattern yet
            return iter(self._looked_up(text))
        pattern = self._compiled()
        if pattern is None:
            return iter(())
        values = self._values
        if self._scan is not None:
            return ((start, end, values[text[start:end]]) for start, end in self._scan.spans(text))
        return iter([(m.start(), m.end(), values[m.group()]) for m in pattern.finditer(text)])

    def occurs(self, text: str) -> bool:
        """Whether a key occurs in ``text``: ``compiled.search(text) is not None``.

        Like `finditer`, a short text early on is read by look-ups, without
        compiling the pattern (for keys no longer than a pattern's nesting, so
        that the answer is the pattern's).
        """
        pattern = self._pattern  # compiled: the hot path, first
        if pattern is not None:
            return pattern.search(text) is not None
        if self._scanned + len(text) <= SCAN_BEFORE_COMPILE:
            if self._starts is None:
                self._starting_lengths()  # sets `_shallow`
            if self._shallow:
                self._scanned += len(text)
                return bool(self._looked_up(text, first=True))
        pattern = self._compiled()
        return pattern is not None and pattern.search(text) is not None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> tuple[int, int] | None:
        """The span of ``compiled.search(text, pos, endpos)``, or None.

        Like `occurs`, a short stretch early on is read by look-ups, without
        compiling the pattern.
        """
        size = len(text) if endpos is None else max(0, min(endpos, len(text)))
        pos = max(pos, 0)
        pattern = self._pattern  # compiled: the hot path, first
        if pattern is not None:
            match = pattern.search(text, pos, size)
            return None if match is None else match.span()
        if self._scanned + (size - pos) <= SCAN_BEFORE_COMPILE:
            starts = self._starts if self._starts is not None else self._starting_lengths()
            if self._shallow:
                self._scanned += max(size - pos, 0)
                for start in range(pos, size):
                    if text[start] in starts:
                        hit = self.longest_at(text, start, size)
                        if hit is not None:
                            return start, hit[0]
                return None
        pattern = self._compiled()
        match = None if pattern is None else pattern.search(text, pos, size)
        return None if match is None else match.span()

    def _looked_up(self, text: str, first: bool = False) -> list[tuple[int, int, tuple[T, ...]]]:
        """What `finditer` finds (the ``first`` only, if asked), by `longest_at`: no pattern."""
        found: list[tuple[int, int, tuple[T, ...]]] = []
        starts = self._starts if self._starts is not None else self._starting_lengths()
        longest_at = self.longest_at
        pos, size = 0, len(text)
        while pos < size:
            if text[pos] in starts:
                hit = longest_at(text, pos)
                if hit is not None:
                    found.append((pos, *hit))
                    if first:
                        break
                    pos = hit[0]
                    continue
            pos += 1
        return found

    def longest_at(
        self, text: str, pos: int, endpos: int | None = None
    ) -> tuple[int, tuple[T, ...]] | None:
        """Return ``(end, values)`` of the longest key that starts at ``pos``, or None.

        Like `longest_ending_at`, one dict look-up per length of the keys that
        start with the character at ``pos``: no pattern is compiled for it.
        With ``endpos``, the text is read as if it ended there (as a regex's).
        """
        size = len(text) if endpos is None else min(endpos, len(text))
        if not 0 <= pos < size:
            return None
        starts = self._starts  # a hot path: the cached table without a call
        if starts is None:
            starts = self._starting_lengths()
        lengths = starts.get(text[pos])
        if lengths is None:
            return None  # most positions start no key: one look-up rules them out
        found = self._values.get
        for length in lengths:
            end = pos + length
            if end > size:
                continue
            key = text[pos:end]
            values = found(key)
            if values is None:
                continue
            if self._ascii_boundaries and _inside_a_word(text, pos, end, size):
                continue
            return end, values
        return None

    def _starting_lengths(self) -> dict[str, tuple[int, ...]]:
        if self._starts is None:
            lengths: dict[str, set[int]] = {}
            for key in self._values:
                lengths.setdefault(key[0], set()).add(len(key))
            self._starts = {
                char: tuple(sorted(sizes, reverse=True)) for char, sizes in lengths.items()
            }
            self._shallow = all(max(sizes) <= MAX_NESTING for sizes in lengths.values())
        return self._starts

    def longest_ending_at(self, text: str, end: int) -> tuple[int, tuple[T, ...]] | None:
        """Return ``(start, values)`` of the longest key that ends at ``end``, or None.

        The work is one dict look-up per length of the keys that end in the
        character before ``end``, so it is bounded by the longest key
        whatever the text.
        """
        if not 0 < end <= len(text):
            return None
        endings = self._endings  # a hot path: the cached table without a call
        if endings is None:
            endings = self._ending_lengths()
        lengths = endings.get(text[end - 1])
        if lengths is None:
            return None  # most positions end no key: one look-up rules them out
        found = self._values.get
        for length in lengths:
            start = end - length
            if start < 0:
                continue
            key = text[start:end]
            values = found(key)
            if values is None:
                continue
            if self._ascii_boundaries and _inside_a_word(text, start, end, len(text)):
                continue
            return start, values
        return None


def _inside_a_word(text: str, start: int, end: int, size: int) -> bool:
    """Tell whether a key at ``[start, end)`` runs on into an ASCII letter beside it.

    A key that starts or ends in a letter is no match inside a word (``AI``
    inside ``MAIL``).
    """
    return (start > 0 and is_ascii_letter(text[start]) and is_ascii_letter(text[start - 1])) or (
        end < size and is_ascii_letter(text[end - 1]) and is_ascii_letter(text[end])
    )
