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


def test_generated_forms_with_the_national_marker_and_the_city_with_its_suffix() -> None:
    zone = Zone("HTZ-TEST2", "衡州高新技术产业开发区", "high_tech_zone", (), "湖南省", "衡州市", "")
    forms = generate_aliases(zone)
    # 国家 inside the long name, and the city proper written with 市 before a short form
    assert {"衡州国家高新技术产业开发区", "衡州市高新区"} <= forms
    assert "国家高新技术产业开发区" not in forms
    assert "高新区" not in forms


def test_generated_forms_of_an_economic_zone_with_the_general_word() -> None:
    zone = Zone("ETZ-TEST", "松陵经济技术开发区", "econ_dev_zone", (), "江苏省", "苏州市", "")
    forms = generate_aliases(zone)
    assert {"松陵开发区", "松陵国家经济技术开发区", "松陵经开区"} <= forms
    assert "开发区" not in forms


def test_zone_place_names_names_each_province_and_city_once_in_order() -> None:
    from hzner.rules import RuleSet
    from hzner.zones.forms import zone_place_names

    rules = RuleSet().extend(
        {"type": "zone", "id": "A", "name": "甲高新区", "kind": "other", "city": "武汉市"},
        {"type": "zone", "id": "B", "name": "乙高新区", "kind": "other", "province": "湖北省",
         "city": "武汉市"},
        {"type": "zone", "id": "C", "name": "丙高新区", "kind": "other"},
    )  # fmt: skip
    assert zone_place_names(rules) == ["武汉市", "武汉", "湖北省", "湖北"]
