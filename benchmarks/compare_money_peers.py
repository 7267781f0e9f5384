"""MONEY against its peers on the same inputs: hzner, jionlp, Recognizers-Text and cn2an.

Usage: python benchmarks/compare_money_peers.py [--cases PATH] [--misses]

The cases (benchmarks/data/money_cases.jsonl) are written for hzner in the
style of the peers' own suites: everyday sentences, news sentences, and
parser inputs (one amount alone). Each case lists the amounts it holds with
their exact value, the high end of a range, and the ISO currency. A system
gets an amount right when it reports an amount with the same value, high end
and currency (the span is not compared: the peers draw spans differently).

The peers are optional (``pip install "hzner[bench]"``, which brings jionlp
and Recognizers-Text); a peer that is not installed is skipped. cn2an only
converts numerals, so it is given the numeral of each parser input (the
input less its currency word) and scored on the value alone.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import hzner

CASES = Path(__file__).resolve().parent / "data" / "money_cases.jsonl"


@dataclass(frozen=True)
class Amount:
    value: Decimal | None
    high: Decimal | None
    currency: str | None


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value)).normalize()
    except InvalidOperation:
        return None


def _hzner(text: str) -> list[Amount]:
    return [
        Amount(_decimal(m.value), _decimal(m.high), m.currency) for m in hzner.extract(text).money
    ]


_JIONLP_CURRENCY = {"元": "CNY", "美元": "USD", "欧元": "EUR", "日元": "JPY", "英镑": "GBP",
                    "港元": "HKD", "韩元": "KRW"}  # fmt: skip


def _jionlp() -> Callable[[str], list[Amount]] | None:
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import jionlp
            from jionlp.algorithm.ner import extract_money
    except ImportError:
        return None

    def run(text: str) -> list[Amount]:
        # A parser input goes to jionlp's parser, as its own suite does; a
        # sentence to its extractor.
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                details = [jionlp.parse_money(text)]
            except (ValueError, TypeError, KeyError, AttributeError):
                details = []
            if not details or not details[0] or details[0].get("num") is None:
                details = [
                    item.get("detail") or {} for item in extract_money(text, with_parsing=True)
                ]
        found = []
        for detail in details:
            num = detail.get("num")
            low, high = (num[0], num[1]) if isinstance(num, list) else (num, None)
            currency = _JIONLP_CURRENCY.get(detail.get("case", ""), detail.get("case"))
            found.append(Amount(_decimal(low), _decimal(high), currency))
        return found

    return run


def _recognizers() -> Callable[[str], list[Amount]] | None:
    try:
        from recognizers_number_with_unit import recognize_currency
        from recognizers_text import Culture
    except ImportError:
        return None

    def run(text: str) -> list[Amount]:
        found = []
        for result in recognize_currency(text, Culture.Chinese):
            resolution = result.resolution or {}
            found.append(Amount(_decimal(resolution.get("value")), None,
                                resolution.get("isoCurrency")))  # fmt: skip
        return found

    return run


_CURRENCY_WORDS = re.compile(
    r"(人民币|美元|欧元|日元|英镑|港币|港元|韩元|元|块钱|块|毛|角|分|[￥¥$])"
)


def _cn2an() -> Callable[[str], list[Amount]] | None:
    try:
        import cn2an
    except ImportError:
        return None

    def run(text: str) -> list[Amount]:
        numeral = _CURRENCY_WORDS.sub("", text)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                value = cn2an.cn2an(numeral, "smart")
            except (ValueError, KeyError, TypeError):
                return []
        return [Amount(_decimal(value), None, None)]

    return run


def _cases(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _right(expected: dict[str, Any], found: list[Amount], *, value_only: bool) -> bool:
    value, high = _decimal(expected["value"]), _decimal(expected["high"])
    for amount in found:
        if value_only:
            if amount.value == value and high is None:
                return True
        elif (amount.value, amount.high, amount.currency) == (value, high, expected["currency"]):
            return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--misses", action="store_true", help="list every amount a system missed")
    args = parser.parse_args()
    systems: dict[str, Callable[[str], list[Amount]] | None] = {
        "hzner": _hzner,
        "jionlp": _jionlp(),
        "Recognizers-Text": _recognizers(),
    }
    numerals = _cn2an()
    cases = list(_cases(args.cases))
    kinds = sorted({case["kind"] for case in cases})
    table: dict[str, dict[str, tuple[int, int]]] = {}
    misses: list[str] = []
    for name, run in systems.items():
        if run is None:
            print(f"{name}: not installed, skipped")
            continue
        table[name] = {}
        for kind in kinds:
            right = total = 0
            for case in (c for c in cases if c["kind"] == kind):
                found = run(case["text"])
                for expected in case["expect"]:
                    total += 1
                    if _right(expected, found, value_only=False):
                        right += 1
                    elif args.misses:
                        misses.append(f"{name}: {case['text']} -> {expected['text']}: {found}")
            table[name][kind] = (right, total)
    if numerals is not None:
        right = total = 0
        for case in (c for c in cases if c["kind"] == "parser"):
            for expected in case["expect"]:
                total += 1
                right += _right(expected, numerals(case["text"]), value_only=True)
        table["cn2an (numeral value only)"] = {"parser": (right, total)}
    print(f"| system | {' | '.join(kinds)} | all |")
    print(f"| --- |{' ---: |' * (len(kinds) + 1)}")
    for name, row in table.items():
        cells = []
        for kind in kinds:
            right, total = row.get(kind, (0, 0))
            cells.append(f"{right}/{total} ({right / total:.2f})" if total else "n/a")
        right = sum(r for r, _ in row.values())
        total = sum(t for _, t in row.values())
        cells.append(f"{right}/{total} ({right / total:.2f})")
        print(f"| {name} | {' | '.join(cells)} |")
    for miss in misses:
        print(miss)


if __name__ == "__main__":
    main()
