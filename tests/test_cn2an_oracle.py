"""cn2an as a test oracle (issue 14, item 5): numbers it writes, hzner reads back exactly.

hypothesis draws a number, cn2an writes it as Chinese numerals in each of its
modes, and hzner must read the same value. cn2an is a test dependency only:
hzner never imports it at run time.
"""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import hzner
from hzner.extractor import Extractor
from hzner.numerals import parse_number

cn2an = pytest.importorskip("cn2an")
EXTRACTOR = Extractor()

# cn2an writes integers of at most 16 digits (it raises beyond).
_INTEGERS = st.integers(min_value=0, max_value=10**16 - 1)


def _skips_a_group(number: int) -> bool:
    """Whether a whole 4-digit group is zero between two others, the lower from 1000 up.

    cn2an then writes no 零 (100001000 as 一亿一千), which reads as 一亿一千万
    in speech; hzner refuses such a text rather than guess (a wrong value is
    worse than none), so these numbers are no test of reading back.
    """
    groups = []
    while number:
        number, group = divmod(number, 10_000)
        groups.append(group)
    return any(
        groups[index] == 0 and groups[index - 1] >= 1000 and any(groups[index + 1 :])
        for index in range(1, len(groups))
    )


def test_a_skipped_group_without_zero_is_refused_and_with_zero_is_read() -> None:
    assert _skips_a_group(100_001_000)
    assert cn2an.an2cn("100001000", "low") == "一亿一千"
    with pytest.raises(ValueError, match="places skipped"):
        parse_number("一亿一千")
    assert parse_number("一亿零一千") == 100_001_000


@given(_INTEGERS, st.sampled_from(["low", "up"]))
def test_cn2an_integers_read_back(number: int, mode: str) -> None:
    assume(not _skips_a_group(number))
    written = cn2an.an2cn(str(number), mode)
    assert parse_number(written) == number


@given(_INTEGERS, st.integers(min_value=1, max_value=99), st.sampled_from(["low", "up"]))
def test_cn2an_decimals_read_back(whole: int, cents: int, mode: str) -> None:
    assume(not _skips_a_group(whole))
    text = f"{whole}.{cents:02d}".rstrip("0")
    written = cn2an.an2cn(text, mode)  # 一百二十三点四五
    assert parse_number(written) == Decimal(text)


@given(st.integers(min_value=1, max_value=10**16 - 1))
def test_cn2an_digit_by_digit_reads_back(number: int) -> None:
    digits = str(number)
    # Two consecutive digits alone (一二, 三四) are an approximate range in
    # Chinese, so hzner refuses them as one number: a choice, not an error.
    assume(not (len(digits) == 2 and int(digits[1]) == int(digits[0]) + 1))
    assume(digits[0] != "0")
    written = cn2an.an2cn(digits, "direct")  # 一二零三
    assert parse_number(written + "亿") == number * 10**8


@given(st.integers(min_value=1, max_value=10**12 - 1), st.integers(min_value=0, max_value=99))
def test_cn2an_cheque_amounts_read_back(whole: int, cents: int) -> None:
    assume(not _skips_a_group(whole))
    text = f"{whole}.{cents:02d}"
    written = cn2an.an2cn(text, "rmb")  # 壹佰贰拾叁元肆角伍分, 壹拾元整
    (money,) = EXTRACTOR.extract_money("支付" + written)
    assert money.text == written
    assert money.value == Decimal(text)


def test_cn2an_is_not_imported_at_run_time() -> None:
    package = Path(hzner.__file__).parent
    imported: set[str] = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module.split(".")[0])
    assert "hzner" in imported or "spacy" in imported  # the walk saw the package
    assert "cn2an" not in imported
