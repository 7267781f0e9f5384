"""The cue that decides a project's status (hzner.projects.status), on sentences written for it."""

from __future__ import annotations

import pytest

import hzner


def _statuses(text: str) -> list[tuple[str, str | None]]:
    return [
        (p.text, None if p.status is None else p.status.value) for p in hzner.extract(text).projects
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Future wording before a cue in a later clause withholds it.
        ("青禾芯片项目总投资30亿元,将建设两条生产线。", None),
        ("青禾芯片项目总投资30亿元,拟建设两条生产线。", None),
        # The length of its building is no stage.
        ("青禾芯片项目由青禾集团投资6亿元兴办,建设周期为1年。", None),
        # Near miss: no future wording in the cue's clause.
        ("青禾芯片项目总投资30亿元,正在建设两条生产线。", "under_construction"),
    ],
)
def test_links_future_wording_in_the_cues_own_clause(text: str, expected: str | None) -> None:
    assert _statuses(text) == [("青禾芯片项目", expected)]
