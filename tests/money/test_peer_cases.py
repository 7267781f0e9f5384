"""The MONEY cases of benchmarks/compare_money_peers.py, held as tests.

The cases are written for hzner in the style of the peers' own suites
(everyday sentences, news sentences, parser inputs); the benchmark script
scores jionlp, Recognizers-Text and cn2an on the same file. Every amount a
case lists must be found with its exact value, high end and currency.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import hzner

CASES = Path(__file__).parent.parent.parent / "benchmarks" / "data" / "money_cases.jsonl"

# Forms hzner does not read yet; strict, so that a fix shows here.
KNOWN_GAPS = {
    "这家厂计划投资四个亿扩产。": "an implied 个亿 before a verb not on the spending list",
    "三块二毛五": "a bare digit after 毛 read as 分",
}


def _cases() -> list[Any]:
    with CASES.open(encoding="utf-8") as lines:
        cases = [json.loads(line) for line in lines if line.strip()]
    return [
        pytest.param(
            case,
            id=case["text"],
            marks=[pytest.mark.xfail(reason=KNOWN_GAPS[case["text"]], strict=True)]
            if case["text"] in KNOWN_GAPS
            else [],
        )
        for case in cases
    ]


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


@pytest.mark.parametrize("case", _cases())
def test_peer_case_amounts_are_read_exactly(case: dict[str, Any]) -> None:
    found = {
        (money.value, money.high, money.currency) for money in hzner.extract(case["text"]).money
    }
    for expected in case["expect"]:
        amount = (_decimal(expected["value"]), _decimal(expected["high"]), expected["currency"])
        assert amount in found, (expected["text"], found)
