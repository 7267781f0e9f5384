"""The hzner spaCy components: one pass per Doc.

``hzner_money``, ``hzner_zones``, ``hzner_projects``, ``hzner_orgs`` and
``hzner_phrases`` call the same recognizers as `hzner.extract`, and give the
same results. They share
one normalized view and one set of results per Doc (a side table keyed by
the Doc, never in ``doc.user_data``), so a Doc is normalized once; the last
hzner component of the pipeline writes the results to ``doc.user_data`` as
plain data (DocBin and ``nlp.pipe(n_process=2)`` keep working) and sets
``doc.ents`` once. A component with no hzner component after it in
``nlp.pipeline`` is the last one, so each also works alone.

Entities that other components set before keep their place: an hzner entity
that overlaps one is left out of ``doc.ents`` (it stays in ``doc._.facts``),
unless ``overwrite_ents`` is true, as with spaCy's own entity components.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from .currency_check import check_yuan
from .doc_ents import set_ents
from .errors import Errors
from .extensions import KEY, cache_facts, doc_facts, doc_text, plain_data, set_extensions
from .extractor import Extractor
from .money.parse import find_money_located
from .normalize import Located, NormalizedText, locate, normalize
from .orgs.company import link_companies, outside
from .orgs.recognizer import find_orgs_located
from .phrases import find_phrases
from .projects.tagger import find_projects_located
from .rules import RuleSet, RuleSource
from .spacy_scoring import GOLD_KEY, WEIGHTS, score_examples
from .types import Facts, Mention, Money, Org, Park, Project

__all__ = [
    "FACTORIES",
    "GOLD_KEY",
    "MoneyRecognizer",
    "OrgRecognizer",
    "PhraseMatcher",
    "ProjectTagger",
    "ZoneLinker",
]

_RULES_FILE = "rules.jsonl"
_CFG_FILE = "cfg.json"


@dataclass(eq=False)
class _Pass:
    """What the hzner components of one pipeline run share about one Doc."""

    norm: NormalizedText
    money: list[Located[Money]] = field(default_factory=list)
    parks: list[Located[Park]] = field(default_factory=list)
    # Every park found, before PROJECT absorbs those inside project names.
    all_parks: list[Located[Park]] = field(default_factory=list)
    zone_words: list[tuple[int, int]] | None = None
    # The unseen parks read as projects (…产业园正式开工): PROJECT reports them.
    park_projects: list[tuple[int, int]] = field(default_factory=list)
    projects: list[Located[Project]] = field(default_factory=list)
    orgs: list[Located[Org]] = field(default_factory=list)
    others: list[Mention] = field(default_factory=list)


_PASSES: weakref.WeakKeyDictionary[Doc, _Pass] = weakref.WeakKeyDictionary()


def _start_pass(doc: Doc) -> _Pass:
    state = _PASSES[doc] = _Pass(normalize(doc_text(doc)))
    return state


def _current_pass(doc: Doc) -> _Pass:
    """The shared state of this run, or one rebuilt from the Doc's saved results."""
    state = _PASSES.get(doc)
    if state is None:
        state = _start_pass(doc)
        facts = doc_facts(doc)
        state.money = locate(facts.money, state.norm)
        state.parks = locate(facts.parks, state.norm)
        state.all_parks = state.parks
        state.projects = locate(facts.projects, state.norm)
        state.orgs = locate(facts.orgs, state.norm)
        state.others = list(facts.others)
    return state


class _RuleComponent:
    """What the four components share: rules, settings, saving, ``doc.ents`` and scores."""

    label: str = ""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        defaults: bool,
        yuan: str | None,
        overwrite_ents: bool = False,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.defaults = defaults
        self.yuan = check_yuan(yuan, f"component {name!r}")
        if not isinstance(overwrite_ents, bool):
            where = f"component {name!r}"
            raise TypeError(Errors.E103.format(where=where, type=type(overwrite_ents).__name__))
        self.overwrite_ents = overwrite_ents
        self._rules: RuleSet | None = None  # read at first use, not at construction
        self._extractor: Extractor | None = None
        self._last_for: tuple[str, ...] | None = None
        self._is_last = True
        set_extensions()

    @property
    def rules(self) -> RuleSet:
        """The rules in effect (hzner's defaults, unless disabled, plus those added)."""
        if self._rules is None:
            self._set_rules(RuleSet.default() if self.defaults else RuleSet())
        assert self._rules is not None
        return self._rules

    @property
    def extractor(self) -> Extractor:
        """The recognizers over the rules in effect (built at first use)."""
        if self._extractor is None:
            self._extractor = Extractor.from_ruleset(self.rules, yuan=self.yuan)
        return self._extractor

    @property
    def labels(self) -> tuple[str, ...]:
        """The entity labels this component sets (``nlp.meta["labels"]`` lists them)."""
        return (self.label,)

    def _set_rules(self, rules: RuleSet) -> None:
        self._rules = rules
        self._extractor = None

    def add_rules(self, *sources: RuleSource) -> None:
        """Add rules (paths, mappings or iterables of mappings)."""
        self._set_rules(self.rules.extend(*sources))

    def __call__(self, doc: Doc) -> Doc:
        """Find this component's entities; the last hzner component sets ``doc.ents``."""
        self.find(doc)
        return self._finish(doc) if self._last() else doc

    def find(self, doc: Doc) -> None:  # pragma: no cover - each component defines it
        """Add this component's results to the Doc's shared pass."""
        raise NotImplementedError

    def _last(self) -> bool:
        names = tuple(self.nlp.pipe_names)
        if names != self._last_for:
            later = names[names.index(self.name) + 1 :] if self.name in names else ()
            self._is_last = not any(
                isinstance(self.nlp.get_pipe(name), _RuleComponent) for name in later
            )
            self._last_for = names
        return self._is_last

    def _finish(self, doc: Doc) -> Doc:
        state = _PASSES.pop(doc, None)
        if state is None:
            return doc
        money = [item.entity for item in state.money]
        parks = [item.entity for item in state.parks]
        projects = [item.entity for item in state.projects]
        orgs = tuple([item.entity for item in state.orgs])
        facts = Facts(
            doc_text(doc), tuple(money), tuple(parks), tuple(projects), (*state.others,), orgs
        )
        previous = doc.user_data.get(KEY)
        doc.user_data[KEY] = plain_data(facts)
        cache_facts(doc, facts)
        return set_ents(doc, facts, previous, overwrite=self.overwrite_ents)

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """Entity scores over hzner's labels, and MONEY value accuracy (see `score_examples`)."""
        return score_examples(examples)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the rules in effect and the settings."""
        data = {"rules": self.rules.to_jsonl(), "cfg": self._cfg()}
        return srsly.msgpack_dumps(data)  # type: ignore[no-any-return]

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> _RuleComponent:
        """Load what `to_bytes` wrote."""
        loaded = srsly.msgpack_loads(data)
        self._load_cfg(loaded["cfg"])
        self._set_rules(RuleSet.from_jsonl(loaded["rules"], source=self.name))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write ``rules.jsonl`` (the rules in effect) and ``cfg.json``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / _RULES_FILE).write_text(self.rules.to_jsonl(), encoding="utf-8")
        srsly.write_json(path / _CFG_FILE, self._cfg())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> _RuleComponent:
        """Load what `to_disk` wrote; hzner's package data is not read."""
        path = Path(path)
        self._load_cfg(srsly.read_json(path / _CFG_FILE))
        rules_path = path / _RULES_FILE
        self._set_rules(RuleSet.from_jsonl(rules_path.read_text(encoding="utf-8"), str(rules_path)))
        return self

    def _cfg(self) -> dict[str, Any]:
        return {"yuan": self.yuan, "overwrite_ents": self.overwrite_ents}

    def _load_cfg(self, cfg: dict[str, Any]) -> None:
        self.yuan = check_yuan(cfg.get("yuan"), f"component {self.name!r}")
        self.overwrite_ents = bool(cfg.get("overwrite_ents", self.overwrite_ents))


class MoneyRecognizer(_RuleComponent):
    """Find MONEY: exact value, currency, bound and role."""

    label = "MONEY"

    def find(self, doc: Doc) -> None:
        """Start the Doc's pass (its normalized view) and find its amounts."""
        state = _start_pass(doc)
        extractor = self.extractor
        state.money = find_money_located(state.norm, extractor.money_lexicon, yuan=extractor.yuan)


class ZoneLinker(_RuleComponent):
    """Find PARK mentions and link them to the reference lists of zones."""

    label = "PARK"

    def find(self, doc: Doc) -> None:
        """Find the parks of the Doc; its amounts, when found before, bound their names."""
        state = _current_pass(doc)
        state.parks, state.zone_words, state.park_projects = (
            self.extractor.park_recognizer.find_located(state.norm, state.money)
        )
        state.all_parks = state.parks


class ProjectTagger(_RuleComponent):
    """Find PROJECT mentions and link them to their money, park and status."""

    label = "PROJECT"

    def find(self, doc: Doc) -> None:
        """Find the projects of the Doc; parks inside a project name are absorbed."""
        state = _current_pass(doc)
        state.projects, state.parks = find_projects_located(
            state.norm,
            state.money,
            state.parks,
            self.extractor.project_lexicon,
            state.zone_words,
            state.park_projects,
        )


class OrgRecognizer(_RuleComponent):
    """Find ORG mentions, and link each project to its company."""

    label = "ORG"

    def find(self, doc: Doc) -> None:
        """Find the companies of the Doc; those inside a project's or park's name are dropped."""
        state = _current_pass(doc)
        lexicon = self.extractor.org_lexicon
        orgs = find_orgs_located(state.norm, state.money, state.all_parks, lexicon)
        if orgs or state.projects:
            orgs, state.projects = link_companies(
                state.norm, orgs, state.projects, state.all_parks, lexicon
            )
        state.orgs = orgs


class PhraseMatcher(_RuleComponent):
    """Find the phrases of the user's ``phrase`` rules, under their own labels."""

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels of the ``phrase`` rules in effect (none before the rules are read).

        Asking does not read the rules: ``spacy.load`` asks before it loads
        the saved ones.
        """
        if self._rules is None:
            return ()
        return tuple(sorted({rule["label"] for rule in self._rules.of("phrase")}))

    def find(self, doc: Doc) -> None:
        """Find the phrases of the Doc that overlap none of hzner's entities."""
        state = _current_pass(doc)
        phrases = self.extractor.phrases
        if not len(phrases):
            state.others = []
            return
        taken = [(item.entity.start, item.entity.end) for item in state.money]
        taken += [(item.entity.start, item.entity.end) for item in state.parks]
        taken += [(item.entity.start, item.entity.end) for item in state.projects]
        state.others = find_phrases(state.norm, phrases, taken)
        if state.others and state.orgs:
            # A user's phrase names its span on purpose (a FUND label): it wins over an ORG.
            spans = [(mention.start, mention.end) for mention in state.others]
            state.orgs = outside(state.orgs, spans, len(state.norm.original))


_CONFIG: dict[str, Any] = {"defaults": True, "yuan": None, "overwrite_ents": False}
_ASSIGNS = ["doc.ents", "token.ent_iob", "token.ent_type", "doc._.facts"]


@Language.factory(
    "hzner_money",
    assigns=[*_ASSIGNS, "span._.money"],
    default_config=_CONFIG,
    default_score_weights=WEIGHTS,
)
def make_money(
    nlp: Language, name: str, defaults: bool, yuan: str | None, overwrite_ents: bool
) -> MoneyRecognizer:
    """Create the ``hzner_money`` component."""
    return MoneyRecognizer(nlp, name, defaults=defaults, yuan=yuan, overwrite_ents=overwrite_ents)


@Language.factory(
    "hzner_zones",
    assigns=[*_ASSIGNS, "span._.park"],
    default_config=_CONFIG,
    default_score_weights=WEIGHTS,
)
def make_zones(
    nlp: Language, name: str, defaults: bool, yuan: str | None, overwrite_ents: bool
) -> ZoneLinker:
    """Create the ``hzner_zones`` component (after ``hzner_money``, whose amounts it uses)."""
    return ZoneLinker(nlp, name, defaults=defaults, yuan=yuan, overwrite_ents=overwrite_ents)


@Language.factory(
    "hzner_projects",
    assigns=[*_ASSIGNS, "span._.project"],
    default_config=_CONFIG,
    default_score_weights=WEIGHTS,
)
def make_projects(
    nlp: Language, name: str, defaults: bool, yuan: str | None, overwrite_ents: bool
) -> ProjectTagger:
    """Create the ``hzner_projects`` component (after the other two, whose results it links)."""
    return ProjectTagger(nlp, name, defaults=defaults, yuan=yuan, overwrite_ents=overwrite_ents)


@Language.factory(
    "hzner_orgs",
    assigns=[*_ASSIGNS, "span._.org"],
    default_config=_CONFIG,
    default_score_weights=WEIGHTS,
)
def make_orgs(
    nlp: Language, name: str, defaults: bool, yuan: str | None, overwrite_ents: bool
) -> OrgRecognizer:
    """Create the ``hzner_orgs`` component (after ``hzner_projects``, whose companies it links)."""
    return OrgRecognizer(nlp, name, defaults=defaults, yuan=yuan, overwrite_ents=overwrite_ents)


@Language.factory(
    "hzner_phrases",
    assigns=_ASSIGNS,
    default_config=_CONFIG,
    default_score_weights=WEIGHTS,
)
def make_phrases(
    nlp: Language, name: str, defaults: bool, yuan: str | None, overwrite_ents: bool
) -> PhraseMatcher:
    """Create the ``hzner_phrases`` component (user labels from ``phrase`` rules)."""
    return PhraseMatcher(nlp, name, defaults=defaults, yuan=yuan, overwrite_ents=overwrite_ents)


FACTORIES = {
    "hzner_money": make_money,
    "hzner_zones": make_zones,
    "hzner_projects": make_projects,
    "hzner_orgs": make_orgs,
    "hzner_phrases": make_phrases,
}
