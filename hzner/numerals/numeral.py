"""The result of reading a number, and exact decimal arithmetic at any length."""

import decimal
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

__all__ = ["Numeral", "exact_context", "exact_product", "exact_sum"]

_ONE: Final = Decimal(1)


@dataclass(frozen=True, slots=True)
class Numeral:
    """A number read from text, possibly an approximate range or a vague amount.

    Attributes
    ----------
    value : Decimal or None
        The number; for a range such as ``两三千万`` its low end; ``None`` when
        the amount is vague.
    high : Decimal or None
        The high end of an approximate range (``两三千万`` -> 30000000), else
        ``None``.
    vague : bool
        True for amounts such as ``数十亿`` or ``十几亿`` whose value is unknown
        (then both `value` and `high` are ``None``).

    """

    value: Decimal | None
    high: Decimal | None
    vague: bool


def exact_context(digits: int) -> decimal.Context:
    """Make a decimal context in which results of up to ``digits`` digits are exact.

    Inexact is trapped, so that anything that would round raises instead, and
    the exponent limits are lifted. The default context keeps 28 digits and
    would silently round 10000000000000000000000000000.5.
    """
    return decimal.Context(
        prec=min(decimal.MAX_PREC, max(digits, 1) + 64),
        Emax=decimal.MAX_EMAX,
        Emin=decimal.MIN_EMIN,
        traps=[decimal.InvalidOperation, decimal.Inexact, decimal.Overflow],
    )


def exact_product(left: Decimal, right: Decimal) -> Decimal:
    """Multiply two decimals exactly, whatever their length.

    Examples
    --------
    >>> exact_product(Decimal("12345678901234567890123456789"), Decimal(10**8))
    Decimal('1234567890123456789012345678900000000')

    """
    digits = len(left.as_tuple().digits) + len(right.as_tuple().digits)
    with decimal.localcontext(exact_context(digits)):
        return left * right


def exact_sum(left: Decimal, right: Decimal) -> Decimal:
    """Add two decimals exactly, whatever their length (45 + 0.8 for 45元8角).

    Examples
    --------
    >>> exact_sum(Decimal("1" + "0" * 30), Decimal("0.52"))
    Decimal('1000000000000000000000000000000.52')

    """
    spans = []
    for number in (left, right):
        _, digits, exponent = number.as_tuple()
        assert isinstance(exponent, int)
        spans.append((len(digits) + exponent, exponent))
    width = max(top for top, _ in spans) - min(low for _, low in spans) + 1
    with decimal.localcontext(exact_context(width)):
        return left + right


def tidy(value: Decimal) -> Decimal:
    """Give integral values without exponent and drop trailing fraction zeros.

    Products with 10**8 come out as ``5.102E+10``-like exponents; quantizing
    to 1 writes them out so that ``str`` shows every digit. Called inside the
    parse's own context (`hzner.numerals._context`), wide enough for any value
    of its text, so nothing is rounded.
    """
    if value == value.to_integral_value():
        return value.quantize(_ONE)
    return value.normalize()
