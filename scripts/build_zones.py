"""Build ``hzner/data/zones/zones.jsonl`` from the reference lists of national zones.

The lists live in ``data/zones/`` of the shared project folder (see its
README.md). Each row of the five zone files becomes one ``zone`` rule; rows
linked by ``same_as`` become one rule under the id of the first file in
`_FILES` order (the high-tech zone id for 苏州工业园区). Short forms found only
in ``aliases.csv`` are added to the zone they name.

Usage::

    python scripts/build_zones.py [ZONES_DIR] [--output PATH]
    python scripts/build_zones.py --forms   # then: hzner/data/zones/forms.json, tables.json

``--forms`` writes every zone's press forms (generated from the rules by
`hzner.zones.gazetteer.precomputed_forms`) so that hzner loads them instead
of generating them at first use; run it after changing the zone rules or the
form generation (a test fails while the file is stale).

The output is deterministic (rules sorted by id, UTF-8, one JSON object a
line), so running the script twice on the same lists gives the same file.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

# The zone files in order of precedence: when two rows are the same zone
# (``same_as``), the row of the earlier file keeps its id and its kind.
_FILES = (
    ("high_tech_zones.csv", "high_tech_zone"),
    ("econ_dev_zones.csv", "econ_dev_zone"),
    ("new_areas.csv", "new_area"),
    ("free_trade_zones.csv", "free_trade_zone"),
    ("bonded_zones.csv", "bonded_zone"),
)
_ALIASES = "aliases.csv"
# Heads that SPEC.md says are no PARK (合作区, 经济区, 港区, 孵化园, 自贸港): a
# short form in the lists that ends in one (海南自贸港, the free-trade port's
# policy framework beside the FTZ) is not one of the zone's names. Only the
# heads a list form ends in are here; 保税港区 is a bonded zone's head.
_NOT_PARK_HEADS = ("自贸港", "自由贸易港")
_DEFAULT_INPUT = Path("../shared/data/zones")
_DEFAULT_OUTPUT = (
    Path(__file__).resolve().parent.parent / "hzner" / "data" / "zones" / "zones.jsonl"
)
_FORMS_OUTPUT = _DEFAULT_OUTPUT.with_name("forms.json")


def _split(cell: str | None) -> list[str]:
    """Split a ``;``-separated cell, dropping blanks and surrounding spaces."""
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


def _unique(items: Iterable[str]) -> list[str]:
    """Keep the first occurrence of each item, in order."""
    seen: set[str] = set()
    kept: list[str] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            kept.append(item)
    return kept


def _names_a_park(alias: str) -> bool:
    """Whether a short form of the lists ends in a head that names a PARK (`_NOT_PARK_HEADS`)."""
    return not alias.endswith(_NOT_PARK_HEADS)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _record(row: dict[str, str], kind: str) -> dict[str, Any]:
    """Turn one CSV row into a ``zone`` rule (without the ``aliases.csv`` extras)."""
    aliases = _split(row.get("short_names"))
    subarea = (row.get("subarea_name") or "").strip()
    # A 片区 row names the area both in full and by its bare 片区 name; the
    # bare name is part of what the file gives for it.
    if subarea:
        aliases.append(subarea)
    name = row["official_name"].strip()
    return {
        "type": "zone",
        "id": row["id"].strip(),
        "name": name,
        "kind": kind,
        "aliases": _unique(alias for alias in aliases if alias != name and _names_a_park(alias)),
        "ambiguous": _unique(_split(row.get("ambiguous_forms"))),
        "province": (row.get("province") or "").strip(),
        "city": (row.get("city") or "").strip(),
        "parent": (row.get("parent") or "").strip() if row.get("kind") == "subarea" else "",
    }


def build(zones_dir: Path) -> list[dict[str, Any]]:
    """Read the reference lists under ``zones_dir`` and return the zone rules, sorted by id.

    Parameters
    ----------
    zones_dir
        The folder holding the five zone CSV files and ``aliases.csv``.

    Returns
    -------
    list of dict
        One ``zone`` rule per real-world zone.
    """
    records: dict[str, dict[str, Any]] = {}
    # id -> id of the record it was merged into
    canonical: dict[str, str] = {}
    for filename, kind in _FILES:
        for row in _read_csv(zones_dir / filename):
            record = _record(row, kind)
            others = [other for other in _split(row.get("same_as")) if other in canonical]
            if others:
                target = records[canonical[others[0]]]
                if target["name"] != record["name"]:
                    target["aliases"] = _unique([*target["aliases"], record["name"]])
                target["aliases"] = _unique([*target["aliases"], *record["aliases"]])
                target["ambiguous"] = _unique([*target["ambiguous"], *record["ambiguous"]])
                canonical[record["id"]] = target["id"]
                continue
            if record["id"] in records:
                raise SystemExit(f"duplicate zone id {record['id']} in {filename}")
            records[record["id"]] = record
            canonical[record["id"]] = record["id"]
    for row in _read_csv(zones_dir / _ALIASES):
        zone_id = canonical.get(row["zone_id"].strip())
        if zone_id is None:
            raise SystemExit(f"{_ALIASES}: unknown zone id {row['zone_id']!r}")
        record = records[zone_id]
        alias = row["alias"].strip()
        if not _names_a_park(alias):
            continue
        if alias and alias != record["name"] and alias not in record["aliases"]:
            record["aliases"].append(alias)
        if row.get("ambiguous", "").strip() == "1" and alias not in record["ambiguous"]:
            record["ambiguous"].append(alias)
    return [records[zone_id] for zone_id in sorted(records)]


def write(records: Iterable[dict[str, Any]], output: Path) -> int:
    """Write ``records`` as JSONL to ``output``; return the number of lines."""
    lines = [json.dumps(record, ensure_ascii=False) + "\n" for record in records]
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("".join(lines), encoding="utf-8", newline="\n")
    return len(lines)


def write_forms(output: Path) -> int:
    """Write the press forms of hzner's zones (`precomputed_forms`) to ``output``.

    Then the gazetteer's look-up tables of those forms (`precomputed_tables`)
    to ``tables.json`` beside it.
    """
    from hzner.rules import RuleSet
    from hzner.zones import gazetteer

    forms = gazetteer.precomputed_forms(RuleSet.default())
    output.write_text(gazetteer.render_forms(forms), encoding="utf-8", newline="\n")
    # The tables are computed from the forms just written, never read from the old file.
    gazetteer._shipped_forms.cache_clear()
    tables = gazetteer.precomputed_tables(RuleSet.default())
    tables_output = output.with_name("tables.json")
    tables_output.write_text(gazetteer.render_tables(tables), encoding="utf-8", newline="\n")
    return len(forms)


def main(argv: list[str] | None = None) -> int:
    """Run the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("zones_dir", nargs="?", type=Path, default=_DEFAULT_INPUT)
    parser.add_argument("--output", type=Path, default=_DEFAULT_OUTPUT)
    parser.add_argument(
        "--forms",
        action="store_true",
        help="write hzner/data/zones/forms.json (every zone's press forms) and tables.json",
    )
    args = parser.parse_args(argv)
    if args.forms:
        count = write_forms(_FORMS_OUTPUT)
        print(f"wrote the forms of {count} zones to {_FORMS_OUTPUT}", file=sys.stderr)
        return 0
    count = write(build(args.zones_dir), args.output)
    print(f"wrote {count} zones to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
