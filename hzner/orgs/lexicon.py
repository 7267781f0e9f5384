"""The ORG word lists of a rule set (`OrgLexicon`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from ..lexicon import Lexicon
from ..projects.text import NAME_RANGES
from ..rules import RuleSet
from ..zones.forms import zone_place_names
from ..zones.places import Places

__all__ = ["CLOSED_LIST_START", "OrgLexicon"]

# Compound verbs of an investor are this long or longer; a single 投资 or 建设 is too often a noun.
_SUBJECT_VERB = 4
#: The literal every `OrgLexicon.closed_lists` match starts with: a text without it has none.
CLOSED_LIST_START = "等"
# Between 等 and its class noun: a count and modifiers (等111家知名企业).
_CLASS_GAP = 10


class _Searchers(dict[str, Lexicon[str]]):
    """Each list, built when it is first asked for."""

    def __init__(self, lexicons: dict[str, Callable[[], Lexicon[str]]]) -> None:
        super().__init__()
        self._lexicons = lexicons

    def __missing__(self, name: str) -> Lexicon[str]:
        lexicon = self[name] = self._lexicons[name]()
        return lexicon


@dataclass(frozen=True)
class OrgLexicon:
    """The ORG word lists of a rule set, each compiled at first use.

    Parameters
    ----------
    rules
        The rule set: ``org_word`` rules of each kind, ``org`` rules (a
        user's organisations and their short forms), ``project_stop`` rules
        (the PROJECT boundary words end an ORG name too) and ``zone`` rules
        (their provinces and cities are places).

    Examples
    --------
    >>> lexicon = OrgLexicon(RuleSet.default())
    >>> "有限公司" in lexicon.forms and "制药" in lexicon.business
    True

    """

    rules: RuleSet

    def _words(self, kind: str) -> Lexicon[str]:
        return self.rules.lexicon("org_word", "kind", kind=kind)

    @cached_property
    def branches(self) -> Lexicon[str]:
        """Words of a company's branch (``branch``: 分公司, 支行): 某某有限公司四川分公司."""
        return self._words("branch")

    @cached_property
    def forms(self) -> Lexicon[str]:
        """Legal forms and group words (``form``) and institutions (``institution``)."""
        lexicon: Lexicon[str] = Lexicon()
        for rule in self.rules.of("org_word"):
            if rule["kind"] in ("form", "institution"):
                lexicon.add(rule["word"], rule["kind"])
        return lexicon

    @cached_property
    def business(self) -> Lexicon[str]:
        """Business words (科技 制药 生物)."""
        return self._words("business")

    @cached_property
    def trades(self) -> Lexicon[str]:
        """Business words that end a company's short name (科技 能源 汽车)."""
        return self._words("trade")

    @cached_property
    def classes(self) -> Lexicon[str]:
        """Class nouns after 等 that make the list's items ORGs (等多家企业)."""
        return self._words("class")

    @cached_property
    def not_org(self) -> Lexicon[str]:
        """Government bodies, associations, generic mentions: what no ORG holds."""
        return self._words("not_org")

    @cached_property
    def stops(self) -> Lexicon[str]:
        """Where a name starts walking left: the ORG stops and the PROJECT boundary words."""
        lexicon: Lexicon[str] = Lexicon()
        for rule in self.rules.of("project_stop"):
            lexicon.add(rule["word"], "stop")
        for rule in self.rules.of("org_word"):
            if rule["kind"] == "stop":
                lexicon.add(rule["word"], "stop")
        return lexicon

    @cached_property
    def describe(self) -> Lexicon[str]:
        """Words that begin what a project builds, after its company's name."""
        return self._words("describe")

    @cached_property
    def generic(self) -> Lexicon[str]:
        """Generic words of projects and parks (国家级 城市 产业): no company name begins so."""
        lexicon: Lexicon[str] = Lexicon()
        for rule in self.rules.of("project_generic", "park_generic"):
            lexicon.add(rule["word"], "generic")
        return lexicon

    @cached_property
    def kinds(self) -> Lexicon[str]:
        """The park rules' generic words (现代 国家级 特色): no proper part of a name."""
        return self.rules.lexicon("park_generic", "type")

    @cached_property
    def zone_words(self) -> Lexicon[str]:
        """The heads of park names (科技园 产业园): no company's name ends inside one."""
        return self.rules.lexicon("zone_word", "kind")

    @cached_property
    def verbs(self) -> Lexicon[str]:
        """What an investor or builder does to a project."""
        return self._words("verb")

    @cached_property
    def builds(self) -> Lexicon[str]:
        """What a builder does, in a clause of its own after the ORG's (以建设…)."""
        return self._words("build")

    @cached_property
    def spends(self) -> Lexicon[str]:
        """An investor's verb right before an amount (某某投资|14亿元|的…项目)."""
        return self._words("spend")

    @cached_property
    def agents(self) -> frozenset[str]:
        """What joins a project to the ORG after it that builds it (X项目,由某某公司投资建设)."""
        return frozenset(self._words("agent").keys())

    @cached_property
    def places(self) -> Lexicon[str]:
        """Countries and pairs (``place``), and the provinces and cities of the zones."""
        lexicon = self._words("place")
        # Each name once, in the order first met: the zones share their places.
        for name in dict.fromkeys(zone_place_names(self.rules)):
            lexicon.add(name, "place")
        return lexicon

    @cached_property
    def divisions(self) -> Places:
        """Every province, prefecture and county by name and short form (`hzner.zones.places`).

        Where a project's name begins with one, what follows it is read for
        the company (眉山|新能源…项目 names none); a subject or a legal name
        keeps to `places`, which an everyday word is never among.
        """
        return Places.default()

    @cached_property
    def known(self) -> Lexicon[str]:
        """The user's organisations: each name and short form, mapped to the name."""
        lexicon: Lexicon[str] = Lexicon()
        for rule in self.rules.of("org"):
            lexicon.add(rule["name"], rule["name"])
            for short in rule["short"]:
                lexicon.add(short, rule["name"])
        return lexicon

    @cached_property
    def searchers(self) -> dict[str, Lexicon[str]]:
        """Some lists by name, to find the first of their words in a span (`Lexicon.search`).

        Each is built at its first use: a text needs a few of them.
        """
        return _Searchers(
            {
                "verb": lambda: self.verbs,
                "build": lambda: self.builds,
                "not_org": lambda: self.not_org,
                "describe": lambda: self.describe,
                "measure": lambda: self._words("measure"),
                "business": lambda: self.business,
            }
        )

    @cached_property
    def acting_trade(self) -> re.Pattern[str] | None:
        """A trade word before a verb, maybe after a modal (科技|拟|投资), found in one scan."""
        trades, verbs = self.trades.pattern, self.verbs.pattern
        if trades is None or verbs is None:
            return None
        return re.compile(f"(?:{trades})(?=[拟将已正]?(?:{verbs}))")

    @cached_property
    def subject_verbs(self) -> re.Pattern[str] | None:
        """The investor's compound verbs (投资建设 签约落户): a single 投资 is too often a noun."""
        words = sorted((word for word in self.verbs if len(word) >= _SUBJECT_VERB), key=len)
        if not words:
            return None
        return re.compile("|".join(re.escape(word) for word in reversed(words)))

    @cached_property
    def closed_lists(self) -> re.Pattern[str] | None:
        """等, a count and modifiers, then a class noun not followed by 项目 (等111家知名企业)."""
        classes = self.classes.pattern
        if classes is None:
            return None
        gap = f"[{NAME_RANGES}]{{0,{_CLASS_GAP}}}?"
        return re.compile(f"{CLOSED_LIST_START}{gap}(?:{classes})(?!项目)")

    @cached_property
    def short_forms(self) -> dict[str, tuple[str, ...]]:
        """The short forms of the company names seen so far (`hzner.orgs.names.trade_name`).

        A pure function of a name and these lists, and the same companies
        recur from text to text: each name is read once (up to a bound).
        """
        return {}

    @cached_property
    def gates(self) -> tuple[re.Pattern[str], ...]:
        """What every ORG candidate starts from: no match of any, no ORG.

        A form word, a user's organisation, an investor's compound verb, a
        trade word before a verb, or a list closed by a class noun (see
        `hzner.orgs.recognizer`). Searched one by one (`has_evidence`), they
        find what one alternation of them finds, several times faster: each
        starts with a literal or a set, which the engine skips to.
        """
        return tuple(
            pattern
            for pattern in (
                self.forms.compiled,
                self.known.compiled,
                self.subject_verbs,
                self.acting_trade,
                self.closed_lists,
            )
            if pattern is not None
        )

    def has_evidence(self, text: str) -> bool:
        """Whether one of `gates` matches in ``text``: one after another, the first hit decides.

        Each is compiled when it is first tried (the word lists' patterns when
        `Lexicon.occurs` needs them), and `closed_lists` only for a text with
        the 等 it starts with.
        """
        if self.forms.occurs(text) or self.known.occurs(text):
            return True
        verbs = self.subject_verbs
        if verbs is not None and verbs.search(text) is not None:
            return True
        trade = self.acting_trade
        if trade is not None and trade.search(text) is not None:
            return True
        if CLOSED_LIST_START not in text:
            return False
        closed = self.closed_lists
        return closed is not None and closed.search(text) is not None

    @cached_property
    def stop_last_chars(self) -> frozenset[str]:
        """The last characters of the stop words, to skip look-ups that cannot hit."""
        return frozenset(word[-1] for word in self.stops)
