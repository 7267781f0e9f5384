"""China's divisions: the shipped table, place names in text, province and city."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from hzner.zones.places import Division, Places
from tests.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]


def test_table_holds_official_and_short_names() -> None:
    places = Places.default()
    assert [item.name for item in places.get("贵州")] == ["贵州省"]
    assert places.get("贵阳")[0].province == "贵州省"
    (xiuwen,) = places.get("修文")
    assert (xiuwen.name, xiuwen.level, xiuwen.city) == ("修文县", "county", "贵阳市")
    assert places.get("恩施")  # 恩施土家族苗族自治州 / 恩施市
    assert places.get("县") == ()  # one character is no place name


def test_finditer_is_leftmost_longest() -> None:
    text = "贵阳市修文县扎佐镇"
    found = [(text[start:end]) for start, end, _ in Places.default().finditer(text)]
    assert found == ["贵阳市", "修文县"]


def test_resolve_uses_the_places_around() -> None:
    places = Places.default()
    chaoyang = places.get("朝阳区")
    assert len(chaoyang) > 1  # 北京 and 长春
    assert Places.resolve(chaoyang) is None
    beijing = places.get("北京")
    assert (resolved := Places.resolve(chaoyang, beijing)) is not None
    assert resolved.city == "北京市"


def test_resolve_within_one_province_takes_the_broader_division() -> None:
    enshi = Places.default().get("恩施")
    resolved = Places.resolve(enshi)
    assert resolved is not None
    assert resolved.province == "湖北省"


@given(st.text(alphabet="贵阳修文县市省的园区和,", max_size=40))
def test_matches_lie_inside_the_text_and_do_not_overlap(text: str) -> None:
    last = 0
    for start, end, divisions in Places.default().finditer(text):
        assert last <= start < end <= len(text)
        assert divisions
        assert all(isinstance(item, Division) for item in divisions)
        last = end


def test_table_is_what_the_build_script_writes() -> None:
    module = load_script("build_places")
    rows = [("520000000000", "贵州省"), ("520100000000", "贵阳市"), ("520123000000", "修文县"),
            ("522300000000", "黔西南布依族苗族自治州"), ("110000000000", "北京市"),
            ("110100000000", "市辖区"), ("110105000000", "朝阳区")]  # fmt: skip
    table = module.build(rows, ("布依族", "苗族", "布依", "苗"))
    assert table == [
        ("110000", "北京市", "province", "北京市", "北京市", "北京"),
        ("110105", "朝阳区", "county", "北京市", "北京市", "朝阳"),
        ("520000", "贵州省", "province", "贵州省", "", "贵州"),
        ("520100", "贵阳市", "prefecture", "贵州省", "贵阳市", "贵阳"),
        ("520123", "修文县", "county", "贵州省", "贵阳市", "修文"),
        (
            "522300",
            "黔西南布依族苗族自治州",
            "prefecture",
            "贵州省",
            "黔西南布依族苗族自治州",
            "黔西南",
        ),
    ]
    committed = (ROOT / "hzner" / "data" / "places" / "divisions.tsv").read_text(encoding="utf-8")
    assert committed.splitlines()[0] == "\t".join(module.HEADER)
    assert len(committed.splitlines()) > 3000


def test_places_read_lazily_from_the_table_equal_places_built_at_once() -> None:
    from hzner._files import data_file
    from hzner.zones.places import _read_table

    text = data_file("places", "divisions.tsv").read_text(encoding="utf-8")
    eager, lazy = Places(_read_table(text)), Places._from_table(text)
    sample = "贵阳市修文县扎佐工业园和北京朝阳区、辽宁朝阳与恩施"
    assert list(lazy.finditer(sample)) == list(eager.finditer(sample))
    names = list(eager._by_name)
    assert [lazy.get(name) for name in names] == [eager.get(name) for name in names]
    assert lazy._by_name == eager._by_name  # every name read by now
    assert lazy.get("不是地名") == ()


@given(st.text(alphabet="贵阳市修文县北京朝阳区辽宁恩施州,。 1a", max_size=60))
def test_places_find_the_same_by_look_ups_and_by_pattern(text: str) -> None:
    looked_up, matched = (
        Places.default(),
        Places._from_table(
            (Path(__file__).resolve().parents[2] / "hzner/data/places/divisions.tsv").read_text(
                encoding="utf-8"
            )
        ),
    )
    matched._read = 10**9  # its look-ups spent: the pattern
    looked_up._read = 0
    assert list(looked_up.finditer(text)) == list(matched.finditer(text))
