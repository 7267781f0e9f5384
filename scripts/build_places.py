"""Build ``hzner/data/places/divisions.tsv`` from the adcodes table of the cpca package.

Usage::

    pip download --no-deps cpca==0.5.5 -d /tmp/cpca
    python scripts/build_places.py /tmp/cpca/cpca-0.5.5-py3-none-any.whl

The wheel (MIT, see hzner/data/places/SOURCE.md) holds
``cpca/resources/adcodes.csv``: 12-digit administrative codes with names
(province ``PP0000000000``, prefecture ``PPCC00000000``, county ``PPCCDD000000``)
and ``cpca/resources/56_nations.csv``. Each division becomes one row:
``adcode, name, level, province, city, short``; ``city`` is the prefecture
(for a county under a municipality, the municipality; for a county-level city
directly under a province, the city itself), and ``short`` is the name the
press writes without the administrative suffix (贵州省 → 贵州, 修文县 → 修文,
恩施土家族苗族自治州 → 恩施), empty when it would be a single character.
Placeholder rows (市辖区, 县, 省直辖县级行政区划) are dropped. The output is
sorted by adcode and deterministic.
"""

from __future__ import annotations

import argparse
import csv
import io
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "hzner" / "data" / "places" / "divisions.tsv"
HEADER = ("adcode", "name", "level", "province", "city", "short")

# Administrative suffixes, longest first; 自治 forms also drop the peoples' names.
SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "新区",
    "林区",
    "特区",
    "地区",
    "省",
    "市",
    "县",
    "区",
    "盟",
    "旗",
)
# Rows that are placeholders in the code table, not places.
PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


def short_form(name: str, peoples: tuple[str, ...]) -> str:
    """Return ``name`` without its administrative suffix and peoples' names, or ""."""
    stem = name
    for suffix in SUFFIXES:
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    changed = True
    while changed:
        changed = False
        for people in peoples:
            if stem.endswith(people) and len(stem) - len(people) >= 2:
                stem = stem[: -len(people)]
                changed = True
        # 广西壮族 → 广西: a people's name written without 族 in the table of peoples.
    if len(stem) < 2 or stem == name:
        return ""
    return stem


def read_wheel(path: Path) -> tuple[list[tuple[str, str]], tuple[str, ...]]:
    with zipfile.ZipFile(path) as wheel:
        codes = wheel.read("cpca/resources/adcodes.csv").decode("utf-8")
        nations = wheel.read("cpca/resources/56_nations.csv").decode("utf-8")
    rows = [(row["adcode"], row["name"]) for row in csv.DictReader(io.StringIO(codes))]
    peoples = {line.strip() for line in nations.splitlines() if line.strip()}
    # The table writes 汉族, 蒙古族 ...; names also carry the form without 族 (蒙古).
    forms = peoples | {people.removesuffix("族") for people in peoples if len(people) > 2}
    return rows, tuple(sorted(forms, key=len, reverse=True))


def build(rows: list[tuple[str, str]], peoples: tuple[str, ...]) -> list[tuple[str, ...]]:
    names = dict(rows)
    out: list[tuple[str, ...]] = []
    for code, name in sorted(rows):
        if name in PLACEHOLDERS or not code.endswith("000000"):
            continue
        province = names.get(code[:2] + "0" * 10, "")
        if code[2:6] == "0000":
            level, city = "province", name if name.endswith("市") else ""
        elif code[4:6] == "00":
            level, city = "prefecture", name
        else:
            level = "county"
            prefecture = names.get(code[:4] + "0" * 8, "")
            if prefecture in PLACEHOLDERS or not prefecture:
                # Under a municipality (北京市), or a county-level city directly
                # under its province (仙桃市): the city is that one.
                city = province if province.endswith("市") else name
            else:
                city = prefecture
        out.append((code[:6], name, level, province, city, short_form(name, peoples)))
    return out


def render(table: list[tuple[str, ...]]) -> str:
    lines = ["\t".join(HEADER)] + ["\t".join(row) for row in table]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="the cpca wheel (pip download --no-deps cpca)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    rows, peoples = read_wheel(args.wheel)
    table = build(rows, peoples)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(table), encoding="utf-8")
    print(f"wrote {len(table)} divisions to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
