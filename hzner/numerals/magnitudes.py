"""Magnitudes: 十百千 build a section, 万亿兆 close it into terms of a number."""

from decimal import Decimal

from .chars import _ONE, _ZERO
from .coefficients import _Coefficients, _Follow, _Term
from .numeral import Numeral, tidy
from .tokens import _Arabic, _Reject, _Run, _Token, _Unit


class _Parser(_Coefficients):
    """The whole reading of one number: coefficients, then the units after them."""

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
            return Numeral(tidy(low), None, vague=False)
        high = sum((t.high for t in self.terms), _ZERO)
        return Numeral(tidy(low), tidy(high), vague=False)
