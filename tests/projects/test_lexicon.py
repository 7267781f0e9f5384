"""Tests of `hzner.projects.lexicon`: the PROJECT word lists and the run a walk crosses."""

from __future__ import annotations

from typing import Any

import pytest

from hzner.extractor import Extractor
from hzner.projects import lexicon as lexicon_module
from hzner.projects.lexicon import NO_RUN, ProjectLexicon
from hzner.rules import RuleSet
from tests.scripts import load_script

TEXTS = [text for _, text in load_script("snapshot").dev_texts()]


def _results(monkeypatch: pytest.MonkeyPatch, run_after: int) -> tuple[list[Any], bool]:
    monkeypatch.setattr(lexicon_module, "RUN_AFTER", run_after)
    extractor = Extractor()
    results = [extractor.extract(text).to_dict() for text in TEXTS]
    return results, "plain_run" in extractor.project_lexicon.__dict__


def test_walks_find_the_same_names_checking_every_position(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stepped, compiled_late = _results(monkeypatch, 10**9)
    run, compiled_early = _results(monkeypatch, 0)
    assert (compiled_late, compiled_early) == (False, True)
    assert stepped == run


def test_walk_run_is_the_plain_run_once_the_steps_are_spent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lexicon_module, "RUN_AFTER", 3)
    lexicon = ProjectLexicon(RuleSet.default())
    assert lexicon.walk_run() is NO_RUN
    assert [lexicon.step() for _ in range(4)] == [False, False, False, True]
    assert lexicon.walk_run() is NO_RUN  # until the walk that spent the steps compiles it
    run = lexicon.plain_run
    assert lexicon.walk_run() is run is not NO_RUN
