"""The ORG word lists: the split gate finds what the one-pattern gate finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hzner.orgs.lexicon import OrgLexicon
from hzner.rules import RuleSet

LEXICON = OrgLexicon(RuleSet.default())
USER = OrgLexicon(RuleSet.from_sources([{"type": "org", "name": "星河集团", "short": ["星河"]}]))
DEV = Path(__file__).resolve().parent.parent / "data" / "dev_gold.jsonl"

# The words every part of the gate is made of, and some characters around them.
_WORDS = sorted(
    {
        *LEXICON.forms,
        *LEXICON.verbs,
        *LEXICON.trades,
        *LEXICON.classes,
        "等",
        "家",
        "12",
        "拟",
        "项目",
        "星河",
    }
)
_TEXTS = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.text(alphabet="等拟将已正的和,。12家知名", max_size=3)),
    max_size=12,
).map("".join)


def _one_pattern(lexicon: OrgLexicon) -> re.Pattern[str] | None:
    """The gates as one alternation: the slow form `has_evidence` must agree with."""
    parts = [pattern.pattern for pattern in lexicon.gates]
    return re.compile("|".join(f"(?:{part})" for part in parts)) if parts else None


def _slow(lexicon: OrgLexicon, text: str) -> bool:
    gate = _one_pattern(lexicon)
    return gate is not None and gate.search(text) is not None


@settings(max_examples=400)
@given(_TEXTS)
def test_has_evidence_is_the_one_pattern_gate(text: str) -> None:
    assert LEXICON.has_evidence(text) == _slow(LEXICON, text)
    assert USER.has_evidence(text) == _slow(USER, text)


def test_has_evidence_on_the_dev_set() -> None:
    with DEV.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    paragraphs = [part for text in texts for part in text.split("\n")]
    assert any(LEXICON.has_evidence(part) for part in paragraphs)
    assert any(not LEXICON.has_evidence(part) for part in paragraphs)
    for part in [*texts, *paragraphs]:
        assert LEXICON.has_evidence(part) == _slow(LEXICON, part)


def test_no_parts_no_evidence() -> None:
    empty = OrgLexicon(RuleSet.from_sources([], defaults=False))
    assert _one_pattern(empty) is None
    assert empty.gates == ()
    assert not empty.has_evidence("厦门天马显示科技有限公司")


def test_closed_lists_start_with_their_literal() -> None:
    from hzner.orgs.lexicon import CLOSED_LIST_START

    pattern = LEXICON.closed_lists
    assert pattern is not None
    assert pattern.pattern.startswith(CLOSED_LIST_START)
    assert LEXICON.has_evidence("西门子、腾讯等111家知名企业")
