"""Batches: order and count kept, failures named by index, workers, laziness."""

from __future__ import annotations

import itertools
import multiprocessing
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hzner
from hzner import batch
from hzner.batch import DocumentError, extract_many, extract_records
from hzner.extractor import Extractor

TEXTS = ["总投资5亿元", "", "光谷", "重庆高新区签约项目12个,总金额超300亿元", " ", "无"] * 4


@pytest.mark.parametrize(
    ("n_process", "batch_size"),
    [(1, 1), (1, 32), (2, 1), (2, 5), (2, 32), (-1, 7)],
)
def test_batch_order_and_count_kept(n_process: int, batch_size: int) -> None:
    expected = [hzner.extract(text) for text in TEXTS]
    assert list(extract_many(TEXTS, n_process=n_process, batch_size=batch_size)) == expected


def test_batch_public_extract_many_delegates() -> None:
    results = list(hzner.extract_many(TEXTS, n_process=2, batch_size=4))
    assert results == [hzner.extract(text) for text in TEXTS]


def _drain(results: Iterator[hzner.Facts], into: list[hzner.Facts]) -> None:
    for facts in results:
        into.append(facts)


@pytest.mark.parametrize(("n_process", "bad_index"), [(1, 0), (1, 9), (2, 9), (2, 23)])
def test_batch_non_str_named_after_earlier_results(n_process: int, bad_index: int) -> None:
    texts: list[Any] = list(TEXTS)
    texts[bad_index] = b"bytes"
    seen: list[hzner.Facts] = []
    with pytest.raises(TypeError, match=rf"\[E031\] .*bytes at index {bad_index}"):
        _drain(extract_many(texts, n_process=n_process, batch_size=4), seen)
    assert seen == [hzner.extract(text) for text in TEXTS[:bad_index]]


def _failing_extract(self: Extractor, text: str) -> hzner.Facts:
    if text == "boom":
        raise RuntimeError("boom")
    return _ORIGINAL(self, text)


_ORIGINAL = Extractor.extract


@pytest.mark.parametrize("n_process", [1, 2])
def test_batch_failure_names_the_document(monkeypatch: pytest.MonkeyPatch, n_process: int) -> None:
    if n_process > 1:
        # The patch reaches the workers only if they are forked from here.
        if "fork" not in multiprocessing.get_all_start_methods():
            pytest.skip("needs the fork start method")
        monkeypatch.setattr(batch, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(Extractor, "extract", _failing_extract)
    texts = [*TEXTS[:7], "boom", *TEXTS[7:]]
    seen: list[hzner.Facts] = []
    results = extract_many(texts, n_process=n_process, batch_size=3, extractor=Extractor())
    with pytest.raises(
        DocumentError, match=r"\[E032\] document 7 failed: RuntimeError: bo"
    ) as info:
        _drain(results, seen)
    assert info.value.index == 7
    assert "boom" in str(info.value.__cause__)
    assert seen == [hzner.extract(text) for text in TEXTS[:7]]


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"n_process": 0}, "E033"),
        ({"n_process": -2}, "E033"),
        ({"n_process": 1.5}, "E033"),
        ({"n_process": True}, "E033"),
        ({"batch_size": 0}, "E034"),
        ({"batch_size": "8"}, "E034"),
    ],
)
def test_batch_bad_arguments(kwargs: dict[str, Any], code: str) -> None:
    with pytest.raises(ValueError, match=rf"\[{code}\]"):
        extract_many(TEXTS, **kwargs)


def test_batch_workers_use_the_callers_rules() -> None:
    extractor = Extractor(rules=[{"type": "currency", "word": "泰铢", "code": "THB"}])
    texts = ["投资50亿泰铢建厂"] * 10
    results = list(extract_many(texts, n_process=2, batch_size=2, extractor=extractor))
    assert [facts.money[0].currency for facts in results] == ["THB"] * 10


@pytest.mark.parametrize(("n_process", "batch_size"), [(1, 32), (2, 3)])
def test_batch_reads_lazily(n_process: int, batch_size: int) -> None:
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        for text in itertools.cycle(TEXTS):
            consumed += 1
            yield text

    results = extract_many(endless(), n_process=n_process, batch_size=batch_size)
    first = list(itertools.islice(results, 5))
    results.close()  # type: ignore[attr-defined]
    assert first == [hzner.extract(text) for text in TEXTS[:5]]
    assert consumed <= 5 + batch_size * (2 * n_process + 1)


def test_batch_extract_records_are_to_dict() -> None:
    assert extract_records(iter(TEXTS)) == [hzner.extract(text).to_dict() for text in TEXTS]


def test_batch_worker_extractor_built_once() -> None:
    assert batch.worker_extractor() is batch.worker_extractor()


def test_batch_import_hzner_stays_light() -> None:
    code = (
        "import sys, hzner\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('spacy', 'tqdm', 'dask')]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    "call",
    [
        hzner.extract_many,
        Extractor().extract_many,
        extract_many,
        extract_records,
        lambda texts: batch.extract_encoded(texts, len),
    ],
)
@pytest.mark.parametrize("texts", ["一段文字", b"bytes"])
def test_batch_one_text_is_not_texts(call: Any, texts: object) -> None:
    # Raised at the call, before any result is asked for.
    with pytest.raises(TypeError, match=r"\[E120\] .*expected an iterable of str"):
        call(texts)


def test_batch_extractor_extract_many_uses_its_rules() -> None:
    extractor = Extractor(rules=[{"type": "currency", "word": "泰铢", "code": "THB"}])
    for n_process in (1, 2):
        results = extractor.extract_many(
            ["投资50亿泰铢建厂"] * 6, n_process=n_process, batch_size=2
        )
        assert [facts.money[0].currency for facts in results] == ["THB"] * 6


def test_batch_imports_run_one_way() -> None:
    # The engine (extractor.py) never imports the faces built on it.
    import ast
    import pathlib

    tree = ast.parse(pathlib.Path(hzner.extractor.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    faces = {"batch", "cli", "dask", "html", "hzner.batch", "hzner.cli", "hzner.dask", "hzner.html"}
    assert not imported & faces


def test_batch_pack_is_compact_and_exact(dev_docs: list[dict[str, Any]]) -> None:
    import pickle

    for doc in dev_docs:
        facts = hzner.extract(doc["text"])
        packed = pickle.dumps(batch.pack(facts))
        rebuilt = batch.unpack(doc["text"], pickle.loads(packed))
        assert rebuilt == facts
        # A project's links are the very entities of the result, as extract() gives them.
        for project in rebuilt.projects:
            assert project.investment is None or any(project.investment is m for m in rebuilt.money)
            assert project.park is None or any(project.park is p for p in rebuilt.parks)
        # No copy of the text, nor of any entity's text, goes back.
        assert len(packed) < len(pickle.dumps(facts)) - len(doc["text"].encode("utf-8"))


@given(st.lists(st.sampled_from(["总投资5亿元", "光谷", "重庆高新区", "天马项目", "，", "\n"])))
def test_batch_pack_round_trip(parts: list[str]) -> None:
    text = "".join(parts)
    facts = hzner.extract(text)
    assert batch.unpack(text, batch.pack(facts)) == facts


@pytest.mark.parametrize("n_process", [1, 2])
def test_batch_keep_going_yields_errors_in_place(
    monkeypatch: pytest.MonkeyPatch, n_process: int
) -> None:
    if n_process > 1:
        if "fork" not in multiprocessing.get_all_start_methods():
            pytest.skip("needs the fork start method")
        monkeypatch.setattr(batch, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(Extractor, "extract", _failing_extract)
    texts = [*TEXTS[:7], "boom", *TEXTS[7:]]
    results = list(
        batch.extract_encoded(
            texts,
            _entity_count,
            n_process=n_process,
            batch_size=3,
            extractor=Extractor(),
            keep_going=True,
        )
    )
    assert len(results) == len(texts)
    assert isinstance(results[7], DocumentError)
    assert results[7].index == 7
    others = [r for i, r in enumerate(results) if i != 7]
    assert others == [len(hzner.extract(text).entities) for text in TEXTS]


def _entity_count(facts: hzner.Facts) -> int:
    return len(facts.entities)


def test_batch_extract_records_failure_is_a_document_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # to_dict() runs inside the guard: Dask and Spark see DocumentError, never a bare error.
    def broken(self: hzner.Facts) -> dict[str, Any]:
        raise ArithmeticError("no")

    monkeypatch.setattr(hzner.Facts, "to_dict", broken)
    with pytest.raises(DocumentError, match=r"document 0 failed: ArithmeticError: no"):
        extract_records(["总投资5亿元"])
