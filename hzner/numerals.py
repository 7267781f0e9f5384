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
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Final

__all__ = ["NUMERAL_CHARS", "Numeral", "parse_number", "parse_numeral"]


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


# --- tokens ----------------------------------------------------------------


class _Reject(Exception):
    """Internal signal that the text is not one number; turned into ValueError."""


@dataclass(frozen=True, slots=True)
class _Arabic:
    """An Arabic literal such as ``1,200.5``."""

    value: Decimal
    int_len: int  # digits before the point, commas excluded
    fractional: bool


@dataclass(frozen=True, slots=True)
class _Run:
    """A run of bare Chinese digits, e.g. ``零五``, ``三八·二`` or ``两三``."""

    digits: str  # the integer part as ASCII digits, possibly empty ("点五")
    fraction: str | None  # ASCII digits after the point, None without a point
    liang: bool  # whether 两/兩 occurs in the run


@dataclass(frozen=True, slots=True)
class _Vague:
    """A 数 or 几 standing for an unknown digit."""


@dataclass(frozen=True, slots=True)
class _Unit:
    """A magnitude: 十百千 (small), 万亿 (big), or 廿卅 (tens with a coefficient)."""

    scale: int
    big: bool
    preset: int = 0


_Token = _Arabic | _Run | _Vague | _Unit

# Unit tokens are immutable, so one instance per character is shared; this keeps
# a long run of units from allocating a token per character.
_UNIT_TOKENS: Final[dict[str, _Unit]] = {
    **{ch: _Unit(scale, big=False) for ch, scale in _SMALL_UNITS.items()},
    **{ch: _Unit(10, big=False, preset=coef) for ch, coef in _PRESET_TENS.items()},
    **{ch: _Unit(scale, big=True) for ch, scale in _BIG_UNITS.items()},
}
_VAGUE_TOKEN: Final = _Vague()


def _read_arabic(run: str) -> _Arabic:
    """Read an Arabic literal, checking the thousands commas by hand.

    Parameters
    ----------
    run : str
        A maximal run of digit characters that contains an ASCII digit or a
        comma.

    Returns
    -------
    _Arabic
        The literal with its exact value.

    """
    whole, point, fraction = run.partition(".")
    if point and (not fraction or not all(ch in _ARABIC_DIGITS for ch in fraction)):
        raise _Reject("a decimal point must be followed by Arabic digits only")
    groups = whole.split(",")
    for group in groups:
        if not group or not all(ch in _ARABIC_DIGITS for ch in group):
            raise _Reject("Arabic digits mixed with other characters")
    # A comma separates thousands only: a leading group of 1-3 digits, then
    # groups of exactly 3 ("1,200" but not "1,20" or "1234,567").
    if len(groups) > 1 and (len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:])):
        raise _Reject("misplaced thousands separator")
    digits = "".join(groups)
    if len(digits) > 1 and digits[0] == "0":
        raise _Reject("leading zero")
    return _Arabic(
        value=Decimal(f"{digits}.{fraction}" if point else digits),
        int_len=len(digits),
        fractional=bool(point),
    )


def _read_chinese(run: str) -> _Run:
    """Read a run of Chinese digits with at most one decimal point.

    Parameters
    ----------
    run : str
        A maximal run of digit characters without ASCII digits or commas.

    Returns
    -------
    _Run
        The digits as ASCII, split at the decimal point.

    """
    # "十点五" is spoken style, but "." and "·" always follow a digit: ".八"
    # after a unit is debris, not a fraction.
    if run[0] in ".\u00b7":
        raise _Reject("a decimal point without a digit before it")
    whole: list[str] = []
    fraction: list[str] | None = None
    liang = False
    for ch in run:
        digit = _DIGITS.get(ch)
        if digit is None:  # a decimal point, "·", "点", "點" or "."
            if fraction is not None:
                raise _Reject("more than one decimal point")
            fraction = []
            continue
        liang = liang or ch in _LIANG
        (whole if fraction is None else fraction).append(digit)
    if fraction is not None and not fraction:
        raise _Reject("a decimal point must be followed by digits")
    return _Run(
        digits="".join(whole),
        fraction=None if fraction is None else "".join(fraction),
        liang=liang,
    )


def _tokens(text: str) -> Iterator[_Token]:
    """Split the text into tokens, lazily so that a bad start fails at once.

    Parameters
    ----------
    text : str
        The whole number as written.

    Yields
    ------
    _Token
        Units and vague markers one character each, digit runs whole.

    """
    end = len(text)
    i = 0
    while i < end:
        ch = text[i]
        unit = _UNIT_TOKENS.get(ch)
        if unit is not None:
            yield unit
            i += 1
        elif ch in _VAGUE_CHARS:
            yield _VAGUE_TOKEN
            i += 1
        elif ch in _RUN_CHARS:
            j = i + 1
            while j < end and text[j] in _RUN_CHARS:
                j += 1
            run = text[i:j]
            # Arabic and Chinese digits never share a run: "3五" is no number.
            if any(c in _ARABIC_DIGITS or c == "," for c in run):
                yield _read_arabic(run)
            else:
                yield _read_chinese(run)
            i = j
        else:
            raise _Reject(f"character {ch!r} cannot occur in a number")


# --- parser ----------------------------------------------------------------


class _Follow(Enum):
    """What comes right after a coefficient; its meaning depends on it."""

    SMALL = "small unit"
    BIG = "big unit"
    END = "end"


@dataclass(frozen=True, slots=True)
class _Term:
    """A finished part of the number, such as the ``两千万`` of ``一亿两千万``."""

    low: Decimal
    high: Decimal
    scale: int  # the magnitude that closed it: 1, 10**4, 10**8, 10**12
    # Whether a digit stood right before the 万/亿 ("两万", "十二万" but not
    # "十万", "一千万"): only then may an abbreviated digit follow ("两万五").
    explicit: bool


def _is_range(digits: str) -> bool:
    """Tell whether two bare digits are consecutive, like 三四 or 两三."""
    return len(digits) == 2 and digits[0] != "0" and int(digits[1]) == int(digits[0]) + 1


class _Parser:
    """State of the left-to-right reading of one number.

    The number is a stack of terms of strictly decreasing scale (``一亿`` then
    ``两千万``) and a section being built from small units (``两千``); a big
    unit closes the section, multiplying in the terms below its own scale so
    that ``万亿`` and ``1万2千亿`` read as 10**12 and 1.2 * 10**12.
    """

    def __init__(self) -> None:
        self.terms: list[_Term] = []
        # The coefficient just read, waiting for the unit (or end) after it.
        self.pending: tuple[Decimal, Decimal] | None = None
        # A 零 was read before a 十 with no digit of its own ("一千零十").
        self.zero_implicit = False
        self.pending_liang = False  # the pending coefficient is a lone 两
        self.last_big = 0  # the scale of the previous token if it was 万/亿
        self.only_units = False  # after a fraction or a range nothing else may come
        self.vague = False
        self.ranged = False
        self.has_unit = False
        self.sec_low = _ZERO
        self.sec_high = _ZERO
        self.sec_unit = 0  # the last small unit of the section, 0 for none
        self.sec_started = False
        # The section began with a 零 placeholder (or a point), which says where
        # its digits stand even when places are skipped ("一亿零五").
        self.sec_anchored = False
        self.last_explicit = False  # whether the last small unit had a coefficient

    def _reset_section(self) -> None:
        """Start a new section after a big unit."""
        self.sec_low = _ZERO
        self.sec_high = _ZERO
        self.sec_unit = 0
        self.sec_started = False
        self.sec_anchored = False
        self.last_explicit = False

    def _top(self) -> _Term:
        """Return the last closed term (callers know there is one)."""
        return self.terms[-1]

    def feed(self, token: _Token, following: _Token | None) -> None:
        """Take one token, given the token after it.

        Parameters
        ----------
        token : _Token
            The token to read.
        following : _Token or None
            The next token, ``None`` at the end of the text.

        """
        if isinstance(token, _Unit):
            if token.big:
                self._big(token.scale)
            else:
                self._small(token.scale, token.preset)
            return
        self.last_big = 0
        if following is None:
            follow = _Follow.END
        elif isinstance(following, _Unit):
            follow = _Follow.BIG if following.big else _Follow.SMALL
        else:
            raise _Reject("two numbers side by side")
        if self.only_units:
            raise _Reject("digits after a fraction or a range")
        self.pending_liang = isinstance(token, _Run) and token.digits in {"2", "02"} and token.liang
        if isinstance(token, _Arabic):
            self.pending = self._arabic(token, follow)
        elif isinstance(token, _Run):
            self.pending = self._chinese(token, follow)
        else:
            self.pending = self._vague(follow)

    # Coefficients. Each returns (low, high) of what the token contributes: the
    # coefficient of the unit after it, or its own value before a big unit or
    # the end of the text.

    def _abbreviated(self, digit: Decimal) -> tuple[Decimal, Decimal]:
        """Read the final digit of ``两万五`` or ``一百一`` as the next lower place."""
        if self.sec_started:
            if not self.last_explicit:  # "百一" is no number
                raise _Reject("abbreviation after a unit without coefficient")
            place = self.sec_unit // 10
        else:
            top = self._top()
            # "万一" is an idiom, not 11000; "一千万四" and "三千亿四" are debris.
            if not top.explicit:
                raise _Reject("abbreviation after a unit without a digit before it")
            place = top.scale // 10
        value = digit * place
        return value, value

    def _arabic(self, token: _Arabic, follow: _Follow) -> tuple[Decimal, Decimal]:
        """Interpret an Arabic literal in its place."""
        value = token.value
        if self.sec_started:
            # Inside a section only one digit per place: "2千5百", "2千5".
            if token.fractional or token.int_len != 1 or value == 0:
                raise _Reject("Arabic digits in the wrong place")
            if follow is _Follow.SMALL or self.sec_unit == 10:
                return value, value
            if follow is _Follow.END:
                return self._abbreviated(value)
            raise _Reject("Arabic digit before a big unit in the middle of a section")
        first = not self.terms
        if token.fractional:
            if follow is _Follow.SMALL and not (first and token.int_len == 1):
                raise _Reject("a fraction before 十百千 must be the single leading digit")
            if follow is _Follow.BIG and not first:
                raise _Reject("a fraction in the middle of a number")
            # "1万5.5" could be 15500 or 10005.5; refuse to guess.
            if follow is _Follow.END and not first and token.int_len == 1:
                raise _Reject("ambiguous fraction after a unit")
            self.only_units = True
        if value == 0 and (follow is not _Follow.END or not first):
            raise _Reject("zero as a coefficient")
        if follow is _Follow.SMALL and token.int_len != 1:
            raise _Reject("more than one digit before 十百千")
        if follow is _Follow.END and not first and token.int_len == 1 and not token.fractional:
            return self._abbreviated(value)  # "1万5" = 15000
        return value, value

    def _chinese(self, token: _Run, follow: _Follow) -> tuple[Decimal, Decimal] | None:
        """Interpret a run of Chinese digits in its place."""
        digits = token.digits
        first = not self.terms and not self.sec_started
        zero = False
        # A leading 零 after a unit is a placeholder for the skipped places
        # ("三千零五十", "一亿零五"), unless it is the whole (final) run.
        if (
            not first
            and digits.startswith("0")
            and (len(digits) > 1 or token.fraction is not None or follow is _Follow.SMALL)
        ):
            zero = True
            digits = digits[1:]
            if digits.startswith("0"):
                raise _Reject("more than one 零 in a row")
            if self.sec_started and self.sec_unit == 10:  # "十零三": nothing skipped
                raise _Reject("零 right after 十")
            if not self.sec_started:
                self.sec_anchored = True
        if token.fraction is not None:
            return self._chinese_fraction(token, digits, follow, first=first, zero=zero)
        if not digits:  # 零 right before a unit: only "一千零十" makes sense
            if follow is _Follow.SMALL:
                self.zero_implicit = True
                return None
            raise _Reject("零 with nothing after it")
        if self.sec_started:
            return self._chinese_in_section(token, digits, follow, zero=zero)
        if len(digits) == 1:
            if digits == "0":
                if first and follow is _Follow.END:
                    return _ZERO, _ZERO
                raise _Reject("零 as a coefficient")
            value = Decimal(digits)
            if follow is not _Follow.END:
                return value, value
            if token.liang:
                raise _Reject("两 must be followed by a unit")
            if first or zero:
                return value, value
            return self._abbreviated(value)  # "两万五"
        if _is_range(digits):
            if follow is _Follow.END:
                raise _Reject("a range needs a unit after it")
            return self._range(digits)
        # Digits one by one: "一二三四億", "三八億", "四五○億".
        if token.liang or follow is _Follow.SMALL:
            raise _Reject("digits one by one cannot take 两 or 十百千")
        if digits[0] == "0":
            raise _Reject("leading zero")
        value = Decimal(digits)
        return value, value

    def _chinese_in_section(
        self, token: _Run, digits: str, follow: _Follow, *, zero: bool
    ) -> tuple[Decimal, Decimal]:
        """Interpret Chinese digits that follow a small unit, as in ``三千零五十``."""
        ones_place = zero or self.sec_unit == 10
        if digits == "0":  # "三千零", "十零": a 零 must lead to a digit
            raise _Reject("零 with nothing after it")
        if len(digits) == 1:
            value = Decimal(digits)
            if follow is _Follow.SMALL:
                return value, value
            if token.liang:
                raise _Reject("两 must be followed by a unit")
            if ones_place:
                return value, value
            if follow is _Follow.END:
                return self._abbreviated(value)  # "一百一" = 110
            raise _Reject("a digit between a small and a big unit")
        if _is_range(digits) and (follow is _Follow.SMALL or (ones_place and not token.liang)):
            return self._range(digits)  # "三百七八十", "十七八"; not "廿两三"
        raise _Reject("several digits after a unit")

    def _chinese_fraction(
        self, token: _Run, digits: str, follow: _Follow, *, first: bool, zero: bool
    ) -> tuple[Decimal, Decimal]:
        """Interpret Chinese digits with a decimal point (``三八·二``, ``点五``)."""
        if token.liang:
            raise _Reject("两 in a fraction")
        if follow is _Follow.SMALL:
            # "三点五千万": only as the single leading digit of the number.
            if not first or len(digits) != 1:
                raise _Reject("a fraction before 十百千 must be the single leading digit")
        elif follow is _Follow.BIG and self.terms:
            raise _Reject("a fraction in the middle of a number")
        if first:
            if not digits or (len(digits) > 1 and digits[0] == "0"):
                raise _Reject("malformed leading fraction")
        elif self.sec_started:
            # "一百二十三点四五", "一百零五点五", "十点五"; "一百五点五" is
            # ambiguous between 150.5 and 105.5.
            if len(digits) > 1 or (digits and not zero and self.sec_unit != 10):
                raise _Reject("ambiguous fraction after a unit")
        elif len(digits) > 1 or (digits and not zero):
            # After 万/亿 only "十万点五" or "一亿零五点五".
            raise _Reject("ambiguous fraction after a unit")
        else:
            self.sec_anchored = True
        value = Decimal(f"{digits or '0'}.{token.fraction}")
        if value == 0 and follow is not _Follow.END:
            raise _Reject("zero as a coefficient")
        self.only_units = True
        return value, value

    def _range(self, digits: str) -> tuple[Decimal, Decimal]:
        """Read two consecutive digits such as 三四 as a range 3..4."""
        self.ranged = True
        self.only_units = True
        return Decimal(digits[0]), Decimal(digits[1])

    def _vague(self, follow: _Follow) -> tuple[Decimal, Decimal]:
        """Read 数/几 like a digit; its value only has to pass the checks."""
        self.vague = True
        # 数/几 stands before a unit (数十, 几万) or for the ones after 十
        # (十几); "一万几" and "五亿数" are too loose to count as amounts.
        if follow is _Follow.END and self.sec_unit != 10:
            raise _Reject("数/几 must be followed by a unit or follow 十")
        if follow is _Follow.BIG and self.sec_started and self.sec_unit != 10:
            raise _Reject("a digit between a small and a big unit")
        return _ONE, _ONE

    # Units.

    def _small(self, unit: int, preset: int) -> None:
        """Multiply the pending coefficient by 十, 百 or 千 into the section."""
        self.last_big = 0
        explicit = True
        coef: tuple[Decimal, Decimal]
        if preset:  # 廿, 卅 carry their coefficient: "二廿" is no number
            if self.pending is not None or self.only_units:
                raise _Reject("a coefficient before 廿/卅")
            coef = Decimal(preset), Decimal(preset)
        elif self.pending is not None:
            if self.pending_liang and unit == 10:  # always 二十, never 两十
                raise _Reject("两 before 十")
            coef = self.pending
        elif self.only_units:
            raise _Reject("a unit out of place after a fraction or range")
        elif self.sec_started or self.zero_implicit:
            # Inside a number only 十 may drop its 一: "一百十五", "一千零十".
            if unit != 10:
                raise _Reject("a unit without coefficient")
            coef = _ONE, _ONE
        elif not self.terms:
            coef = _ONE, _ONE  # "百亿", "十五", "千万"
            explicit = False
        else:
            raise _Reject("a unit without coefficient after 万/亿")
        if self.sec_unit and unit >= self.sec_unit:
            raise _Reject("units out of order")
        self.sec_low += coef[0] * unit
        self.sec_high += coef[1] * unit
        self.sec_unit = unit
        self.sec_started = True
        self.last_explicit = explicit
        self.has_unit = True
        self.pending = None
        self.zero_implicit = False

    def _take_pending(self) -> None:
        """Add the pending coefficient to the section as its last place."""
        if self.pending is not None:
            self.sec_low += self.pending[0]
            self.sec_high += self.pending[1]
            self.sec_started = True
            self.pending = None

    def _big(self, unit: int) -> None:
        """Close the section with 万 or 亿 and push it as a term."""
        chain = self.last_big != 0
        if chain:
            # Only 万亿 chains; 万万, 亿亿 and 亿万 are idioms, not numbers.
            if unit <= self.last_big:
                raise _Reject("repeated or descending 万/亿")
            low, high, explicit = _ZERO, _ZERO, False
        else:
            explicit = self.pending is not None
            self._take_pending()
            if self.sec_started:
                low, high = self.sec_low, self.sec_high
            elif not self.terms:
                low, high = _ONE, _ONE  # "万", "亿", "万亿"
            else:  # pragma: no cover - a section is only empty after 万/亿
                raise _Reject("empty section")
        scale = unit
        popped: list[_Term] = []
        while self.terms and self._top().scale < unit:
            popped.append(self.terms.pop())
        if popped:
            # No abbreviation after 万亿 or 1万2千亿: "两万亿五" is no usage.
            explicit = False
            if not chain:
                # "1万2千亿" = 12000亿: the section sits right below the popped
                # term, so it must fill the place under it (or say 零).
                lowest = popped[0].scale
                if high >= lowest or (low * 10 < lowest and not self.sec_anchored):
                    raise _Reject("a section does not fit below the previous one")
            for term in popped:
                low += term.low
                high += term.high
            scale = unit * popped[-1].scale
        elif chain:  # pragma: no cover - a 万 term is always below 亿
            raise _Reject("nothing to multiply")
        if self.terms:
            top = self._top()
            if top.scale <= scale or high * unit >= top.scale:
                raise _Reject("a term does not fit below the previous one")
        self.terms.append(_Term(low * unit, high * unit, scale, explicit))
        self._reset_section()
        self.last_big = unit
        self.has_unit = True

    def finish(self) -> Numeral:
        """Close the last section and add up the terms.

        Returns
        -------
        Numeral
            The number read.

        """
        self._take_pending()
        if self.sec_started and self.terms:
            scale = self._top().scale
            if self.sec_high >= scale:
                raise _Reject("the last section does not fit below the previous one")
            # With no unit after it, the last section must start right below
            # the term before it ("一万五千") or say 零 ("一亿零五千"):
            # "一亿五千" may be short for 一亿五千万 and "万一六" is debris.
            if self.sec_low * 10 < scale and not self.sec_anchored:
                raise _Reject("places skipped without 零")
        if self.sec_started:
            self.terms.append(_Term(self.sec_low, self.sec_high, 1, explicit=False))
        if not self.terms:  # pragma: no cover - the text had a token
            raise _Reject("no digits")
        if (self.vague or self.ranged) and not self.has_unit:
            raise _Reject("a vague amount or range needs a unit")
        if self.vague:
            return Numeral(None, None, vague=True)
        low = sum((t.low for t in self.terms), _ZERO)
        if not self.ranged:
            return Numeral(_tidy(low), None, vague=False)
        high = sum((t.high for t in self.terms), _ZERO)
        return Numeral(_tidy(low), _tidy(high), vague=False)


def _tidy(value: Decimal) -> Decimal:
    """Give integral values without exponent and drop trailing fraction zeros.

    Products with 10**8 come out as ``5.102E+10``-like exponents; quantizing
    to 1 writes them out so that ``str`` shows every digit.
    """
    if value == value.to_integral_value():
        return value.quantize(_ONE)
    return value.normalize()


def _context(text: str) -> decimal.Context:
    """Make a decimal context in which every step on this text is exact.

    Each character adds at most one digit or a factor 10**8, so 9 digits per
    character bound the result; Inexact is trapped to make sure nothing is
    ever rounded, and the exponent limits are lifted for very long inputs.
    """
    return decimal.Context(
        prec=min(decimal.MAX_PREC, 9 * len(text) + 64),
        Emax=decimal.MAX_EMAX,
        Emin=decimal.MIN_EMIN,
        traps=[decimal.InvalidOperation, decimal.Inexact, decimal.Overflow],
    )


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
    return quick if quick is not None else _parse(text)


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
