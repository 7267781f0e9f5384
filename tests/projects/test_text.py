"""Tests for hzner.projects.text: sentence and clause starts."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from hzner.projects.text import CLAUSE_MARKS, QUOTES, TERMINATORS, starts

# A reference: the starts read one mark at a time.
_ATTRIBUTION = 40


def _reference(text: str, marks: frozenset[str], merge_quotes: bool) -> list[int]:
    found = [0]
    for index, char in enumerate(text):
        if char not in marks:
            continue
        after = index + 1
        if merge_quotes and char in TERMINATORS and after < len(text) and text[after] in QUOTES:
            window = text[after + 1 : min(len(text), after + 1 + _ATTRIBUTION)]
            if any(mark in TERMINATORS for mark in window):
                continue
        if after < len(text) and found[-1] != after:
            found.append(after)
    return found


_TEXTS = st.text(alphabet=st.sampled_from(list("项目开工。!?,;:\"'”」a1")), max_size=120)


@given(_TEXTS)
@example('完成。"负责人表示。后来')
@example("完成。”")
def test_sentence_starts_match_a_scan_by_character(text: str) -> None:
    assert starts(text, TERMINATORS, True) == _reference(text, TERMINATORS, True)


@given(_TEXTS)
@example("甲,乙。")
def test_clause_starts_match_a_scan_by_character(text: str) -> None:
    assert starts(text, CLAUSE_MARKS, False) == _reference(text, CLAUSE_MARKS, False)


def test_a_quoted_attribution_stays_in_its_sentence() -> None:
    text = '项目已经竣工。"负责人表示。次年投产。'
    assert starts(text, TERMINATORS, True) == [0, text.index("次")]


def test_a_terminator_before_a_quote_without_attribution_ends_the_sentence() -> None:
    text = "项目已经竣工。”" + "甲" * 50 + "。乙"
    assert starts(text, TERMINATORS, True) == [0, 7, text.index("乙")]
