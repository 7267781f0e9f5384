"""The hzner command with real corpora: encodings, bad documents, and an output that is safe."""

from __future__ import annotations

import csv
import decimal
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

import hzner
import hzner.cli
from hzner.cli import main
from tests.test_cli import _records, _run, _write

TITLES = [f"光谷投资{n}亿元" for n in range(1, 200)]


def _lines_with_bad_byte(path: Path, bad_line: int = 150) -> Path:
    lines = [title.encode("utf-8") for title in TITLES]
    lines[bad_line - 1] = b"\xff\xfe not utf-8"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.mark.parametrize(
    ("encoding", "codec"), [("gb18030", "gb18030"), ("auto", "gbk"), ("auto", "big5")]
)
@pytest.mark.parametrize("as_jsonl", [False, True])
def test_cli_encoding_reads_chinese_corpora(
    encoding: str,
    codec: str,
    as_jsonl: bool,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = "光谷投資5億元" if codec == "big5" else "光谷投资5亿元"
    if as_jsonl:
        path = tmp_path / "a.jsonl"
        path.write_bytes(json.dumps({"id": 1, "text": text}, ensure_ascii=False).encode(codec))
    else:
        path = tmp_path / "a.txt"
        path.write_bytes(text.encode(codec))
    code, out, err = _run(["extract", str(path), "--encoding", encoding], capsys)
    assert (code, err) == (0, "")
    [record] = _records(out)
    assert record["text"] == text
    assert record["entities"] == hzner.extract(text).to_dict()["entities"]


def test_cli_encoding_utf8_is_the_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("光谷投资5亿元".encode("gbk"))
    code, out, err = _run(["extract", str(path)], capsys)
    assert code == 1
    assert out == ""
    assert f"[E124] {path}: not UTF-8 text (byte 0xb9 at offset 0); try --encoding" in err
    code, _, err = _run(["extract", str(path), "--encoding", "nope"], capsys)
    assert code == 1
    assert "unknown encoding 'nope'" in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_bad_line_150_stop_names_it_and_keeps_149(
    jobs: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _lines_with_bad_byte(tmp_path / "titles.txt")
    out = tmp_path / "out.jsonl"
    out.write_text("the previous run\n", encoding="utf-8")
    code, _, err = _run(["extract", str(source), "--lines", "-o", str(out), "--jobs", jobs], capsys)
    assert code == 1
    assert f"{source}:150: not UTF-8 text" in err
    assert "[E128]" in err
    assert out.read_text(encoding="utf-8") == "the previous run\n"  # never half-replaced
    kept = _records(Path(f"{out}.partial").read_text(encoding="utf-8"))
    assert [record["line"] for record in kept] == list(range(1, 150))
    assert [r["text"] for r in kept] == TITLES[:149]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_bad_line_150_skip_writes_every_good_document(
    jobs: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _lines_with_bad_byte(tmp_path / "titles.txt")
    out = tmp_path / "out.jsonl"
    args = ["extract", str(source), "--lines", "-o", str(out), "--on-error", "skip", "-j", jobs]
    code, _, err = _run(args, capsys)
    assert code == 3
    records = _records(out.read_text(encoding="utf-8"))
    assert [r["line"] for r in records] == [n for n in range(1, 200) if n != 150]
    assert f"skipped [E124] {source}:150: not UTF-8 text" in err
    assert "[E127] 1 document(s) skipped" in err
    assert not Path(f"{out}.partial").exists()


def _bad_corpus(folder: Path) -> list[str]:
    """A folder of good and bad documents; the bad ones' expected messages."""
    _write(folder / "a.txt", "光谷投资5亿元")
    (folder / "b.txt").write_bytes("重庆高新区".encode("gbk"))
    lines = [
        json.dumps({"text": "总投资3亿元"}, ensure_ascii=False),
        "{broken",
        json.dumps({"body": "no text"}),
        "[" * 100_000,
        '{"text": "落户光谷\\ud800项目"}',
        json.dumps({"text": "厦门火炬高新区"}, ensure_ascii=False),
    ]
    _write(folder / "c.jsonl", "\n".join(lines) + "\n")
    return [
        "b.txt: not UTF-8 text",
        "c.jsonl:2: not valid JSON",
        "c.jsonl:3: expected an object with a str 'text'",
        "c.jsonl:4: not valid JSON: nested too deeply",
    ]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table", "html"])
def test_cli_skip_lists_every_bad_document(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    messages = _bad_corpus(tmp_path / "in")
    out = tmp_path / f"out.{fmt}"
    code, _, err = _run(
        ["extract", str(tmp_path / "in"), "-o", str(out), "--on-error", "skip"], capsys
    )
    assert code == 3
    skipped = [line for line in err.splitlines() if line.startswith("hzner: skipped")]
    if fmt == "html":  # only JSON can escape a lone surrogate; csv and table do not write it
        messages.append("c.jsonl:5: cannot be written as UTF-8 (a lone surrogate at offset 4 of")
    assert len(skipped) == len(messages)
    for line, message in zip(skipped, messages, strict=True):
        assert message in line
    assert "Traceback" not in err
    written = out.read_text(encoding="utf-8")
    for text in ("光谷", "3亿元" if fmt != "html" else "300000000 CNY", "厦门火炬高新区"):
        assert text in written
    if fmt == "jsonl":
        surrogate = json.loads(written.splitlines()[2])
        assert surrogate["text"] == "落户光谷\ud800项目"
        assert surrogate["entities"] == hzner.extract("落户光谷\ud800项目").to_dict()["entities"]


@pytest.mark.parametrize("fmt", ["jsonl", "html"])
def test_cli_stop_after_an_error_leaves_a_whole_output(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    _write(folder / "a.jsonl", '{"text": "光谷投资5亿元"}\n{"text": "重庆高新区"}\n{broken\n')
    code, out, err = _run(["extract", str(folder), "--format", fmt], capsys)
    assert code == 1
    assert f"{folder / 'a.jsonl'}:3: not valid JSON" in err
    if fmt == "html":  # a page closed after the two documents before the error
        assert out.startswith("<!DOCTYPE html>")
        assert out.rstrip().endswith("</html>")
        assert out.count("<figure") == 2
    else:
        assert [r["line"] for r in _records(out)] == [1, 2]


def test_cli_extraction_failure_names_the_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    original = hzner.Extractor.extract

    def failing(self: hzner.Extractor, text: str) -> hzner.Facts:
        if "boom" in text:
            raise ArithmeticError("too big")
        return original(self, text)

    monkeypatch.setattr(hzner.Extractor, "extract", failing)
    path = _write(tmp_path / "a.txt", "光谷\nboom\n重庆高新区\n")
    code, out, err = _run(["extract", str(path), "--lines"], capsys)
    assert code == 1
    assert f"[E125] {path}:2: extraction failed: ArithmeticError: too big" in err
    assert [r["line"] for r in _records(out)] == [1]
    code, out, err = _run(["extract", str(path), "--lines", "--on-error", "skip"], capsys)
    assert code == 3
    assert [r["line"] for r in _records(out)] == [1, 3]


def test_cli_a_bug_is_one_line_unless_debug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: Any) -> int:
        raise KeyError("internal")

    monkeypatch.setattr(hzner.cli, "extract", broken)
    path = _write(tmp_path / "a.txt", "光谷")
    code, _, err = _run(["extract", str(path)], capsys)
    assert code == 1
    assert err == "hzner: error: KeyError: 'internal' (--debug shows the traceback)\n"
    code, _, err = _run(["extract", str(path), "--debug"], capsys)
    assert code == 1
    assert "Traceback (most recent call last)" in err


def test_cli_refuses_to_overwrite_an_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "a.txt", "光谷投资5亿元\n")
    os.link(tmp_path / "a.txt", tmp_path / "hard.txt")
    for output in ("a.txt", "./a.txt", str(tmp_path / "a.txt"), "hard.txt"):
        code, _, err = _run(["extract", "a.txt", "-o", output], capsys)
        assert code == 1
        assert "[E121]" in err
        assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "光谷投资5亿元\n"


@pytest.mark.parametrize("output", ["d/out.jsonl", "d/sub/out.csv", "d/../d/new.jsonl"])
def test_cli_refuses_an_output_inside_an_input_folder(
    output: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "d" / "sub" / "a.txt", "光谷")
    code, _, err = _run(["extract", "d", "-o", output], capsys)
    assert code == 1
    assert "[E122]" in err
    assert sorted(p.name for p in (tmp_path / "d").rglob("*")) == ["a.txt", "sub"]


def test_cli_empty_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    _write(tmp_path / "empty" / "notes.md", "not read")
    code, out, err = _run(["extract", str(tmp_path / "empty")], capsys)
    assert code == 1
    assert out == ""
    assert f"[E123] {tmp_path / 'empty'}: no .txt, .jsonl or .ndjson file in this folder" in err


def test_cli_output_written_whole_and_leaves_no_temporary(
    tmp_path: Path, dev_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "facts.csv"
    out.parent.mkdir()
    assert main(["extract", str(dev_path), "-o", str(out)]) == 0
    assert os.listdir(out.parent) == ["facts.csv"]
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_cli_stop_before_any_document_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path / "a.jsonl", "{broken\n")
    out = tmp_path / "out.jsonl"
    code, _, err = _run(["extract", str(path), "-o", str(out)], capsys)
    assert code == 1
    assert "[E129]" in err
    assert os.listdir(tmp_path) == ["a.jsonl"]


def test_cli_csv_columns_follow_the_entities(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A field that a newer entity type adds shows up as a column without an edit here.
    original = hzner.Park.to_dict

    def with_city(self: hzner.Park) -> dict[str, Any]:
        return {**original(self), "city": "武汉"}

    monkeypatch.setattr(hzner.Park, "to_dict", with_city)
    path = _write(tmp_path / "a.txt", "总投资5亿元落户光谷")
    code, out, _ = _run(["extract", str(path), "--format", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert next(iter(rows[0])) == "doc"
    assert [(r["label"], r["city"]) for r in rows] == [("MONEY", ""), ("PARK", "武汉")]
    assert rows[0]["value"] == "500000000"


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("重庆高新区签约项目12个，总金额超300亿元。", "gbk"),
        ("中國（重慶）自由貿易試驗區簽約項目12個，總金額超過300億元。", "big5"),
        ("中國（重慶）自由貿易試驗區簽約項目12個，總金額超過300億元。", "gb18030"),
        ("臺北市政府經濟發展局表示", "big5"),
        ("光谷投资5亿元", "utf-8"),
    ],
)
def test_cli_auto_encoding_picks_the_one_that_reads(text: str, codec: str) -> None:
    from hzner.cli.documents import decode

    assert decode(text.encode(codec), "auto", "x.txt") == text


# One process: the failure is injected by monkeypatching, which worker
# processes do not see (huge amounts, the failure this once was, are now
# written exactly; test_cli_spacy_path_failure_names_the_document covers
# a failure inside a worker).
@pytest.mark.parametrize("jobs", ["1"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_cli_a_result_that_cannot_be_written_names_its_line(
    jobs: str,
    fmt: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # As a huge amount once did: to_dict() raises, in the worker that encodes the result.
    original = hzner.Money.to_dict

    def to_dict(self: hzner.Money) -> dict[str, Any]:
        if self.value is not None and self.value > 10**27:
            raise decimal.InvalidOperation([decimal.InvalidOperation])
        return original(self)

    monkeypatch.setattr(hzner.Money, "to_dict", to_dict)
    lines = ["投资5亿元"] * 40
    lines[33] = "投资10000000000000000000000000000元"
    path = _write(tmp_path / "a.txt", "\n".join(lines) + "\n")
    argv = ["extract", str(path), "--lines", "--format", fmt, "--jobs", jobs, "--on-error", "skip"]
    code, out, err = _run(argv, capsys)
    assert code == 3
    assert f"[E125] {path}:34: extraction failed: InvalidOperation" in err
    assert "Traceback" not in err
    expected = [f"{path}:{n}" for n in range(1, 41) if n != 34]
    if fmt == "csv":
        assert [row["doc"] for row in csv.DictReader(io.StringIO(out))] == expected
    else:
        assert [f"{r['source']}:{r['line']}" for r in _records(out)] == expected


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_spacy_path_failure_names_the_document(
    jobs: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import spacy.language

    original = spacy.language.Language.__call__

    def call(self: Any, text: str, **kwargs: Any) -> Any:
        if "boom" in text:
            raise ValueError("bad doc")
        return original(self, text, **kwargs)

    def pipe(self: Any, texts: Any, **kwargs: Any) -> Any:
        for text in texts:  # one process here, so that the patch holds
            yield call(self, text)

    monkeypatch.setattr(spacy.language.Language, "__call__", call)
    monkeypatch.setattr(spacy.language.Language, "pipe", pipe)
    path = _write(tmp_path / "a.txt", "光谷\nboom\n重庆高新区\n")
    argv = ["extract", str(path), "--lines", "--segmenter", "char", "--jobs", jobs]
    code, out, err = _run(argv, capsys)
    assert code == 1
    assert f"[E125] {path}:2: extraction failed: ValueError: bad doc" in err
    assert [r["line"] for r in _records(out)] == [1]
