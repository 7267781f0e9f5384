"""The word lists of PARK (`hzner.zones.parks`), each built at its first use.

Kept apart from the recognizer, in a module that stays Python source when
the scanning modules are compiled (``scripts/compile.py``): each list is a
``functools.cached_property``, which compiled classes do not support.
"""

from __future__ import annotations

from functools import cached_property

from ..lexicon import Lexicon
from ..rules import RuleSet
from .gazetteer import Gazetteer
from .places import Places, province_names
from .proper import ProperReader
from .readings import Readings

__all__ = ["ParkLexicon"]


class ParkLexicon:
    """The zones and PARK's word lists of a rule set.

    Parameters
    ----------
    rules
        The rule set: ``zone``, ``alias``, ``zone_word``, ``park_stop``,
        ``park_generic``, ``park_designation`` and ``park_bare`` rules are used.

    """

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The zones and their forms."""
        return Gazetteer.from_rules(self.rules)

    @cached_property
    def zone_words(self) -> Lexicon[str]:
        """Zone words and the kind each gives an unseen park."""
        return self.rules.lexicon("zone_word", "kind")

    @cached_property
    def stops(self) -> Lexicon[str]:
        """Words that end a park's name on the left."""
        return self.rules.lexicon("park_stop", "word")

    @cached_property
    def generic(self) -> Lexicon[str]:
        """Proper parts (or name endings) that make a mention generic."""
        return self.rules.lexicon("park_generic", "word")

    @cached_property
    def designations(self) -> frozenset[str]:
        """Zone words of a designation, a park only with a place or a brand (示范区)."""
        return frozenset(self.rules.lexicon("park_designation", "word"))

    @cached_property
    def bare(self) -> frozenset[str]:
        """Zone words that say no more than "park" (园区): a short part needs a name."""
        return frozenset(self.rules.lexicon("park_bare", "word"))

    @cached_property
    def province_last(self) -> frozenset[str]:
        """The last characters of the zones' provinces' names, official and short (省, 东)."""
        return frozenset(
            name[-1]
            for zone in self.gazetteer
            if zone.province
            for name in province_names().get(zone.province, (zone.province,))
        )

    @cached_property
    def readings(self) -> Readings:
        """The cues that read an unseen park as a kind or a project."""
        return Readings.default()

    @cached_property
    def places(self) -> Places:
        """China's place names (provinces, prefectures, counties)."""
        return Places.default()

    @cached_property
    def proper(self) -> ProperReader:
        """The reader of an unseen park's proper part (`hzner.zones.proper`)."""
        return ProperReader(
            self.stops, self.generic, self.places, self.readings, self.designations, self.bare
        )
