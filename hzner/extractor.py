"""The fast path: `Extractor` runs hzner's recognizers over plain text.

The spaCy components in `hzner.pipeline` call the same recognizers, so the
two surfaces give the same results by construction.

Most texts are short, and most short texts hold no entity of most labels:
`Extractor.extract` runs a recognizer only where one scan in C shows that
it can find something (exact early exits, which change no result; the
tests compare them with the full path on the dev set and generated texts):

* MONEY needs a run of numeral characters (a digit, 五, 亿 ...);
* PARK needs a zone word (高新区, 园区 ...) or a form of a known zone that
  ends in none (光谷, 中关村);
* PROJECT needs a head word (项目, 基地 ...);
* user phrases need at least one ``phrase`` rule;
* the normalized view is the text itself when nothing in it needs
  normalizing (`hzner.normalize.normalize`);
* the empty text has nothing: one shared empty `Facts`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from typing import ClassVar

from .currency_check import check_yuan
from .errors import Errors, RuleError
from .lexicon import Lexicon
from .money.parse import MoneyLexicon, find_money, find_money_located
from .money.runs import RUN as _MONEY_RUN
from .normalize import Located, NormalizedText, normalize, normalize_key
from .orgs.company import link_companies, outside
from .orgs.lexicon import OrgLexicon
from .orgs.recognizer import find_orgs_located
from .phrases import find_phrases, phrase_lexicon
from .projects.tagger import ProjectLexicon, find_projects_located
from .rules import RuleSet, RuleSource
from .types import Facts, Mention, Money, Org, Park, Project
from .zones.parks import ParkRecognizer

_EMPTY: tuple[()] = ()
# The result of the empty text: Facts is frozen, so one serves every call.
_NOTHING = Facts("")

__all__ = ["Extractor", "check_text"]


def _is_cjk_start(char: str) -> bool:
    """Whether a zone word starting with ``char`` is found wherever its form is.

    A word that starts with an ASCII letter is not found after another
    letter (`hzner.lexicon.Lexicon`), so its forms are matched on their own.
    """
    return not (char.isascii() and char.isalpha())


def _check_aliases(rules: RuleSet) -> None:
    """Raise [E020] now, not at the first extraction, if an alias names no zone.

    An alias names a zone by id or by official name (brackets of either
    width), as `hzner.zones.gazetteer.Gazetteer.from_rules` reads it.
    """
    aliases = rules.of("alias")
    if not aliases:
        return
    zones = rules.of("zone")
    ids = {rule["id"] for rule in zones}
    names: set[str] | None = None
    for rule in aliases:
        target = rule["zone"]
        if target in ids:
            continue
        if names is None:
            names = {normalize_key(zone["name"]) for zone in zones}
        if normalize_key(target) not in names:
            raise RuleError(Errors.E020.format(alias=rule["alias"], zone=target))


def check_text(text: object, func: str) -> str:
    """Return ``text`` if it is a str, else raise the TypeError users expect."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray)):
        raise TypeError(Errors.E002.format(func=func))
    raise TypeError(Errors.E001.format(func=func, type=type(text).__name__))


class Extractor:
    """A configured, reusable extractor.

    Parameters
    ----------
    rules
        Rule files (JSONL paths), rule mappings, or iterables of mappings,
        added after hzner's own data (see docs/extending.md).
    defaults
        Start from hzner's own data (the default) or from nothing.
    yuan
        The currency of a bare 元 (``"CNY"``, ``"TWD"``, ``"HKD"``); by
        default told from the text.

    Examples
    --------
    >>> extractor = Extractor(rules=[{"type": "currency", "word": "泰铢", "code": "THB"}])
    >>> [m.currency for m in extractor.extract("投资50亿泰铢建厂").money]
    ['THB']

    """

    #: Take the exact early exits (see the module's docs); the tests turn
    #: them off on an instance to compare the two paths.
    early_exits = True

    def __init__(
        self,
        rules: Iterable[RuleSource] = (),
        *,
        defaults: bool = True,
        yuan: str | None = None,
    ) -> None:
        if isinstance(rules, (str, bytes)) or hasattr(rules, "keys"):
            rules = [rules]  # type: ignore[list-item]
        sources = list(rules)
        self.rules = RuleSet.from_sources(sources, defaults=defaults)
        self.yuan = check_yuan(yuan, "Extractor")
        if sources:
            _check_aliases(self.rules)

    @classmethod
    def from_ruleset(cls, rules: RuleSet, *, yuan: str | None = None) -> Extractor:
        """An extractor over an already built rule set."""
        extractor = cls.__new__(cls)
        extractor.rules = rules
        extractor.yuan = check_yuan(yuan, "Extractor.from_ruleset")
        return extractor

    @cached_property
    def money_lexicon(self) -> MoneyLexicon:
        """The MONEY word lists, compiled at first use."""
        return MoneyLexicon(self.rules)

    @cached_property
    def park_recognizer(self) -> ParkRecognizer:
        """The PARK recognizer and linker, built at first use."""
        return ParkRecognizer(self.rules)

    @cached_property
    def project_lexicon(self) -> ProjectLexicon:
        """The PROJECT word lists, compiled at first use."""
        return ProjectLexicon(self.rules)

    @cached_property
    def org_lexicon(self) -> OrgLexicon:
        """The ORG word lists, compiled at first use."""
        return OrgLexicon(self.rules)

    @cached_property
    def phrases(self) -> Lexicon[tuple[str, str]]:
        """The user's ``phrase`` rules, compiled at first use."""
        return phrase_lexicon(self.rules)

    @cached_property
    def _brand_gate(self) -> re.Pattern[str] | None:
        """The known zones' forms that end in no zone word (光谷, 中关村).

        A form that ends in a zone word holds it, so the zone words' gate
        finds it; a zone word that starts with an ASCII letter is not found
        after another letter, so forms ending in one are kept here too.
        """
        words = tuple(word for word in self.park_recognizer.zone_words if _is_cjk_start(word[0]))
        brands: Lexicon[bool] = Lexicon()
        for form in self.park_recognizer.gazetteer.forms():
            if not form.endswith(words):
                brands.add(form, True)
        return brands.compiled

    def _has_park(self, text: str) -> bool:
        # The zone words: a park needs one, unless it is a known form that ends in none.
        if self.park_recognizer.zone_words.occurs(text):
            return True
        brands = self._brand_gate  # built only when a text has no zone word
        return brands is not None and brands.search(text) is not None

    def extract_money(self, text: str) -> list[Money]:
        """Find only the amounts of money of ``text``."""
        text = check_text(text, "Extractor.extract_money")
        return find_money(normalize(text), self.money_lexicon, yuan=self.yuan)

    def extract(self, text: str) -> Facts:
        """Find the money, parks, projects and orgs of one text.

        Raises
        ------
        TypeError
            If ``text`` is not a str.

        """
        if type(text) is not str:
            text = check_text(text, "Extractor.extract")
        if not self.early_exits:
            return self._extract_all(text)
        if not text:
            return _NOTHING
        norm = normalize(text)
        view = norm.text
        money: list[Located[Money]] = []
        parks: list[Located[Park]] = []
        zone_words: list[tuple[int, int]] = []
        park_projects: list[tuple[int, int]] = []
        projects: list[Located[Project]] = []
        if _MONEY_RUN.search(view) is not None:
            money = find_money_located(norm, self.money_lexicon, yuan=self.yuan)
        if self._has_park(view):
            parks, zone_words, park_projects = self.park_recognizer.find_located(norm, money)
        orgs = find_orgs_located(norm, money, parks, self.org_lexicon)
        all_parks = parks
        # The PROJECT head words: without one, no project.
        if park_projects or self.project_lexicon.heads.occurs(view):
            projects, parks = find_projects_located(
                norm, money, parks, self.project_lexicon, zone_words, park_projects
            )
        if not money and not parks and not projects and not orgs and not len(self.phrases):
            return Facts(text)
        return self._facts(norm, money, parks, projects, orgs, all_parks)

    def _extract_all(self, text: str) -> Facts:
        """`extract` without the early exits: every recognizer runs."""
        norm = normalize(text)
        money = find_money_located(norm, self.money_lexicon, yuan=self.yuan)
        parks, zone_words, park_projects = self.park_recognizer.find_located(norm, money)
        orgs = find_orgs_located(norm, money, parks, self.org_lexicon)
        all_parks = parks
        projects, parks = find_projects_located(
            norm, money, parks, self.project_lexicon, zone_words, park_projects
        )
        return self._facts(norm, money, parks, projects, orgs, all_parks)

    def _facts(
        self,
        norm: NormalizedText,
        money: list[Located[Money]],
        parks: list[Located[Park]],
        projects: list[Located[Project]],
        orgs: list[Located[Org]],
        all_parks: list[Located[Park]],
    ) -> Facts:
        if orgs or projects:
            orgs, projects = link_companies(norm, orgs, projects, all_parks, self.org_lexicon)
        others: tuple[Mention, ...] = _EMPTY
        if len(self.phrases):
            taken = [(item.entity.start, item.entity.end) for item in money]
            taken += [(item.entity.start, item.entity.end) for item in parks]
            taken += [(item.entity.start, item.entity.end) for item in projects]
            others = tuple(find_phrases(norm, self.phrases, taken))
            if others and orgs:
                # A user's phrase names its span on purpose (a FUND label): it wins over an ORG.
                orgs = outside(orgs, [(m.start, m.end) for m in others], len(norm.original))
        return Facts(
            norm.original,
            tuple([item.entity for item in money]) if money else _EMPTY,
            tuple([item.entity for item in parks]) if parks else _EMPTY,
            tuple([item.entity for item in projects]) if projects else _EMPTY,
            others,
            tuple([item.entity for item in orgs]) if orgs else _EMPTY,
        )

    def extract_many(
        self, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[Facts]:
        """Extract from each text in order: one `Facts` per text, none dropped or reordered.

        The same as ``hzner.batch.extract_many(texts, extractor=self, ...)``;
        worker processes build their own extractor from this one's rules.

        Raises
        ------
        TypeError
            ``[E120]`` when ``texts`` is a str (one text, not texts).

        """
        # The batch engine sits above this module and is handed in by the
        # package (hzner/__init__.py), so that imports run one way.
        engine = Extractor._batch_engine
        if engine is None:  # pragma: no cover - set whenever hzner is imported
            raise RuntimeError("hzner.batch is not loaded")
        return engine(texts, n_process=n_process, batch_size=batch_size, extractor=self)

    _batch_engine: ClassVar[Callable[..., Iterator[Facts]] | None] = None
