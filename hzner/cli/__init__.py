"""The ``hzner`` command: extract, evaluate, download, info.

``hzner extract`` reads .txt files (a document each, or one a line with
``--lines``), .jsonl files (the text in ``--text-field``, the other fields
kept), directories (recursively) and stdin (``-``, or no path), and writes
jsonl, csv, a terminal table or an HTML page. Output goes out as the input
comes in, in input order, whatever ``--jobs`` is. See docs/cli.md.

The parts: `documents` reads the input, `formats` writes each format,
`output` guards and writes the output file, `extract` runs the command.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import traceback
from pathlib import Path
from typing import IO, Any

import hzner

from .documents import CliError, parse_object
from .extract import extract
from .formats import FORMATS, doc_name
from .output import AtomicOutput, check_output

__all__ = ["CliError", "main"]

SUFFIXES = {".csv": "csv", ".html": "html", ".htm": "html"}


def _progress(items: Any, quiet: bool) -> Any:
    """``items`` with a bar on stderr, if stderr is a terminal, not quiet, and tqdm is there."""
    if quiet or not sys.stderr.isatty():
        return items
    try:
        tqdm = importlib.import_module("tqdm").tqdm
    except ImportError:
        return items
    return tqdm(items, unit="doc", file=sys.stderr, dynamic_ncols=True, total=len(items))


def _gold(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8-sig") as handle:
        fields = {"text": str, "entities": list}
        lines = enumerate((line.rstrip("\r\n") for line in handle), start=1)
        return [parse_object(path, n, line, fields) for n, line in lines if line.strip()]


def _evaluate(args: argparse.Namespace, out: IO[str]) -> None:
    from ..scoring import misses, report, score

    golds = _gold(args.paths[0])
    texts = [gold["text"] for gold in golds]
    facts = hzner.extract_many(_progress(texts, args.quiet), n_process=args.jobs)
    preds = [found.to_dict() for found in facts]
    scores, errors = score(golds, preds), misses(golds, preds)
    for error in errors:
        error["doc"] = doc_name(golds[error["doc"]])
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
    from ..zones.gazetteer import Gazetteer

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
    extract.add_argument(
        "--encoding",
        default="utf-8",
        metavar="NAME",
        help="of .txt and .jsonl input (default utf-8; auto: UTF-8, then GB18030, then Big5)",
    )
    extract.add_argument(
        "--on-error",
        choices=("stop", "skip"),
        default="stop",
        help="a bad document: stop there (default), or skip it, list it and go on",
    )
    evaluate = commands.add_parser("evaluate", help="score hzner against a gold JSONL file")
    evaluate.add_argument("paths", nargs=1, metavar="GOLD.jsonl")
    evaluate.add_argument("--json", action="store_true", help="scores and misses as JSON")
    for command in (extract, evaluate):
        command.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help="processes")
        command.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
        command.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    commands.add_parser("download", help="download the pkuseg model").add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar"
    )
    commands.add_parser("info", help="version, data, models, gazetteer")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``hzner`` command; returns the exit status.

    0 ok, 1 error, 2 usage, 3 (``extract --on-error skip``) done with documents skipped.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2
    try:
        return _run(args)
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("hzner: interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        if getattr(args, "debug", False):
            traceback.print_exc()
        if isinstance(error, (CliError, hzner.HznerError, OSError)):
            print(f"hzner: error: {error}", file=sys.stderr)
        else:  # a bug of hzner's own: one line, and how to see more
            line = f"{type(error).__name__}: {error}".splitlines()[0]
            print(f"hzner: error: {line} (--debug shows the traceback)", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "extract":
        if args.format is None:
            args.format = SUFFIXES.get(Path(args.output or "").suffix.lower(), "jsonl")
        if not args.output:
            code = extract(args, sys.stdout, None)
            sys.stdout.flush()
            return code
        check_output(args.output, args.paths)  # before anything is opened for writing
        target = AtomicOutput(args.output)
        try:
            code = extract(args, target.file, target)
        except BaseException:
            target.discard()
            raise
        if code != 1:
            target.commit()
        return code
    command = {"evaluate": _evaluate, "download": _download, "info": _info}[args.command]
    command(args, sys.stdout)
    sys.stdout.flush()
    return 0
