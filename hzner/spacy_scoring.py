"""Scores for spaCy's ``nlp.evaluate``: hzner's labels, and MONEY value accuracy.

``ents_p``, ``ents_r`` and ``ents_f`` are spaCy's own micro-averaged span
scores over `hzner.scoring.LABELS`, the same figures as `hzner.scoring.micro`;
``money_value_acc`` is hzner's MONEY value accuracy.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example

from .extensions import doc_facts
from .scoring import LABELS
from .scoring import score as hzner_score

__all__ = ["GOLD_KEY", "WEIGHTS", "score_examples"]

GOLD_KEY = "hzner_gold"  # a reference Doc's gold entities (plain data), for value accuracy

WEIGHTS: dict[str, float | None] = {
    "ents_f": 1.0,
    "ents_p": 0.0,
    "ents_r": 0.0,
    "ents_per_type": None,
    "money_value_acc": 0.0,
}


def _ents_of(doc: Doc, attr: str, **kwargs: Any) -> list[Span]:
    return [ent for ent in doc.ents if ent.label_ in LABELS]


def score_examples(examples: Iterable[Example]) -> dict[str, Any]:
    """``ents_p``, ``ents_r``, ``ents_f`` and ``ents_per_type`` over `LABELS`; MONEY value accuracy.

    ``money_value_acc`` is the share of exactly matched MONEY spans whose
    value, high, currency and bound equal the gold ones; it needs the gold
    entities as plain data in ``example.reference.user_data["hzner_gold"]``
    (`hzner.pipeline.examples_from_gold` puts them there), and is None without.
    """
    examples = list(examples)
    scores: dict[str, Any] = Scorer.score_spans(examples, "ents", getter=_ents_of)
    golds = [example.reference.user_data.get(GOLD_KEY) for example in examples]
    if examples and all(gold is not None for gold in golds):
        preds = [doc_facts(example.predicted).to_dict() for example in examples]
        gold_docs = [{"entities": gold} for gold in golds]
        money = hzner_score(gold_docs, preds)["MONEY"]
        scores["money_value_acc"] = money["value_acc"]
    else:
        scores["money_value_acc"] = None
    return scores
