"""The kinds that results carry: a bound, a role, a zone's kind, a project's status.

String enums (``Role.INVESTMENT == "investment"``), re-exported by
`hzner.types`, where the results that carry them live.
"""

from __future__ import annotations

from enum import Enum

__all__ = ["ADMINISTRATIVE", "Bound", "Role", "Status", "ZoneKind"]


class Bound(str, Enum):
    """How the stated amount relates to the true one."""

    EXACT = "exact"
    ABOUT = "about"
    OVER = "over"
    UNDER = "under"
    RANGE = "range"
    VAGUE = "vague"


class Role(str, Enum):
    """What an amount of money is, from the cue that governs it."""

    INVESTMENT = "investment"
    OUTPUT = "output"
    REVENUE = "revenue"
    GDP = "gdp"
    CONTRACT = "contract"
    FINANCING = "financing"
    SUBSIDY = "subsidy"
    TRADE = "trade"
    TAX = "tax"
    OTHER = "other"


class ZoneKind(str, Enum):
    """The kind of a zone, from the reference lists or from its zone word."""

    HIGH_TECH_ZONE = "high_tech_zone"
    ECON_DEV_ZONE = "econ_dev_zone"
    NEW_AREA = "new_area"
    FREE_TRADE_ZONE = "free_trade_zone"
    BONDED_ZONE = "bonded_zone"
    INDUSTRIAL_PARK = "industrial_park"
    SCIENCE_CITY = "science_city"
    OTHER = "other"

    @property
    def administrative(self) -> bool:
        """Whether a zone of this kind is an administered area (a zone, not a built park).

        Such a zone is never itself a project: 辽阳经济开发区项目 are the zone's
        projects. Industrial parks and science cities are built, and may be.
        """
        return self in ADMINISTRATIVE


#: The kinds of administered zones (`ZoneKind.administrative`), for a look-up without a call.
ADMINISTRATIVE = frozenset(
    (
        ZoneKind.HIGH_TECH_ZONE,
        ZoneKind.ECON_DEV_ZONE,
        ZoneKind.NEW_AREA,
        ZoneKind.FREE_TRADE_ZONE,
        ZoneKind.BONDED_ZONE,
    )
)


class Status(str, Enum):
    """The state of a project that the text asserts now."""

    SIGNED = "signed"
    STARTED = "started"
    UNDER_CONSTRUCTION = "under_construction"
    COMPLETED = "completed"
    OPERATING = "operating"
    SETTLED = "settled"
