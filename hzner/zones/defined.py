"""The short forms a text defines for a park it has just named.

井冈山经济技术开发区(以下简称“井开区”): every later 井开区 of the text names
the same zone, though no list has that form. The definition follows the
name at once, in brackets or after a comma, with its form in quotes (or
bare, when the bracket closes right after it); a form that is a bare zone
word (以下简称“开发区”) or a count of parks (“两区”) is a back-reference, not a
name (SPEC.md, PARK), and defines nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["MAX_DEFINED", "defined_form", "mentions"]

# Right after the name: (以下简称“X”), ,简称"X", (下称「X」), (以下简称X); the view has
# ASCII brackets and commas (`hzner.normalize`).
_DEFINITION = re.compile(
    "[(,]?(?:以下)?(?:简称|下称)[为:]?"
    '(?:[\u201c"\u300c\u300e]([^\u201d"\u300d\u300f(),。]{2,8})[\u201d"\u300d\u300f]'
    # or bare, closed by the bracket: (以下简称苏锡通园区)
    '|([^\u201c\u201d"\u300c\u300d\u300e\u300f(),。、;:]{2,8})(?=[)]))'
)
# What a form that counts parks begins with (两区, 三园).
_COUNTS = frozenset("一二两三四五六七八九十几多")
# At most this many defined forms a text: each is one scan of the text.
MAX_DEFINED = 8


def defined_form(text: str, end: int) -> tuple[int, int] | None:
    """The span of the short form defined right after a name ending at ``end``, if any.

    A form that begins with a count names several parks at once (蒙自经开区红河综保区
    (以下简称“两区”)): a back-reference, not a park's name.
    """
    match = _DEFINITION.match(text, end)
    if match is None:
        return None
    group = 1 if match.start(1) >= 0 else 2
    if text[match.start(group)] in _COUNTS:
        return None
    return match.span(group)


def mentions(text: str, form: str, start: int) -> Iterator[int]:
    """Where ``form`` occurs in ``text`` from ``start`` on (its definition included)."""
    pos = text.find(form, start)
    while pos >= 0:
        yield pos
        pos = text.find(form, pos + len(form))
