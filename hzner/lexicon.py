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
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

from .normalize import normalize_key

__all__ = ["Lexicon"]

T = TypeVar("T")

# An ASCII letter: a key that begins or ends with one must not be cut out of a
# longer ASCII word (SIP is not found in GOSSIP). Digits are not counted, so
# that a currency code still follows its amount (500RMB).
_LETTER = "[A-Za-z]"
_NOT_BEFORE_LETTER = f"(?!{_LETTER})"


def _is_ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


class _Node:
    """A node of the prefix tree; edges carry strings once the tree is compressed."""

    __slots__ = ("edges", "terminal")

    def __init__(self) -> None:
        self.edges: dict[str, _Node] = {}
        self.terminal = False


def _build_tree(keys: list[str]) -> _Node:
    """Build a prefix tree of ``keys`` and merge chains of single-child nodes.

    Merging keeps the regular expression's nesting depth at the number of
    branch points on a path rather than the length of the key, which keeps
    the regex parser far from its recursion limit for long keys.
    """
    root = _Node()
    for key in keys:
        node = root
        for char in key:
            child = node.edges.get(char)
            if child is None:
                child = node.edges[char] = _Node()
            node = child
        node.terminal = True
    stack = [root]
    while stack:
        node = stack.pop()
        merged: dict[str, _Node] = {}
        for label, child in node.edges.items():
            while not child.terminal and len(child.edges) == 1:
                ((next_label, next_child),) = child.edges.items()
                label += next_label
                child = next_child
            merged[label] = child
            stack.append(child)
        node.edges = merged
    return root


# How deep groups may nest in the pattern. Python's regex parser recurses
# once per nested group and fails near 500 levels (keys that are each a
# prefix of the next: 园, 园园, 园园园 ...); a deeper tree is matched by
# `_Scan` instead.
_MAX_NESTING = 64


def _depth(root: _Node) -> int:
    """The number of nodes on the longest path of the tree (iteratively)."""
    deepest = 0
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.edges.values())
    return deepest


class _Scan:
    """Leftmost-longest matching by dict look-ups, for trees too deep for a regex.

    At each position that starts a key (found by a regex of first
    characters), the lengths of the keys starting with that character are
    tried longest first: linear in the text, bounded per position by the
    number of key lengths. Slower than the tree pattern, so used only when
    the keys nest deeper than `_MAX_NESTING`.
    """

    __slots__ = ("_ascii_boundaries", "_keys", "_lengths", "starts")

    def __init__(self, keys: Iterable[str], ascii_boundaries: bool) -> None:
        lengths: dict[str, set[int]] = {}
        self._keys = frozenset(keys)
        for key in self._keys:
            lengths.setdefault(key[0], set()).add(len(key))
        self._lengths = {char: sorted(found, reverse=True) for char, found in lengths.items()}
        self._ascii_boundaries = ascii_boundaries
        self.starts = re.compile("[" + re.escape("".join(sorted(lengths))) + "]")

    def match(self, text: str, pos: int) -> int:
        """The end of the longest key at ``pos``, or -1."""
        size = len(text)
        for length in self._lengths.get(text[pos], ()):
            end = pos + length
            if end > size or text[pos:end] not in self._keys:
                continue
            if self._ascii_boundaries and (
                (pos > 0 and _is_ascii_letter(text[pos]) and _is_ascii_letter(text[pos - 1]))
                or (end < size and _is_ascii_letter(text[end - 1]) and _is_ascii_letter(text[end]))
            ):
                continue
            return end
        return -1

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Leftmost-longest spans of keys, without overlaps."""
        pos = 0
        while True:
            found = self.starts.search(text, pos)
            if found is None:
                return
            pos = found.start()
            end = self.match(text, pos)
            if end < 0:
                pos += 1
            else:
                yield pos, end
                pos = end


def _tree_pattern(root: _Node, ascii_boundaries: bool) -> str:
    """Write the prefix tree as a regular expression that matches the longest key.

    At a node that ends a key, the ways on come first and the end of the key
    last, so the greedy engine takes the longest key and falls back to a
    shorter one only when the longer path fails. The edges out of a node
    start with different characters, so at most one of them can match.
    The walk is iterative; the caller keeps the depth below `_MAX_NESTING`.
    """
    # Post-order walk without recursion: (node, last char of its edge, done?).
    parts: dict[int, str] = {}
    stack: list[tuple[_Node, str, bool]] = [(root, "", False)]
    while stack:
        node, last, done = stack.pop()
        if not done:
            stack.append((node, last, True))
            stack.extend((child, label[-1], False) for label, child in node.edges.items())
            continue
        branches: list[str] = []
        for label, child in sorted(node.edges.items()):
            text = re.escape(label)
            if node is root and ascii_boundaries and _is_ascii_letter(label[0]):
                # The look-behind goes after the first character, so that every
                # branch of the root still starts with a literal: the engine
                # then skips positions that cannot start a key without entering
                # the pattern, which made finditer three times faster.
                first = re.escape(label[0])
                text = first + f"(?<!{_LETTER}{first})" + re.escape(label[1:])
            branches.append(text + parts.pop(id(child)))
        optional = False
        if node.terminal:
            if ascii_boundaries and _is_ascii_letter(last):
                branches.append(_NOT_BEFORE_LETTER)
            else:
                optional = True
        if not branches:
            pattern = ""
        elif len(branches) == 1 and not optional:
            pattern = branches[0]
        else:
            pattern = "(?:" + "|".join(branches) + ")" + ("?" if optional else "")
        parts[id(node)] = pattern
    return parts[id(root)]


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
        self._scan: _Scan | None = None
        # Last character of a key -> the lengths of the keys ending in it,
        # longest first; built at first use after a change.
        self._endings: dict[str, tuple[int, ...]] | None = None
        self._last_chars: frozenset[str] = frozenset()
        # First character of a key -> the lengths of the keys starting with
        # it, longest first (`longest_at`); built at first use after a change.
        self._starts: dict[str, tuple[int, ...]] | None = None

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
            tree = _build_tree(list(self._values))
            if _depth(tree) > _MAX_NESTING:
                self._scan = _Scan(self._values, self._ascii_boundaries)
                self._pattern = self._scan.starts
                self._source = self._pattern.pattern
            else:
                self._source = _tree_pattern(tree, self._ascii_boundaries)
        return self._source

    @property
    def compiled(self) -> re.Pattern[str] | None:
        """A compiled pattern that matches wherever a key occurs (None when empty).

        ``compiled.search(text) is None`` tells, in one scan in C, that no
        key occurs in ``text``: an exact early exit for a recognizer. It is
        the prefix tree of the keys, or, when the keys nest more than
        `_MAX_NESTING` levels deep (园, 园园, 园园园 ...), the characters that
        start a key.
        """
        return self._compiled()

    def _compiled(self) -> re.Pattern[str] | None:
        """Return the pattern of all keys, compiled at first use after a change."""
        if self._pattern is None and self._values:
            source = self.pattern
            if self._pattern is None and source is not None:  # a deep tree has its scan's
                self._pattern = re.compile(source)
        return self._pattern

    def finditer(self, text: str) -> Iterator[tuple[int, int, tuple[T, ...]]]:
        """Yield ``(start, end, values)`` for the keys in ``text``, leftmost-longest.

        Matches do not overlap: after a match the search goes on at its end.
        ``text`` should be normalized (`hzner.normalize.normalize`).
        """
        pattern = self._compiled()
        if pattern is None:
            return iter(())
        values = self._values
        if self._scan is not None:
            return ((start, end, values[text[start:end]]) for start, end in self._scan.spans(text))
        return iter([(m.start(), m.end(), values[m.group()]) for m in pattern.finditer(text)])

    def longest_at(self, text: str, pos: int) -> tuple[int, tuple[T, ...]] | None:
        """Return ``(end, values)`` of the longest key that starts at ``pos``, or None.

        Like `longest_ending_at`, one dict look-up per length of the keys that
        start with the character at ``pos``: no pattern is compiled for it.
        """
        if not 0 <= pos < len(text):
            return None
        starts = self._starts  # a hot path: the cached table without a call
        if starts is None:
            starts = self._starting_lengths()
        lengths = starts.get(text[pos])
        if lengths is None:
            return None  # most positions start no key: one look-up rules them out
        size = len(text)
        found = self._values.get
        for length in lengths:
            end = pos + length
            if end > size:
                continue
            key = text[pos:end]
            values = found(key)
            if values is None:
                continue
            if self._ascii_boundaries and (
                (pos > 0 and _is_ascii_letter(key[0]) and _is_ascii_letter(text[pos - 1]))
                or (end < size and _is_ascii_letter(key[-1]) and _is_ascii_letter(text[end]))
            ):
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
            if self._ascii_boundaries and (
                (start > 0 and _is_ascii_letter(key[0]) and _is_ascii_letter(text[start - 1]))
                or (end < len(text) and _is_ascii_letter(key[-1]) and _is_ascii_letter(text[end]))
            ):
                continue
            return start, values
        return None
