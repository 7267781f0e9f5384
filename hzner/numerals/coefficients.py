"""Coefficients: what the digits before a unit, or at the end, contribute.

The parser's state lives here with the readings of Arabic literals, Chinese
digit runs (positional, digit by digit, with fractions), ranges such as 三四
and the vague 数/几; `hzner.numerals.magnitudes` adds the units.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from .chars import _ONE, _ZERO
from .tokens import _Arabic, _Reject, _Run

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


class _Coefficients:
    """State of the left-to-right reading of one number, and its coefficients.

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
