"""Shared fixtures: the only place fixtures live."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import hzner
from hzner import segmenter
from hzner.extractor import Extractor

# No test may depend on wall-clock time: Hypothesis' per-example deadline
# (200 ms by default) is one, so it is off. On CI the examples are drawn
# from a fixed seed, so that a run is repeatable; locally they vary, to
# keep exploring.
settings.register_profile(
    "hzner", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile("ci", settings.get_profile("hzner"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "hzner")

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="session")
def dev_docs() -> list[dict[str, Any]]:
    """The hand-annotated dev set (six articles of one newspaper page)."""
    return _read_jsonl(DATA / "dev_gold.jsonl")


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """An extractor with hzner's default rules."""
    return Extractor()


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline with the char segmenter."""
    return hzner.load(segmenter="char")


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root."""
    return ROOT


@pytest.fixture(scope="session")
def dev_path() -> Path:
    """The dev set's JSONL file."""
    return DATA / "dev_gold.jsonl"


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    """A Dask client on a LocalCluster of two worker processes (skips without Dask)."""
    distributed = pytest.importorskip("dask.distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="session")
def pkuseg_model() -> Path:
    """The pkuseg model's directory, fetched from the package index once if missing.

    `hzner.load()` never downloads (``hzner download`` is the one step that
    does), so a fresh machine has no model: the tests that load the pkuseg
    pipeline ask for this fixture, which runs that step, as a user would,
    into hzner's data directory (later sessions download nothing).
    """
    return segmenter.download(progress=False)


@pytest.fixture(scope="session")
def nlp_pkuseg(pkuseg_model: Path) -> Any:
    """The spaCy pipeline with pkuseg word tokens."""
    return hzner.load(segmenter="pkuseg")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``model`` every test that needs the pkuseg model, so ``-m "not model"`` runs offline."""
    for item in items:
        if "pkuseg_model" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)
