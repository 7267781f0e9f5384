"""``hzner extract``: documents in, one output, in input order, whatever ``--jobs`` is.

Every problem is about one document and names it (file, and line for
``--lines`` and JSONL): a byte that does not decode, a line that is not
JSON, an extraction that fails, a result that cannot be written. With
``--on-error stop`` (the default) the first one ends the run after the
documents before it; with ``--on-error skip`` each is listed on stderr and
the run goes on.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from ..batch import extract_encoded
from ..errors import DocumentError, Errors
from .documents import CliError, Document, count, documents, where
from .formats import FORMATS, Format
from .output import AtomicOutput

__all__ = ["extract"]


class _Progress:
    """A tqdm bar on stderr when it is a terminal and not ``--quiet``; else nothing."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.bar: Any = None
        if args.quiet or not sys.stderr.isatty():
            return
        try:
            tqdm = importlib.import_module("tqdm").tqdm
        except ImportError:
            return
        total = count(args)  # a total (and so an ETA) when the input size is cheap to know
        self.bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)

    def update(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _detail(error: Exception) -> str:
    """What went wrong with one document, without the batch's own index."""
    if isinstance(error, DocumentError):
        return "extraction failed: " + str(error).split(" failed: ", 1)[-1]
    return f"{type(error).__name__}: {error}"


def _surrogate(text: str) -> str:
    for offset, char in enumerate(text):
        if "\ud800" <= char <= "\udfff":
            return f"a lone surrogate at offset {offset} of the text"
    return "a character that UTF-8 cannot hold"


def _spacy(args: argparse.Namespace, encode: Callable[[Any], Any]) -> Callable[..., Any]:
    from .. import load

    try:
        nlp = load(segmenter=args.segmenter)
    except Exception as error:
        hint = " (try `hzner download`)" if args.segmenter == "pkuseg" else ""
        raise CliError(f"could not load the {args.segmenter} segmenter: {error}{hint}") from error

    def run(texts: Iterable[str], keep_going: bool) -> Iterator[Any]:
        if args.jobs != 1:  # spaCy's own processes: a failure ends the run
            done = 0
            try:
                for doc in nlp.pipe(texts, n_process=args.jobs):
                    yield encode(doc._.facts)
                    done += 1
            except Exception as error:
                raise DocumentError(done, f"{type(error).__name__}: {error}") from error
            return
        for index, text in enumerate(texts):
            try:
                yield encode(nlp(text)._.facts)
            except Exception as error:
                failure = DocumentError(index, f"{type(error).__name__}: {error}")
                if not keep_going:
                    raise failure from error
                yield failure

    return run


def extract(args: argparse.Namespace, out: IO[str], target: AtomicOutput | None) -> int:
    """Run ``hzner extract``; returns the exit status (0; 1 stopped; 3 documents skipped).

    ``target`` is the file behind ``out`` (None for stdout); it is committed
    by the caller on 0 and 3, and here set aside as ``.partial`` on 1.
    """
    fmt: Format = FORMATS[args.format]()
    skip = args.on_error == "skip"
    pending: deque[Document] = deque()
    skipped: list[str] = []
    stopped: list[CliError] = []
    progress = _Progress(args)
    run = _spacy(args, fmt.encode) if args.segmenter else None

    def fail(message: str) -> None:
        if not skip:
            stopped.append(CliError(message))
            raise stopped[-1]
        skipped.append(message)
        progress.say(f"hzner: skipped {message}")
        progress.update()

    def texts() -> Iterator[str]:
        for item in documents(args):
            if isinstance(item, CliError):
                if not skip:
                    stopped.append(item)
                    return  # the documents before it are written first
                fail(str(item))
                continue
            pending.append(item)
            yield item.text

    if run is None:
        results = extract_encoded(texts(), fmt.encode, n_process=args.jobs, keep_going=True)
    else:
        results = run(texts(), skip)
    written = 0
    out.write(fmt.head())
    try:
        for result in results:
            doc = pending.popleft()
            if isinstance(result, Exception):
                fail(Errors.E125.format(where=where(doc.meta), detail=_detail(result)))
                continue
            try:
                piece = fmt.body(doc.meta, doc.text, result, written)
            except UnicodeEncodeError:
                fail(Errors.E126.format(where=where(doc.meta), detail=_surrogate(doc.text)))
                continue
            except Exception as error:
                fail(Errors.E125.format(where=where(doc.meta), detail=_detail(error)))
                continue
            out.write(piece)
            written += 1
            progress.update()
    except CliError as error:
        if error not in stopped:  # raised by fail(): already there
            stopped.append(error)
    except DocumentError as error:  # a worker died, or spaCy's pipe failed: at the next document
        place = where(pending[0].meta) if pending else "the input"
        stopped.append(CliError(Errors.E125.format(where=place, detail=_detail(error))))
    finally:
        close = getattr(results, "close", None)
        if close is not None:  # stop the workers now, not when the generator is collected
            close()
        progress.close()
        out.write(fmt.tail())  # a page is closed, the csv rows written, even after an error
    if stopped:
        return _stop(stopped[0], target, written)
    if skipped:
        print(f"hzner: {Errors.E127.format(count=len(skipped))}", file=sys.stderr)
        return 3
    return 0


def _stop(error: CliError, target: AtomicOutput | None, written: int) -> int:
    print(f"hzner: error: {error}", file=sys.stderr)
    if target is not None:
        if written:
            partial = target.keep_partial()
            note = Errors.E128.format(output=target.path, count=written, partial=partial)
        else:
            target.discard()
            note = Errors.E129.format(output=target.path)
        print(f"hzner: {note}", file=sys.stderr)
    return 1
