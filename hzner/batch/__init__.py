"""Many texts, in order, in one process or several.

`extract_many` yields one `Facts` per text, in the order of the input, and
never drops or shifts a document: a text that is not a str raises
``TypeError`` (``[E031]``) and a text whose extraction fails raises
`DocumentError`, both naming the index, after every earlier result has been
yielded. With ``n_process > 1`` the texts go to worker processes in chunks
of ``batch_size``; each worker builds hzner's default `Extractor` once (or
the caller's, from its rules), and at most two chunks per worker are in
flight, so memory stays bounded however long the input.

Workers send results back in a compact form (`pack`, rebuilt by `unpack`;
see `hzner.batch.compact`), or only what the caller's encoder makes of them
(`extract_encoded`).

`worker_extractor` and `extract_records` are the same once-per-process
pattern for other engines (`hzner.dask`, Spark's ``mapInPandas``).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Generic, NoReturn, TypeVar, cast

from ..errors import DocumentError, Errors
from ..extractor import Extractor
from ..rules import RuleSet
from ..types import Facts
from .compact import pack, unpack

__all__ = [
    "DocumentError",
    "check_texts",
    "extract_encoded",
    "extract_many",
    "extract_records",
    "pack",
    "unpack",
    "worker_extractor",
]

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_BATCH_SIZE = 32


class _RemoteTraceback(Exception):
    def __init__(self, text: str) -> None:
        super().__init__(text)

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True, slots=True)
class _Failure:
    """What a worker sends back in place of the `Facts` of a document that failed."""

    index: int
    error: str
    trace: str
    not_text: bool = False


_lock = threading.Lock()
_worker: Extractor | None = None


def worker_extractor() -> Extractor:
    """The extractor of the current process, with hzner's default rules, built once.

    It is built and warmed up (its lexicons compiled) at the first call,
    under a lock, so threads sharing a process never build it twice.
    """
    global _worker
    if _worker is None:
        with _lock:
            if _worker is None:
                _worker = _compiled(Extractor())
    return _worker


# One sentence with an amount, a linked park and a project: extracting it
# compiles what the recognizers otherwise compile lazily, at their first text.
_WARM_UP = (
    "总投资510.2亿元的天马第6代柔性AMOLED生产线项目落户厦门火炬高新区,"
    "光谷经济总量超1876亿元,重庆西永综保区签约项目12个。"
)


def _compiled(extractor: Extractor) -> Extractor:
    extractor.extract(_WARM_UP)
    return extractor


def _init_worker(rules: RuleSet | None, yuan: str | None) -> None:
    """Build the worker's extractor before its first chunk (kept if inherited by fork)."""
    global _worker
    if rules is None:
        worker_extractor()
    else:
        _worker = _compiled(Extractor.from_ruleset(rules, yuan=yuan))


def check_texts(texts: object, func: str) -> None:
    """Raise the TypeError users expect when ``texts`` is one text, not an iterable of texts.

    A str is an iterable of characters: taken as texts, it would silently
    give one result per character.
    """
    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError(Errors.E120.format(func=func, type=type(texts).__name__))


def _same(facts: Facts) -> Facts:
    return facts


def _payload(text: str, payload: T) -> T:
    return payload


@dataclass(frozen=True)
class _Codec(Generic[T, R]):
    """How results travel: ``remote`` in a worker, ``decode`` back here; ``local`` in-process."""

    remote: Callable[[Facts], T]
    decode: Callable[[str, T], R]
    local: Callable[[Facts], R]


_FACTS: _Codec[tuple[Any, ...], Facts] = _Codec(pack, unpack, _same)


def _check(value: object, index: int) -> str | _Failure:
    if isinstance(value, str):
        return value
    kind = type(value).__name__
    return _Failure(
        index, Errors.E031.format(what="extract_many", type=kind, index=index), "", True
    )


def _run_chunk(
    start: int, texts: list[str | _Failure], encode: Callable[[Facts], T]
) -> list[T | _Failure]:
    """A worker's task: the encoded results of ``texts``, the first of which has index ``start``."""
    extractor = worker_extractor()
    results: list[T | _Failure] = []
    for index, text in enumerate(texts, start):
        if isinstance(text, _Failure):
            results.append(text)
            continue
        try:
            results.append(encode(extractor.extract(text)))
        except Exception as error:
            failure = f"{type(error).__name__}: {error}"
            results.append(_Failure(index, failure, traceback.format_exc()))
    return results


def _error(failure: _Failure) -> Exception:
    if failure.not_text:
        return TypeError(failure.error)
    error = DocumentError(failure.index, failure.error)
    error.__cause__ = _RemoteTraceback(failure.trace)
    return error


def _raise(failure: _Failure) -> NoReturn:
    raise _error(failure)


def _chunks(texts: Iterable[object], size: int) -> Iterator[tuple[int, list[str | _Failure]]]:
    iterator = iter(texts)
    start = 0
    while chunk := list(itertools.islice(iterator, size)):
        yield start, [_check(text, start + i) for i, text in enumerate(chunk)]
        start += len(chunk)


def _processes(n_process: object) -> int:
    if isinstance(n_process, bool) or not isinstance(n_process, int):
        raise ValueError(Errors.E033.format(value=n_process))
    if n_process == -1:
        return os.cpu_count() or 1
    if n_process < 1:
        raise ValueError(Errors.E033.format(value=n_process))
    return n_process


def _context() -> Any:
    """The platform's start method, unless that is fork and this process has threads.

    Forked workers inherit the parent's compiled lexicons; spawned ones build
    their own. The results are the same either way.
    """
    default = multiprocessing.get_context()
    if default.get_start_method() == "fork" and threading.active_count() > 1:
        return multiprocessing.get_context("spawn")
    return default


def _serial(
    extractor: Extractor,
    chunks: Iterator[tuple[int, list[str | _Failure]]],
    codec: _Codec[Any, R],
    keep_going: bool,
) -> Iterator[R | Exception]:
    for start, texts in chunks:
        for index, text in enumerate(texts, start):
            if isinstance(text, _Failure):
                error: Exception = _error(text)
            else:
                try:
                    result = codec.local(extractor.extract(text))
                except Exception as failure:
                    error = DocumentError(index, f"{type(failure).__name__}: {failure}")
                    error.__cause__ = failure
                else:
                    yield result
                    continue
            if not keep_going:
                raise error
            yield error


def _parallel(
    chunks: Iterator[tuple[int, list[str | _Failure]]],
    processes: int,
    extractor: Extractor | None,
    codec: _Codec[Any, R],
    keep_going: bool,
) -> Iterator[R | Exception]:
    context = _context()
    initargs: tuple[RuleSet | None, str | None] = (None, None)
    if extractor is not None:
        initargs = (extractor.rules, extractor.yuan)
    elif context.get_start_method() == "fork":
        worker_extractor()  # built once here, inherited by every worker
    pool = ProcessPoolExecutor(processes, context, _init_worker, initargs)
    pending: deque[tuple[int, list[str | _Failure], Future[list[Any]]]] = deque()
    try:
        for start, texts in itertools.chain(chunks, [(-1, [])]):
            if texts:
                future = pool.submit(_run_chunk, start, texts, codec.remote)
                pending.append((start, texts, future))
            # Keep two chunks per worker in flight; at the end, drain them all.
            while pending and (len(pending) >= 2 * processes or not texts):
                yield from _results(*pending.popleft(), codec, keep_going)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _results(
    start: int,
    texts: list[str | _Failure],
    future: Future[list[Any]],
    codec: _Codec[Any, R],
    keep_going: bool,
) -> Iterator[R | Exception]:
    try:
        results = future.result()
    except BrokenProcessPool as error:
        message = f"a worker process died on documents {start}-{start + len(texts) - 1}"
        raise DocumentError(start, message) from error
    for text, result in zip(texts, results, strict=True):
        if isinstance(result, _Failure):
            if not keep_going:
                _raise(result)
            yield _error(result)
        else:
            assert isinstance(text, str)  # a non-text comes back as a _Failure
            yield codec.decode(text, result)


def _arguments(n_process: object, batch_size: object) -> int:
    processes = _processes(n_process)
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(Errors.E034.format(value=batch_size))
    return processes


def extract_many(
    texts: Iterable[str],
    *,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    extractor: Extractor | None = None,
) -> Iterator[Facts]:
    """Extract from each text in order: one `Facts` per text, none dropped or reordered.

    Parameters
    ----------
    texts
        Any iterable of str, read lazily (at most ``2 * n_process`` chunks ahead).
    n_process
        Worker processes; 1 (the default) runs here, -1 uses every core.
        Input that fits in one chunk runs here whatever ``n_process`` is.
        Workers send back a compact form of each result (`pack`), rebuilt here.
    batch_size
        Texts per chunk sent to a worker.
    extractor
        The extractor to use (default: hzner's default rules). Workers build
        their own from its rules.

    Raises
    ------
    TypeError
        ``[E120]`` when ``texts`` is a str (one text), ``[E031]`` when an
        item is not a str, naming its index.
    DocumentError
        ``[E032]`` when the extraction of a document fails, naming its index.

    Examples
    --------
    >>> [len(facts.money) for facts in extract_many(["投资5亿元", "无"], n_process=2)]
    [1, 0]

    """
    check_texts(texts, "extract_many")
    processes = _arguments(n_process, batch_size)
    results = _engine(texts, processes, batch_size, extractor, _FACTS, keep_going=False)
    return cast("Iterator[Facts]", results)  # errors are raised, never yielded


def extract_encoded(
    texts: Iterable[str],
    encode: Callable[[Facts], T],
    *,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    extractor: Extractor | None = None,
    keep_going: bool = False,
) -> Iterator[T | Exception]:
    """``encode(facts)`` of each text, in order, computed where the text is extracted.

    With worker processes, only what ``encode`` returns comes back (say the
    JSON a caller writes), so the parent does no work per entity.
    ``encode`` must be picklable (a module-level function). With
    ``keep_going``, a failing document yields its `DocumentError` (or
    ``TypeError`` for a non-str) in its place and the batch goes on;
    otherwise it is raised, after every earlier result.

    Examples
    --------
    >>> list(extract_encoded(["投资5亿元", "无"], lambda facts: len(facts.entities)))
    [1, 0]

    """
    check_texts(texts, "extract_encoded")
    processes = _arguments(n_process, batch_size)
    codec: _Codec[T, T] = _Codec(encode, _payload, encode)
    return _engine(texts, processes, batch_size, extractor, codec, keep_going=keep_going)


def _engine(
    texts: Iterable[str],
    processes: int,
    batch_size: int,
    extractor: Extractor | None,
    codec: _Codec[Any, R],
    *,
    keep_going: bool,
) -> Iterator[R | Exception]:
    # One process reads one text at a time, so that a stream gets its results as it goes.
    chunks = _chunks(texts, batch_size if processes > 1 else 1)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None) if processes > 1 else None
    rest = itertools.chain([first], [] if second is None else [second], chunks)
    if second is None:  # one process, or all of the input in one chunk: no pool
        local = worker_extractor() if extractor is None else extractor
        yield from _serial(local, rest, codec, keep_going)
    else:
        yield from _parallel(rest, processes, extractor, codec, keep_going)


def extract_records(texts: Iterable[str]) -> list[dict[str, Any]]:
    """The ``to_dict()`` records of ``texts``, with this process's extractor.

    A partition function for distributed engines: hzner loads once per worker
    process, at the first partition, never per record.

    Examples
    --------
    >>> [len(record["entities"]) for record in extract_records(["总投资5亿元", ""])]
    [1, 0]

    """
    check_texts(texts, "extract_records")
    chunks = _chunks(texts, DEFAULT_BATCH_SIZE)
    codec: _Codec[Any, dict[str, Any]] = _Codec(_to_dict, _payload, _to_dict)
    records = _serial(worker_extractor(), chunks, codec, keep_going=False)
    return cast("list[dict[str, Any]]", list(records))  # errors are raised, never yielded


def _to_dict(facts: Facts) -> dict[str, Any]:
    return facts.to_dict()
