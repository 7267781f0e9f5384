"""Tests of `hzner.prefix_tree`: the prefix tree of a lexicon's keys and its pattern."""

from __future__ import annotations

import re

from hzner.prefix_tree import MAX_NESTING, Scan, build_tree, depth, is_ascii_letter, tree_pattern


def test_tree_merges_chains_and_writes_the_longest_key_first() -> None:
    tree = build_tree(["重庆", "重庆高新区", "西永"])
    assert sorted(tree.edges) == ["西永", "重庆"]
    assert depth(tree) == 2
    pattern = re.compile(tree_pattern(tree, ascii_boundaries=True))
    found = [m.group() for m in pattern.finditer("重庆高新区西永重庆高新")]
    assert found == ["重庆高新区", "西永", "重庆"]


def test_ascii_keys_are_not_cut_out_of_words() -> None:
    pattern = re.compile(tree_pattern(build_tree(["SIP"]), ascii_boundaries=True))
    assert [m.span() for m in pattern.finditer("GOSSIP SIP企业 SIPS")] == [(7, 10)]
    assert [is_ascii_letter(char) for char in "S区1z"] == [True, False, False, True]


def test_scan_matches_trees_too_deep_for_a_pattern() -> None:
    keys = ["园" * length for length in range(1, MAX_NESTING + 3)]
    assert depth(build_tree(keys)) > MAX_NESTING
    scan = Scan(keys, ascii_boundaries=True)
    assert list(scan.spans("甲" + "园" * (MAX_NESTING + 5))) == [
        (1, MAX_NESTING + 3),
        (MAX_NESTING + 3, MAX_NESTING + 6),
    ]
