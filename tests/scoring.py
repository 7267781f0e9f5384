"""Scores as the contract defines them: strict P/R/F1 per label, overlap F1
for PROJECT, and value, role and link accuracy over matched spans."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

LABELS = ("MONEY", "PARK", "PROJECT")


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value)).normalize()


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _money_equal(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return (
        _decimal(gold.get("value")) == _decimal(pred.get("value"))
        and _decimal(gold.get("high")) == _decimal(pred.get("high"))
        and gold.get("currency") == pred.get("currency")
        and gold.get("bound") == pred.get("bound")
    )


def score(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Score predicted documents against gold documents, label by label."""
    result: dict[str, dict[str, float]] = {}
    for label in LABELS:
        tp = n_pred = n_gold = overlap_pred = overlap_gold = 0
        value_ok = role_ok = link_ok = 0
        for gold_doc, pred_doc in zip(golds, preds, strict=True):
            gold = [e for e in gold_doc["entities"] if e["label"] == label]
            pred = [e for e in pred_doc["entities"] if e["label"] == label]
            n_gold += len(gold)
            n_pred += len(pred)
            by_span = {(e["start"], e["end"]): e for e in pred}
            for entity in gold:
                match = by_span.get((entity["start"], entity["end"]))
                if match is None:
                    continue
                tp += 1
                value_ok += label == "MONEY" and _money_equal(entity, match)
                role_ok += label == "MONEY" and entity.get("role") == match.get("role")
                link_ok += label == "PARK" and entity.get("zone") == match.get("zone")
                link_ok += label == "PROJECT" and all(
                    entity.get(key) == match.get(key) for key in ("status", "investment", "park")
                )

            def overlaps(a: dict[str, Any], others: list[dict[str, Any]]) -> bool:
                return any(a["start"] < b["end"] and b["start"] < a["end"] for b in others)

            overlap_pred += sum(overlaps(e, gold) for e in pred)
            overlap_gold += sum(overlaps(e, pred) for e in gold)
        precision = tp / n_pred if n_pred else 1.0
        recall = tp / n_gold if n_gold else 1.0
        row = {"p": precision, "r": recall, "f1": _f1(precision, recall)}
        if label == "MONEY":
            row["value_acc"] = value_ok / tp if tp else 0.0
            row["role_acc"] = role_ok / tp if tp else 0.0
        else:
            row["link_acc"] = link_ok / tp if tp else 0.0
        if label == "PROJECT":
            row["overlap_f1"] = _f1(
                overlap_pred / n_pred if n_pred else 0.0, overlap_gold / n_gold if n_gold else 0.0
            )
        result[label] = row
    return result
