"""hzner: typed facts from Chinese economic news.

>>> import hzner
>>> facts = hzner.extract("总投资510.2亿元的项目落户厦门火炬高新区")
>>> str(facts.money[0].value), facts.parks[0].zone
('51020000000', '厦门火炬高技术产业开发区')

Importing hzner loads neither spaCy nor any data: the rules are read at the
first extraction, and spaCy only by `load()`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from . import lexicon as _lexicon
from .errors import DocumentError, HznerError, RuleError
from .extractor import Extractor
from .types import Bound, Facts, Mention, Money, Org, Park, Project, Role, Status, ZoneKind

if TYPE_CHECKING:
    from spacy.language import Language

    from .rules import RuleSource

__version__ = "0.2.0"

#: Whether hzner's scanning modules run compiled by mypyc (``scripts/compile.py``,
#: docs/benchmarks.md) rather than as Python source; results are the same.
COMPILED: bool = not _lexicon.__file__.endswith(".py")

__all__ = [
    "COMPILED",
    "Bound",
    "DocumentError",
    "Extractor",
    "Facts",
    "HznerError",
    "Mention",
    "Money",
    "Org",
    "Park",
    "Project",
    "Role",
    "RuleError",
    "Status",
    "ZoneKind",
    "__version__",
    "extract",
    "extract_many",
    "load",
]

_default: Extractor | None = None


def _extractor() -> Extractor:
    global _default
    if _default is None:
        _default = Extractor()
    return _default


def extract(text: str) -> Facts:
    """Find the money, parks and projects of one text with hzner's default rules.

    Parameters
    ----------
    text
        Any text, as the caller has it; offsets in the result index it.

    Raises
    ------
    TypeError
        If ``text`` is not a str (decode bytes first).

    """
    return _extractor().extract(text)


def extract_many(
    texts: Iterable[str], *, n_process: int = 1, batch_size: int = 32
) -> Iterator[Facts]:
    """Extract from each text in order: one `Facts` per text, none dropped or reordered.

    Parameters
    ----------
    texts
        Any iterable of str, read lazily.
    n_process
        Worker processes (-1: every core); each builds the default rules once.
    batch_size
        Texts per chunk sent to a worker.

    Raises
    ------
    TypeError
        When ``texts`` is a str (``[E120]``: one text, not texts), or when an
        item is not a str, naming its index (after the earlier results).
    hzner.DocumentError
        When a document fails, naming its index (after the earlier results).

    """
    return _batch_extract_many(texts, n_process=n_process, batch_size=batch_size, extractor=None)


def _batch_extract_many(
    texts: Iterable[str],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    extractor: Extractor | None = None,
) -> Iterator[Facts]:
    """`hzner.batch.extract_many`, imported at the first batch (it loads multiprocessing)."""
    from .batch import check_texts
    from .batch import extract_many as _extract_many

    check_texts(texts, "extract_many")
    if extractor is None and n_process == 1:
        extractor = _extractor()
    return _extract_many(texts, n_process=n_process, batch_size=batch_size, extractor=extractor)


# Extractor.extract_many runs on the batch engine, which sits above it.
Extractor._batch_engine = _batch_extract_many


def load(
    rules: RuleSource | Iterable[RuleSource] = (),
    *,
    segmenter: str = "pkuseg",
    defaults: bool = True,
    yuan: str | None = None,
    overwrite_ents: bool = False,
) -> Language:
    """Build the spaCy pipeline; see `hzner.pipeline.load` for the arguments."""
    from .pipeline import load as _load

    return _load(
        rules, segmenter=segmenter, defaults=defaults, yuan=yuan, overwrite_ents=overwrite_ents
    )
