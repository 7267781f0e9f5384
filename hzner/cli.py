"""The ``hzner`` command: extract, evaluate, download, info.

``hzner extract`` reads .txt files (a document each, or one a line with
``--lines``), .jsonl files (the text in ``--text-field``, the other fields
kept), directories (recursively) and stdin (``-``, or no path), and writes
jsonl, csv, a terminal table or an HTML page. Output goes out as the input
comes in, in input order, whatever ``--jobs`` is. See docs/cli.md.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import io
import json
import os
import sys
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import hzner

from .types import Facts

__all__ = ["main"]

FORMATS = ("jsonl", "csv", "table", "html")
SUFFIXES = {".csv": "csv", ".html": "html", ".htm": "html"}
JSONL = (".jsonl", ".ndjson")
READABLE = (".txt", *JSONL)
COLUMNS = (
    *("label", "start", "end", "text", "value", "high", "currency", "bound", "role"),
    *("currency_implied", "zone", "kind", "status", "investment", "park"),
)

Doc = tuple[dict[str, Any], str]  # (provenance and kept fields, text)


class CliError(Exception):
    """A problem with the input or the environment, reported as one line."""


def _files(paths: list[str]) -> Iterator[str]:
    for name in paths or ["-"]:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE)
            yield from (str(p) for p in sorted(found))
        elif name == "-" or path.is_file():
            yield name
        else:
            raise CliError(f"{name}: no such file or directory")


def _lines(handle: IO[str]) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(handle, start=1):
        yield number, line.rstrip("\r\n")


def _read(name: str, handle: IO[str], args: argparse.Namespace) -> Iterator[Doc]:
    as_jsonl = args.input_format == "jsonl" or (
        args.input_format == "auto" and Path(name).suffix.lower() in JSONL
    )
    if as_jsonl:
        for number, line in _lines(handle):
            if line.strip():
                yield _record(name, number, line, args.text_field)
    elif args.lines:
        for number, line in _lines(handle):
            if line.strip():
                yield {"source": name, "line": number}, line
    else:
        yield {"source": name}, handle.read()


def _object(name: str, number: int, line: str, fields: Mapping[str, type]) -> dict[str, Any]:
    """One JSONL record, with ``fields`` of the given types."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise CliError(f"{name}:{number}: not valid JSON: {error}") from error
    for field, kind in fields.items():
        if not isinstance(record, dict) or not isinstance(record.get(field), kind):
            raise CliError(f"{name}:{number}: expected an object with a {kind.__name__} {field!r}")
    return {"source": name, "line": number, **record}


def _record(name: str, number: int, line: str, field: str) -> Doc:
    record = _object(name, number, line, {field: str})
    text = record.pop(field)
    record.pop("entities", None)
    return record, text


def documents(args: argparse.Namespace) -> Iterator[Doc]:
    """Every document named on the command line, in order, read lazily."""
    for name in _files(args.paths):
        try:
            if name == "-":
                if isinstance(sys.stdin, io.TextIOWrapper):  # read as a file is read
                    sys.stdin.reconfigure(encoding="utf-8-sig", newline="")
                yield from _read(name, sys.stdin, args)
            else:
                with open(name, encoding="utf-8-sig", newline="") as handle:
                    yield from _read(name, handle, args)
        except UnicodeDecodeError as error:
            raise CliError(f"{name}: not UTF-8 text ({error.reason})") from error


def _name(meta: dict[str, Any]) -> str:
    if "id" in meta:
        return str(meta["id"])
    return meta["source"] if "line" not in meta else f"{meta['source']}:{meta['line']}"


def _jsonl(pairs: Iterable[tuple[dict[str, Any], Facts]]) -> Iterator[str]:
    for meta, facts in pairs:
        yield json.dumps({**meta, **facts.to_dict()}, ensure_ascii=False) + "\n"


def _csv(pairs: Iterable[tuple[dict[str, Any], Facts]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("doc", *COLUMNS))
    for meta, facts in pairs:
        for entity in facts.entities:
            record = entity.to_dict()
            writer.writerow(
                [_name(meta), *("" if record.get(c) is None else record[c] for c in COLUMNS)]
            )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _table(pairs: Iterable[tuple[dict[str, Any], Facts]]) -> Iterator[str]:
    from .html import describe

    for meta, facts in pairs:
        entities = facts.entities
        lines = [f"── {_name(meta)} ({len(entities)} entities)"]
        texts = [" ".join(entity.text.split()) for entity in entities]
        column = max(map(_width, texts), default=0)
        for entity, text in zip(entities, texts, strict=True):
            pad = " " * (column - _width(text))
            lines.append(f"  {entity.label:<8} {text}{pad}  {describe(entity)}")
        yield "\n".join(lines) + "\n\n"


def _html(pairs: Iterable[tuple[dict[str, Any], Facts]]) -> Iterator[str]:
    from .html import page

    return page(((_name(meta), facts) for meta, facts in pairs), title="hzner")


def _progress(items: Iterable[Any], quiet: bool) -> Iterable[Any]:
    """``items`` with a bar on stderr, if stderr is a terminal, not quiet, and tqdm is there."""
    if quiet or not sys.stderr.isatty():
        return items
    try:
        tqdm = importlib.import_module("tqdm").tqdm
    except ImportError:
        return items
    bar: Iterable[Any] = tqdm(items, unit="doc", file=sys.stderr, dynamic_ncols=True)
    return bar


def _facts(texts: Iterable[str], args: argparse.Namespace) -> Iterator[Facts]:
    if args.segmenter is None:
        return hzner.extract_many(texts, n_process=args.jobs)
    try:
        nlp = hzner.load(segmenter=args.segmenter)
    except Exception as error:
        hint = " (try `hzner download`)" if args.segmenter == "pkuseg" else ""
        raise CliError(f"could not load the {args.segmenter} segmenter: {error}{hint}") from error
    docs = nlp.pipe(texts, n_process=args.jobs)
    return (doc._.facts for doc in docs)


def _extract(args: argparse.Namespace, out: IO[str]) -> None:
    metas: deque[dict[str, Any]] = deque()
    failed: list[CliError] = []

    def texts() -> Iterator[Any]:
        try:
            for meta, text in documents(args):
                metas.append(meta)
                yield text
        except CliError as error:
            # Read ahead by the workers, a bad input must not cut off the
            # documents before it: it goes in as a non-text, which stops the
            # batch after their results, whatever --jobs is.
            failed.append(error)
            yield error

    pairs = ((metas.popleft(), facts) for facts in _progress(_facts(texts(), args), args.quiet))
    write = {"jsonl": _jsonl, "csv": _csv, "table": _table, "html": _html}[args.format]
    try:
        for piece in write(pairs):
            out.write(piece)
    except Exception:
        if failed:
            raise failed[0] from None
        raise


def _gold(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8-sig") as handle:
        fields = {"text": str, "entities": list}
        return [_object(path, n, line, fields) for n, line in _lines(handle) if line.strip()]


def _evaluate(args: argparse.Namespace, out: IO[str]) -> None:
    from .scoring import misses, report, score

    golds = _gold(args.paths[0])
    texts = (gold["text"] for gold in golds)
    facts = hzner.extract_many(texts, n_process=args.jobs)
    preds = [found.to_dict() for found in _progress(facts, args.quiet)]
    scores, errors = score(golds, preds), misses(golds, preds)
    for error in errors:
        error["doc"] = _name(golds[error["doc"]])
    if args.json:
        out.write(json.dumps({"scores": scores, "misses": errors}, ensure_ascii=False, indent=2))
        out.write("\n")
        return
    out.write(report(scores, errors))


def _segmenter_module() -> Any:
    try:
        return importlib.import_module("hzner.segmenter")
    except ModuleNotFoundError as error:
        if error.name != "hzner.segmenter":
            raise
        raise CliError(
            "the pkuseg model manager (hzner.segmenter) is not in this install"
        ) from error


def _download(args: argparse.Namespace, out: IO[str]) -> None:
    path = _segmenter_module().download(progress=not args.quiet and sys.stderr.isatty())
    out.write(f"pkuseg model: {path}\n")


def _info(args: argparse.Namespace, out: IO[str]) -> None:
    from .zones.gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    out.write(f"hzner {hzner.__version__}\n")
    out.write(f"rules data: {Path(hzner.__file__).parent / 'data'}\n")
    out.write(f"gazetteer: {len(gazetteer)} zones, {len(gazetteer.forms())} forms\n")
    segmenter = _segmenter_module()
    if hasattr(segmenter, "data_dir"):
        out.write(f"data directory: {segmenter.data_dir()}\n")
    for key, value in segmenter.model_info().items():
        out.write(f"pkuseg {key}: {value}\n")


def _jobs(value: str) -> int:
    number = int(value)
    if number < 1 and number != -1:
        raise argparse.ArgumentTypeError(f"expected a positive number or -1, got {value}")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hzner", description="Typed facts from Chinese economic news."
    )
    parser.add_argument("--version", action="version", version=f"hzner {hzner.__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract = commands.add_parser("extract", help="find money, parks and projects in texts")
    extract.add_argument(
        "paths", nargs="*", metavar="PATH", help=".txt, .jsonl, directory, or - for stdin"
    )
    extract.add_argument("-o", "--output", metavar="OUT", help="write here (default: stdout)")
    extract.add_argument("--format", choices=FORMATS, help="default: from OUT's suffix, else jsonl")
    extract.add_argument("--lines", action="store_true", help="text input: one document a line")
    extract.add_argument("--text-field", default="text", metavar="NAME", help="jsonl: the text")
    extract.add_argument(
        "--input-format", choices=("auto", "text", "jsonl"), default="auto", help="auto: by suffix"
    )
    extract.add_argument("--segmenter", choices=("char", "pkuseg"), help="run the spaCy pipeline")
    evaluate = commands.add_parser("evaluate", help="score hzner against a gold JSONL file")
    evaluate.add_argument("paths", nargs=1, metavar="GOLD.jsonl")
    evaluate.add_argument("--json", action="store_true", help="scores and misses as JSON")
    for command in (extract, evaluate):
        command.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help="processes")
        command.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    commands.add_parser("download", help="download the pkuseg model").add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar"
    )
    commands.add_parser("info", help="version, data, models, gazetteer")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``hzner`` command; returns the exit status (0 ok, 1 error, 2 usage)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2
    if args.command == "extract" and args.format is None:
        args.format = SUFFIXES.get(Path(args.output or "").suffix.lower(), "jsonl")
    command = {"extract": _extract, "evaluate": _evaluate, "download": _download, "info": _info}
    try:
        if getattr(args, "output", None):
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                command[args.command](args, out)
        else:
            command[args.command](args, sys.stdout)
            sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except (CliError, hzner.HznerError, OSError) as error:
        print(f"hzner: error: {error}", file=sys.stderr)
        return 1
    return 0
