"""Tests of `hzner.lexicon.Lexicon`: leftmost-longest literal matching in linear time."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hzner.lexicon import SCAN_BEFORE_COMPILE, Lexicon
from tests.complexity import assert_linear

ZONE_KEYS = ("高新区", "重庆", "重庆高新区", "重庆西永综保区", "西永综保区", "综保区", "片区")


def _lexicon(keys: tuple[str, ...] = ZONE_KEYS) -> Lexicon[str]:
    lexicon: Lexicon[str] = Lexicon()
    for key in keys:
        lexicon.add(key, key)
    return lexicon


def _spans(lexicon: Lexicon[str], text: str) -> list[tuple[int, int]]:
    return [(start, end) for start, end, _ in lexicon.finditer(text)]


def _brute_force(keys: set[str], text: str) -> list[tuple[int, int]]:
    """Leftmost-longest, non-overlapping, by trying every key at every position."""
    found: list[tuple[int, int]] = []
    position = 0
    while position < len(text):
        lengths = [len(key) for key in keys if text.startswith(key, position)]
        if lengths:
            found.append((position, position + max(lengths)))
            position += max(lengths)
        else:
            position += 1
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the longest key wins over its prefixes and suffixes
        ("在重庆西永综保区投资", [(1, 8)]),
        ("在重庆高新区投资", [(1, 6)]),
        # near miss: 重庆高新 is no key, so only 重庆 is found, then nothing
        ("重庆高新技术", [(0, 2)]),
        # near miss: 西永综保 without 区 is no key
        ("西永综保", []),
        # leftmost first: 重庆 starts before the longer 高新区 overlap could
        ("重庆高新区片区", [(0, 5), (5, 7)]),
        ("高新区高新区", [(0, 3), (3, 6)]),
        ("", []),
    ],
)
def test_lexicon_finds_leftmost_longest(text: str, expected: list[tuple[int, int]]) -> None:
    assert _spans(_lexicon(), text) == expected


def test_lexicon_keeps_every_value_of_a_key_once() -> None:
    lexicon: Lexicon[int] = Lexicon()
    lexicon.add("火炬高新区", 1)
    lexicon.add("火炬高新区", 2)
    lexicon.add("火炬高新区", 1)
    assert lexicon.get("火炬高新区") == (1, 2)
    assert list(lexicon.finditer("火炬高新区")) == [(0, 5, (1, 2))]
    # near miss: a key not added has no values
    assert lexicon.get("火炬") == ()


@pytest.mark.parametrize(
    ("added", "looked_up"),
    [
        ("中国\uff08重庆\uff09自由贸易试验区", "中国(重庆)自由贸易试验区"),
        ("中国(重庆)自由贸易试验区", "中国\uff08重庆\uff09自由贸易试验区"),
        ("重 庆\n高新区", "重庆高新区"),
    ],
)
def test_lexicon_normalizes_keys(added: str, looked_up: str) -> None:
    lexicon: Lexicon[str] = Lexicon()
    lexicon.add(added, "zone")
    assert looked_up in lexicon
    assert lexicon.get(looked_up) == ("zone",)
    # near miss: normalization does not make a prefix a key
    assert looked_up[:-1] not in lexicon


def test_lexicon_len_and_contains() -> None:
    lexicon = _lexicon()
    assert len(lexicon) == len(ZONE_KEYS)
    assert "重庆高新区" in lexicon
    assert "重庆经开区" not in lexicon
    assert 3 not in lexicon


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        ("在重庆高新区", 1, (6, ("重庆高新区",))),
        ("在重庆高新区", 3, (6, ("高新区",))),
        # near miss: no key starts at 2 (庆高新区)
        ("在重庆高新区", 2, None),
        ("在重庆高新区", 6, None),
        ("在重庆高新区", -1, None),
    ],
)
def test_lexicon_longest_at(
    text: str, pos: int, expected: tuple[int, tuple[str, ...]] | None
) -> None:
    assert _lexicon().longest_at(text, pos) == expected


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("重庆西永综保区内", 7, (0, ("重庆西永综保区",))),
        ("在重庆高新区", 6, (1, ("重庆高新区",))),
        ("在重庆高新区", 3, (1, ("重庆",))),
        # near miss: no key ends at 5 (重庆高新)
        ("在重庆高新区", 5, None),
        ("在重庆高新区", 0, None),
        ("在重庆高新区", 7, None),
    ],
)
def test_lexicon_longest_ending_at(
    text: str, end: int, expected: tuple[int, tuple[str, ...]] | None
) -> None:
    assert _lexicon().longest_ending_at(text, end) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SIP企业", [(0, 3)]),
        ("在SIP,", [(1, 4)]),
        ("500RMB", [(3, 6)]),
        # near misses: inside a longer ASCII word
        ("GOSSIP", []),
        ("SIPS", []),
    ],
)
def test_lexicon_ascii_keys_respect_word_boundaries(
    text: str, expected: list[tuple[int, int]]
) -> None:
    lexicon = _lexicon(("SIP", "RMB"))
    assert _spans(lexicon, text) == expected
    for start, end in expected:
        assert lexicon.longest_at(text, start) is not None
        assert lexicon.longest_ending_at(text, end) is not None


def test_lexicon_ascii_boundaries_can_be_switched_off() -> None:
    lexicon: Lexicon[str] = Lexicon(ascii_boundaries=False)
    lexicon.add("SIP", "SIP")
    assert _spans(lexicon, "GOSSIP") == [(3, 6)]


def test_lexicon_recompiles_after_add() -> None:
    lexicon = _lexicon(("重庆",))
    assert _spans(lexicon, "重庆高新区") == [(0, 2)]
    lexicon.add("重庆高新区", "zone")
    assert _spans(lexicon, "重庆高新区") == [(0, 5)]
    assert lexicon.longest_ending_at("重庆高新区", 5) == (0, ("zone",))


@pytest.mark.parametrize("key", ["", " ", "\n\t"])
def test_lexicon_rejects_an_empty_key(key: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        _lexicon().add(key, "x")


def test_lexicon_empty_finds_nothing() -> None:
    lexicon: Lexicon[str] = Lexicon()
    assert list(lexicon.finditer("重庆高新区")) == []
    assert lexicon.longest_at("重庆高新区", 0) is None
    assert lexicon.longest_ending_at("重庆高新区", 5) is None


def test_lexicon_handles_long_keys_and_regex_metacharacters() -> None:
    long_key = "园" * 3000
    lexicon = _lexicon((long_key, "a.b", "(重庆)", "[x]*"))
    assert _spans(lexicon, "园" * 3001) == [(0, 3000)]
    assert _spans(lexicon, "a.b axb (重庆) [x]* [x]") == [(0, 3), (8, 12), (13, 17)]


@pytest.mark.parametrize("fragment", ["高新区", "重庆", "重庆高新", "重庆西永综保", "片", "SIP"])
def test_lexicon_finditer_is_linear(fragment: str) -> None:
    keys = (*ZONE_KEYS, "重庆西永综保区二期", "重庆高新区高新区高新区X", "SIPS", "高新区" * 5 + "!")
    lexicon = _lexicon(keys)
    assert_linear(lambda text: list(lexicon.finditer(text)), fragment, 50_000)


_ALPHABET = "重庆高新区西永综保片中国()\uff08\uff09SIPa1 \n"


@given(text=st.text(alphabet=_ALPHABET, max_size=60))
def test_lexicon_matches_brute_force(text: str) -> None:
    lexicon = _lexicon()
    assert _spans(lexicon, text) == _brute_force(set(lexicon.keys()), text)


@given(
    keys=st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=6), min_size=1, max_size=8),
    text=st.text(alphabet=_ALPHABET, max_size=40),
)
def test_lexicon_matches_brute_force_on_any_keys(keys: list[str], text: str) -> None:
    lexicon: Lexicon[str] = Lexicon(ascii_boundaries=False)
    for key in keys:
        if key.strip():
            lexicon.add(key, key)
    if len(lexicon) == 0:
        return
    assert _spans(lexicon, text) == _brute_force(set(lexicon.keys()), text)
    for start, end in _spans(lexicon, text):
        found = lexicon.longest_at(text, start)
        assert found is not None
        assert found[0] == end


@given(text=st.text())
def test_lexicon_finditer_never_raises_and_spans_do_not_overlap(text: str) -> None:
    previous_end = 0
    for start, end, values in _lexicon((*ZONE_KEYS, "SIP", "a.b")).finditer(text):
        assert previous_end <= start < end <= len(text)
        assert values
        previous_end = end


_KEY_CHARS = st.sampled_from("重庆高新区综保片AB")


@given(
    st.sets(st.text(_KEY_CHARS, min_size=1, max_size=5), min_size=1, max_size=8),
    st.text(st.sampled_from("重庆高新区综保片AB,"), max_size=30),
)
def test_lexicon_longest_ending_at_is_the_longest_key_ending_there(
    keys: set[str], text: str
) -> None:
    lexicon = _lexicon(tuple(keys))
    backwards = lexicon.reversed().longest_at
    for end in range(len(text) + 1):
        # Brute force: every key, longest first, with the ASCII-word rule.
        expected = None
        for key in sorted(keys, key=len, reverse=True):
            start = end - len(key)
            if start < 0 or text[start:end] != key:
                continue
            if (key[0] in "AB" and start > 0 and text[start - 1] in "AB") or (
                key[-1] in "AB" and end < len(text) and text[end] in "AB"
            ):
                continue
            expected = start
            break
        found = lexicon.longest_ending_at(text, end)
        assert (None if found is None else found[0]) == expected
        # The reversed lexicon finds the same key read backwards.
        mirrored = backwards(text[::-1], len(text) - end)
        assert (None if mirrored is None else len(text) - mirrored[0]) == expected


@pytest.mark.parametrize("count", [502, 2000])
def test_lexicon_nested_prefix_keys_do_not_recurse(count: int) -> None:
    # Each key a prefix of the next: a prefix tree as deep as the number of keys.
    keys = ["园" * length for length in range(1, count + 1)]
    lexicon = _lexicon(tuple(keys))
    assert _spans(lexicon, "园" * (count + 3)) == [(0, count), (count, count + 3)]
    assert lexicon.longest_at("甲" + "园" * 7, 1) == (8, ("园" * 7,))


@given(
    depth=st.integers(min_value=1, max_value=200),
    text=st.text(alphabet="甲乙园 ", max_size=40),
)
def test_lexicon_deep_trees_match_brute_force(depth: int, text: str) -> None:
    keys = {"甲" * length for length in range(1, depth + 1)} | {"甲乙", "甲园", "园甲", "乙"}
    lexicon = _lexicon(tuple(sorted(keys)))
    assert _spans(lexicon, text) == _brute_force(keys, text)


def test_lexicon_many_keys() -> None:
    keys = [f"园{index}区" for index in range(20_000)]
    lexicon = _lexicon(tuple(keys))
    assert _spans(lexicon, "在园19999区和园7区") == [(1, 8), (9, 12)]


@given(
    keys=st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=6), min_size=1, max_size=8),
    text=st.text(alphabet=_ALPHABET, max_size=40),
    ascii_boundaries=st.booleans(),
)
def test_lexicon_finds_the_same_by_look_ups_and_by_pattern(
    keys: list[str], text: str, ascii_boundaries: bool
) -> None:
    looked_up: Lexicon[str] = Lexicon(ascii_boundaries=ascii_boundaries)
    compiled: Lexicon[str] = Lexicon(ascii_boundaries=ascii_boundaries)
    for key in keys:
        if key.strip():
            looked_up.add(key, key)
            compiled.add(key, key)
    compiled._scanned = SCAN_BEFORE_COMPILE + 1  # its look-ups spent: the pattern
    assert list(looked_up.finditer(text)) == list(compiled.finditer(text))
    assert looked_up._pattern is None
    assert len(compiled) == 0 or compiled._pattern is not None


def test_lexicon_compiles_once_its_look_ups_have_read_enough() -> None:
    lexicon = _lexicon()
    text = "在重庆西永综保区投资" * (SCAN_BEFORE_COMPILE // 10)
    first = list(lexicon.finditer(text))
    assert lexicon._pattern is None
    assert list(lexicon.finditer(text)) == first
    assert lexicon._pattern is not None


def test_lexicon_compiles_at_once_for_a_long_text() -> None:
    lexicon = _lexicon()
    text = "在重庆西永综保区投资" * SCAN_BEFORE_COMPILE
    assert len(list(lexicon.finditer(text))) == SCAN_BEFORE_COMPILE
    assert lexicon._pattern is not None


@given(
    keys=st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=6), min_size=1, max_size=8),
    text=st.text(alphabet=_ALPHABET, max_size=40),
)
def test_lexicon_occurs_is_a_search_of_its_pattern(keys: list[str], text: str) -> None:
    lexicon: Lexicon[str] = Lexicon()
    for key in keys:
        if key.strip():
            lexicon.add(key, key)
    answer = lexicon.occurs(text)  # by look-ups: nothing compiled yet
    assert lexicon._pattern is None
    pattern = lexicon.compiled
    assert answer == (pattern is not None and pattern.search(text) is not None)
    assert lexicon.occurs(text) == answer


def test_lexicon_occurs_compiles_for_keys_nested_too_deep() -> None:
    lexicon = _lexicon(tuple("园" * length for length in range(1, 80)))
    assert lexicon.occurs("甲园")
    assert lexicon._pattern is not None


@given(
    keys=st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=6), min_size=1, max_size=8),
    text=st.text(alphabet=_ALPHABET, max_size=40),
    pos=st.integers(min_value=-2, max_value=45),
    endpos=st.integers(min_value=-2, max_value=45),
)
def test_lexicon_search_is_its_pattern_s_search(
    keys: list[str], text: str, pos: int, endpos: int
) -> None:
    lexicon: Lexicon[str] = Lexicon()
    for key in keys:
        if key.strip():
            lexicon.add(key, key)
    span = lexicon.search(text, pos, endpos)  # by look-ups: nothing compiled yet
    assert lexicon._pattern is None
    pattern = lexicon.compiled
    match = None if pattern is None else pattern.search(text, pos, endpos)
    assert span == (None if match is None else match.span())
    lexicon._scanned = SCAN_BEFORE_COMPILE + 1
    assert lexicon.search(text, pos, endpos) == span
    assert lexicon.longest_at(text, max(pos, 0), endpos) == lexicon.longest_at(
        text[: max(endpos, 0)], max(pos, 0)
    )
