"""Pinyin glosses inside words: 產(chǎn)業(yè)園 is 產業園 with the reading of two characters.

Some news sites print the pinyin of a polyphonic character in brackets right
after it, and scraped pages keep it: 中牟綠博文化產(chǎn)業(yè)園. A gloss cuts a
zone word in two, so the PARK recognizer reads the text without its glosses
and maps the spans back: a span keeps the glosses inside it and after its last
character (the gloss belongs to that character).

A gloss is a bracket holding one pinyin syllable (lowercase letters, with
tone marks or ü) right after a CJK ideograph; English in brackets after a
name (中关村(Zhongguancun)) is longer than a syllable or capitalized, and
stays.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["Glossed", "has_glosses"]

# One pinyin syllable: at most six letters (zhuang), tone marks allowed.
_GLOSS = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,6}\)")


def has_glosses(text: str) -> bool:
    """Whether ``text`` holds a pinyin gloss (which may cut a word in two).

    >>> has_glosses("產(chǎn)業(yè)園"), has_glosses("中关村(Zhongguancun)")
    (True, False)
    """
    return "(" in text and _GLOSS.search(text) is not None


class Glossed:
    """A text without its pinyin glosses, with the map back to the text.

    Examples
    --------
    >>> glossed = Glossed.of("在產(chǎn)業(yè)園內")
    >>> glossed.text
    '在產業園內'
    >>> glossed.outward(1, 4)
    (1, 14)

    """

    __slots__ = ("_cuts", "_ends", "_removed", "text")

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        parts: list[str] = []
        self._cuts: list[int] = []  # where each gloss stood in the stripped text
        self._ends: list[int] = []  # where each gloss ends in the text
        self._removed: list[int] = []  # characters removed up to and including each gloss
        previous, removed = 0, 0
        for start, end in spans:
            parts.append(text[previous:start])
            self._cuts.append(start - removed)
            self._ends.append(end)
            removed += end - start
            self._removed.append(removed)
            previous = end
        parts.append(text[previous:])
        self.text = "".join(parts)

    @classmethod
    def of(cls, text: str) -> Glossed | None:
        """Return ``text`` without its glosses, or None when it has none (the common case)."""
        if "(" not in text:
            return None
        spans = [match.span() for match in _GLOSS.finditer(text)]
        return cls(text, spans) if spans else None

    def inward(self, pos: int) -> int:
        """Map a position of the text to the stripped text."""
        index = bisect.bisect_right(self._ends, pos)
        return pos - (self._removed[index - 1] if index else 0)

    def outward(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the stripped text to the text, with the gloss after its end."""
        index = bisect.bisect_right(self._cuts, start)
        new_start = start + (self._removed[index - 1] if index else 0)
        index = bisect.bisect_right(self._cuts, end)
        return new_start, end + (self._removed[index - 1] if index else 0)
