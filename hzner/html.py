"""An HTML view of `Facts`, drawn by spaCy's displaCy.

Each entity is a coloured mark with its label and what hzner made of it:
a MONEY's value, currency, bound and role; a PARK's official zone (or
``unlinked``) and kind; a PROJECT's status and its investment and park, as
links to those marks. The full record of each entity is in a tooltip.
Entities are given to displaCy as manual spans, so no spaCy pipeline runs.

Examples
--------
>>> import hzner
>>> markup = render(hzner.extract("总投资5亿元的项目落户光谷"))
>>> "500000000 CNY" in markup and "武汉东湖新技术开发区" in markup
True

"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .types import Entity, Facts, Money, Park, Project

__all__ = ["COLORS", "describe", "figure", "head", "page", "render", "tail"]

COLORS: dict[str, str] = {
    "MONEY": "#ffd166",
    "PARK": "#8fd3c7",
    "PROJECT": "#c3b1e1",
    "ORG": "#f4a6a6",
}
OTHER_COLOR = "#dddddd"

# displaCy's entity mark, with a tooltip, an anchor, and our details after the label.
_TEMPLATE = """
<mark class="entity" id="{anchor}" title="{tooltip}" style="background: {bg}; padding: 0.45em 0.6em; margin: 0 0.25em; line-height: 1; border-radius: 0.35em;">
    {text}
    <span style="font-size: 0.8em; font-weight: bold; line-height: 1; border-radius: 0.35em; vertical-align: middle; margin-left: 0.5rem">{label}</span>
    <span style="font-size: 0.75em; line-height: 1; vertical-align: middle; margin-left: 0.3rem">{details}</span>
</mark>
"""  # noqa: E501

_HEAD = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>{title}</title>
</head>
<body style="font-size: 16px; font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, 'PingFang SC', 'Microsoft YaHei', sans-serif; padding: 2rem; line-height: 1.6">
"""  # noqa: E501
_FIGURE = '<figure style="margin-bottom: 4rem">{content}</figure>\n'
_TAIL = "</body>\n</html>\n"


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _amount(money: Money) -> str:
    record = money.to_dict()
    if record["value"] is None:
        return f"? {money.currency}"
    if record["high"] is not None:
        return f"{record['value']}–{record['high']} {money.currency}"
    return f"{record['value']} {money.currency}"


def _where(park: Park) -> str:
    if park.zone is not None:
        return park.zone
    if park.candidates:
        return "ambiguous: " + ", ".join(park.candidates)
    return "unlinked"


def _place(park: Park) -> list[str]:
    """The park's province and city, once when they are one (重庆市), or nothing."""
    names = [name for name in (park.province, park.city) if name]
    return [" ".join(dict.fromkeys(names))] if names else []


def describe(entity: Entity, link: Callable[[Entity], str] | None = None) -> str:
    """What hzner made of an entity, in one line of plain text.

    ``link`` writes a project's investment and park (default: their text).

    Examples
    --------
    >>> import hzner
    >>> [describe(entity) for entity in hzner.extract("光谷投资超5亿元").entities]
    ['武汉东湖新技术开发区 · high_tech_zone · 湖北省 武汉市', '500000000 CNY · over · investment']

    """
    if isinstance(entity, Money):
        bound = [] if entity.bound.value == "exact" else [entity.bound.value]
        return " · ".join([_amount(entity), *bound, entity.role.value])
    if isinstance(entity, Park):
        return " · ".join([_where(entity), entity.kind.value, *_place(entity)])
    if isinstance(entity, Project):
        show = link or (lambda linked: linked.text)
        status = "no status" if entity.status is None else entity.status.value
        investment = "—" if entity.investment is None else show(entity.investment)
        park = "—" if entity.park is None else show(entity.park)
        return f"{status} · investment {investment} · park {park}"
    # Any other label (ORG, a user's phrase): its own fields, as to_dict() gives them.
    fields = entity.to_dict()
    shown = [str(value) for key, value in fields.items() if key not in _SPAN and _shown(value)]
    return " · ".join(shown)


_SPAN = frozenset({"start", "end", "label", "text"})


def _shown(value: object) -> bool:
    return value is not None and value is not False and value != "" and value != []


def _details(entity: Entity, anchors: dict[tuple[str, int, int], str]) -> str:
    def link(linked: Entity) -> str:
        anchor = anchors.get((linked.label, linked.start, linked.end))
        text = _esc(linked.text)
        return text if anchor is None else f'<a href="#{anchor}">{text}</a>'

    if isinstance(entity, Project):
        return describe(entity, link)
    return _esc(describe(entity))


def _tooltip(entity: Entity) -> str:
    record = entity.to_dict()
    fields = {key: value for key, value in record.items() if value is not None}
    rule = getattr(entity, "rule_id", "")
    if rule:
        fields["rule"] = rule
    return _esc("; ".join(f"{key}: {value}" for key, value in fields.items()))


def _spans(facts: Facts, prefix: str) -> list[dict[str, Any]]:
    """The manual spans for displaCy: a mark per entity, one inside another in its tooltip."""
    anchors: dict[tuple[str, int, int], str] = {}
    shown: list[Entity] = []
    inside: list[list[Entity]] = []
    end = 0
    for entity in sorted(facts.entities, key=lambda e: (e.start, -e.end)):
        if shown and entity.start < end:
            inside[-1].append(entity)
            continue
        anchors[(entity.label, entity.start, entity.end)] = f"{prefix}-{len(shown)}"
        shown.append(entity)
        inside.append([])
        end = entity.end
    return [
        {
            "start": entity.start,
            "end": entity.end,
            "label": entity.label,
            "params": {
                "label": _esc(entity.label),
                "anchor": anchors[(entity.label, entity.start, entity.end)],
                "tooltip": "\n".join(_tooltip(item) for item in [entity, *nested]),
                "details": _details(entity, anchors),
            },
        }
        for entity, nested in zip(shown, inside, strict=True)
    ]


def render(facts: Facts, *, title: str | None = None, anchor: str = "e") -> str:
    """The HTML of one document: its text with a coloured mark per entity.

    Parameters
    ----------
    facts
        What hzner found in the text.
    title
        A heading above the text (escaped).
    anchor
        The prefix of the marks' ids (``{anchor}-0``, ``{anchor}-1`` …); give
        each document of a page its own.

    Notes
    -----
    displaCy cannot nest marks: an entity that overlaps an earlier one (a
    user's phrase inside a project name) is listed in that one's tooltip.

    """
    from spacy import displacy

    colors = {**COLORS, **{m.label.upper(): OTHER_COLOR for m in facts.others}}
    options = {"colors": colors, "template": _TEMPLATE}
    doc = {
        "text": facts.text,
        "ents": _spans(facts, _esc(anchor)),
        "title": None if title is None else _esc(title),
    }
    markup = displacy.render(doc, style="ent", manual=True, options=options, jupyter=False)
    return str(markup)


def head(title: str = "hzner") -> str:
    """The start of a page, up to its first document."""
    return _HEAD.format(title=_esc(title))


def figure(facts: Facts, *, title: str | None = None, anchor: str = "e") -> str:
    """One document of a page: `render` in its own block."""
    return _FIGURE.format(content=render(facts, title=title, anchor=anchor))


def tail() -> str:
    """The end of a page, after its last document."""
    return _TAIL


def page(documents: Iterable[tuple[str, Facts]], *, title: str = "hzner") -> Iterator[str]:
    """A whole HTML page, in pieces, one document (titled) after another.

    Examples
    --------
    >>> import hzner
    >>> markup = "".join(page([("a", hzner.extract("光谷"))]))
    >>> markup.startswith("<!DOCTYPE html>") and markup.rstrip().endswith("</html>")
    True

    """
    yield head(title)
    for number, (heading, facts) in enumerate(documents):
        yield figure(facts, title=heading, anchor=f"d{number}")
    yield tail()
