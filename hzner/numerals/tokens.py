"""The lexer: a written number split into digit runs, units and vague markers."""

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from .chars import (
    _ARABIC_DIGITS,
    _BIG_UNITS,
    _DIGITS,
    _LIANG,
    _PRESET_TENS,
    _RUN_CHARS,
    _SMALL_UNITS,
    _VAGUE_CHARS,
)

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
