"""The spaCy extension attributes: the only place that calls set_extension.

What hzner stores on a Doc is plain data (str, int, bool, None, lists and
dicts of them) under ``doc.user_data["hzner"]``, so that ``Doc.to_bytes``,
``DocBin`` and ``nlp.pipe(..., n_process=2)`` work; the typed objects are
built by the getters below.
"""

from __future__ import annotations

import weakref
from typing import Any

from spacy.tokens import Doc, Span

from .types import Facts, Mention, Money, Park, Project, Status

__all__ = ["KEY", "doc_text", "facts_from_data", "get_data", "set_extensions"]

KEY = "hzner"

# Doc.text is joined from the tokens at every access, which costs more than
# all of hzner's recognizers on a newspaper page. A Doc's text never changes
# (retokenizing keeps it), so it is built once per Doc and kept while the
# Doc lives.
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """The text of ``doc``, joined from its tokens once per Doc."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def get_data(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """The plain data hzner keeps on ``doc`` (created empty when missing)."""
    data: dict[str, list[dict[str, Any]]] | None = doc.user_data.get(KEY)
    if data is None:
        data = {"money": [], "parks": [], "projects": []}
        doc.user_data[KEY] = data
    return data


def facts_from_data(text: str, data: dict[str, list[dict[str, Any]]]) -> Facts:
    """Build typed `Facts` from the plain data of a Doc."""
    money = tuple(Money.from_dict(item) for item in data.get("money", ()))
    parks = tuple(Park.from_dict(item) for item in data.get("parks", ()))
    projects = tuple(_project(item, money, parks) for item in data.get("projects", ()))
    others = tuple(
        Mention(item["text"], item["start"], item["end"], item["label"], item.get("rule_id", ""))
        for item in data.get("others", ())
    )
    return Facts(text, money, parks, projects, others)


def _project(item: dict[str, Any], money: tuple[Money, ...], parks: tuple[Park, ...]) -> Project:
    investment = item.get("investment_index")
    park = item.get("park_index")
    status = item.get("status")
    return Project(
        text=item["text"],
        start=item["start"],
        end=item["end"],
        status=None if status is None else Status(status),
        investment=None if investment is None else money[investment],
        park=None if park is None else parks[park],
        rule_id=item.get("rule_id", ""),
        status_cue=item.get("status_cue"),
    )


def _doc_facts(doc: Doc) -> Facts:
    return facts_from_data(doc_text(doc), get_data(doc))


def _span_entity(span: Span, label: str) -> Any:
    if span.label_ != label:
        return None
    facts = _doc_facts(span.doc)
    found: tuple[Money, ...] | tuple[Park, ...] | tuple[Project, ...]
    if label == "MONEY":
        found = facts.money
    elif label == "PARK":
        found = facts.parks
    else:
        found = facts.projects
    for entity in found:
        if entity.start == span.start_char and entity.end == span.end_char:
            return entity
    return None


def _money(span: Span) -> Money | None:
    result: Money | None = _span_entity(span, "MONEY")
    return result


def _park(span: Span) -> Park | None:
    result: Park | None = _span_entity(span, "PARK")
    return result


def _project_of(span: Span) -> Project | None:
    result: Project | None = _span_entity(span, "PROJECT")
    return result


def set_extensions() -> None:
    """Register ``doc._.facts`` and ``span._.money/park/project`` once."""
    if not Doc.has_extension("facts"):
        Doc.set_extension("facts", getter=_doc_facts)
    for name, getter in (("money", _money), ("park", _park), ("project", _project_of)):
        if not Span.has_extension(name):
            Span.set_extension(name, getter=getter)
