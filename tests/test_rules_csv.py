"""Tests of `hzner.rules_csv`: rules from a CSV file (the file-level tests are in test_rules)."""

from __future__ import annotations

from hzner.rules_csv import parse_csv


def test_parse_csv_tells_the_type_from_the_columns_and_splits_lists() -> None:
    lines = ["id,name,kind,aliases", "U-1,甲高新区,high_tech_zone,甲区; 甲园 ;"]
    (rule,) = parse_csv(lines, "zones.csv")
    assert (rule["type"], rule["id"], rule["aliases"]) == ("zone", "U-1", ["甲区", "甲园"])


def test_parse_csv_type_column_wins_and_empty_cells_are_left_out() -> None:
    lines = ["type,word,role,code", "money_cue,总投资,investment,"]
    assert list(parse_csv(lines, "rules.csv")) == [
        {"type": "money_cue", "word": "总投资", "role": "investment"}
    ]
