"""The kinds results carry (`hzner.kinds`), re-exported by `hzner.types`."""

from __future__ import annotations

import pickle
from enum import Enum

import pytest

from hzner import kinds, types
from hzner.kinds import Bound, Role, Status, ZoneKind


@pytest.mark.parametrize("kind", [Bound, Role, Status, ZoneKind])
def test_kinds_are_string_enums_re_exported_by_types(kind: type[Enum]) -> None:
    assert getattr(types, kind.__name__) is kind
    for member in kind:
        assert member == member.value
        assert pickle.loads(pickle.dumps(member)) is member


def test_kinds_administered_zones() -> None:
    administered = {kind for kind in ZoneKind if kind.administrative}
    assert administered == {
        ZoneKind.HIGH_TECH_ZONE,
        ZoneKind.ECON_DEV_ZONE,
        ZoneKind.NEW_AREA,
        ZoneKind.FREE_TRADE_ZONE,
        ZoneKind.BONDED_ZONE,
    }
    assert administered == kinds.ADMINISTRATIVE
    assert set(kinds.__all__) == {"ADMINISTRATIVE", "Bound", "Role", "Status", "ZoneKind"}
