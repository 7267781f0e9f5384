"""The prefix tree of a `hzner.lexicon.Lexicon`'s keys, and the regular expression it is written as.

The keys are compiled into one regular expression whose shape is their prefix
tree, so at each position of a text the engine walks at most one path of the
tree (every branch starts with a different character). A tree nested too deep
for Python's regex parser is matched by `Scan` instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["MAX_NESTING", "Node", "Scan", "build_tree", "depth", "is_ascii_letter", "tree_pattern"]

# An ASCII letter: a key that begins or ends with one must not be cut out of a
# longer ASCII word (SIP is not found in GOSSIP). Digits are not counted, so
# that a currency code still follows its amount (500RMB).
_LETTER = "[A-Za-z]"
_NOT_BEFORE_LETTER = f"(?!{_LETTER})"


def is_ascii_letter(char: str) -> bool:
    """Whether ``char`` is an ASCII letter (A-Z, a-z), as `_LETTER` matches."""
    return char.isascii() and char.isalpha()


class Node:
    """A node of the prefix tree; edges carry strings once the tree is compressed."""

    __slots__ = ("edges", "terminal")

    def __init__(self) -> None:
        self.edges: dict[str, Node] = {}
        self.terminal = False


def build_tree(keys: list[str]) -> Node:
    """Build a prefix tree of ``keys`` and merge chains of single-child nodes.

    Merging keeps the regular expression's nesting depth at the number of
    branch points on a path rather than the length of the key, which keeps
    the regex parser far from its recursion limit for long keys.
    """
    root = Node()
    for key in keys:
        node = root
        for char in key:
            child = node.edges.get(char)
            if child is None:
                child = node.edges[char] = Node()
            node = child
        node.terminal = True
    stack = [root]
    while stack:
        node = stack.pop()
        merged: dict[str, Node] = {}
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
# `Scan` instead.
MAX_NESTING = 64


def depth(root: Node) -> int:
    """The number of nodes on the longest path of the tree (iteratively)."""
    deepest = 0
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.edges.values())
    return deepest


class Scan:
    """Leftmost-longest matching by dict look-ups, for trees too deep for a regex.

    At each position that starts a key (found by a regex of first
    characters), the lengths of the keys starting with that character are
    tried longest first: linear in the text, bounded per position by the
    number of key lengths. Slower than the tree pattern, so used only when
    the keys nest deeper than `MAX_NESTING`.
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
                (pos > 0 and is_ascii_letter(text[pos]) and is_ascii_letter(text[pos - 1]))
                or (end < size and is_ascii_letter(text[end - 1]) and is_ascii_letter(text[end]))
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


def tree_pattern(root: Node, ascii_boundaries: bool) -> str:
    """Write the prefix tree as a regular expression that matches the longest key.

    At a node that ends a key, the ways on come first and the end of the key
    last, so the greedy engine takes the longest key and falls back to a
    shorter one only when the longer path fails. The edges out of a node
    start with different characters, so at most one of them can match.
    The walk is iterative; the caller keeps the depth below `MAX_NESTING`.
    """
    # Post-order walk without recursion: (node, last char of its edge, done?).
    parts: dict[int, str] = {}
    stack: list[tuple[Node, str, bool]] = [(root, "", False)]
    while stack:
        node, last, done = stack.pop()
        if not done:
            stack.append((node, last, True))
            stack.extend((child, label[-1], False) for label, child in node.edges.items())
            continue
        branches: list[str] = []
        for label, child in sorted(node.edges.items()):
            text = re.escape(label)
            if node is root and ascii_boundaries and is_ascii_letter(label[0]):
                # The look-behind goes after the first character, so that every
                # branch of the root still starts with a literal: the engine
                # then skips positions that cannot start a key without entering
                # the pattern, which made finditer three times faster.
                first = re.escape(label[0])
                text = first + f"(?<!{_LETTER}{first})" + re.escape(label[1:])
            branches.append(text + parts.pop(id(child)))
        optional = False
        if node.terminal:
            if ascii_boundaries and is_ascii_letter(last):
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
