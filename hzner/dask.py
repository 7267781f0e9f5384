"""Scale-out on Dask: a bag of texts in, a bag of `Facts.to_dict()` records out.

Needs the ``dask`` extra (``pip install "hzner[dask]"``). Each partition is
handed to `hzner.batch.extract_records`, which uses the extractor of the
worker process: hzner's rules are read and compiled once per worker, at its
first partition, and never per record. Records keep the order of the texts.
Only `extract_bag` touches Dask, so importing this module does not need it.
See docs/scale-out.md for running it on a cluster.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from .batch import extract_records

if TYPE_CHECKING:
    from dask.bag import Bag

__all__ = ["extract_bag"]


def extract_bag(bag: Bag) -> Bag:
    """Map a bag of texts to a bag of ``to_dict()`` records, in the same order.

    Parameters
    ----------
    bag
        A ``dask.bag.Bag`` of str, one document each.

    Returns
    -------
    dask.bag.Bag
        One ``{"text": ..., "entities": [...]}`` record per text, lazily:
        nothing runs until it is computed.

    Raises
    ------
    ImportError
        If Dask is not installed.

    Notes
    -----
    A text that is not a str, or that fails, makes the computation raise
    ``TypeError`` or `hzner.batch.DocumentError`, with the index of the text
    within its partition.

    Examples
    --------
    >>> import dask.bag as db  # doctest: +SKIP
    >>> records = extract_bag(db.from_sequence(["总投资5亿元"])).compute()  # doctest: +SKIP
    >>> records[0]["entities"][0]["value"]  # doctest: +SKIP
    '500000000'

    """
    try:
        import dask.bag  # noqa: F401  (the check that the extra is installed)
    except ImportError as error:
        message = 'hzner.dask needs Dask: pip install "hzner[dask]"'
        raise ImportError(message) from error
    untyped: Any = bag  # Dask's Bag methods are not annotated
    return cast("Bag", untyped.map_partitions(extract_records))
