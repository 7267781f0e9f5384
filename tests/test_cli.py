"""The hzner command: inputs, formats, --jobs, evaluate, info, download, progress."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

import hzner
from hzner.cli import main
from hzner.scoring import score


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _records(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_cli_extract_dev_set_agrees_with_extract(
    dev_path: Path, dev_docs: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(["extract", str(dev_path)], capsys)
    assert code == 0
    assert err == ""
    records = _records(out)
    assert len(records) == len(dev_docs)
    for number, (record, doc) in enumerate(zip(records, dev_docs, strict=True), start=1):
        assert record == {
            "source": str(dev_path),
            "line": number,
            "id": doc["id"],
            "source_offset": doc["source_offset"],
            **hzner.extract(doc["text"]).to_dict(),
        }


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table", "html"])
def test_cli_extract_jobs_2_is_byte_identical(
    fmt: str, dev_docs: list[dict[str, Any]], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps(doc, ensure_ascii=False) for doc in dev_docs] * 12  # 72 docs, 3 chunks
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.{fmt}"
        assert main(["extract", str(corpus), "-o", str(out), "--format", fmt, "--jobs", jobs]) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_extract_bad_line_keeps_what_came_before(
    jobs: str, dev_docs: list[dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [json.dumps(doc, ensure_ascii=False) for doc in dev_docs] * 12
    lines[40] = "{broken"
    corpus = _write(tmp_path / "corpus.jsonl", "\n".join(lines) + "\n")
    code, out, err = _run(["extract", str(corpus), "--jobs", jobs], capsys)
    assert code == 1
    assert f"{corpus}:41: not valid JSON" in err
    assert [record["line"] for record in _records(out)] == list(range(1, 41))


def test_cli_extract_html_of_the_dev_page(
    dev_path: Path, dev_docs: list[dict[str, Any]], tmp_path: Path
) -> None:
    out = tmp_path / "dev.html"
    assert main(["extract", str(dev_path), "-o", str(out)]) == 0  # format from the suffix
    markup = out.read_text(encoding="utf-8")
    assert markup.startswith("<!DOCTYPE html>")
    parks = 0
    for doc in dev_docs:
        facts = hzner.extract(doc["text"])
        parks += len(facts.parks)
        assert all(
            f"{money.to_dict()['value']} {money.currency}" in markup for money in facts.money
        )
    assert markup.count(">PARK</span>") == parks > 0


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("files", "args", "expected"),
    [
        ({"a.txt": "光谷投资5亿元\n"}, ["a.txt"], [("a.txt", None, "光谷投资5亿元\n")]),
        (
            {"a.txt": "光谷\r\n\r\n重庆高新区"},
            ["a.txt", "--lines"],
            [("a.txt", 1, "光谷"), ("a.txt", 3, "重庆高新区")],
        ),
        (
            {"d/b.txt": "光谷", "d/sub/a.jsonl": '{"id": 7, "body": "5亿元"}\n', "d/x.md": "no"},
            ["d", "--text-field", "body"],
            [("d/b.txt", None, "光谷"), ("d/sub/a.jsonl", 1, "5亿元")],
        ),
    ],
)
def test_cli_extract_inputs(
    files: dict[str, str],
    args: list[str],
    expected: list[tuple[str, int | None, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in files.items():
        _write(tmp_path / name, text)
    code, out, _ = _run(["extract", *args], capsys)
    assert code == 0
    records = _records(out)
    assert [(Path(r["source"]).as_posix(), r.get("line"), r["text"]) for r in records] == expected
    assert all(r["entities"] == hzner.extract(r["text"]).to_dict()["entities"] for r in records)


@pytest.mark.parametrize(
    ("stdin", "args", "texts"),
    [
        ("光谷投资5亿元\n重庆高新区\n", [], ["光谷投资5亿元\n重庆高新区\n"]),
        ("光谷投资5亿元\n重庆高新区\n", ["-", "--lines"], ["光谷投资5亿元", "重庆高新区"]),
        ('{"text": "光谷", "k": 1}\n', ["--input-format", "jsonl"], ["光谷"]),
    ],
)
def test_cli_extract_stdin(
    stdin: str,
    args: list[str],
    texts: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code, out, _ = _run(["extract", *args], capsys)
    assert code == 0
    assert [record["text"] for record in _records(out)] == texts
    assert all(record["source"] == "-" for record in _records(out))


def test_cli_extract_csv_one_row_per_entity(
    dev_path: Path, dev_docs: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(["extract", str(dev_path), "--format", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = [
        (doc["id"], entity.label, str(entity.start), entity.text)
        for doc in dev_docs
        for entity in hzner.extract(doc["text"]).entities
    ]
    assert [(r["doc"], r["label"], r["start"], r["text"]) for r in rows] == expected


def test_cli_extract_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _write(
        tmp_path / "a.txt", "总投资510.2亿元的天马第6代柔性AMOLED生产线项目落户厦门火炬高新区。"
    )
    code, out, _ = _run(["extract", str(path), "--format", "table"], capsys)
    assert code == 0
    assert "(3 entities)" in out
    assert "MONEY" in out
    assert "51020000000 CNY · investment" in out
    assert "厦门火炬高技术产业开发区 · high_tech_zone" in out


def test_cli_extract_char_segmenter_same_facts(
    dev_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, fast, _ = _run(["extract", str(dev_path)], capsys)
    code, spacy_out, _ = _run(["extract", str(dev_path), "--segmenter", "char"], capsys)
    assert code == 0
    assert spacy_out == fast


@pytest.mark.parametrize(
    ("content", "args", "code", "message"),
    [
        (None, ["missing.txt"], 1, "missing.txt: no such file or directory"),
        ("{not json\n", ["x.jsonl"], 1, "x.jsonl:1: not valid JSON"),
        ('{"body": "光谷"}\n', ["x.jsonl"], 1, "x.jsonl:1: expected an object with a str 'text'"),
        ("光谷", ["x.txt", "--jobs", "0"], 2, "expected a positive number or -1"),
        ("光谷", ["x.txt", "--format", "xml"], 2, "invalid choice"),
    ],
)
def test_cli_extract_errors(
    content: str | None,
    args: list[str],
    code: int,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    if content is not None:
        _write(tmp_path / args[0], content)
    status, _, err = _run(["extract", *args], capsys)
    assert status == code
    assert message in err


def test_cli_extract_bad_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("光谷".encode("gbk"))
    status, _, err = _run(["extract", str(path)], capsys)
    assert status == 1
    assert "not UTF-8" in err


def test_cli_evaluate_scores_and_misses(
    dev_docs: list[dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_money = [d for d in dev_docs if any(e["label"] == "MONEY" for e in d["entities"])]
    golds = json.loads(json.dumps([with_money[0], dev_docs[0]]))
    money = next(e for e in golds[0]["entities"] if e["label"] == "MONEY")
    money["value"] = "1"
    dropped = golds[1]["entities"].pop(0)
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in golds) + "\n")
    code, out, _ = _run(["evaluate", str(gold_path), "--json"], capsys)
    assert code == 0
    report = json.loads(out)
    preds = [hzner.extract(gold["text"]).to_dict() for gold in golds]
    assert report["scores"] == score(golds, preds)
    kinds = {(m["doc"], m["kind"], m["start"]) for m in report["misses"]}
    assert (golds[0]["id"], "value", money["start"]) in kinds
    assert (golds[1]["id"], "spurious", dropped["start"]) in kinds
    code, text, _ = _run(["evaluate", str(gold_path)], capsys)
    assert code == 0
    assert text.splitlines()[0].split()[:4] == ["label", "P", "R", "F1"]
    assert "value: gold '1'" in text
    assert "spurious" in text


def _fake_segmenter(tmp_path: Path) -> types.ModuleType:
    module = types.ModuleType("hzner.segmenter")

    def download(*, progress: bool = True) -> Path:
        return tmp_path / "pkuseg"

    module.download = download  # type: ignore[attr-defined]
    module.data_dir = lambda: tmp_path  # type: ignore[attr-defined]
    module.model_info = lambda: {"present": True, "path": str(tmp_path)}  # type: ignore[attr-defined]
    return module


def test_cli_info_and_download(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "hzner.segmenter", _fake_segmenter(tmp_path))
    code, out, _ = _run(["info"], capsys)
    assert code == 0
    assert f"hzner {hzner.__version__}" in out
    assert f"data directory: {tmp_path}" in out
    assert "rules data:" in out
    assert "pkuseg present: True" in out
    assert "gazetteer:" in out
    assert " zones, " in out
    code, out, _ = _run(["download", "--quiet"], capsys)
    assert code == 0
    assert str(tmp_path / "pkuseg") in out


@pytest.mark.parametrize("command", ["info", "download"])
def test_cli_without_segmenter_module_says_so(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "hzner.segmenter", None)
    code, _, err = _run([command], capsys)
    assert code == 1
    assert "hzner.segmenter" in err
    assert "not in this install" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("tty", "quiet", "tqdm", "bar"),
    [
        (True, False, True, True),
        (True, True, True, False),
        (False, False, True, False),
        (True, False, False, False),
    ],
)
def test_cli_progress_bar_only_on_a_terminal(
    tty: bool,
    quiet: bool,
    tqdm: bool,
    bar: bool,
    dev_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stderr = _Terminal() if tty else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    if not tqdm:
        monkeypatch.setitem(sys.modules, "tqdm", None)
    code = main(["extract", str(dev_path), *(["--quiet"] if quiet else [])])
    assert code == 0
    assert len(_records(capsys.readouterr().out)) == 6
    # The input size is known: the bar has a total (and so an ETA).
    assert ("6/6" in stderr.getvalue()) is bar


def test_cli_progress_bar_without_a_total_on_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stderr = _Terminal()
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.setattr(sys, "stdin", io.StringIO("光谷\n重庆高新区\n"))
    assert main(["extract", "--lines"]) == 0
    assert len(_records(capsys.readouterr().out)) == 2
    assert "2doc" in stderr.getvalue().replace(" ", "")
    assert "/2" not in stderr.getvalue()


def test_cli_python_m_hzner(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hzner", "extract", "--lines", "--format", "csv"],
        input="光谷投资5亿元\n".encode(),
        capture_output=True,
        check=True,
    )
    rows = list(csv.reader(io.StringIO(done.stdout.decode("utf-8"))))
    assert [row[1] for row in rows] == ["label", "PARK", "MONEY"]


@pytest.mark.parametrize(("argv", "code"), [(["--version"], 0), ([], 2), (["nope"], 2)])
def test_cli_usage(argv: list[str], code: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == code
