"""The document's yuan: which currency a bare 元 (or an implied currency) is.

The contract (docs/entities.md, MONEY): the yuan currency the document last named before the
amount (人民币 CNY, 新台币 TWD, 港元/港币 HKD, 澳门元 MOP; 美元 and other
non-yuan units never carry); with none named, the caller's yuan; else the
place the text shows it is from (Taiwan's or Hong Kong's institutions, in
traditional script); else CNY. Script alone says nothing: mainland news is
mirrored in traditional script every day.
"""

from __future__ import annotations

import bisect

from ..normalize import NormalizedText
from .forms import EverydayForms
from .lexicon import MoneyLexicon, last

__all__ = ["DocumentYuan"]

# Traditional script: at least this many converted characters, and one in
# _TRADITIONAL_SHARE of the text (a mainland text quoting one name is not).
_TRADITIONAL_MIN = 2
_TRADITIONAL_SHARE = 50


class DocumentYuan:
    """The yuan names of one document, and the yuan at any position in it.

    Examples
    --------
    >>> from hzner.normalize import normalize
    >>> from hzner.rules import RuleSet
    >>> from hzner.money.forms import everyday_forms
    >>> norm = normalize("售价5000万新台币，另有3亿元")
    >>> yuan = DocumentYuan(norm, MoneyLexicon(RuleSet.default()), everyday_forms())
    >>> yuan.at(0), yuan.at(12)
    ('CNY', 'TWD')

    """

    def __init__(
        self,
        norm: NormalizedText,
        lexicon: MoneyLexicon,
        forms: EverydayForms,
        caller: str | None = None,
    ) -> None:
        self.starts: list[int] = []
        self.codes: list[str] = []
        for match in forms.yuan_pattern.finditer(norm.text):
            self.starts.append(match.start())
            self.codes.append(forms.yuan_names[match.group()])
        self.fallback = caller or _locale_currency(norm, lexicon)

    def at(self, position: int) -> str:
        """The yuan of an amount whose number starts at ``position`` in the view."""
        index = bisect.bisect_left(self.starts, position) - 1
        return self.codes[index] if index >= 0 else self.fallback


def _locale_currency(norm: NormalizedText, lexicon: MoneyLexicon) -> str:
    """TWD or HKD for text that shows it is from there, else CNY.

    Text from Taiwan or Hong Kong is written in traditional characters and
    names its institutions (行政院, 特區政府); mainland text names them too, so
    a cue counts only in traditional script, and the script alone is no cue.
    """
    if norm.traditional < max(_TRADITIONAL_MIN, len(norm.text) // _TRADITIONAL_SHARE):
        return "CNY"
    votes: dict[str, int] = {}
    for _, _, codes in lexicon.locale_cues.finditer(norm.text):
        code = last(codes)
        votes[code] = votes.get(code, 0) + 1
    if not votes:
        return "CNY"
    return max(sorted(votes), key=lambda code: votes[code])
