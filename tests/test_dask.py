"""Scale-out on Dask: the same records as hzner.extract, in order, hzner loaded once per worker."""

from __future__ import annotations

import sys
from typing import Any

import pytest

pytest.importorskip("dask.distributed")

import dask.bag as db

import hzner
from hzner.dask import extract_bag

TEXTS = [
    "总投资5亿元",
    "",
    "光谷",
    "重庆高新区签约项目12个,总金额超300亿元",
    "无",
    "厦门火炬高新区",
]


def _count_builds() -> None:
    """On a worker: forget its extractor and count the ones built from now on."""
    from hzner import batch

    class Counting(batch.Extractor):
        built = 0

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            Counting.built += 1
            super().__init__(*args, **kwargs)

    batch.Extractor = Counting  # type: ignore[misc]
    batch._worker = None


def _builds() -> int:
    from hzner import batch

    return int(getattr(batch.Extractor, "built", -1))


def test_dask_extract_bag_on_a_local_cluster(
    dask_client: Any, dev_docs: list[dict[str, Any]]
) -> None:
    texts = [doc["text"] for doc in dev_docs] * 3 + TEXTS
    dask_client.run(_count_builds)
    bag = db.from_sequence(texts, npartitions=12)
    records = extract_bag(bag).compute()
    assert records == [hzner.extract(text).to_dict() for text in texts]
    builds = dask_client.run(_builds)
    assert len(builds) == 2
    assert all(count <= 1 for count in builds.values()), builds
    assert sum(builds.values()) >= 1


@pytest.mark.parametrize("npartitions", [1, 4])
def test_dask_extract_bag_in_process(npartitions: int) -> None:
    bag = db.from_sequence(TEXTS, npartitions=npartitions)
    records = extract_bag(bag).compute(scheduler="sync")
    assert records == [hzner.extract(text).to_dict() for text in TEXTS]


def test_dask_extract_bag_is_lazy() -> None:
    bag = extract_bag(db.from_sequence([b"not text"]))
    with pytest.raises(TypeError, match=r"\[E031\]"):
        bag.compute(scheduler="sync")


def test_dask_missing_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    bag = db.from_sequence(TEXTS)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ImportError, match=r"hzner\[dask\]"):
        extract_bag(bag)
