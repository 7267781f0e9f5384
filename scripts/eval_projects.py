"""Score the PROJECT tagger alone on the dev gold, given the gold MONEY and PARK.

Usage: python scripts/eval_projects.py [GOLD.jsonl]

Feeding the gold money and parks isolates the project rules from the money
and park recognizers. Prints strict P/R/F1, overlap F1 (any shared
character), link accuracy over strict matches (status, investment text and
park text all equal), then every miss.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from hzner.normalize import normalize
from hzner.projects.tagger import ProjectLexicon, find_projects
from hzner.rules import RuleSet
from hzner.types import Money, Park

_DEFAULT = Path("/work/shared/dev/seed_gold.jsonl")
_LINKS = ("status", "investment", "park")


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _overlaps(span: dict[str, Any], others: list[dict[str, Any]]) -> bool:
    return any(span["start"] < o["end"] and o["start"] < span["end"] for o in others)


def main(path: Path) -> None:
    """Run the tagger on every document of ``path`` and print the scores and misses."""
    lexicon = ProjectLexicon(RuleSet.default())
    tp = n_pred = n_gold = overlap_pred = overlap_gold = links_ok = 0
    misses: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        entities = doc["entities"]
        money = [Money.from_dict(e) for e in entities if e["label"] == "MONEY"]
        parks = [Park.from_dict(e) for e in entities if e["label"] == "PARK"]
        gold = [e for e in entities if e["label"] == "PROJECT"]
        found, _ = find_projects(normalize(doc["text"]), money, parks, lexicon)
        pred = [project.to_dict() for project in found]
        n_gold += len(gold)
        n_pred += len(pred)
        overlap_pred += sum(_overlaps(p, gold) for p in pred)
        overlap_gold += sum(_overlaps(g, pred) for g in gold)
        by_span = {(p["start"], p["end"]): p for p in pred}
        for g in gold:
            p = by_span.get((g["start"], g["end"]))
            if p is None:
                misses.append(f"{doc['id']} missed   {g['text']!r}")
                continue
            tp += 1
            if all(g.get(key) == p.get(key) for key in _LINKS):
                links_ok += 1
            else:
                diff = {key: (g.get(key), p.get(key)) for key in _LINKS if g.get(key) != p.get(key)}
                misses.append(f"{doc['id']} links    {g['text']!r} gold/pred {diff}")
        gold_spans = {(g["start"], g["end"]) for g in gold}
        misses.extend(
            f"{doc['id']} spurious {p['text']!r} ({by_rule})"
            for p, by_rule in zip(pred, (project.rule_id for project in found), strict=True)
            if (p["start"], p["end"]) not in gold_spans
        )
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    o_precision = overlap_pred / n_pred if n_pred else 0.0
    o_recall = overlap_gold / n_gold if n_gold else 0.0
    print(f"PROJECT gold={n_gold} pred={n_pred} tp={tp}")
    print(f"strict  P={precision:.4f} R={recall:.4f} F1={_f1(precision, recall):.4f}")
    print(f"overlap P={o_precision:.4f} R={o_recall:.4f} F1={_f1(o_precision, o_recall):.4f}")
    print(f"links   {links_ok}/{tp} = {links_ok / tp if tp else 0.0:.4f}")
    for miss in misses:
        print("  ", miss)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else _DEFAULT)
