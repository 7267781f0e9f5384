"""Reading the command line's inputs: files, folders and stdin, one document at a time.

Files are read as bytes and decoded one document at a time (a whole .txt
file, or one line of a ``--lines`` or JSONL file), so that a bad byte on
line 150 is an error about line 150, after the 149 documents before it.
A problem with one document is yielded in its place as a `CliError` that
names the file and line; the caller decides whether to skip it or stop.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import Errors

__all__ = ["CliError", "Document", "count", "decode", "documents", "files", "where"]

JSONL = (".jsonl", ".ndjson")
READABLE = (".txt", *JSONL)
ENCODINGS = {"auto": ("utf-8", "gb18030", "big5")}
_BOM = b"\xef\xbb\xbf"


class CliError(Exception):
    """A problem with the input, the output or the environment, reported as one line."""


@dataclass(frozen=True, slots=True)
class Document:
    """One document: where it came from (and the record's other fields), and its text."""

    meta: dict[str, Any]
    text: str


def where(meta: Mapping[str, Any]) -> str:
    """``file:line``, or ``file`` for a whole-file document."""
    source = str(meta["source"])
    return source if "line" not in meta else f"{source}:{meta['line']}"


def files(paths: list[str]) -> Iterator[str | CliError]:
    """The files named on the command line, folders read recursively in sorted order.

    A path that is missing, or a folder with nothing to read, is a `CliError` in its place.
    """
    for name in paths or ["-"]:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _readable(p))
            if not found:
                yield CliError(Errors.E123.format(folder=name))
            yield from (str(p) for p in found)
        elif name == "-" or path.is_file():
            yield name
        else:
            yield CliError(f"{name}: no such file or directory")


def _readable(path: Path) -> bool:
    return path.suffix.lower() in READABLE


def decode(data: bytes, encoding: str, where: str) -> str:
    """``data`` as text in ``encoding`` (``auto``: UTF-8, then GB18030, then Big5).

    UTF-8 is strict enough to trust when it decodes; GB18030 decodes almost
    any bytes, Big5's among them, so of the two the one whose text reads as
    Chinese wins (GB18030 on a tie).
    """
    names = ENCODINGS.get(encoding, (encoding,))
    failure: UnicodeDecodeError | None = None
    decoded: list[str] = []
    for name in names:
        try:
            text = data.decode(name)
        except UnicodeDecodeError as error:
            failure = failure or error
            continue
        except LookupError as error:
            raise CliError(f"unknown encoding {encoding!r}") from error
        if name == "utf-8" or len(names) == 1:
            return text
        decoded.append(text)
    if decoded:
        return min(decoded, key=_implausible)  # min() keeps the first of equals
    assert failure is not None
    return _undecodable(failure, names, where)


def _implausible(text: str, sample: int = 4096) -> int:
    """How many characters of ``text`` (its start) are unlikely in Chinese news.

    Plausible: ASCII, punctuation and full-width forms, and the Han characters
    of GB2312 (simplified) or Big5 (traditional); a wrong decoding gives
    rare Han characters, kana and symbols instead.
    """
    count = 0
    for char in text[:sample]:
        code = ord(char)
        if code < 0x80 or 0x2000 <= code < 0x2070 or 0x3000 <= code < 0x3040:
            continue
        if 0xFF00 <= code < 0xFFF0 or char.isspace():
            continue
        if 0x4E00 <= code < 0xA000 and (_encodes(char, "gb2312") or _encodes(char, "big5")):
            continue
        count += 1
    return count


def _encodes(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _undecodable(failure: UnicodeDecodeError, names: tuple[str, ...], where: str) -> str:
    byte = f"0x{failure.object[failure.start]:02x}"
    encodings = " or ".join(name.upper() for name in names)
    message = Errors.E124.format(where=where, encodings=encodings, byte=byte, offset=failure.start)
    raise CliError(message)


def _as_jsonl(name: str, args: argparse.Namespace) -> bool:
    kind: str = args.input_format
    return kind == "jsonl" or (kind == "auto" and Path(name).suffix.lower() in JSONL)


def _lines(handle: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    for number, line in enumerate(handle, start=1):
        if number == 1 and line.startswith(_BOM):
            line = line[len(_BOM) :]
        yield number, line.rstrip(b"\r\n")


def _read(name: str, handle: IO[bytes], args: argparse.Namespace) -> Iterator[Document | CliError]:
    if not (args.lines or _as_jsonl(name, args)):
        data = handle.read()
        if data.startswith(_BOM):
            data = data[len(_BOM) :]
        try:
            yield Document({"source": name}, decode(data, args.encoding, name))
        except CliError as error:
            yield error
        return
    jsonl = _as_jsonl(name, args)
    for number, raw in _lines(handle):
        try:
            line = decode(raw, args.encoding, f"{name}:{number}")
            if not line.strip():
                continue
            if jsonl:
                yield record(name, number, line, args.text_field)
            else:
                yield Document({"source": name, "line": number}, line)
        except CliError as error:
            yield error


def parse_object(name: str, number: int, line: str, fields: Mapping[str, type]) -> dict[str, Any]:
    """One JSONL record, with ``fields`` of the given types, or a `CliError` naming its line."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise CliError(f"{name}:{number}: not valid JSON: {error}") from error
    except RecursionError as error:
        raise CliError(f"{name}:{number}: not valid JSON: nested too deeply") from error
    for field, kind in fields.items():
        if not isinstance(data, dict) or not isinstance(data.get(field), kind):
            raise CliError(f"{name}:{number}: expected an object with a {kind.__name__} {field!r}")
    return {"source": name, "line": number, **data}


def record(name: str, number: int, line: str, field: str) -> Document:
    """The document of one JSONL line: its text field, and its other fields kept."""
    data = parse_object(name, number, line, {field: str})
    text = data.pop(field)
    data.pop("entities", None)
    return Document(data, text)


def _stdin() -> IO[bytes]:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer  # type: ignore[no-any-return]
    return io.BytesIO(sys.stdin.read().encode("utf-8", "surrogatepass"))  # a test's StringIO


def documents(args: argparse.Namespace) -> Iterator[Document | CliError]:
    """Every document named on the command line, in order, read lazily.

    A file that cannot be opened or read is a `CliError` in its place.
    """
    for name in files(args.paths):
        if isinstance(name, CliError):
            yield name
            continue
        if name == "-":
            yield from _read(name, _stdin(), args)
            continue
        try:
            with open(name, "rb") as handle:
                yield from _read(name, handle, args)
        except OSError as error:
            yield CliError(f"{name}: {error.strerror or error}")


def count(args: argparse.Namespace) -> int | None:
    """How many documents the input holds, if that is cheap to know (no stdin), else None."""
    total = 0
    for name in files(args.paths):
        if isinstance(name, CliError):
            continue
        if name == "-":
            return None
        if not (args.lines or _as_jsonl(name, args)):
            total += 1
            continue
        try:
            with open(name, "rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            return None
    return total
