"""PARK's word lists (hzner.zones.lexicon): read from the rules, built once."""

from __future__ import annotations

import hzner
from hzner.rules import RuleSet
from hzner.zones.lexicon import ParkLexicon


def test_lists_come_from_the_rules_and_are_built_once() -> None:
    lexicon = ParkLexicon(RuleSet.default())
    assert "园区" in lexicon.bare
    assert "示范区" in lexicon.designations
    assert lexicon.gazetteer is lexicon.gazetteer
    assert lexicon.proper is lexicon.proper


def test_a_users_bare_word_is_read_like_the_shipped_ones() -> None:
    extractor = hzner.Extractor(rules=[{"type": "park_bare", "word": "产业园"}])
    assert "产业园" in extractor.park_recognizer.lexicon.bare
    # 学习借鉴 shows no name: with 产业园 bare, no park; a place before it is one.
    assert extractor.extract("学习借鉴产业园的经验。").parks == ()
    assert [park.text for park in extractor.extract("修文产业园新签约项目。").parks] == [
        "修文产业园"
    ]
