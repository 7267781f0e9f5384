"""The ORG word lists of a rule set (`OrgLexicon`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..lexicon import Lexicon
from ..rules import RuleSet
from ..zones.gazetteer import place_names

__all__ = ["OrgLexicon"]


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
    def verbs(self) -> Lexicon[str]:
        """What an investor or builder does to a project."""
        return self._words("verb")

    @cached_property
    def builds(self) -> Lexicon[str]:
        """What a builder does, in a clause of its own after the ORG's (以建设…)."""
        return self._words("build")

    @cached_property
    def places(self) -> Lexicon[str]:
        """Countries and pairs (``place``), and the provinces and cities of the zones."""
        lexicon = self._words("place")
        for rule in self.rules.of("zone"):
            for division in (rule.get("province", ""), rule.get("city", "")):
                for name in place_names(division) if division else ():
                    lexicon.add(name, "place")
        return lexicon

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
    def stop_last_chars(self) -> frozenset[str]:
        """The last characters of the stop words, to skip look-ups that cannot hit."""
        return frozenset(word[-1] for word in self.stops)
