"""Read written numbers (Arabic, Chinese, or a mixture) as exact decimals.

The caller hands over one number that is already normalized: full-width digits
and punctuation mapped to ASCII, whitespace removed, no currency. What is left
may be written in any of the ways Chinese financial text uses:

* Arabic, with a decimal point and thousands commas: ``1,200``, ``510.2亿``.
* Chinese numerals, simplified, traditional or financial: ``一百二十亿``,
  ``壹佰萬``, ``三千零五十万``, with an implicit 一 at the start: ``百亿``.
* Magnitude chains and mixtures: ``1.5万亿``, ``1亿2千万``, ``2万5千``.
* Digits written one by one (Taiwan press): ``一二三四億``, ``三八·二億``.
* Approximate ranges: ``两三千万``, ``三四十亿``, ``十七八万``.
* Vague amounts: ``数十亿``, ``几千万``, ``十几亿``.

The grammar is read by a single left-to-right scan over the text (a lexer that
groups digit runs, then a parser with one token of look-ahead), so the time
taken is linear in the length of the input, and every value is built from
decimal strings and exact integer powers of ten, never through ``float``.

Decisions on forms that are ambiguous or idiomatic rather than numeric:

* ``万万``, ``亿亿``, ``亿万`` are rejected (``万万没想到`` and ``亿万富翁`` are
  idioms); the only magnitude chain read is ``万亿`` (10**12).
* A single digit right after a unit is the colloquial abbreviation of the next
  lower place (``两万五`` = 25000, ``一百一`` = 110, ``1万5`` = 15000), but only
  when a digit stands right before that unit: ``万一``, ``十万五`` and
  ``一千万四`` are rejected.
* ``零`` marks skipped places. Before 万/亿 it may be left out, as the unit
  says where the digits go (``一亿五万`` = 100050000). A last part with no
  unit after it must fill the place right below the part before it, or start
  with 零: ``一亿零五千`` = 100005000, while ``一亿五千`` (perhaps short for
  一亿五千万) and ``1万500`` are rejected. Two 零 in a row, or 零 right after 十,
  are rejected.
* Two adjacent bare Chinese digits are a range when the second is the first
  plus one (``三四亿``, also ``两三``, ``一两``) and digit by digit otherwise
  (``三八億`` = 38亿). A range needs a unit (``三四`` alone is rejected).
* 两 is only read right before a unit other than 十 or inside a range, never
  as a final digit or in a digit-by-digit run (``十两``, ``两十`` and ``两``
  alone are rejected).
* 数/几 stand for a digit before a unit (``数十亿``, ``几万``) or for the ones
  after 十 (``十几亿``); a vague amount needs a unit, so ``几`` alone, and
  ``一万几``, are rejected.
* A fractional part may appear in the first term (``1.5万亿``) or in the last
  place (``十万点五``), never in the middle (``1亿2.5万`` is rejected).
* Arabic numbers take no superfluous leading zero (``05`` is rejected).
"""

import decimal
import re
from decimal import Decimal
from functools import cache
from typing import Final

from .chars import _BIG_UNITS, _PRESET_TENS, _SMALL_UNITS, NUMERAL_CHARS
from .magnitudes import _Parser
from .numeral import Numeral, exact_context, exact_product, exact_sum
from .tokens import _Reject, _tokens

__all__ = [
    "NUMERAL_CHARS",
    "Numeral",
    "exact_context",
    "exact_product",
    "exact_sum",
    "parse_number",
    "parse_numeral",
]


def _context(text: str) -> decimal.Context:
    """Make a decimal context in which every step on this text is exact.

    Each character adds at most one digit or a factor 10**12, so 13 digits per
    character bound the result.
    """
    return exact_context(13 * len(text))


# The form most amounts in news take (510.2亿, 4000万, 12): an Arabic number
# and at most one big magnitude. `_quick` reads it without the grammar and
# gives the same Numeral (a property test holds the two together).
_QUICK = re.compile(r"(0|[1-9][0-9]{0,17})(?:\.([0-9]{1,12}))?(万亿|万|亿)?")
_QUICK_POWERS: Final[dict[str | None, int]] = {None: 0, "万": 4, "亿": 8, "万亿": 12}


def _quick(text: str) -> Numeral | None:
    match = _QUICK.fullmatch(text)
    if match is None:
        return None
    whole, fraction, unit = match.groups()
    digits = whole + (fraction or "")
    if unit is not None and not digits.strip("0"):
        return None  # zero as a coefficient (0万): the grammar rejects it
    power = _QUICK_POWERS[unit] - len(fraction or "")
    if power >= 0:
        value = Decimal(int(digits) * 10**power)
    else:
        value = Decimal(f"{digits[:power]}.{digits[power:]}".rstrip("0").rstrip("."))
    return Numeral(value, None, False)


def parse_numeral(text: str) -> Numeral:
    """Read one written number, which may be a range or a vague amount.

    Parameters
    ----------
    text : str
        The normalized number with its magnitude words, e.g. ``"510.2亿"``,
        ``"一百二十亿"``, ``"两三千万"`` or ``"数十亿"``.

    Returns
    -------
    Numeral
        The exact value (integral values carry no exponent), with `high` set
        for a range and `vague` set for amounts such as ``几千万``.

    Raises
    ------
    ValueError
        If the text is not exactly one number; no other exception is raised
        for any string.

    Examples
    --------
    >>> parse_numeral("510.2亿")
    Numeral(value=Decimal('51020000000'), high=None, vague=False)
    >>> parse_numeral("两三千万")
    Numeral(value=Decimal('20000000'), high=Decimal('30000000'), vague=False)

    """
    quick = _quick(text)
    if quick is not None:
        return quick
    short = _short_forms().get(text)
    return short if short is not None else _parse(text)


@cache
def _short_forms() -> dict[str, Numeral]:
    """The numbers of one character (一, 陆, 亿) and of two units (千亿, 万亿, 百万), read once.

    News writes them all the time, and the grammar takes as long on them as
    on a long number; each is read by the grammar itself, at first use, so
    the table gives exactly what `_parse` gives (frozen Numerals, shared).
    Texts the grammar rejects are not in it.
    """
    units = sorted({*_SMALL_UNITS, *_BIG_UNITS, *_PRESET_TENS})
    table: dict[str, Numeral] = {}
    for text in [*sorted(NUMERAL_CHARS), *(first + second for first in units for second in units)]:
        try:
            table[text] = _parse(text)
        except ValueError:
            continue
    return table


def _parse(text: str) -> Numeral:
    """Read ``text`` with the whole grammar (see `parse_numeral`)."""
    try:
        with decimal.localcontext(_context(text)):
            parser = _Parser()
            tokens = _tokens(text)
            current = next(tokens, None)
            if current is None:
                raise _Reject("empty text")
            while current is not None:
                following = next(tokens, None)
                parser.feed(current, following)
                current = following
            return parser.finish()
    except (_Reject, ArithmeticError) as error:
        # Never let a decimal signal escape: callers only handle ValueError.
        shown = text if len(text) <= 40 else text[:40] + "..."
        raise ValueError(f"not a number: {shown!r} ({error})") from None


def parse_number(text: str) -> Decimal:
    """Read one written number that must be exact (no range, not vague).

    Parameters
    ----------
    text : str
        The normalized number, e.g. ``"1,200万"`` or ``"壹佰萬"``.

    Returns
    -------
    Decimal
        The exact value.

    Raises
    ------
    ValueError
        If the text is not one number, or is a range or a vague amount.

    Examples
    --------
    >>> parse_number("1.5万亿")
    Decimal('1500000000000')

    """
    numeral = parse_numeral(text)
    if numeral.value is None or numeral.high is not None:
        shown = text if len(text) <= 40 else text[:40] + "..."
        raise ValueError(f"not an exact number: {shown!r}")
    return numeral.value
