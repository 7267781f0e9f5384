"""The spaCy surface: entities, typed spans, saving, processes, same results."""

from __future__ import annotations

import inspect
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
import spacy
from confection import ConfigValidationError
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc, DocBin

import hzner
from hzner import components, doc_ents
from hzner.errors import TextError
from hzner.pipeline import DISPLACY_COLORS, FACTORIES, examples_from_gold
from hzner.scoring import LABELS, micro, score


def _ents(doc: Doc) -> list[tuple[int, int, str]]:
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def _facts_ents(text: str) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, type(e).label) for e in hzner.extract(text).entities]


def test_pipeline_components_in_order(nlp: Any) -> None:
    assert nlp.pipe_names == [
        "hzner_money",
        "hzner_zones",
        "hzner_projects",
        "hzner_orgs",
        "hzner_phrases",
    ]


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


def test_pipeline_to_disk_round_trip(
    tmp_path: Path, dev_docs: list[dict[str, Any]], pkuseg_model: Path
) -> None:
    nlp = hzner.load(
        rules=[{"type": "alias", "alias": "火炬园", "zone": "厦门火炬高技术产业开发区"}]
    )
    nlp.to_disk(tmp_path / "model")
    again = spacy.load(tmp_path / "model")
    text = dev_docs[1]["text"] + "火炬园今年引进项目12个"
    assert _ents(again(text)) == _ents(nlp(text))
    assert again(text)._.facts.parks[-1].zone == "厦门火炬高技术产业开发区"


def test_pipeline_to_bytes_round_trip(nlp: Any, pkuseg_model: Path) -> None:
    data = nlp.to_bytes()
    again = hzner.load(defaults=False).from_bytes(data)
    text = "总投资5亿元落户重庆高新区"
    assert _ents(again(text)) == _ents(nlp(text))


def test_pipeline_saved_rules_reload_without_package_data(
    tmp_path: Path, pkuseg_model: Path
) -> None:
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


def test_pipeline_keeps_other_entities(pkuseg_model: Path) -> None:
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


def test_pipeline_meta_names_hzner_and_its_version_range(nlp: Any) -> None:
    meta = nlp.meta
    major, minor = (int(part) for part in hzner.__version__.split(".")[:2])
    assert meta["name"] == "hzner_char"
    assert meta["version"] == hzner.__version__
    assert "MONEY" in meta["description"]
    assert meta["requirements"] == [f"hzner>={major}.{minor},<{major}.{minor + 1}"]
    assert meta["labels"]["hzner_money"] == ["MONEY"]
    assert meta["labels"]["hzner_zones"] == ["PARK"]
    assert meta["labels"]["hzner_projects"] == ["PROJECT"]


def test_pipeline_evaluate_equals_hzner_scorer(nlp: Any, dev_docs: list[dict[str, Any]]) -> None:
    examples = examples_from_gold(nlp, dev_docs)
    scores = nlp.evaluate(examples)
    preds = [hzner.extract(record["text"]).to_dict() for record in dev_docs]
    own = micro(dev_docs, preds)
    assert scores["ents_f"] == pytest.approx(own["f1"])
    assert scores["ents_p"] == pytest.approx(own["p"])
    assert scores["ents_r"] == pytest.approx(own["r"])
    assert set(scores["ents_per_type"]) <= set(LABELS)
    assert scores["money_value_acc"] == pytest.approx(score(dev_docs, preds)["MONEY"]["value_acc"])


def test_pipeline_evaluate_sees_a_wrong_entity(nlp: Any) -> None:
    record = {
        "text": "总投资5亿元落户重庆高新区",
        "entities": [{"start": 3, "end": 5, "label": "MONEY", "value": "5", "currency": "CNY"}],
    }
    scores = nlp.evaluate(examples_from_gold(nlp, [record]))
    assert scores["ents_f"] < 1.0
    assert scores["ents_r"] == 0.0


def test_pipeline_score_weights(nlp: Any) -> None:
    weights = nlp.config["training"]["score_weights"]
    assert weights["ents_f"] == 1.0
    assert "money_value_acc" in weights


def test_pipeline_analyze_pipes_has_no_problems(nlp: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        analysis = nlp.analyze_pipes()
    assert all(problems == [] for problems in analysis["problems"].values())
    assert "span._.money" in analysis["summary"]["hzner_money"]["assigns"]


def test_pipeline_one_normalization_and_one_ents_per_doc(
    nlp: Any, monkeypatch: pytest.MonkeyPatch, dev_docs: list[dict[str, Any]]
) -> None:
    calls = {"normalize": 0, "set_ents": 0}

    def counting(name: str, func: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return func(*args, **kwargs)

        return call

    monkeypatch.setattr(components, "normalize", counting("normalize", components.normalize))
    monkeypatch.setattr(components, "set_ents", counting("set_ents", components.set_ents))
    text = dev_docs[1]["text"]
    doc = nlp(text)
    assert calls == {"normalize": 1, "set_ents": 1}
    assert _ents(doc) == _facts_ents(text)


def test_pipeline_components_work_alone() -> None:
    blank = spacy.blank("zh")
    blank.add_pipe("hzner_money")
    assert [(e.text, e.label_) for e in blank("重庆高新区总投资5亿元").ents] == [("5亿元", "MONEY")]
    zones = spacy.blank("zh")
    zones.add_pipe("hzner_zones")
    assert [e.label_ for e in zones("重庆高新区总投资5亿元").ents] == ["PARK"]


def test_pipeline_keeps_an_earlier_entity_that_overlaps_nothing() -> None:
    nlp = hzner.load(segmenter="char")
    ruler = nlp.add_pipe("entity_ruler", first=True)
    ruler.add_patterns([{"label": "MONEY", "pattern": "一笔巨款"}])
    doc = nlp("他拿到一笔巨款，总投资5亿元")
    expected = [("一笔巨款", "MONEY"), ("5亿元", "MONEY")]
    assert [(ent.text, ent.label_) for ent in doc.ents] == expected
    assert doc.ents[0]._.money is None  # not hzner's: no typed value
    assert str(doc.ents[1]._.money.value) == "500000000"


@pytest.mark.parametrize(("overwrite", "expected"), [(False, "ORG"), (True, "PARK")])
def test_pipeline_overwrite_ents(overwrite: bool, expected: str) -> None:
    nlp = hzner.load(segmenter="char", overwrite_ents=overwrite)
    ruler = nlp.add_pipe("entity_ruler", first=True)
    ruler.add_patterns([{"label": "ORG", "pattern": "重庆高新"}])
    doc = nlp("重庆高新区总投资5亿元")
    assert [ent.label_ for ent in doc.ents] == [expected, "MONEY"]
    assert [park.text for park in doc._.facts.parks] == ["重庆高新区"]  # facts keep it either way


def test_pipeline_rerun_replaces_its_own_entities(nlp: Any) -> None:
    doc = nlp("重庆高新区总投资5亿元")
    again = nlp(doc)
    assert _ents(again) == _facts_ents("重庆高新区总投资5亿元")


def test_load_signature_is_real() -> None:
    parameters = inspect.signature(hzner.load).parameters
    assert list(parameters) == ["rules", "segmenter", "defaults", "yuan", "overwrite_ents"]
    assert parameters["segmenter"].kind is inspect.Parameter.KEYWORD_ONLY
    assert parameters["yuan"].default is None


@pytest.mark.parametrize(
    ("yuan", "error", "code"), [(5, TypeError, "E100"), ("USD", ValueError, "E101")]
)
def test_load_checks_yuan(yuan: Any, error: type[Exception], code: str) -> None:
    with pytest.raises(error, match=code):
        hzner.load(segmenter="char", yuan=yuan)


def test_component_config_checks_yuan() -> None:
    with pytest.raises(ValueError, match="E101"):
        spacy.blank("zh").add_pipe("hzner_money", config={"yuan": "USD"})
    with pytest.raises(ConfigValidationError, match="yuan"):  # spaCy checks the type first
        spacy.blank("zh").add_pipe("hzner_zones", config={"yuan": 5})


def test_load_takes_a_yuan_currency() -> None:
    nlp = hzner.load(segmenter="char", yuan="TWD")
    assert nlp("投资5亿元")._.facts.money[0].currency == "TWD"


@pytest.mark.parametrize("where", [0, 3, 7])
def test_pipeline_lone_surrogate_says_what_and_where(nlp: Any, where: int) -> None:
    text = "总投资5亿元。"
    text = text[:where] + "\udc80" + text[where:]
    with pytest.raises(TextError, match="E102") as error:
        nlp(text)
    assert f"offset {where}" in str(error.value)
    assert "U+DC80" in str(error.value)
    assert "hzner.extract" in str(error.value)
    assert [m.text for m in hzner.extract(text).money] == ["5亿元"]


def test_displacy_colours_come_from_the_entry_point() -> None:
    from spacy.displacy.render import EntityRenderer

    colors = EntityRenderer({}).colors
    for label in ("PARK", "PROJECT", "ORG"):
        assert colors[label] == DISPLACY_COLORS[label]
    assert "MONEY" not in DISPLACY_COLORS


@given(
    st.text(alphabet="重庆 高新区\n5亿元a", max_size=30),
    st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8)), max_size=5),
)
def test_spans_by_bisection_equal_char_span(nlp: Any, text: str, raw: list[Any]) -> None:
    doc = nlp.make_doc(text)
    wanted = [(a, a + n, "X") for a, n in raw if a + n <= len(text)]
    starts, ends = doc_ents._token_bounds(doc)
    found = {(s.start, s.end) for s in doc_ents._spans(doc, starts, ends, wanted)}
    expected = {(s.start, s.end) for a, b, _ in wanted if (s := doc.char_span(a, b)) is not None}
    assert found == expected
