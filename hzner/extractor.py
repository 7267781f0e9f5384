"""The fast path: `Extractor` runs hzner's recognizers over plain text.

The spaCy components in `hzner.pipeline` call the same recognizers, so the
two surfaces give the same results by construction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from typing import ClassVar

from .errors import Errors
from .lexicon import Lexicon
from .money.parse import MoneyLexicon, find_money, find_money_located
from .normalize import normalize
from .phrases import find_phrases, phrase_lexicon
from .projects.tagger import ProjectLexicon, find_projects_located
from .rules import RuleSet, RuleSource
from .types import Facts, Money
from .zones.parks import ParkRecognizer

__all__ = ["Extractor", "check_text"]


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

    def __init__(
        self,
        rules: Iterable[RuleSource] = (),
        *,
        defaults: bool = True,
        yuan: str | None = None,
    ) -> None:
        if isinstance(rules, (str, bytes)) or hasattr(rules, "keys"):
            rules = [rules]  # type: ignore[list-item]
        self.rules = RuleSet.from_sources(list(rules), defaults=defaults)
        self.yuan = yuan

    @classmethod
    def from_ruleset(cls, rules: RuleSet, *, yuan: str | None = None) -> Extractor:
        """An extractor over an already built rule set."""
        extractor = cls.__new__(cls)
        extractor.rules = rules
        extractor.yuan = yuan
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
    def phrases(self) -> Lexicon[tuple[str, str]]:
        """The user's ``phrase`` rules, compiled at first use."""
        return phrase_lexicon(self.rules)

    def extract_money(self, text: str) -> list[Money]:
        """Find only the amounts of money of ``text``."""
        text = check_text(text, "Extractor.extract_money")
        return find_money(normalize(text), self.money_lexicon, yuan=self.yuan)

    def extract(self, text: str) -> Facts:
        """Find the money, parks and projects of one text.

        Raises
        ------
        TypeError
            If ``text`` is not a str.

        """
        text = check_text(text, "Extractor.extract")
        norm = normalize(text)
        # The recognizers hand each other their results with spans in the view.
        money = find_money_located(norm, self.money_lexicon, yuan=self.yuan)
        parks, zone_words = self.park_recognizer.find_located(norm, money)
        projects, parks = find_projects_located(
            norm, money, parks, self.project_lexicon, zone_words
        )
        taken = [(item.entity.start, item.entity.end) for item in money]
        taken += [(item.entity.start, item.entity.end) for item in parks]
        taken += [(item.entity.start, item.entity.end) for item in projects]
        others = find_phrases(norm, self.phrases, taken)
        return Facts(
            text,
            tuple(item.entity for item in money),
            tuple(item.entity for item in parks),
            tuple(item.entity for item in projects),
            tuple(others),
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
