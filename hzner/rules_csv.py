"""Rules from a CSV file with a header row (`hzner.rules.read_rules` reads ``*.csv`` with it)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from .rules import RULE_TYPES, Rule, _validate

__all__ = ["parse_csv"]


def parse_csv(lines: Iterable[str], source: str) -> Iterator[Rule]:
    """Read rules from a CSV file with a header row.

    A ``type`` column names each row's rule type; without one, the type is
    told from the columns (``alias`` and ``zone``: alias rules; ``id``,
    ``name`` and ``kind``: zone rules). List fields (``aliases``,
    ``ambiguous``) are ``;``-separated, and empty cells are left out.
    """
    reader = csv.DictReader(lines)
    columns = set(reader.fieldnames or ())
    default_type = (
        "alias" if {"alias", "zone"} <= columns
        else "zone" if {"id", "name", "kind"} <= columns
        else None
    )  # fmt: skip
    for number, row in enumerate(reader, start=2):
        raw: dict[str, Any] = {"type": default_type}
        for name, value in row.items():
            if name is None or value is None or value == "":
                continue
            fields = RULE_TYPES.get(row.get("type") or default_type or "", {})
            is_list = name in fields and fields[name][0] is list
            raw[name] = (
                [item.strip() for item in value.split(";") if item.strip()] if is_list else value
            )
        yield _validate(raw, source, number)
