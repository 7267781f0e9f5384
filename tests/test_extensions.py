"""The extension attributes: typed facts built once per Doc, plain data in user_data."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc, DocBin

import hzner
from hzner import extensions
from hzner.extensions import KEY, doc_text
from hzner.types import Money

_ENTITIES = 2000


def _count(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    calls = {"facts": 0, "money": 0}
    facts_from_data = extensions.facts_from_data
    money_from_dict = Money.from_dict.__func__  # type: ignore[attr-defined]

    def counted_facts(*args: Any, **kwargs: Any) -> Any:
        calls["facts"] += 1
        return facts_from_data(*args, **kwargs)

    def counted_money(cls: type[Money], data: Any) -> Money:
        calls["money"] += 1
        return money_from_dict(cls, data)  # type: ignore[no-any-return]

    monkeypatch.setattr(extensions, "facts_from_data", counted_facts)
    monkeypatch.setattr(Money, "from_dict", classmethod(counted_money))
    return calls


@pytest.fixture(scope="module")
def big_doc(nlp: Any) -> Doc:
    text = "重庆高新区投资5亿元。" * (_ENTITIES // 2)
    doc = nlp(text)
    assert len(doc.ents) == _ENTITIES
    return doc


def _read_all(doc: Doc) -> int:
    found = 0
    for ent in doc.ents:
        found += sum(value is not None for value in (ent._.money, ent._.park, ent._.project))
    return found


def test_span_getters_build_the_facts_once_per_doc(
    nlp: Any, big_doc: Doc, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _count(monkeypatch)
    assert _read_all(big_doc) == _ENTITIES
    assert calls == {"facts": 0, "money": 0}  # the pipeline handed its Facts over
    docbin = DocBin(store_user_data=True)
    docbin.add(big_doc)
    (restored,) = DocBin(store_user_data=True).from_bytes(docbin.to_bytes()).get_docs(nlp.vocab)
    assert _read_all(restored) == _ENTITIES
    assert _read_all(restored) == _ENTITIES
    assert calls == {"facts": 1, "money": _ENTITIES // 2}  # once per Doc, then cached


def test_facts_rebuilt_when_the_data_changes(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = nlp("重庆高新区投资5亿元")
    calls = _count(monkeypatch)
    assert len(doc._.facts.money) == 1
    doc.user_data[KEY]["money"] = []
    assert doc._.facts.money == ()
    assert doc.ents[1]._.money is None
    assert calls["facts"] == 1
    del doc.user_data[KEY]
    assert doc._.facts == hzner.Facts(doc.text)


def test_user_data_is_plain_and_picklable(nlp: Any) -> None:
    doc = nlp("重庆高新区投资5亿元，建设智能制造项目")

    def plain(value: object) -> bool:
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(item) for item in value)
        return value is None or isinstance(value, (str, int, float, bool))

    assert plain(doc.user_data[KEY])
    assert pickle.loads(pickle.dumps(doc))._.facts == doc._.facts


@given(st.text(alphabet=" \n\t元亿a5重庆高新区", max_size=40))
def test_doc_text_matches_spacy(nlp: Any, text: str) -> None:
    doc = nlp.make_doc(text)
    assert doc_text(doc) == doc.text == text
    fresh = Doc(nlp.vocab).from_bytes(doc.to_bytes())  # not through hzner's tokenizer
    assert doc_text(fresh) == text
