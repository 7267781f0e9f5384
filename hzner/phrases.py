"""User labels: literal phrases from ``phrase`` rules.

A ``phrase`` rule adds a label of the user's own (FUND, ORG ...) with a
literal pattern, matched leftmost-longest on the normalized text like every
other word list. A phrase that overlaps a MONEY, PARK or PROJECT span is
dropped: hzner's own entities win.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from .lexicon import Lexicon
from .normalize import NormalizedText
from .rules import RuleSet
from .types import Mention

__all__ = ["find_phrases", "phrase_lexicon"]


def phrase_lexicon(rules: RuleSet) -> Lexicon[tuple[str, str]]:
    """Compile the ``phrase`` rules into ``pattern -> (label, id)``."""
    lexicon: Lexicon[tuple[str, str]] = Lexicon()
    for rule in rules.of("phrase"):
        lexicon.add(rule["pattern"], (rule["label"], rule["id"]))
    return lexicon


def find_phrases(
    norm: NormalizedText,
    lexicon: Lexicon[tuple[str, str]],
    taken: Iterable[tuple[int, int]] = (),
) -> list[Mention]:
    """Find the phrases of ``norm`` that do not overlap the ``taken`` original spans."""
    if not len(lexicon):
        return []
    starts, ends = _merged(taken)
    found: list[Mention] = []
    for start, end, values in lexicon.finditer(norm.text):
        original_start, original_end = norm.to_original(start, end)
        # The last taken span that starts before the phrase ends is the only
        # one that can overlap it: the spans are merged, so sorted by both ends.
        index = bisect.bisect_left(starts, original_end) - 1
        if index >= 0 and ends[index] > original_start:
            continue
        label, rule_id = values[-1]
        found.append(
            Mention(
                norm.original[original_start:original_end],
                original_start,
                original_end,
                label,
                rule_id or f"phrase:{label}",
            )
        )
    return found


def _merged(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The union of ``spans`` as disjoint sorted spans: their starts and their ends."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if start >= end:
            continue
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends
