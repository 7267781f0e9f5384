"""The plain-text API: type contract, empty input, JSON output, batches."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hzner
from hzner.extractor import Extractor
from hzner.types import Facts


def test_extractor_readme_one_liner() -> None:
    facts = hzner.extract("总投资510.2亿元的项目落户厦门火炬高新区")
    assert str(facts.money[0].value) == "51020000000"
    assert facts.parks[0].zone == "厦门火炬高技术产业开发区"


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["总投资5亿元"], object()])
def test_extractor_non_str_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match=r"\[E001\] .*expected a str"):
        hzner.extract(bad)  # type: ignore[arg-type]


def test_extractor_bytes_says_decode_first() -> None:
    with pytest.raises(TypeError, match=r"\[E002\] .*decode"):
        hzner.extract("总投资5亿元".encode())  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "\u3000"])
def test_extractor_blank_text_gives_empty_facts(text: str) -> None:
    facts = hzner.extract(text)
    assert facts == Facts(text)
    assert facts.entities == ()


@given(st.text())
def test_extractor_any_text_gives_json_and_slicing_offsets(text: str) -> None:
    facts = hzner.extract(text)
    json.dumps(facts.to_dict())
    for entity in facts.entities:
        assert text[entity.start : entity.end] == entity.text


@given(st.text(alphabet=st.sampled_from(list("重庆高新区产业园项目投资亿元约至、等落户在 \n5美"))))
def test_extractor_trigger_words_never_crash(text: str) -> None:
    facts = hzner.extract(text)
    for entity in facts.entities:
        assert text[entity.start : entity.end] == entity.text
    for left, right in itertools.pairwise(facts.entities):
        assert left.end <= right.start  # no two entities overlap, whatever their labels


def test_extractor_round_trip_through_dict(dev_docs: list[dict[str, object]]) -> None:
    for doc in dev_docs:
        facts = hzner.extract(str(doc["text"]))
        data = json.loads(json.dumps(facts.to_dict()))
        assert Facts.from_dict(data).to_dict() == facts.to_dict()


def test_extractor_many_keeps_order_and_count() -> None:
    texts = ["总投资5亿元", "", "光谷", "总投资7亿元"]
    results = list(hzner.extract_many(texts))
    assert [facts.text for facts in results] == texts
    assert [len(facts.entities) for facts in results] == [1, 0, 1, 1]


def test_extractor_many_names_the_bad_index() -> None:
    with pytest.raises(TypeError, match=r"\[E031\] .*index 1"):
        list(hzner.extract_many(["总投资5亿元", b"bytes"]))  # type: ignore[list-item]


def test_extractor_is_deterministic(dev_docs: list[dict[str, object]]) -> None:
    text = str(dev_docs[1]["text"])
    assert Extractor().extract(text) == hzner.extract(text)


def test_extractor_import_loads_no_spacy() -> None:
    import subprocess
    import sys

    code = "import sys, hzner; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
