"""ORG candidates and the other mentions of their names (`hzner.orgs.recognizer`).

A candidate is a span of the view with the rule that found it. The mentions
a text makes of names that evidence made ORGs (a company's short forms after
its full name, every other mention of a brand, a user's names) are found
here, and `resolve` keeps non-overlapping candidates, the longer first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .lexicon import OrgLexicon
from .names import occurrences, trade_name

__all__ = ["BRAND_RULES", "Found", "known", "resolve", "same_names", "short_forms"]

# The rules whose names are brands with no form: their other mentions count too.
BRAND_RULES = frozenset({"subject", "trade", "class-list", "list"})


@dataclass(slots=True)
class Found:
    """An ORG candidate: its span in the view, its full name for a short form, its rule."""

    start: int
    end: int
    full: str | None
    rule_id: str
    company: bool = False  # a company named in full: its short forms count after it


def short_forms(
    text: str, companies: Iterable[Found], lexicon: OrgLexicon, parks: Iterable[str] = ()
) -> list[Found]:
    """The mentions of each company's short forms after the company's full name.

    A short form that begins the name of a park of the text (天津东疆发展有限公司 …
    东疆综保区: ``parks`` holds the parks' names) names the park, not the company.
    """
    shorts: dict[str, str] = {}
    first: dict[str, int] = {}
    for company in companies:
        full = text[company.start : company.end]
        if full in first:
            continue
        first[full] = company.end
        for short in trade_name(full, lexicon):
            shorts.setdefault(short, full)
    if shorts and parks:
        names = tuple(parks)
        shorts = {
            short: full
            for short, full in shorts.items()
            if not any(name.startswith(short) for name in names)
        }
    found = []
    for start, end, short in occurrences(text, shorts):
        full = shorts[short]
        if start >= first[full]:
            found.append(Found(start, business_end(text, end, lexicon), full, "short"))
    return found


def business_end(text: str, end: int, lexicon: OrgLexicon) -> int:
    """Extend a trade name over the trade words written after it (泽璟|制药)."""
    while (found := lexicon.trades.longest_at(text, end)) is not None:
        end = found[0]
    return end


def known(text: str, lexicon: OrgLexicon) -> list[Found]:
    """The user's organisations and their short forms."""
    found = []
    seen: dict[str, int] = {}
    for start, end, names in lexicon.known.finditer(text):
        name = names[-1]
        word = text[start:end]
        if word == name:
            seen.setdefault(name, end)
        full = name if word != name and seen.get(name, len(text) + 1) <= start else None
        found.append(Found(start, end, full, "org-rule"))
    return found


def same_names(text: str, found: Sequence[Found]) -> list[Found]:
    """Every other mention of a name that evidence made an ORG (今创投资建设… 今创)."""
    names = {text[item.start : item.end] for item in found if item.rule_id in BRAND_RULES}
    return [Found(start, end, None, "same-name") for start, end, _ in occurrences(text, names)]


def resolve(candidates: list[Found], size: int) -> list[Found]:
    """Keep non-overlapping candidates: the longer wins, then the earlier found."""
    taken = bytearray(size)
    kept = []
    order = sorted(enumerate(candidates), key=lambda pair: (pair[1].start - pair[1].end, pair[0]))
    for _, found in order:
        if taken.find(1, found.start, found.end) < 0:
            taken[found.start : found.end] = b"\x01" * (found.end - found.start)
            kept.append(found)
    kept.sort(key=lambda found: found.start)
    return kept
