"""The characters of written numbers: digits, points, units and vague markers."""

from decimal import Decimal
from typing import Final

__all__ = ["NUMERAL_CHARS"]

# --- character tables ------------------------------------------------------

# Every Chinese digit, mapped to the ASCII digit it stands for. 〇 (U+3007) and
# ○ (U+25CB, what OCR and Taiwan typesetting produce) are zeros as well as 零.
_DIGITS: Final[dict[str, str]] = {
    "零": "0",
    "\u3007": "0",
    "\u25cb": "0",
    "一": "1",
    "壹": "1",
    "二": "2",
    "贰": "2",
    "貳": "2",
    "两": "2",
    "兩": "2",
    "三": "3",
    "叁": "3",
    "參": "3",
    "四": "4",
    "肆": "4",
    "五": "5",
    "伍": "5",
    "六": "6",
    "陆": "6",
    "陸": "6",
    "七": "7",
    "柒": "7",
    "八": "8",
    "捌": "8",
    "九": "9",
    "玖": "9",
}
# 两 is a variant of 2 that is only ever written before a unit, so it is
# tracked separately to refuse it as a final or positional digit.
_LIANG: Final = frozenset("两兩")
_ARABIC_DIGITS: Final = frozenset("0123456789")
# Decimal points inside Chinese numerals; ASCII "." is accepted there as well
# because the caller maps the full-width "．" to it.
_CHINESE_POINTS: Final = frozenset("\u00b7点點")
_VAGUE_CHARS: Final = frozenset("数數几幾")
_SMALL_UNITS: Final[dict[str, int]] = {
    "十": 10,
    "拾": 10,
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
}
# 廿 and 卅 are a tens unit that carries its own coefficient.
_PRESET_TENS: Final[dict[str, int]] = {"廿": 2, "卅": 3}
_BIG_UNITS: Final[dict[str, int]] = {
    "万": 10**4,
    "萬": 10**4,
    "亿": 10**8,
    "億": 10**8,
    # 兆 is 10**12 in money, as the press of Taiwan writes it (三十五兆元);
    # the 10**6 of 兆瓦 never stands before a currency.
    "兆": 10**12,
}
# Characters that may form a digit run; which kind of run it is (Arabic or
# Chinese) is decided once the whole run has been seen.
_RUN_CHARS: Final = frozenset(_DIGITS) | _ARABIC_DIGITS | _CHINESE_POINTS | {".", ","}

NUMERAL_CHARS: Final[frozenset[str]] = frozenset(
    _RUN_CHARS | _VAGUE_CHARS | set(_SMALL_UNITS) | set(_PRESET_TENS) | set(_BIG_UNITS)
)
"""Every character that may appear inside a written number."""

_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
