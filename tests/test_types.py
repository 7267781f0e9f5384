from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hzner.types import Bound, Facts, Money, Park, Project, Role, Status, ZoneKind


def _money(value: str = "51020000000") -> Money:
    return Money("510.2亿元", 3, 10, Decimal(value), None, "CNY", Bound.EXACT, Role.INVESTMENT)


def test_types_results_are_immutable() -> None:
    money = _money()
    with pytest.raises(dataclasses.FrozenInstanceError):
        money.value = Decimal(1)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("51020000000", "51020000000"),
        ("5.102E+10", "51020000000"),
        ("0.50", "0.5"),
        ("1.25", "1.25"),
    ],
)
def test_types_money_value_is_written_whole(value: str, written: str) -> None:
    assert _money(value).to_dict()["value"] == written


def test_types_money_dict_has_the_gold_shape() -> None:
    assert set(_money().to_dict()) == {
        "start", "end", "label", "text", "value", "high", "currency", "bound", "role",
        "currency_implied",
    }  # fmt: skip


def test_types_facts_round_trip_with_links() -> None:
    text = "总投资510.2亿元的项目落户厦门火炬高新区"
    money = _money()
    park = Park("厦门火炬高新区", 17, 24, "厦门火炬高技术产业开发区", ZoneKind.HIGH_TECH_ZONE)
    project = Project("项目", 11, 13, Status.SETTLED, money, park)
    facts = Facts(text, (money,), (park,), (project,))
    data = json.loads(json.dumps(facts.to_dict()))
    again = Facts.from_dict(data)
    assert again.to_dict() == facts.to_dict()
    assert again.projects[0].investment == money
    assert again.projects[0].park is not None
    assert again.projects[0].park.zone == park.zone


def test_types_entities_are_sorted_by_start() -> None:
    money = _money()
    park = Park("火炬", 0, 2, None, ZoneKind.OTHER)
    facts = Facts("x" * 30, (money,), (park,))
    assert [entity.start for entity in facts.entities] == [0, 3]


def test_types_enums_carry_spec_words() -> None:
    assert {bound.value for bound in Bound} == {"exact", "about", "over", "under", "range", "vague"}
    assert Role("gdp") is Role.GDP
    assert Status("under_construction") is Status.UNDER_CONSTRUCTION


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("10000000000000000000000000000", "10000000000000000000000000000"),
        ("120221.11498852450089667579075", "120221.11498852450089667579075"),
        ("5.75E+40", "57500000000000000000000000000000000000000"),
        ("1E-35", "0.00000000000000000000000000000000001"),
        ("-0.0", "0"),
    ],
)
def test_types_money_value_is_exact_past_28_digits(value: str, written: str) -> None:
    assert _money(value).to_dict()["value"] == written


@given(
    st.decimals(allow_nan=False, allow_infinity=False),
    st.one_of(st.none(), st.decimals(allow_nan=False, allow_infinity=False)),
)
def test_types_money_round_trips_any_decimal(value: Decimal, high: Decimal | None) -> None:
    money = dataclasses.replace(_money(), value=value, high=high)
    data = json.loads(json.dumps(money.to_dict()))
    assert "E" not in data["value"]
    assert "e" not in data["value"]
    again = Money.from_dict(data)
    assert again.value == value
    assert again.high == high
    assert again.to_dict() == money.to_dict()
