"""Scores as the entity contract defines them, and the misses behind them.

Per label: strict span-and-label precision, recall and F1. Over the spans
that match exactly: MONEY value accuracy (value, high, currency and bound
all equal) and role accuracy; PARK link accuracy (``zone`` equal); PROJECT
link accuracy (status, investment and park all equal), PROJECT overlap
F1, and PROJECT company accuracy over the gold projects that carry a
``company`` field. ORG is scored only where the gold annotates it (some
gold document has an ORG entity), so that gold files written before ORG
existed keep their meaning. Documents are the plain ``{"text": ..., "entities": [...]}`` records of
the gold files and of `hzner.Facts.to_dict`.

Examples
--------
>>> gold = [{"entities": [{"start": 0, "end": 2, "label": "PARK", "zone": "甲"}]}]
>>> score(gold, gold)["PARK"]["f1"]
1.0
>>> [miss["kind"] for miss in misses(gold, [{"entities": []}])]
['missed']

"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from decimal import Decimal
from itertools import accumulate
from typing import Any

__all__ = ["LABELS", "micro", "misses", "report", "score", "scored_labels"]

# The labels scored, here and by the spaCy components' ``score`` (ents_p/r/f):
# a new label joins both by being named here.
LABELS = ("MONEY", "PARK", "PROJECT", "ORG")
# Labels that gold files may predate: scored only where the gold has one.
_OPTIONAL = frozenset({"ORG"})

Doc = Mapping[str, Any]
Entity = Mapping[str, Any]

# The fields that must agree, over a matched span, for each check.
_VALUE_FIELDS = ("value", "high", "currency", "bound")
_LINK_FIELDS = {"PARK": ("zone",), "PROJECT": ("status", "investment", "park")}


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value)).normalize()


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _same(key: str, gold: Entity, pred: Entity) -> bool:
    if key in ("value", "high"):  # "5.0E+8" and "500000000" are the same amount
        return _decimal(gold.get(key)) == _decimal(pred.get(key))
    return gold.get(key) == pred.get(key)


def _money_equal(gold: Entity, pred: Entity) -> bool:
    return all(_same(key, gold, pred) for key in _VALUE_FIELDS)


def _links_equal(label: str, gold: Entity, pred: Entity) -> bool:
    return all(gold.get(key) == pred.get(key) for key in _LINK_FIELDS.get(label, ()))


def _count_overlapping(entities: Sequence[Entity], others: Sequence[Entity]) -> int:
    """How many of ``entities`` overlap at least one of ``others``, in n log n time."""
    ordered = sorted(others, key=lambda other: other["start"])
    starts = [other["start"] for other in ordered]
    reach = list(accumulate((other["end"] for other in ordered), max))
    count = 0
    for entity in entities:
        # The others that start before ``entity`` ends; one of them overlaps
        # it exactly when the furthest end among them is past its start.
        before = bisect_left(starts, entity["end"])
        count += before > 0 and reach[before - 1] > entity["start"]
    return count


def _of_label(doc: Doc, label: str) -> list[Entity]:
    return [entity for entity in doc["entities"] if entity["label"] == label]


def scored_labels(golds: Sequence[Doc]) -> tuple[str, ...]:
    """The labels the gold annotates: every label of `LABELS`, ORG only where some gold has one.

    Examples
    --------
    >>> scored_labels([{"entities": [{"label": "MONEY"}]}])
    ('MONEY', 'PARK', 'PROJECT')

    """
    present = {entity["label"] for doc in golds for entity in doc["entities"]}
    return tuple(label for label in LABELS if label not in _OPTIONAL or label in present)


def score(golds: Sequence[Doc], preds: Sequence[Doc]) -> dict[str, dict[str, float]]:
    """Score predicted documents against gold documents, label by label.

    Parameters
    ----------
    golds, preds
        Documents in the same order, each with an ``entities`` list.

    Returns
    -------
    dict
        ``{label: {"p", "r", "f1", ...}}``: MONEY adds ``value_acc`` and
        ``role_acc``, PARK ``link_acc``, PROJECT ``link_acc`` and ``overlap_f1``,
        and ``company_acc`` where gold projects carry a ``company``. ORG is
        scored only where the gold annotates it (`scored_labels`).

    Raises
    ------
    ValueError
        If the two lists are not the same length.

    """
    result: dict[str, dict[str, float]] = {}
    for label in scored_labels(golds):
        tp = n_pred = n_gold = overlap_pred = overlap_gold = 0
        value_ok = role_ok = link_ok = company_ok = company_n = 0
        for gold_doc, pred_doc in zip(golds, preds, strict=True):
            gold = _of_label(gold_doc, label)
            pred = _of_label(pred_doc, label)
            n_gold += len(gold)
            n_pred += len(pred)
            by_span = {(entity["start"], entity["end"]): entity for entity in pred}
            for entity in gold:
                match = by_span.get((entity["start"], entity["end"]))
                if match is None:
                    continue
                tp += 1
                value_ok += label == "MONEY" and _money_equal(entity, match)
                role_ok += label == "MONEY" and entity.get("role") == match.get("role")
                link_ok += label in _LINK_FIELDS and _links_equal(label, entity, match)
                if label == "PROJECT" and "company" in entity:
                    company_n += 1
                    company_ok += entity["company"] == match.get("company")
            overlap_pred += _count_overlapping(pred, gold)
            overlap_gold += _count_overlapping(gold, pred)
        precision = tp / n_pred if n_pred else 1.0
        recall = tp / n_gold if n_gold else 1.0
        row = {"p": precision, "r": recall, "f1": _f1(precision, recall)}
        if label == "MONEY":
            row["value_acc"] = value_ok / tp if tp else 0.0
            row["role_acc"] = role_ok / tp if tp else 0.0
        elif label in _LINK_FIELDS:
            row["link_acc"] = link_ok / tp if tp else 0.0
        if company_n:
            row["company_acc"] = company_ok / company_n
        if label == "PROJECT":
            row["overlap_f1"] = _f1(
                overlap_pred / n_pred if n_pred else 0.0, overlap_gold / n_gold if n_gold else 0.0
            )
        result[label] = row
    return result


def micro(
    golds: Sequence[Doc], preds: Sequence[Doc], labels: Sequence[str] | None = None
) -> dict[str, float]:
    """Micro-averaged strict span-and-label precision, recall and F1 over ``labels``.

    Every entity counts once, whatever its label: the figure spaCy's scorer
    reports as ``ents_p``, ``ents_r`` and ``ents_f``. With no entity at all,
    precision and recall are 1.0 (nothing was missed, nothing was wrong).

    Examples
    --------
    >>> gold = [{"entities": [{"start": 0, "end": 2, "label": "PARK"},
    ...                       {"start": 3, "end": 5, "label": "MONEY"}]}]
    >>> pred = [{"entities": [{"start": 0, "end": 2, "label": "PARK"}]}]
    >>> micro(gold, pred)
    {'p': 1.0, 'r': 0.5, 'f1': 0.6666666666666666}

    """
    tp = n_pred = n_gold = 0
    wanted = set(scored_labels(golds) if labels is None else labels)
    for gold_doc, pred_doc in zip(golds, preds, strict=True):
        gold = {(e["start"], e["end"], e["label"]) for e in gold_doc["entities"]}
        pred = {(e["start"], e["end"], e["label"]) for e in pred_doc["entities"]}
        gold = {span for span in gold if span[2] in wanted}
        pred = {span for span in pred if span[2] in wanted}
        tp += len(gold & pred)
        n_gold += len(gold)
        n_pred += len(pred)
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    return {"p": precision, "r": recall, "f1": _f1(precision, recall)}


def _miss(kind: str, doc: int, entity: Entity, **extra: Any) -> dict[str, Any]:
    return {
        "doc": doc,
        "kind": kind,
        "label": entity["label"],
        "start": entity["start"],
        "end": entity["end"],
        "text": entity.get("text"),
        **extra,
    }


def _wrong_fields(label: str, gold: Entity, pred: Entity) -> dict[str, list[str]]:
    """Which checks fail on a matched span: ``{"value": [fields], "role": [...], ...}``."""
    wrong: dict[str, list[str]] = {}
    if label == "MONEY":
        if not _money_equal(gold, pred):
            wrong["value"] = [key for key in _VALUE_FIELDS if not _same(key, gold, pred)]
        if gold.get("role") != pred.get("role"):
            wrong["role"] = ["role"]
    elif label in _LINK_FIELDS and not _links_equal(label, gold, pred):
        wrong["link"] = [key for key in _LINK_FIELDS[label] if gold.get(key) != pred.get(key)]
    if label == "PROJECT" and "company" in gold and gold["company"] != pred.get("company"):
        wrong["company"] = ["company"]
    return wrong


def misses(golds: Sequence[Doc], preds: Sequence[Doc]) -> list[dict[str, Any]]:
    """Every error behind the scores, document by document, in text order.

    Parameters
    ----------
    golds, preds
        Documents in the same order, each with an ``entities`` list.

    Returns
    -------
    list of dict
        One record per error: ``doc`` (the index), ``kind`` (``"missed"``: a
        gold span not predicted; ``"spurious"``: a predicted span not in the
        gold; ``"value"``, ``"role"`` or ``"link"``: a matched span whose
        fields differ), ``label``, ``start``, ``end``, ``text``, and for the
        last three ``fields`` with ``gold`` and ``pred``, the differing values.

    """
    found: list[dict[str, Any]] = []
    scored = scored_labels(golds)
    for index, (gold_doc, pred_doc) in enumerate(zip(golds, preds, strict=True)):
        errors: list[dict[str, Any]] = []
        for label in scored:
            gold = _of_label(gold_doc, label)
            pred = _of_label(pred_doc, label)
            gold_spans = {(entity["start"], entity["end"]) for entity in gold}
            by_span = {(entity["start"], entity["end"]): entity for entity in pred}
            for entity in gold:
                match = by_span.get((entity["start"], entity["end"]))
                if match is None:
                    errors.append(_miss("missed", index, entity))
                    continue
                for kind, fields in _wrong_fields(label, entity, match).items():
                    errors.append(
                        _miss(
                            kind,
                            index,
                            entity,
                            fields=fields,
                            gold={key: entity.get(key) for key in fields},
                            pred={key: match.get(key) for key in fields},
                        )
                    )
            errors.extend(
                _miss("spurious", index, entity)
                for entity in pred
                if (entity["start"], entity["end"]) not in gold_spans
            )
        errors.sort(key=lambda error: (error["start"], error["end"]))
        found.extend(errors)
    return found


_METRICS = {"P": "p", "R": "r", "F1": "f1", "value": "value_acc", "role": "role_acc"}
_METRICS |= {"link": "link_acc", "overlap F1": "overlap_f1", "company": "company_acc"}


def report(scores: Mapping[str, Mapping[str, float]], errors: Sequence[Mapping[str, Any]]) -> str:
    """The scores as a table, then the misses, one a line, as plain text."""
    lines = ["label   " + "".join(f"{name:>11}" for name in _METRICS)]
    for label, row in scores.items():
        cells = [row.get(key) for key in _METRICS.values()]
        lines.append(
            f"{label:<8}" + "".join(f"{'-' if c is None else f'{c:.3f}':>11}" for c in cells)
        )
    lines.append(f"\n{len(errors)} misses")
    for error in errors:
        where = f"[{error['start']}:{error['end']}]"
        line = f"{error['doc']}  {error['kind']:<8} {error['label']:<8} {where:<12} {error['text']}"
        for key in error.get("fields", ()):
            line += f"  {key}: gold {error['gold'][key]!r}, got {error['pred'][key]!r}"
        lines.append(line)
    return "\n".join(lines) + "\n"
