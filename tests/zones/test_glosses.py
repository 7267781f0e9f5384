"""Pinyin glosses: removed for reading, kept in the spans mapped back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import hzner
from hzner.zones.glosses import Glossed

_GLOSSES = ["(chǎn)", "(yè)", "(qū)", "(zhòng)", "(lǜ)"]


def test_no_gloss_is_the_common_case() -> None:
    assert Glossed.of("在产业园(二期)内") is None


def test_glosses_are_removed_and_mapped_back() -> None:
    text = "入驻產(chǎn)業(yè)園內"
    glossed = Glossed.of(text)
    assert glossed is not None
    assert glossed.text == "入驻產業園內"
    start, end = glossed.outward(2, 5)
    assert text[start:end] == "產(chǎn)業(yè)園"


def test_english_and_capitalized_brackets_are_no_gloss() -> None:
    assert Glossed.of("中关村(Zhongguancun)和张江(Zhangjiang)") is None


@given(
    st.lists(
        st.tuples(
            st.sampled_from(list("产业园区在的中牟绿博a1")), st.sampled_from(["", *_GLOSSES])
        ),
        max_size=30,
    ),
    st.data(),
)
def test_outward_spans_hold_the_same_characters(
    pieces: list[tuple[str, str]], data: st.DataObject
) -> None:
    text = "".join(char + gloss for char, gloss in pieces)
    glossed = Glossed.of(text)
    plain = glossed.text if glossed is not None else text
    start = data.draw(st.integers(0, len(plain)))
    end = data.draw(st.integers(start, len(plain)))
    if glossed is None:
        return
    outer_start, outer_end = glossed.outward(start, end)
    inner = Glossed.of(text[outer_start:outer_end])
    assert (plain[start:end] if inner is None else inner.text) == plain[start:end]
    assert glossed.inward(outer_start) == start


def test_a_park_with_glosses_is_found_with_them() -> None:
    text = "企业入驻青溪新材料產(chǎn)業(yè)園,投资5亿元"
    (park,) = hzner.extract(text).parks
    assert park.text == "青溪新材料產(chǎn)業(yè)園"
    assert text[park.start : park.end] == park.text
