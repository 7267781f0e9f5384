"""The dev set, scored as the contract says, against floors.

The floors are the issues' targets on the dev set; raise them as the
recognizers improve, never lower them to make a change pass.
"""

from __future__ import annotations

from typing import Any

import pytest

import hzner
from tests.scoring import score

FLOORS = {
    ("MONEY", "f1"): 0.97,
    ("MONEY", "value_acc"): 1.0,
    ("MONEY", "role_acc"): 0.9,
    ("PARK", "f1"): 0.93,
    ("PARK", "link_acc"): 0.95,
    ("PROJECT", "f1"): 0.80,
    ("PROJECT", "overlap_f1"): 0.93,
    ("PROJECT", "link_acc"): 0.85,
}


@pytest.fixture(scope="module")
def scores(dev_docs: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    preds = [hzner.extract(doc["text"]).to_dict() for doc in dev_docs]
    return score(dev_docs, preds)


@pytest.mark.parametrize(("label", "metric"), sorted(FLOORS))
def test_evaluation_dev_set_floor(
    scores: dict[str, dict[str, float]], label: str, metric: str
) -> None:
    assert scores[label][metric] >= FLOORS[(label, metric)], scores[label]


def test_evaluation_scorer_counts_a_miss() -> None:
    gold = [{"entities": [{"start": 0, "end": 2, "label": "PARK", "zone": "甲"}]}]
    assert score(gold, [{"entities": []}])["PARK"]["f1"] == 0.0
    assert score(gold, gold)["PARK"]["f1"] == 1.0
