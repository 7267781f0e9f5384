from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hzner
from hzner.normalize import hard_breaks, normalize, normalize_key


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("1465.3 亿 元", "1465.3亿元"),
        ("重 庆高新区", "重庆高新区"),
        ("５１０．２亿元", "510.2亿元"),
        ("中国（重庆）自由贸易试验区", "中国(重庆)自由贸易试验区"),
        ("生产线\n\n项目", "生产线项目"),
        ("Apple Inc", "Apple Inc"),  # near miss: a space between Latin words stays
        ("2019 2020", "2019 2020"),  # near miss: two numbers stay apart
        ("", ""),
        ("\u3000\u3000", ""),
        ("沈撫新區 項目", "沈抚新区项目"),  # traditional characters read as simplified
    ],
)
def test_normalize_view(text: str, view: str) -> None:
    assert normalize(text).text == view


def test_normalize_maps_spans_back_to_the_original() -> None:
    text = "产值 1465.3 亿 元,同比"
    norm = normalize(text)
    start = norm.text.index("1465")
    end = norm.text.index("元") + 1
    original_start, original_end = norm.to_original(start, end)
    assert text[original_start:original_end] == "1465.3 亿 元"


def test_normalize_key_matches_the_text_form() -> None:
    assert normalize_key("中国（重庆） 自由贸易试验区") == "中国(重庆)自由贸易试验区"


@given(st.text())
def test_normalize_offsets_always_slice_the_original(text: str) -> None:
    norm = normalize(text)
    for start in range(len(norm.text)):
        original = norm.offset(start)
        assert 0 <= original < len(text)
        assert normalize(text[original]).text in (norm.text[start], "")
        assert norm.to_view(original) == start


@given(st.text(alphabet=st.sampled_from("重庆 高新区\n1２.亿元 ab")))
def test_normalize_round_trip_of_spans(text: str) -> None:
    norm = normalize(text)
    for start in range(len(norm.text)):
        for end in range(start + 1, len(norm.text) + 1):
            if norm.text[start] == " " or norm.text[end - 1] == " ":
                continue  # entities never start or end on a space
            original_start, original_end = norm.to_original(start, end)
            assert normalize(text[original_start:original_end]).text == norm.text[start:end]


def test_normalize_counts_traditional_characters() -> None:
    assert normalize("沈撫新區").traditional == 2
    assert normalize("沈抚新区").traditional == 0


def test_normalize_removes_exactly_the_characters_isspace_accepts() -> None:
    for code in range(0x3001):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        kept = len(normalize(f"中{char}中").text) == 3
        assert kept is not char.isspace(), hex(code)


def test_normalize_hard_breaks_after_short_unpunctuated_lines() -> None:
    paragraph = "甲乙项目总投资约22亿元,将建设循环水养殖基地和食品加工厂。\n"
    text = "集中签约仪式现场\n" + paragraph * 3 + "图片来源:甲乙高新区\n" + paragraph
    caption = text.index("图片来源")
    assert hard_breaks(text) == [8, text.index("\n", caption)]
    norm = normalize(text)
    assert [norm.text[position - 2 : position] for position in norm.breaks] == ["现场", "新区"]
    # A line broken inside a sentence (PDF layout) or ending in punctuation is no break.
    broken = "大数据智能化和大健康产业深度融合、高质量发展,为西部(重庆)\n科学城建设增添新动能。\n"
    assert hard_breaks(broken + paragraph * 3) == []
    assert hard_breaks("甲乙,\n" + paragraph * 3) == []


@given(st.text(alphabet=st.sampled_from("甲乙。,\n \u3000a1"), max_size=200))
def test_normalize_hard_breaks_are_line_breaks(text: str) -> None:
    assert all(text[index] == "\n" for index in hard_breaks(text))
    norm = normalize(text)
    assert list(norm.breaks) == sorted(set(norm.breaks))
    assert all(0 < position < len(norm.text) for position in norm.breaks)


@given(st.text(alphabet=st.sampled_from("重庆 高新区\n1２.亿元 ab\u3000"), max_size=60), st.data())
def test_normalize_to_original_maps_each_end(text: str, data: st.DataObject) -> None:
    norm = normalize(text)
    if not norm.text:
        return
    start = data.draw(st.integers(0, len(norm.text) - 1))
    end = data.draw(st.integers(start + 1, len(norm.text)))
    assert norm.to_original(start, end) == (norm.offset(start), norm.offset(end - 1) + 1)


@given(st.text(alphabet=st.sampled_from("重庆區 高\n1２.亿元 ab\u3000,")) | st.text())
def test_normalize_quick_path_equals_the_full_path(text: str) -> None:
    from hzner.normalize import _normalize

    quick, full = normalize(text), _normalize(text)
    assert (quick.original, quick.text, quick.traditional, quick.breaks) == (
        full.original, full.text, full.traditional, full.breaks,
    )  # fmt: skip
    assert list(quick.starts) == list(full.starts)
    assert list(quick.origins) == list(full.origins)


def test_normalize_text_that_needs_no_change_is_its_own_view() -> None:
    norm = normalize("总投资510.2亿元")
    assert norm.text is norm.original
    assert list(norm.starts) == [0]
    assert list(norm.origins) == [0]


def test_normalize_offset_map_is_runs_in_an_array() -> None:
    from array import array

    # A space kept between words and a line break read as one: one shift, one piece.
    norm = normalize("Apple Inc\nand Tesla Inc " * 1000 + "亿")
    assert isinstance(norm.starts, array)
    assert isinstance(norm.origins, array)
    assert len(norm.starts) <= 2
    # Each removed run adds one piece, whatever the number of characters.
    norm = normalize("产值 1465.3 亿 元," * 100)
    assert len(norm.starts) == len(norm.origins) <= 301
    assert norm.to_original(0, len(norm.text))[1] == len("产值 1465.3 亿 元," * 100)


def test_normalize_drops_exactly_the_characters_isspace_accepts() -> None:
    # hzner.rules relies on it to tell a whitespace-only word without a view.
    import sys

    from hzner.normalize import _WHITESPACE

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert bool(_WHITESPACE.fullmatch(char)) == char.isspace(), hex(code)
    assert normalize("\u3000 \t\u2029").text == ""


@given(st.text(alphabet=st.sampled_from(list("a1 \t\n\u3000\u2003\xa0区,")), max_size=30))
def test_whitespace_pattern_is_one_class_repeated(text: str) -> None:
    # _WHITESPACE is written [c][c]* for speed: the runs of [c]+ exactly.
    from hzner.normalize import _SPACES, _WHITESPACE

    plain = re.compile(f"[{_SPACES}]+")
    assert [m.span() for m in _WHITESPACE.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


@pytest.mark.parametrize(("set_tested", "short"), [(0, 0), (10**9, 10**9), (10**9, 0)])
@pytest.mark.parametrize(
    "text", ["沈撫新區 管委會", "重庆高新区", "產(chǎn)業園", "", "A 區", "（臺北）"]
)
def test_normalize_reads_traditional_characters_with_or_without_the_class(
    monkeypatch: pytest.MonkeyPatch, set_tested: int, short: int, text: str
) -> None:
    from hzner import normalize as module

    expected = normalize(text)
    monkeypatch.setattr(module, "_SET_TESTED", [set_tested])
    monkeypatch.setattr(module, "_SHORT", short)
    found = normalize(text)
    assert (found.text, found.traditional, list(found.starts), list(found.origins)) == (
        expected.text,
        expected.traditional,
        list(expected.starts),
        list(expected.origins),
    )
    assert module._has_variants(text) == (found.traditional > 0)
    assert normalize_key(text) == expected.text


# Pinyin glosses (產(chǎn)業(yè)園): removed from the view, kept inside the spans mapped back,
# never after their last character.

_GLOSSES = ["(chǎn)", "(yè)", "(qū)", "(zhòng)", "(lǜ)", "（xié）"]


def test_glosses_are_removed_from_the_view_kept_inside_a_span_not_after() -> None:
    norm = normalize("入驻產(chǎn)業(yè)園(yuán)內")
    assert norm.text == "入驻产业园内"
    start, end = norm.to_original(2, 5)
    assert norm.original[start:end] == "產(chǎn)業(yè)園"


def test_english_brackets_and_plain_brackets_are_no_gloss() -> None:
    for text in ("中关村(Zhongguancun)和张江(Zhangjiang)", "重庆高新区(二期)", "A(b)"):
        assert "(" in normalize(text).text


@given(
    st.lists(
        st.tuples(
            st.sampled_from(list("产業园区在的中牟绿博a1 ")), st.sampled_from(["", *_GLOSSES])
        ),
        max_size=30,
    ),
    st.data(),
)
def test_spans_of_a_glossed_view_map_to_the_same_characters(
    pieces: list[tuple[str, str]], data: st.DataObject
) -> None:
    text = "".join(char + gloss for char, gloss in pieces)
    norm = normalize(text)
    assert "(" not in norm.text or "(" in text.replace("（", "(")
    start = data.draw(st.integers(0, len(norm.text)))
    end = data.draw(st.integers(start, len(norm.text)))
    outer_start, outer_end = norm.to_original(start, end)
    assert normalize(text[outer_start:outer_end]).text == norm.text[start:end]


def test_cues_and_names_read_through_glosses() -> None:
    facts = hzner.extract("企业入驻青溪新材料產(chǎn)業(yè)園,項目協(xié)議金額超150億。")
    (park,) = facts.parks
    assert park.text == "青溪新材料產(chǎn)業(yè)園"
    (money,) = facts.money
    assert (money.text, money.role.value, money.currency_implied) == ("超150億", "contract", True)


def test_a_gloss_after_a_name_is_outside_its_span() -> None:
    text = "天河綜保區(qū)進出口增長。"
    (park,) = hzner.extract(text).parks
    assert park.text == "天河綜保區"
    assert text[park.start : park.end] == park.text
