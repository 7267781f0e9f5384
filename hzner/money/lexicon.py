"""The word lists of the MONEY recognizer, compiled once from rules."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..lexicon import Lexicon
from ..rules import RuleSet

__all__ = ["MoneyLexicon", "last"]


@dataclass(frozen=True)
class MoneyLexicon:
    """The word lists of the MONEY recognizer, compiled once from rules."""

    rules: RuleSet

    @cached_property
    def after(self) -> Lexicon[str]:
        """Currency words written after the number (元, 美元 ...)."""
        return self.rules.lexicon("currency", "code", position="after")

    @cached_property
    def before(self) -> Lexicon[str]:
        """Currency words and symbols written before the number (人民币, US$ ...)."""
        return self.rules.lexicon("currency", "code", position="before")

    @cached_property
    def after_starts(self) -> frozenset[str]:
        """First characters of what may follow an amount's number (元, 美元, 至 ...)."""
        return frozenset(key[0] for key in (*self.after, *self.separators))

    @cached_property
    def before_ends(self) -> frozenset[str]:
        """Last characters of the currency words written before a number ($, 人民币 ...)."""
        return frozenset(key[-1] for key in self.before) | {" "}

    @cached_property
    def qualifiers_before(self) -> Lexicon[str]:
        """Bound qualifiers before the amount (约, 超过 ...)."""
        return self.rules.lexicon("qualifier", "bound", position="before")

    @cached_property
    def qualifiers_after(self) -> Lexicon[str]:
        """Bound qualifiers after the amount (左右, 以上 ...)."""
        return self.rules.lexicon("qualifier", "bound", position="after")

    @cached_property
    def separators(self) -> Lexicon[str]:
        """Range separators (至, 到, -)."""
        return self.rules.lexicon("range_separator", "word")

    @cached_property
    def cues(self) -> Lexicon[str]:
        """Money cue words and the role they give."""
        return self.rules.lexicon("money_cue", "role")

    @cached_property
    def after_cue_starts(self) -> frozenset[str]:
        """The first characters of what follows an amount whose cue comes after it.

        A cue's, a qualifier's, or 的 (`hzner.money.roles.cue_after`).
        """
        cues = frozenset(key[0] for key in self.cues)
        return cues | frozenset(key[0] for key in self.qualifiers_after) | {"的"}

    @cached_property
    def scale_words(self) -> Lexicon[str]:
        """Words after an amount that make it an industry's scale (千亿级)."""
        return self.rules.lexicon("scale_word", "word")

    @cached_property
    def locale_cues(self) -> Lexicon[str]:
        """Words that mark text from Taiwan or Hong Kong, and the currency of 元 there."""
        return self.rules.lexicon("locale_cue", "currency")


def last(values: tuple[str, ...]) -> str:
    """The value of the last rule for a word: a later rule overrides an earlier one."""
    return values[-1]
