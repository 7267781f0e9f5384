"""The spaCy surface: `load()`, the tokenizer, the pipeline's meta, gold examples.

The components live in `hzner.components`; their factories (``hzner_money``,
``hzner_zones``, ``hzner_projects``, ``hzner_orgs``, ``hzner_phrases``) and hzner's tokenizer
are listed under spaCy's entry points, so a saved or packaged hzner pipeline
loads with ``spacy.load`` wherever hzner is installed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import spacy
from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

from . import __version__
from .components import (
    FACTORIES,
    GOLD_KEY,
    MoneyRecognizer,
    PhraseMatcher,
    ProjectTagger,
    ZoneLinker,
    _RuleComponent,
)
from .currency_check import check_yuan
from .errors import Errors, TextError
from .extensions import remember_text
from .html import COLORS
from .rules import RuleSource
from .scoring import LABELS

__all__ = [
    "DISPLACY_COLORS",
    "FACTORIES",
    "LABELS",
    "MoneyRecognizer",
    "PhraseMatcher",
    "ProjectTagger",
    "ZoneLinker",
    "examples_from_gold",
    "load",
    "requirement",
]

TOKENIZER = "hzner.ChineseTokenizer.v1"

# displaCy's colours for hzner's labels, found through the spacy_displacy_colors
# entry point; MONEY keeps spaCy's own. The same colours as hzner.html's pages.
DISPLACY_COLORS: dict[str, str] = {
    label: color for label, color in {"ORG": "#f4b393", **COLORS}.items() if label != "MONEY"
}
_SURROGATE = re.compile("[\ud800-\udfff]")


class HznerTokenizer(ChineseTokenizer):
    """spaCy's Chinese tokenizer, raising `hzner.errors.TextError` on a lone surrogate.

    spaCy's string store needs valid Unicode: a lone surrogate (left by
    decoding with ``errors="surrogateescape"``, or by an escaped one in JSON)
    makes it raise a bare UnicodeEncodeError. This says what and where.
    """

    def __call__(self, text: str) -> Doc:
        """Tokenize ``text``."""
        try:
            doc = super().__call__(text)
        except UnicodeEncodeError as error:
            found = _SURROGATE.search(text)
            if found is None:
                raise
            char = f"U+{ord(found.group()):04X}"
            raise TextError(Errors.E102.format(char=char, offset=found.start())) from error
        remember_text(doc, text)
        return doc


def create_tokenizer(segmenter: str = "char") -> Callable[[Language], HznerTokenizer]:
    """Make spaCy's ``spacy.zh.ChineseTokenizer``, with hzner's error on a lone surrogate."""

    def make(nlp: Language) -> HznerTokenizer:
        return HznerTokenizer(nlp.vocab, segmenter=Segmenter(segmenter))

    return make


registry.tokenizers.register(TOKENIZER, func=create_tokenizer)


def requirement() -> str:
    """The version range of hzner for a saved pipeline's meta: ``hzner>=0.2,<0.3``."""
    major, minor = (int(part) for part in __version__.split(".")[:2])
    return f"hzner>={major}.{minor},<{major}.{minor + 1}"


def _fill_meta(nlp: Language, segmenter: str) -> None:
    meta = nlp.meta
    meta["name"] = f"hzner_{segmenter}"
    meta["version"] = __version__
    meta["description"] = (
        "hzner: MONEY, PARK and PROJECT (typed facts) from Chinese economic news, "
        f"with {segmenter} tokens."
    )
    meta["requirements"] = [requirement()]
    meta["license"] = "MIT"


def load(
    rules: RuleSource | Iterable[RuleSource] = (),
    *,
    segmenter: str = "pkuseg",
    defaults: bool = True,
    yuan: str | None = None,
    overwrite_ents: bool = False,
) -> Language:
    """Build the Chinese pipeline with the hzner components.

    Parameters
    ----------
    rules
        Extra rules (paths, mappings or iterables of mappings), given to
        every component; each keeps the types it uses.
    segmenter
        ``"pkuseg"`` (the default: word tokens from spacy-pkuseg, with the
        rules' zone names, currency words and project heads in its user
        dictionary) or ``"char"`` (spaCy's model-free character tokens). The
        entities are the same under both. The pkuseg model must be on disk:
        ``hzner download`` fetches it once; loading never touches the network.
    defaults
        Start from hzner's own data (the default).
    yuan
        The currency of a bare 元 (``"CNY"``, ``"TWD"``, ``"HKD"``, ``"MOP"``);
        by default told from the text.
    overwrite_ents
        Let hzner's entities replace overlapping ones that components before
        it set (by default those are kept, and hzner's left out of ``doc.ents``).

    Raises
    ------
    ValueError
        [E030] for an unknown segmenter, [E101] for a ``yuan`` that is no
        yuan currency.
    TypeError
        [E100] for a ``yuan`` that is not a str, [E103] for an
        ``overwrite_ents`` that is not a bool.
    hzner.segmenter.ModelError
        [E043] at once if the pkuseg model is not on disk.

    Examples
    --------
    >>> nlp = load(segmenter="char")
    >>> [(ent.text, ent.label_) for ent in nlp("总投资5亿元").ents]
    [('5亿元', 'MONEY')]

    """
    if segmenter not in ("char", "pkuseg"):
        raise ValueError(Errors.E030.format(name=segmenter))
    yuan = check_yuan(yuan, "hzner.load")
    if not isinstance(overwrite_ents, bool):
        raise TypeError(Errors.E103.format(where="hzner.load", type=type(overwrite_ents).__name__))
    tokenizer = {"@tokenizers": TOKENIZER, "segmenter": segmenter}
    config: dict[str, Any] = {"nlp": {"tokenizer": tokenizer}}
    model: Path | None = None
    if segmenter == "pkuseg":
        from .segmenter import ensure_model

        model = ensure_model()
        # So that nlp.initialize() (before training) finds the model, too.
        config["initialize"] = {"tokenizer": {"pkuseg_model": str(model)}}
    nlp = spacy.blank("zh", config=config)
    settings = {"defaults": defaults, "yuan": yuan, "overwrite_ents": overwrite_ents}
    sources = [rules] if isinstance(rules, (str, Path, Mapping)) else list(rules)
    component: _RuleComponent | None = None
    for name in FACTORIES:
        component = nlp.add_pipe(name, config=settings)  # type: ignore[assignment]
        assert component is not None
        if sources:
            component.add_rules(*sources)
    if model is not None and component is not None:
        from .segmenter import use_pkuseg

        use_pkuseg(nlp, model, component.rules)
    _fill_meta(nlp, segmenter)
    return nlp


def examples_from_gold(nlp: Language, records: Iterable[Mapping[str, Any]]) -> list[Example]:
    """Make spaCy Examples for ``nlp.evaluate`` from gold-file records (``text``, ``entities``).

    The reference Docs carry the gold entities of `LABELS` as ``doc.ents``, and
    all of them as plain data, so that ``money_value_acc`` can be scored.
    """
    examples = []
    for record in records:
        predicted = nlp.make_doc(record["text"])
        entities = [
            (item["start"], item["end"], item["label"])
            for item in record["entities"]
            if item["label"] in LABELS
        ]
        example = Example.from_dict(predicted, {"entities": entities})
        example.reference.user_data[GOLD_KEY] = [dict(item) for item in record["entities"]]
        examples.append(example)
    return examples
