"""Tests of `hzner.zones.gazetteer`: zone records, generated press forms, linking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hzner.errors import RuleError
from hzner.normalize import normalize, normalize_key
from hzner.rules import RuleSet
from hzner.zones.gazetteer import Gazetteer, Zone, disambiguate, generate_aliases, place_names
from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
ZONES_DIR = ROOT.parent / "shared" / "data" / "zones"

# Official names write their brackets full-width; escapes show which width is meant.
CQ_FTZ = "中国\uff08重庆\uff09自由贸易试验区"


def _names(zones: tuple[Zone, ...]) -> list[str]:
    return [zone.name for zone in zones]


@pytest.mark.parametrize(
    ("form", "official"),
    [
        ("重庆高新区", "重庆高新技术产业开发区"),
        ("厦门火炬高新区", "厦门火炬高技术产业开发区"),
        ("光谷", "武汉东湖新技术开发区"),
        ("东湖高新区", "武汉东湖新技术开发区"),
        ("武汉东湖高新区", "武汉东湖新技术开发区"),
        ("贵阳高新区", "贵阳高新技术产业开发区"),
        ("昆山高新区", "昆山高新技术产业开发区"),
        ("成都高新区", "成都高新技术产业开发区"),
        ("中国(重庆)自由贸易试验区", CQ_FTZ),
        (CQ_FTZ, CQ_FTZ),
        ("重庆西永综合保税区", "重庆西永综合保税区"),
        ("重庆西永综保区", "重庆西永综合保税区"),
        ("中关村", "中关村科技园区"),
        # generated, not in the lists
        ("重庆自贸区", CQ_FTZ),
        ("中国(重庆)自贸区", CQ_FTZ),
        ("西永综保区", "重庆西永综合保税区"),
        ("东湖国家高新区", "武汉东湖新技术开发区"),
        ("重庆经开区", "重庆经济技术开发区"),
        ("苏州工业园区", "苏州工业园区"),
    ],
)
def test_gazetteer_links_press_forms(form: str, official: str) -> None:
    gazetteer = Gazetteer.default()
    assert _names(gazetteer.candidates(normalize_key(form))) == [official]
    assert gazetteer.by_name(official) in gazetteer.candidates(form)


@pytest.mark.parametrize(
    ("form", "not_official"),
    [
        ("重庆经开区", "重庆高新技术产业开发区"),
        ("昆山经开区", "昆山高新技术产业开发区"),
        ("昆山综保区", "昆山高新技术产业开发区"),
        ("南沙经开区", "广州南沙新区"),
        ("东湖综保区", "武汉东湖新技术开发区"),
        ("重庆自贸区西永片区", "重庆西永综合保税区"),
    ],
)
def test_gazetteer_suffix_decides_between_zones_of_one_place(form: str, not_official: str) -> None:
    candidates = Gazetteer.default().candidates(form)
    assert candidates
    assert not_official not in _names(candidates)


GENERIC_FORMS = (
    "国家高新区", "高新区", "经开区", "综保区", "新区", "片区", "自贸区", "自贸试验区",
    "自由贸易试验区", "开发区", "工业园区", "国家级经开区", "新片区", "保税区",
    # near misses of real forms
    "重庆高新", "西永综保", "东湖高新", "厦门火炬", "重庆国家级", "重庆", "武汉",
)  # fmt: skip


@pytest.mark.parametrize("form", GENERIC_FORMS)
def test_gazetteer_generic_forms_are_not_forms(form: str) -> None:
    gazetteer = Gazetteer.default()
    assert gazetteer.candidates(form) == ()
    assert form not in gazetteer
    assert form not in gazetteer.forms()


def test_gazetteer_ambiguous_form_keeps_every_candidate() -> None:
    gazetteer = Gazetteer.default()
    candidates = gazetteer.candidates("火炬高新区")
    assert len(candidates) == 3
    assert {zone.city for zone in candidates} == {"厦门市", "中山市", "威海市"}
    assert gazetteer.is_ambiguous("火炬高新区")
    # near miss: the city-prefixed form names one zone
    assert len(gazetteer.candidates("厦门火炬高新区")) == 1
    assert not gazetteer.is_ambiguous("厦门火炬高新区")


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("厦门市火炬高新区今年引进项目12个", "厦门火炬高技术产业开发区"),
        ("山东威海火炬高新区", "威海火炬高技术产业开发区"),
        ("广东省火炬高新区", "中山火炬高技术产业开发区"),
        # a province of one and the city of another: the city decides
        ("山东企业落户厦门市火炬高新区", "厦门火炬高技术产业开发区"),
        # near misses: no place, or two cities, make no link
        ("火炬高新区今年引进项目12个", None),
        ("厦门和威海的火炬高新区", None),
    ],
)
def test_gazetteer_disambiguates_by_place_in_context(context: str, expected: str | None) -> None:
    gazetteer = Gazetteer.default()
    chosen = disambiguate(gazetteer.candidates("火炬高新区"), context)
    assert (chosen.name if chosen else None) == expected
    assert gazetteer.disambiguate(gazetteer.candidates("火炬高新区"), context) == chosen


def test_gazetteer_disambiguate_single_and_no_candidate() -> None:
    zone = Gazetteer.default().candidates("重庆高新区")[0]
    assert disambiguate([zone], "厦门") is zone
    assert disambiguate([], "重庆") is None


def test_gazetteer_finds_every_form_standing_alone() -> None:
    gazetteer = Gazetteer.default()
    checked: set[str] = set()
    for zone in gazetteer:
        for form in (normalize_key(zone.name), *zone.aliases):
            text = normalize(f"{form}今年引进项目12个").text
            found = list(gazetteer.finditer(text))
            assert found, form
            start, end, candidates = found[0]
            assert (start, end) == (0, len(form)), form
            assert zone in candidates, form
            if not gazetteer.is_ambiguous(form):
                assert candidates == (zone,), form
            checked.add(form)
    assert checked == set(gazetteer.forms())


def test_gazetteer_finditer_takes_the_longest_form_in_running_text() -> None:
    gazetteer = Gazetteer.default()
    text = normalize(
        "据悉\uff0c重庆 西永综保区与中国\uff08重庆\uff09自由贸易试验区西永片区、光谷签约"
    ).text
    found = [(text[start:end], _names(zones)) for start, end, zones in gazetteer.finditer(text)]
    assert found == [
        ("重庆西永综保区", ["重庆西永综合保税区"]),
        ("中国(重庆)自由贸易试验区西永片区", [CQ_FTZ + "西永片区"]),
        ("光谷", ["武汉东湖新技术开发区"]),
    ]


def test_gazetteer_merges_same_as_rows() -> None:
    gazetteer = Gazetteer.default()
    candidates = gazetteer.candidates("苏州工业园区")
    assert [zone.zone_id for zone in candidates] == ["HTZ-320000-18"]
    assert gazetteer.get("ETDZ-320000-05") is None
    assert "SIP" in candidates[0].aliases


def test_gazetteer_get_by_name_len_iter() -> None:
    gazetteer = Gazetteer.default()
    zone = gazetteer.get("FTZ-500000-02")
    assert zone is not None
    assert zone.name == CQ_FTZ + "西永片区"
    assert zone.parent == "FTZ-500000"
    assert zone.kind == "free_trade_zone"
    assert gazetteer.by_name("中国(重庆)自由贸易试验区西永片区") == zone
    assert gazetteer.by_name("西永片区") is None
    assert gazetteer.get("FTZ-999999") is None
    assert len(gazetteer) == len(list(gazetteer)) == 676
    assert len(gazetteer.forms()) > 2 * len(gazetteer)


def test_gazetteer_default_is_cached() -> None:
    assert Gazetteer.default() is Gazetteer.default()


def test_gazetteer_data_covers_every_list() -> None:
    kinds: dict[str, int] = {}
    for zone in Gazetteer.default():
        kinds[zone.kind] = kinds.get(zone.kind, 0) + 1
    # 177 HTZ, 234 ETDZ less the 苏州工业园区 merged into its HTZ record, 19 new
    # areas, 22 FTZ with 67 片区, 158 综保区 (data/zones/README.md).
    assert kinds == {
        "high_tech_zone": 177,
        "econ_dev_zone": 233,
        "new_area": 19,
        "free_trade_zone": 89,
        "bonded_zone": 158,
    }


@pytest.mark.skipif(not ZONES_DIR.is_dir(), reason="the shared reference lists are not here")
def test_gazetteer_data_is_what_the_build_script_writes(tmp_path: Path) -> None:
    module = load_script("build_zones")
    output = tmp_path / "zones.jsonl"
    module.write(module.build(ZONES_DIR), output)
    committed = ROOT / "hzner" / "data" / "zones" / "zones.jsonl"
    assert output.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in records] == sorted(record["id"] for record in records)


def _zone(name: str, aliases: tuple[str, ...] = (), province: str = "", city: str = "") -> Zone:
    return Zone("X-1", name, "other", aliases, province, city, "")


@pytest.mark.parametrize(
    ("zone", "present", "absent"),
    [
        (
            _zone("武汉东湖新技术开发区", province="湖北省", city="武汉市"),
            {"武汉东湖新技术开发区", "武汉东湖高新区", "东湖高新区", "东湖新技术开发区"},
            {"高新区", "国家高新区", "武汉高新区", "东湖"},
        ),
        (
            _zone("重庆高新技术产业开发区", province="重庆市", city="重庆市"),
            {"重庆高新区", "重庆国家高新区"},
            {"高新区", "国家高新区", "高新技术产业开发区", "重庆"},
        ),
        (
            _zone("厦门火炬高技术产业开发区", province="福建省", city="厦门市"),
            {"厦门火炬高新区", "火炬高新区"},
            {"高新区", "厦门高高新区"},
        ),
        (
            _zone("南京经济技术开发区", province="江苏省", city="南京市"),
            {"南京经开区", "南京国家级经开区", "南京国家级经济技术开发区"},
            {"经开区", "国家级经开区", "南京国家级国家级经开区"},
        ),
        (
            _zone("重庆西永综合保税区", province="重庆市", city="重庆市"),
            {"西永综保区", "重庆西永综保区", "西永综合保税区"},
            {"综保区", "综合保税区"},
        ),
        (
            _zone(CQ_FTZ, province="重庆市", city="重庆市"),
            {
                "中国(重庆)自由贸易试验区",
                "重庆自贸区",
                "重庆自贸试验区",
                "重庆自由贸易试验区",
                "中国(重庆)自贸区",
            },
            {"自贸区", "自贸试验区", "自由贸易试验区"},
        ),
        (
            _zone(CQ_FTZ + "西永片区", province="重庆市", city="重庆市"),
            {"重庆自贸区西永片区", "中国(重庆)自贸区西永片区"},
            {"自贸区西永片区", "片区"},
        ),
        (
            _zone("广西凭祥综合保税区", province="广西壮族自治区", city="崇左市"),
            {"凭祥综保区", "广西凭祥综保区", "崇左凭祥综保区"},
            {"广西壮族自治区凭祥综保区", "综保区"},
        ),
        (
            _zone("苏州工业园综合保税区", province="江苏省", city="苏州市"),
            {"苏州工业园综保区"},
            {"工业园综保区", "工业园综合保税区"},
        ),
        (
            _zone("成都高新综合保税区", province="四川省", city="成都市"),
            {"成都高新综保区"},
            {"高新综保区", "高新综合保税区"},
        ),
        (
            _zone("深圳市高新技术产业园区", province="广东省", city="深圳市"),
            {"深圳高新区", "深圳高新技术产业园区"},
            {"市高新技术产业园区", "高新区"},
        ),
        (
            _zone("中新苏州工业园区", province="江苏省", city="苏州市"),
            set(),
            {"苏州中新苏州工业园区", "江苏中新苏州工业园区", "工业园区"},
        ),
    ],
)
def test_gazetteer_generates_press_forms(zone: Zone, present: set[str], absent: set[str]) -> None:
    forms = generate_aliases(zone)
    assert present <= forms
    assert not absent & forms


def test_gazetteer_generation_keeps_list_forms_as_given() -> None:
    zone = _zone("北京经济技术开发区", ("亦庄", "北京开发区"), province="北京市", city="北京市")
    forms = generate_aliases(zone)
    assert {"北京经济技术开发区", "亦庄", "北京开发区", "北京经开区"} <= forms
    # near miss: a brand form gets no place added, a bare zone word is not stripped to
    assert not {"北京亦庄经开区", "开发区", "经开区"} & forms


@pytest.mark.parametrize(
    ("division", "expected"),
    [
        ("武汉市", ("武汉市", "武汉")),
        ("湖北省", ("湖北省", "湖北")),
        ("广西壮族自治区", ("广西壮族自治区", "广西")),
        ("新疆维吾尔自治区", ("新疆维吾尔自治区", "新疆")),
        ("内蒙古自治区", ("内蒙古自治区", "内蒙古")),
        ("延边朝鲜族自治州", ("延边朝鲜族自治州", "延边")),
        ("喀什地区", ("喀什地区", "喀什")),
        ("北京", ("北京",)),
        ("", ()),
    ],
)
def test_gazetteer_place_names(division: str, expected: tuple[str, ...]) -> None:
    assert place_names(division) == expected


def test_gazetteer_user_rules_get_generated_forms_and_aliases() -> None:
    rules = RuleSet().extend(
        [
            {
                "type": "zone",
                "id": "U-1",
                "name": "沙文高新技术产业开发区",
                "kind": "high_tech_zone",
                "province": "贵州省",
                "city": "贵阳市",
            },
            {"type": "zone", "id": "U-2", "name": CQ_FTZ, "kind": "free_trade_zone"},
            {"type": "alias", "alias": "沙文园", "zone": "U-1"},
            {"type": "alias", "alias": "重庆FTZ", "zone": "中国(重庆)自由贸易试验区"},
        ]
    )
    gazetteer = Gazetteer.from_rules(rules)
    assert len(gazetteer) == 2
    for form in ("沙文高新区", "贵阳沙文高新区", "沙文园", "贵阳沙文国家高新区"):
        assert _names(gazetteer.candidates(form)) == ["沙文高新技术产业开发区"], form
    assert _names(gazetteer.candidates("重庆FTZ")) == [CQ_FTZ]
    assert gazetteer.candidates("贵阳高新区") == ()


def test_gazetteer_alias_of_unknown_zone_is_a_rule_error() -> None:
    rules = RuleSet().extend(
        [
            {
                "type": "zone",
                "id": "U-1",
                "name": "沙文高新技术产业开发区",
                "kind": "high_tech_zone",
            },
            {"type": "alias", "alias": "沙文园", "zone": "沙文高新区"},
        ]
    )
    with pytest.raises(RuleError, match=r"\[E020\]"):
        Gazetteer.from_rules(rules)


def test_gazetteer_later_zone_rule_replaces_earlier() -> None:
    rules = RuleSet.default().extend(
        {"type": "zone", "id": "HTZ-500000-01", "name": "重庆高新技术产业开发区", "kind": "other"}
    )
    gazetteer = Gazetteer.from_rules(rules)
    zone = gazetteer.get("HTZ-500000-01")
    assert zone is not None
    assert zone.kind == "other"
    assert len(gazetteer) == len(Gazetteer.default())


# The first example builds the default gazetteer: no deadline.
@settings(deadline=None)
@given(text=st.text())
def test_gazetteer_finditer_never_raises_and_spans_do_not_overlap(text: str) -> None:
    normal = normalize(text).text
    previous_end = 0
    for start, end, zones in Gazetteer.default().finditer(normal):
        assert previous_end <= start < end <= len(normal)
        assert zones
        previous_end = end


def test_shipped_forms_file_is_current() -> None:
    """hzner/data/zones/forms.json is what `scripts/build_zones.py --forms` writes."""
    from hzner.zones.gazetteer import precomputed_forms, render_forms

    committed = ROOT / "hzner" / "data" / "zones" / "forms.json"
    expected = render_forms(precomputed_forms(RuleSet.default()))
    assert committed.read_text(encoding="utf-8") == expected


def test_gazetteer_from_stored_forms_equals_generated() -> None:
    gazetteer = Gazetteer.from_rules(RuleSet.default())
    zone = gazetteer.by_name("重庆西永综合保税区")
    assert zone is not None
    assert set(zone.aliases) == generate_aliases(zone) - {zone.name}


def test_changed_zone_rule_generates_its_forms_again() -> None:
    rule = '{"type": "zone", "id": "CBZ-500000-01", "name": "重庆西永综合保税区", '
    rule += '"kind": "bonded_zone", "province": "重庆市", "city": "重庆市", "aliases": ["西永B"]}'
    changed = RuleSet.from_jsonl(rule, "test").of("zone")
    gazetteer = Gazetteer.from_rules(RuleSet([*RuleSet.default().of("zone", "alias"), *changed]))
    assert gazetteer.candidates("西永B")[0].zone_id == "CBZ-500000-01"
    assert "重庆西永综保区" in gazetteer


def test_shipped_tables_file_is_current() -> None:
    """hzner/data/zones/tables.json is what `scripts/build_zones.py --forms` writes."""
    from hzner.zones.gazetteer import precomputed_tables, render_tables

    committed = ROOT / "hzner" / "data" / "zones" / "tables.json"
    expected = render_tables(precomputed_tables(RuleSet.default()))
    assert committed.read_text(encoding="utf-8") == expected


def _tables(gazetteer: Gazetteer) -> tuple[dict[str, tuple[object, ...]], object]:
    return dict(gazetteer._brands.items()), gazetteer._endings


def test_gazetteer_from_stored_tables_equals_computed() -> None:
    from hzner.zones import gazetteer as module

    stored = Gazetteer.from_rules(RuleSet.default())
    computed = Gazetteer(stored)
    assert module._shipped_tables() is not None
    assert _tables(stored) == _tables(computed)
    assert stored._forms == computed._forms


@pytest.mark.parametrize(
    "rule",
    [
        {"type": "zone", "id": "U-1", "name": "甲乙光谷", "kind": "other", "city": "武汉市"},
        {"type": "alias", "alias": "西永微电园区", "zone": "重庆西永综合保税区"},
    ],
)
def test_gazetteer_of_user_zones_computes_its_tables(rule: dict[str, object]) -> None:
    extended = Gazetteer.from_rules(RuleSet.default().extend(rule))
    assert _tables(extended) == _tables(Gazetteer(extended))
    assert _tables(extended) != _tables(Gazetteer.default())
