"""The PROJECT word lists of a rule set (`ProjectLexicon`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..lexicon import Lexicon
from ..rules import RuleSet
from ..zones.forms import zone_place_names
from .text import plain_run

__all__ = ["CONJUNCTIONS", "CONJUNCTION_ENDS", "NO_RUN", "RUN_AFTER", "ProjectLexicon"]

# What joins enumeration items besides 、. A conjunction after an attributive
# suffix joins two modifiers of one item (宸鸿穿戴式及3D触控模块), not two items.
CONJUNCTIONS = ("以及", "和", "与", "及")
CONJUNCTION_ENDS = frozenset(word[-1] for word in CONJUNCTIONS)
#: A run that crosses nothing: a walk checks each position (`ProjectLexicon.walk_run`).
NO_RUN = re.compile("")
#: Positions checked one by one before `ProjectLexicon.plain_run` is compiled.
RUN_AFTER = 2000


@dataclass(frozen=True)
class ProjectLexicon:
    """The PROJECT word lists of a rule set, each compiled at first use.

    Parameters
    ----------
    rules
        The rule set: ``project_head``, ``project_stop``, ``project_generic``
        and ``status_cue`` rules, and ``zone_word`` rules (a head inside a
        zone word, as 园 in 产业园, makes no project).

    Examples
    --------
    >>> lexicon = ProjectLexicon(RuleSet.default())
    >>> "项目" in lexicon.heads and "该" in lexicon.anaphors
    True

    """

    rules: RuleSet

    @cached_property
    def heads(self) -> Lexicon[str]:
        """Head words: 项目 and its compounds, and the facility heads."""
        return self.rules.lexicon("project_head", "word")

    @cached_property
    def stops(self) -> Lexicon[str]:
        """Words that end a name on the left."""
        return self.rules.lexicon("project_stop", "word")

    @cached_property
    def generic(self) -> Lexicon[str]:
        """Words and names that are not projects."""
        return self.rules.lexicon("project_generic", "word")

    @cached_property
    def cues(self) -> Lexicon[str]:
        """Status cues, each with its status or ``"none"``; a later rule wins."""
        return self.rules.lexicon("status_cue", "status")

    @cached_property
    def zone_words(self) -> Lexicon[str]:
        """The PARK zone words, so that heads never turn a park into a project."""
        return self.rules.lexicon("zone_word", "kind")

    @cached_property
    def head_words(self) -> frozenset[str]:
        """The head words as a set."""
        return frozenset(self.heads.keys())

    @cached_property
    def generic_words(self) -> frozenset[str]:
        """The generic words as a set, for segmenting a name into them."""
        return frozenset(self.generic.keys())

    @cached_property
    def stop_last_chars(self) -> frozenset[str]:
        """The last characters of the stop words, to skip look-ups that cannot hit."""
        return frozenset(word[-1] for word in self.stops)

    @cached_property
    def determiners(self) -> frozenset[str]:
        """Words both stop and generic (一批, 一系列): what follows them is a class."""
        return frozenset(self.stops.keys()) & frozenset(self.generic.keys())

    @cached_property
    def places(self) -> frozenset[str]:
        """The provinces and cities of the zones, as the press writes them (长沙, 长沙市)."""
        return frozenset(zone_place_names(self.rules))

    @cached_property
    def plain_run(self) -> re.Pattern[str]:
        """The run of name characters a walk crosses unchecked (`links.plain_run`).

        It also stops where a conjunction can end: whether one joins two
        names or parts of one is decided there.
        """
        return plain_run(self.stops, also="".join(sorted(CONJUNCTION_ENDS)))

    @cached_property
    def _steps(self) -> list[int]:
        """How many positions walks have checked one by one, before `plain_run` was compiled."""
        return [0]

    def walk_run(self) -> re.Pattern[str]:
        """The run a new walk crosses unchecked: `plain_run`, once it pays to compile it.

        Compiling `plain_run` takes some 5 ms; until walks have checked
        `RUN_AFTER` positions one by one (a few milliseconds), they get
        `NO_RUN`, which crosses nothing, so every position is checked in full:
        the same names, found without compiling it (`step` counts).
        """
        return self.plain_run if "plain_run" in self.__dict__ else NO_RUN

    def step(self) -> bool:
        """Count a position checked one by one; true when `plain_run` should be used."""
        steps = self._steps
        steps[0] += 1
        return steps[0] > RUN_AFTER

    @cached_property
    def anaphors(self) -> Lexicon[str]:
        """Words that refer back to a project named before (该, 此, 这个)."""
        return self.rules.lexicon("project_anaphor", "word")
