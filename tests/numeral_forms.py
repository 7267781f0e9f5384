"""Render a Decimal in each written form that hzner.numerals reads.

The renderers are independent of the parser (they write numbers the way a
newspaper does) so that a round trip through them tests the parser's grammar.
All arithmetic goes through digit strings and Decimal tuples, never floats.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple


class Style(NamedTuple):
    """The characters of one way of writing Chinese numerals."""

    digits: str  # 0-9
    ten: str
    hundred: str
    thousand: str
    wan: str
    yi: str
    point: str
    bare_ten: bool  # "十五" rather than "一十五" at the start of the number


SIMPLIFIED = Style("零一二三四五六七八九", "十", "百", "千", "万", "亿", "点", bare_ten=True)
# Financial (大写) numerals always write the 壹 of 壹拾.
FINANCIAL = Style("零壹贰叁肆伍陆柒捌玖", "拾", "佰", "仟", "万", "亿", "点", bare_ten=False)
TRADITIONAL = Style("零壹貳參肆伍陸柒捌玖", "拾", "佰", "仟", "萬", "億", "點", bare_ten=False)
TRADITIONAL_PLAIN = Style("〇一二三四五六七八九", "十", "百", "千", "萬", "億", "點", bare_ten=True)

# Powers of ten of the magnitude words an Arabic mantissa may take.
MAGNITUDES = {"": 0, "万": 4, "亿": 8, "万亿": 12, "萬": 4, "億": 8}


def shift(value: Decimal, places: int) -> Decimal:
    """Multiply by 10**places exactly (no context rounding)."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    return Decimal((sign, digits, exponent + places))


def plain(value: Decimal) -> str:
    """Write a Decimal without exponent and without trailing fraction zeros."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def arabic(value: Decimal) -> str:
    """``1234567.5`` (fraction digits as given)."""
    return format(value, "f")


def arabic_commas(value: Decimal) -> str:
    """``1,234,567.5``."""
    return format(value, ",f")


def arabic_magnitude(value: Decimal, magnitude: str, *, commas: bool = False) -> str:
    """``510.2亿``, ``1.5万亿``, ``1,200万``: an Arabic mantissa and a magnitude word."""
    mantissa = plain(shift(value, -MAGNITUDES[magnitude]))
    if commas:
        whole, point, fraction = mantissa.partition(".")
        mantissa = f"{int(whole):,}" + point + fraction
    return mantissa + magnitude


def _four(number: int, style: Style, *, leading: bool, liang: bool) -> str:
    """Write 1..9999 positionally, with 零 for skipped places inside."""
    places = ((1000, style.thousand), (100, style.hundred), (10, style.ten), (1, ""))
    out: list[str] = []
    gap = False
    for place, unit in places:
        digit = number // place % 10
        if digit == 0:
            gap = bool(out)
            continue
        if gap:
            out.append(style.digits[0])
            gap = False
        if place == 10 and digit == 1 and leading and not out and style.bare_ten:
            out.append(unit)  # "十五", not "一十五", at the start
        elif digit == 2 and liang and place >= 100:
            out.append("两" + unit)
        else:
            out.append(style.digits[digit] + unit)
    return "".join(out)


def _group(number: int, style: Style, *, leading: bool, liang: bool) -> str:
    """Write a coefficient of 万 or 亿, using 两 alone if asked."""
    if number == 2 and liang:
        return "两"
    return _four(number, style, leading=leading, liang=liang)


def _integer(number: int, style: Style, *, leading: bool, liang: bool) -> str:
    """Write 1 <= number < 10**16 with 万 and 亿 (and 万亿 above 10**12)."""
    if number < 10**4:
        return _four(number, style, leading=leading, liang=liang)
    if number < 10**8:
        high, low = divmod(number, 10**4)
        text = _group(high, style, leading=leading, liang=liang) + style.wan
        limit = 1000
    else:
        high, low = divmod(number, 10**8)
        if high >= 10**4:  # "一万二千亿", "十五万亿"
            head = _integer(high, style, leading=leading, liang=liang)
        else:
            head = _group(high, style, leading=leading, liang=liang)
        text = head + style.yi
        limit = 10**7
    if low:
        if low < limit:
            text += style.digits[0]
        text += _integer(low, style, leading=False, liang=liang)
    return text


def chinese(value: Decimal, style: Style = SIMPLIFIED, *, liang: bool = False) -> str:
    """Write a non-negative Decimal in Chinese numerals: ``一百二十三点四五``."""
    whole, _, fraction = plain(value).partition(".")
    number = int(whole)
    text = style.digits[0] if number == 0 else _integer(number, style, leading=True, liang=liang)
    if fraction:
        text += style.point + "".join(style.digits[int(d)] for d in fraction)
    return text


def digit_by_digit(value: Decimal, magnitude: str = "億") -> str:
    """Taiwan press style: ``四五○億``, ``三八·二億``, mantissa digit by digit."""
    mantissa = plain(shift(value, -MAGNITUDES[magnitude]))
    digits = "○一二三四五六七八九"
    return "".join("·" if ch == "." else digits[int(ch)] for ch in mantissa) + magnitude


def mantissa_is_range(value: Decimal, magnitude: str = "億") -> bool:
    """Whether the digit-by-digit mantissa is two consecutive digits (三四億).

    The parser reads those as a range, so a round trip must skip them.
    """
    mantissa = plain(shift(value, -MAGNITUDES[magnitude]))
    return len(mantissa) == 2 and mantissa[0] != "0" and int(mantissa[1]) == int(mantissa[0]) + 1
