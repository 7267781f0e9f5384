"""The spaCy surface: `load()` and the hzner pipeline components.

Three factories, each calling the same pure recognizers as `hzner.extract`:
``hzner_money``, ``hzner_zones`` and ``hzner_projects``. They are listed
under the ``spacy_factories`` entry point, so that
``spacy.blank("zh").add_pipe("hzner_money")`` works without importing hzner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .errors import Errors
from .extensions import doc_text as _text
from .extensions import facts_from_data, get_data, set_extensions
from .extractor import Extractor
from .normalize import normalize
from .phrases import find_phrases
from .projects.tagger import find_projects
from .rules import RuleSet, RuleSource
from .types import Money, Park

__all__ = ["MoneyRecognizer", "PhraseMatcher", "ProjectTagger", "ZoneLinker", "load"]

LABELS = ("MONEY", "PARK", "PROJECT")
_KEYS = ("money", "parks", "projects")
_RULES_FILE = "rules.jsonl"
_CFG_FILE = "cfg.json"


class _RuleComponent:
    """What the three components share: their rules, and saving them.

    Each component keeps the whole rule set in effect, so that what it
    saves reloads on its own, and a rule type shared by two recognizers
    (zone words serve PARK and PROJECT) cannot drift apart between them.
    """

    def __init__(self, nlp: Language, name: str, *, defaults: bool, yuan: str | None) -> None:
        self.nlp = nlp
        self.name = name
        self.defaults = defaults
        self.yuan = yuan
        self._rules: RuleSet | None = None  # read at first use, not at construction
        self._extractor: Extractor | None = None
        set_extensions()

    @property
    def rules(self) -> RuleSet:
        """The rules in effect (hzner's defaults, unless disabled, plus those added)."""
        if self._rules is None:
            base = RuleSet.default() if self.defaults else RuleSet()
            self._set_rules(base)
        assert self._rules is not None
        return self._rules

    @property
    def extractor(self) -> Extractor:
        """The recognizers over the rules in effect (built at first use)."""
        if self._extractor is None:
            extractor = Extractor.from_ruleset(self.rules, yuan=self.yuan)
            self._extractor = extractor
            return extractor
        return self._extractor

    def _set_rules(self, rules: RuleSet) -> None:
        self._rules = rules
        self._extractor = None

    def add_rules(self, *sources: RuleSource) -> None:
        """Add rules (paths, mappings or iterables of mappings)."""
        self._set_rules(self.rules.extend(*sources))

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the rules in effect and the settings."""
        data = {"rules": self.rules.to_jsonl(), "cfg": {"yuan": self.yuan}}
        return srsly.msgpack_dumps(data)  # type: ignore[no-any-return]

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> _RuleComponent:
        """Load what `to_bytes` wrote."""
        loaded = srsly.msgpack_loads(data)
        self.yuan = loaded["cfg"].get("yuan")
        self._set_rules(RuleSet.from_jsonl(loaded["rules"], source=self.name))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write ``rules.jsonl`` (the rules in effect) and ``cfg.json``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / _RULES_FILE).write_text(self.rules.to_jsonl(), encoding="utf-8")
        srsly.write_json(path / _CFG_FILE, {"yuan": self.yuan})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> _RuleComponent:
        """Load what `to_disk` wrote; hzner's package data is not read."""
        path = Path(path)
        self.yuan = srsly.read_json(path / _CFG_FILE).get("yuan")
        rules_path = path / _RULES_FILE
        self._set_rules(RuleSet.from_jsonl(rules_path.read_text(encoding="utf-8"), str(rules_path)))
        return self


def _set_ents(doc: Doc) -> Doc:
    """Make ``doc.ents`` show hzner's entities, keeping others that do not clash."""
    data = get_data(doc)
    wanted: list[tuple[int, int, str]] = [
        (item["start"], item["end"], item["label"])
        for key in (*_KEYS, "others")
        for item in data.get(key, ())
    ]
    doc = _aligned(doc, wanted)
    spans = [doc.char_span(start, end, label=label) for start, end, label in wanted]
    ours = [span for span in spans if span is not None]
    labels = {label for _, _, label in wanted} | set(LABELS)
    others = [ent for ent in doc.ents if ent.label_ not in labels]
    doc.ents = filter_spans(ours + others)
    return doc


def _aligned(doc: Doc, spans: list[tuple[int, int, str]]) -> Doc:
    """Return ``doc`` with tokens split so that every span starts and ends on a token.

    Whatever the segmenter did (a pkuseg word may run across the edge of an
    entity), `Doc.retokenize` splits, in place, each token an edge falls
    inside; entities of other components, and all else, stay as they were.
    """
    from bisect import bisect_right
    from itertools import pairwise

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
    text = _text(doc)
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


class MoneyRecognizer(_RuleComponent):
    """Find MONEY: exact value, currency, bound and role."""

    def __call__(self, doc: Doc) -> Doc:
        """Find the amounts of ``doc`` and add them to ``doc.ents``."""
        found = self.extractor.extract_money(_text(doc))
        get_data(doc)["money"] = [_plain(money) for money in found]
        return _set_ents(doc)


class ZoneLinker(_RuleComponent):
    """Find PARK mentions and link them to the reference lists of zones."""

    def __call__(self, doc: Doc) -> Doc:
        """Find the parks of ``doc`` and add them to ``doc.ents``."""
        data = get_data(doc)
        money = [Money.from_dict(item) for item in data["money"]]
        found = self.extractor.park_recognizer(normalize(_text(doc)), money)
        data["parks"] = [_plain(park) for park in found]
        return _set_ents(doc)


class ProjectTagger(_RuleComponent):
    """Find PROJECT mentions and link them to their money, park and status."""

    def __call__(self, doc: Doc) -> Doc:
        """Find the projects of ``doc``; parks inside a project name are absorbed."""
        data = get_data(doc)
        text = _text(doc)
        facts = facts_from_data(text, data)
        projects, parks = find_projects(
            normalize(text), facts.money, facts.parks, self.extractor.project_lexicon
        )
        money_index = {id(money): index for index, money in enumerate(facts.money)}
        park_index = {id(park): index for index, park in enumerate(parks)}
        data["parks"] = [_plain(park) for park in parks]
        data["projects"] = [
            {
                **project.to_dict(),
                "rule_id": project.rule_id,
                "investment_index": None
                if project.investment is None
                else money_index[id(project.investment)],
                "park_index": None if project.park is None else park_index[id(project.park)],
            }
            for project in projects
        ]
        return _set_ents(doc)


class PhraseMatcher(_RuleComponent):
    """Find the phrases of the user's ``phrase`` rules, under their own labels."""

    def __call__(self, doc: Doc) -> Doc:
        """Find the phrases of ``doc`` that do not overlap hzner's entities."""
        if not len(self.extractor.phrases):
            return doc  # no phrase rules: nothing to find, and doc.text costs a pass
        data = get_data(doc)
        taken = [(item["start"], item["end"]) for key in _KEYS for item in data[key]]
        found = find_phrases(normalize(_text(doc)), self.extractor.phrases, taken)
        data["others"] = [{**mention.to_dict(), "rule_id": mention.rule_id} for mention in found]
        return _set_ents(doc)


def _plain(entity: Money | Park) -> dict[str, Any]:
    data = entity.to_dict()
    data["rule_id"] = entity.rule_id
    if isinstance(entity, Park):
        data["zone_id"] = entity.zone_id
        data["candidates"] = list(entity.candidates)
    return data


_CONFIG = {"defaults": True, "yuan": None}


@Language.factory("hzner_money", assigns=["doc.ents", "span._.money"], default_config=_CONFIG)
def make_money(nlp: Language, name: str, defaults: bool, yuan: str | None) -> MoneyRecognizer:
    """Create the ``hzner_money`` component."""
    return MoneyRecognizer(nlp, name, defaults=defaults, yuan=yuan)


@Language.factory("hzner_zones", assigns=["doc.ents", "span._.park"], default_config=_CONFIG)
def make_zones(nlp: Language, name: str, defaults: bool, yuan: str | None) -> ZoneLinker:
    """Create the ``hzner_zones`` component."""
    return ZoneLinker(nlp, name, defaults=defaults, yuan=yuan)


@Language.factory(
    "hzner_projects",
    assigns=["doc.ents", "span._.project"],
    requires=["doc._.facts"],
    default_config=_CONFIG,
)
def make_projects(nlp: Language, name: str, defaults: bool, yuan: str | None) -> ProjectTagger:
    """Create the ``hzner_projects`` component (add it after the other two)."""
    return ProjectTagger(nlp, name, defaults=defaults, yuan=yuan)


@Language.factory("hzner_phrases", assigns=["doc.ents"], default_config=_CONFIG)
def make_phrases(nlp: Language, name: str, defaults: bool, yuan: str | None) -> PhraseMatcher:
    """Create the ``hzner_phrases`` component (user labels from ``phrase`` rules)."""
    return PhraseMatcher(nlp, name, defaults=defaults, yuan=yuan)


FACTORIES: dict[str, Callable[..., Any]] = {
    "hzner_money": make_money,
    "hzner_zones": make_zones,
    "hzner_projects": make_projects,
    "hzner_phrases": make_phrases,
}


def load(
    rules: Iterable[RuleSource] = (),
    *,
    segmenter: str = "pkuseg",
    defaults: bool = True,
    yuan: str | None = None,
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
        entities are the same under both. The pkuseg model is downloaded
        once, on first use (see `hzner.segmenter` and ``hzner download``).
    defaults
        Start from hzner's own data (the default).
    yuan
        The currency of a bare 元; by default told from the text.

    Raises
    ------
    hzner.segmenter.ModelError
        [E043] if the pkuseg model is missing and cannot be downloaded.

    Examples
    --------
    >>> nlp = load(segmenter="char")
    >>> [(ent.text, ent.label_) for ent in nlp("总投资5亿元").ents]
    [('5亿元', 'MONEY')]

    """
    if segmenter not in ("char", "pkuseg"):
        raise ValueError(Errors.E030.format(name=segmenter))
    config: dict[str, Any] = {"nlp": {"tokenizer": {"segmenter": segmenter}}}
    model: Path | None = None
    if segmenter == "pkuseg":
        from .segmenter import ensure_model

        model = ensure_model()
        # So that nlp.initialize() (before training) finds the model, too.
        config["initialize"] = {"tokenizer": {"pkuseg_model": str(model)}}
    nlp = spacy.blank("zh", config=config)
    settings = {"defaults": defaults, "yuan": yuan}
    sources = [rules] if isinstance(rules, (str, Path, Mapping)) else list(rules)
    for name in FACTORIES:
        component: _RuleComponent = nlp.add_pipe(name, config=settings)  # type: ignore[assignment]
        if sources:
            component.add_rules(*sources)
    if model is not None:
        from .segmenter import use_pkuseg

        use_pkuseg(nlp, model, component.rules)
    return nlp
