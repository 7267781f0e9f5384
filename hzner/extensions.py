"""The spaCy extension attributes: the only place that calls set_extension.

What hzner stores on a Doc is plain data (str, int, bool, None, lists and
dicts of them) under ``doc.user_data["hzner"]``, so that ``Doc.to_bytes``,
``DocBin`` and ``nlp.pipe(..., n_process=2)`` work; the typed objects are
built by the getters below.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc, Span

from .types import Entity, Facts, Mention, Money, Org, Park, Project, Status

__all__ = [
    "KEY",
    "cache_facts",
    "doc_facts",
    "doc_text",
    "facts_from_data",
    "get_data",
    "plain_data",
    "remember_text",
    "set_extensions",
]

KEY = "hzner"

# Doc.text is joined from the tokens at every access, which costs more than
# all of hzner's recognizers on a newspaper page. A Doc's text never changes
# (retokenizing keeps it), so it is built once per Doc and kept while the
# Doc lives.
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """The text of ``doc``: as hzner's tokenizer was given it, else joined once per Doc."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = _join(doc)
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record ``text`` as the text of ``doc`` (the tokenizer knows it for free)."""
    _TEXTS[doc] = text


def _join(doc: Doc) -> str:
    """``doc.text``, from the string store and two arrays rather than a Token per token."""
    if not len(doc):
        return ""
    strings = doc.vocab.strings
    rows = doc.to_array(["ORTH", "SPACY"]).tolist()
    return "".join(strings[orth] + " " if space else strings[orth] for orth, space in rows)


def get_data(doc: Doc) -> dict[str, list[dict[str, Any]]]:
    """The plain data hzner keeps on ``doc`` (created empty when missing)."""
    data: dict[str, list[dict[str, Any]]] | None = doc.user_data.get(KEY)
    if data is None:
        data = {"money": [], "parks": [], "projects": []}
        doc.user_data[KEY] = data
    return data


def _plain_entity(entity: Money | Park | Org) -> dict[str, Any]:
    data = entity.to_dict()
    data["rule_id"] = entity.rule_id
    if isinstance(entity, Park):
        data["zone_id"] = entity.zone_id
        data["candidates"] = list(entity.candidates)
    return data


def plain_data(facts: Facts) -> dict[str, list[dict[str, Any]]]:
    """The plain form of ``facts`` that `facts_from_data` reads back.

    A project's links are indices into the lists of the same data; a company
    that is no ORG of the text (the name inside the project's own) is kept
    whole, as ``company_org``.
    """
    money_index = {id(money): index for index, money in enumerate(facts.money)}
    park_index = {id(park): index for index, park in enumerate(facts.parks)}
    org_index = {id(org): index for index, org in enumerate(facts.orgs)}
    projects = []
    for project in facts.projects:
        item = {
            **project.to_dict(),
            "rule_id": project.rule_id,
            "investment_index": None
            if project.investment is None
            else money_index[id(project.investment)],
            "park_index": None if project.park is None else park_index[id(project.park)],
        }
        company = project.company
        if company is not None:
            index = org_index.get(id(company))
            item["company_index"] = index
            if index is None:
                item["company_org"] = _plain_entity(company)
        projects.append(item)
    return {
        "money": [_plain_entity(money) for money in facts.money],
        "parks": [_plain_entity(park) for park in facts.parks],
        "projects": projects,
        "orgs": [_plain_entity(org) for org in facts.orgs],
        "others": [{**mention.to_dict(), "rule_id": mention.rule_id} for mention in facts.others],
    }


def facts_from_data(text: str, data: Mapping[str, list[dict[str, Any]]]) -> Facts:
    """Build typed `Facts` from the plain data of a Doc (what `plain_data` wrote)."""
    money = tuple(Money.from_dict(item) for item in data.get("money", ()))
    parks = tuple(Park.from_dict(item) for item in data.get("parks", ()))
    orgs = tuple(Org.from_dict(item) for item in data.get("orgs", ()))
    projects = tuple(_project(item, money, parks, orgs) for item in data.get("projects", ()))
    others = tuple(
        Mention(item["text"], item["start"], item["end"], item["label"], item.get("rule_id", ""))
        for item in data.get("others", ())
    )
    return Facts(text, money, parks, projects, others, orgs)


def _project(
    item: dict[str, Any], money: tuple[Money, ...], parks: tuple[Park, ...], orgs: tuple[Org, ...]
) -> Project:
    investment = item.get("investment_index")
    park = item.get("park_index")
    status = item.get("status")
    company_index = item.get("company_index")
    company: Org | None = None
    if company_index is not None:
        company = orgs[company_index]
    elif item.get("company_org") is not None:
        company = Org.from_dict(item["company_org"])
    return Project(
        text=item["text"],
        start=item["start"],
        end=item["end"],
        status=None if status is None else Status(status),
        investment=None if investment is None else money[investment],
        park=None if park is None else parks[park],
        rule_id=item.get("rule_id", ""),
        company=company,
        status_cue=item.get("status_cue"),
    )


class _Cached:
    """The typed `Facts` of one Doc, with the plain data they were built from."""

    __slots__ = ("by_span", "data", "facts", "lengths", "lists")

    def __init__(self, data: dict[str, Any] | None, facts: Facts) -> None:
        self.data = data
        # The lists themselves, held so that their ids cannot be reused while cached.
        self.lists = tuple(data.values()) if data is not None else ()
        self.lengths = tuple(len(value) for value in self.lists)
        self.facts = facts
        self.by_span: dict[tuple[int, int, str], Entity] | None = None

    def fits(self, data: dict[str, Any] | None) -> bool:
        """True while ``data`` is the same dict holding the same lists, of the same lengths."""
        if data is not self.data:
            return False
        values = tuple(data.values()) if data is not None else ()
        return len(values) == len(self.lists) and all(
            new is old and len(new) == length
            for new, old, length in zip(values, self.lists, self.lengths, strict=True)
        )


# The typed Facts of each Doc, built once from its plain data (or handed over
# by the pipeline, which has them at hand) and kept while the Doc lives, so
# that every getter is O(1) after the first. Nothing of this is in user_data.
_FACTS: weakref.WeakKeyDictionary[Doc, _Cached] = weakref.WeakKeyDictionary()


def cache_facts(doc: Doc, facts: Facts) -> None:
    """Remember ``facts`` as the typed form of ``doc``'s current plain data."""
    _FACTS[doc] = _Cached(doc.user_data.get(KEY), facts)


def doc_facts(doc: Doc) -> Facts:
    """The typed `Facts` of ``doc``, rebuilt only when its plain data changed."""
    data = doc.user_data.get(KEY)
    cached = _FACTS.get(doc)
    if cached is None or not cached.fits(data):
        facts = facts_from_data(doc_text(doc), data) if data is not None else Facts(doc_text(doc))
        cached = _FACTS[doc] = _Cached(data, facts)
    return cached.facts


def _span_entity(span: Span, label: str) -> Any:
    if span.label_ != label:
        return None
    doc = span.doc
    doc_facts(doc)
    cached = _FACTS[doc]
    if cached.by_span is None:
        cached.by_span = {(e.start, e.end, e.label): e for e in cached.facts.entities}
    return cached.by_span.get((span.start_char, span.end_char, label))


def _money(span: Span) -> Money | None:
    result: Money | None = _span_entity(span, "MONEY")
    return result


def _park(span: Span) -> Park | None:
    result: Park | None = _span_entity(span, "PARK")
    return result


def _project_of(span: Span) -> Project | None:
    result: Project | None = _span_entity(span, "PROJECT")
    return result


def _org(span: Span) -> Org | None:
    result: Org | None = _span_entity(span, "ORG")
    return result


def set_extensions() -> None:
    """Register ``doc._.facts`` and ``span._.money/park/project/org`` once."""
    if not Doc.has_extension("facts"):
        Doc.set_extension("facts", getter=doc_facts)
    getters = (("money", _money), ("park", _park), ("project", _project_of), ("org", _org))
    for name, getter in getters:
        if not Span.has_extension(name):
            Span.set_extension(name, getter=getter)
