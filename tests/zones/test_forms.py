"""A zone and the forms the press writes for it (hzner.zones.forms)."""

from __future__ import annotations

from hzner.zones.forms import Zone, generate_aliases, place_names, signature

CHONGQING = Zone(
    zone_id="HTZ-TEST",
    name="重庆高新技术产业开发区",
    kind="high_tech_zone",
    aliases=(),
    province="重庆市",
    city="重庆市",
    parent="",
)


def test_generated_forms_are_the_press_forms() -> None:
    forms = generate_aliases(CHONGQING)
    assert {"重庆高新区", "重庆国家高新区"} <= forms
    assert "高新区" not in forms  # no proper part: names no zone in particular


def test_place_names_full_first() -> None:
    assert place_names("湖北省")[0] == "湖北省"
    assert "湖北" in place_names("湖北省")


def test_signature_changes_with_what_the_forms_depend_on() -> None:
    assert signature(CHONGQING) != signature(
        Zone(
            zone_id="HTZ-TEST",
            name=CHONGQING.name,
            kind=CHONGQING.kind,
            aliases=("西永",),
            province=CHONGQING.province,
            city=CHONGQING.city,
            parent="",
        )
    )
