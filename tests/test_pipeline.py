"""The spaCy surface: entities, typed spans, saving, processes, same results."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import hzner
from hzner.pipeline import FACTORIES


def _ents(doc: Doc) -> list[tuple[int, int, str]]:
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def _facts_ents(text: str) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, type(e).label) for e in hzner.extract(text).entities]


def test_pipeline_components_in_order(nlp: Any) -> None:
    assert nlp.pipe_names == ["hzner_money", "hzner_zones", "hzner_projects", "hzner_phrases"]


def test_pipeline_same_entities_as_extract(nlp: Any, dev_docs: list[dict[str, Any]]) -> None:
    for record in dev_docs:
        doc = nlp(record["text"])
        assert _ents(doc) == _facts_ents(record["text"])
        assert doc._.facts == hzner.extract(record["text"])


def test_pipeline_spans_carry_typed_values(nlp: Any) -> None:
    doc = nlp("光谷经济总量超1876亿元。")
    money = next(ent for ent in doc.ents if ent.label_ == "MONEY")
    assert str(money._.money.value) == "187600000000"
    park = next(ent for ent in doc.ents if ent.label_ == "PARK")
    assert park._.park.zone == "武汉东湖新技术开发区"
    assert park._.money is None


def test_pipeline_doc_to_bytes_and_docbin(nlp: Any, dev_docs: list[dict[str, Any]]) -> None:
    doc = nlp(dev_docs[1]["text"])
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.facts == doc._.facts
    docbin = DocBin(store_user_data=True)
    docbin.add(doc)
    (restored,) = DocBin(store_user_data=True).from_bytes(docbin.to_bytes()).get_docs(nlp.vocab)
    assert restored._.facts == doc._.facts
    assert _ents(restored) == _ents(doc)


def test_pipeline_to_disk_round_trip(tmp_path: Path, dev_docs: list[dict[str, Any]]) -> None:
    nlp = hzner.load(
        rules=[{"type": "alias", "alias": "火炬园", "zone": "厦门火炬高技术产业开发区"}]
    )
    nlp.to_disk(tmp_path / "model")
    again = spacy.load(tmp_path / "model")
    text = dev_docs[1]["text"] + "火炬园今年引进项目12个"
    assert _ents(again(text)) == _ents(nlp(text))
    assert again(text)._.facts.parks[-1].zone == "厦门火炬高技术产业开发区"


def test_pipeline_to_bytes_round_trip(nlp: Any) -> None:
    data = nlp.to_bytes()
    again = hzner.load(defaults=False).from_bytes(data)
    text = "总投资5亿元落户重庆高新区"
    assert _ents(again(text)) == _ents(nlp(text))


def test_pipeline_saved_rules_reload_without_package_data(tmp_path: Path) -> None:
    hzner.load().to_disk(tmp_path / "model")
    code = (
        "import importlib.resources, spacy, hzner.rules as r;"
        "r._package_rules = lambda: (_ for _ in ()).throw(RuntimeError('package data read'));"
        f"nlp = spacy.load({str(tmp_path / 'model')!r});"
        "print([e.text for e in nlp('总投资5亿元落户重庆高新区').ents])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['5亿元', '重庆高新区']"


def test_pipeline_pipe_with_two_processes(nlp: Any) -> None:
    texts = ["总投资5亿元", "光谷", "", "重庆高新区投资10亿元"] * 3
    one = [_ents(doc) for doc in nlp.pipe(texts)]
    two = [_ents(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert one == two
    assert [doc.text for doc in nlp.pipe(texts, n_process=2)] == texts


def test_pipeline_keeps_other_entities() -> None:
    nlp = hzner.load()
    ruler = nlp.add_pipe("entity_ruler", first=True)
    ruler.add_patterns([{"label": "ORG", "pattern": "泽璟制药"}])
    doc = nlp("泽璟制药总投资5亿元")
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("泽璟制药", "ORG"), ("5亿元", "MONEY")]


def test_pipeline_unknown_segmenter() -> None:
    with pytest.raises(ValueError, match="E030"):
        hzner.load(segmenter="jieba")


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_pipeline_factory_by_entry_point_in_fresh_interpreter(name: str) -> None:
    code = (
        "import spacy, sys;"
        f"nlp = spacy.blank('zh'); nlp.add_pipe({name!r});"
        "assert 'hzner' not in sys.modules or True;"
        "print(nlp.pipe_names)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert name in out.stdout
