"""Setting ``doc.ents`` once per Doc: hzner's entities and those set before.

hzner's entities come with offsets into the text; whatever the segmenter did,
the tokens an entity's edge falls inside are split (`Doc.retokenize`), and
the spans are found by bisection on the tokens' offsets, all at once.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise
from typing import Any

import numpy
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .extensions import doc_text
from .types import Facts

__all__ = ["set_ents"]


def set_ents(
    doc: Doc, facts: Facts, previous: dict[str, Any] | None = None, *, overwrite: bool = False
) -> Doc:
    """Set ``doc.ents`` once: hzner's entities and those other components set before.

    ``previous`` is the plain data of an earlier hzner run on ``doc``, whose
    entities are replaced. On an overlap the other component's entity wins,
    unless ``overwrite``.
    """
    stale = {
        (item["start"], item["end"], item["label"])
        for items in (previous or {}).values()
        for item in items
    }
    existing = []
    table = doc.to_array(["IDX", "LENGTH", "ENT_IOB"]).astype(numpy.int64)
    starts, ends = table[:, 0], table[:, 0] + table[:, 1]
    if table[:, 2].any():  # reading doc.ents walks every token: only when some are set
        existing = [
            (ent.start_char, ent.end_char, ent.label_, ent.kb_id_, ent.id_)
            for ent in doc.ents
            if (ent.start_char, ent.end_char, ent.label_) not in stale
        ]
    ours = [(e.start, e.end, e.label) for e in facts.entities]
    if existing:
        if overwrite:
            existing = _without_overlaps(existing, ours)
        else:
            ours = _without_overlaps(ours, existing)
    if _cuts(starts, ends, ours):
        doc = _aligned(doc, ours)
        starts, ends = _token_bounds(doc)
    spans: list[Span | None] = list(_spans(doc, starts, ends, ours))
    spans += [
        doc.char_span(start, end, label=label, kb_id=kb_id, span_id=span_id)
        for start, end, label, kb_id, span_id in existing
    ]
    doc.ents = filter_spans([span for span in spans if span is not None])
    return doc


def _without_overlaps(spans: list[Any], blockers: list[Any]) -> list[Any]:
    """The ``spans`` that overlap none of ``blockers`` (a list that does not overlap itself)."""
    ordered = sorted((item[0], item[1]) for item in blockers)
    starts = [start for start, _ in ordered]
    kept = []
    for span in spans:
        index = bisect_right(starts, span[1] - 1) - 1  # the last blocker starting before its end
        if index < 0 or ordered[index][1] <= span[0]:
            kept.append(span)
    return kept


def _token_bounds(doc: Doc) -> tuple[Any, Any]:
    """The tokens' start and end offsets, as arrays (no Token objects: this runs per Doc)."""
    bounds = doc.to_array(["IDX", "LENGTH"]).astype(numpy.int64)
    return bounds[:, 0], bounds[:, 0] + bounds[:, 1]


def _cuts(starts: Any, ends: Any, spans: list[tuple[int, int, str]]) -> bool:
    """True if an edge of ``spans`` falls inside a token."""
    if not spans or not len(starts):
        return False
    edges = numpy.array([edge for start, end, _ in spans for edge in (start, end)])
    index = numpy.searchsorted(starts, edges, side="right") - 1
    inside = (index >= 0) & (starts[index.clip(0)] < edges) & (edges < ends[index.clip(0)])
    return bool(inside.any())


def _spans(doc: Doc, starts: Any, ends: Any, spans: list[tuple[int, int, str]]) -> list[Span]:
    """``doc.char_span(start, end, label=label)`` of each span, by bisection, all at once."""
    if not spans or not len(starts):
        return []
    lefts = numpy.array([start for start, _, _ in spans])
    rights = numpy.array([end for _, end, _ in spans])
    first = numpy.searchsorted(starts, lefts, side="right") - 1
    stop = numpy.searchsorted(starts, rights - 1, side="right")
    exact = (first >= 0) & (stop > first)
    exact &= (starts[first.clip(0)] == lefts) & (ends[(stop - 1).clip(0)] == rights)
    return [
        Span(doc, int(a), int(b), label=label)
        for a, b, ok, (_, _, label) in zip(first, stop, exact, spans, strict=True)
        if ok
    ]


def _aligned(doc: Doc, spans: list[tuple[int, int, str]]) -> Doc:
    """Return ``doc`` with tokens split so that every span starts and ends on a token.

    Whatever the segmenter did (a pkuseg word may run across the edge of an
    entity), `Doc.retokenize` splits, in place, each token an edge falls
    inside; entities of other components, and all else, stay as they were.
    """
    edges = sorted({edge for start, end, _ in spans for edge in (start, end)})
    if not edges:
        return doc
    starts: list[int] = doc.to_array("IDX").tolist()  # no Token objects: this runs per doc
    cuts: dict[int, list[int]] = {}
    for edge in edges:
        index = bisect_right(starts, edge) - 1
        if index >= 0 and starts[index] < edge < starts[index] + len(doc[index]):
            cuts.setdefault(index, []).append(edge)
    if not cuts:
        return doc
    parsed = doc.has_annotation("DEP")
    text = doc_text(doc)
    with doc.retokenize() as retokenizer:
        for index, inside in cuts.items():
            token = doc[index]
            bounds = [token.idx, *inside, token.idx + len(token)]
            orths = [text[a:b] for a, b in pairwise(bounds)]
            last = len(orths) - 1
            # Unparsed: each piece heads itself, as the tokenizer left it.
            # Parsed: the pieces hang from the last, which keeps the head.
            heads: list[Any] = [(token, last if parsed else k) for k in range(last)]
            keep = parsed and token.head.i != token.i
            heads.append(token.head if keep else (token, last))
            retokenizer.split(token, orths, heads=heads)
    return doc
