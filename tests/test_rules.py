from __future__ import annotations

import json
from pathlib import Path

import pytest

from hzner.errors import RuleError
from hzner.rules import RULE_TYPES, RuleSet, read_rules


def test_rules_default_reads_every_data_file() -> None:
    rules = RuleSet.default()
    for rule_type in ("currency", "money_cue", "zone", "zone_word", "project_head"):
        assert rules.of(rule_type), rule_type


def test_rules_default_is_read_once() -> None:
    assert RuleSet.default() is RuleSet.default()


@pytest.mark.parametrize(
    ("rule", "code"),
    [
        ({"type": "nonsense"}, "E012"),
        ({"type": "currency", "word": "泰铢"}, "E013"),
        ({"type": "currency", "word": "泰铢", "code": 7}, "E014"),
        ({"type": "qualifier", "word": "约", "position": "middle", "bound": "about"}, "E015"),
        ({"type": "money_cue", "word": "投资", "role": "investment", "weight": 2}, "E016"),
        ({"type": "zone", "id": "X", "name": "甲高新区", "kind": "park"}, "E015"),
    ],
)
def test_rules_invalid_record_is_named(rule: dict[str, object], code: str) -> None:
    with pytest.raises(RuleError, match=code):
        read_rules(rule)


def test_rules_valid_record_gets_defaults() -> None:
    (rule,) = read_rules({"type": "currency", "word": "泰铢", "code": "THB"})
    assert rule["position"] == "after"


def test_rules_file_errors_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    good = json.dumps({"type": "currency", "word": "泰铢", "code": "THB"}, ensure_ascii=False)
    path.write_text(good + "\n\n{not json}\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"\[E010\] .*mine.jsonl:3"):
        read_rules(path)


def test_rules_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="E018"):
        read_rules(tmp_path / "absent.jsonl")


def test_rules_wrong_source_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="E017"):
        read_rules(42)  # type: ignore[arg-type]


def test_rules_extend_keeps_the_original() -> None:
    base = RuleSet.default()
    extended = base.extend({"type": "currency", "word": "比索币", "code": "MXN"})
    assert len(extended) == len(base) + 1
    assert extended.of("currency")[-1]["word"] == "比索币"
    assert all(rule["word"] != "比索币" for rule in base.of("currency"))


def test_rules_jsonl_round_trip() -> None:
    rules = RuleSet.default().select("currency", "money_cue")
    assert RuleSet.from_jsonl(rules.to_jsonl()) == rules


def test_rules_every_type_documented() -> None:
    docs = (Path(__file__).parent.parent / "docs" / "extending.md").read_text(encoding="utf-8")
    for rule_type in RULE_TYPES:
        assert f"`{rule_type}`" in docs, rule_type


def test_rules_csv_file_of_aliases_and_zones(tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,zone\n火炬园,厦门火炬高技术产业开发区\n", encoding="utf-8")
    zones = tmp_path / "zones.csv"
    zones.write_text(
        "id,name,kind,aliases,province\nP-1,甲乙高新区,high_tech_zone,甲乙园;甲乙区,福建省\n",
        encoding="utf-8",
    )
    assert read_rules(aliases) == [
        {"type": "alias", "alias": "火炬园", "zone": "厦门火炬高技术产业开发区"}
    ]
    (zone,) = read_rules(zones)
    assert zone["aliases"] == ["甲乙园", "甲乙区"]
    assert zone["province"] == "福建省"


def test_rules_csv_error_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("type,word\ncurrency,泰铢\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"\[E013\] .*bad.csv:2"):
        read_rules(path)


@pytest.mark.parametrize(
    ("rule", "code"),
    [
        ({"type": "money_cue", "word": " \u3000\n", "role": "investment"}, "E160"),
        ({"type": "phrase", "label": "FUND", "pattern": "\t"}, "E160"),
        ({"type": "alias", "alias": "  ", "zone": "X"}, "E160"),
        ({"type": "zone", "id": "X", "name": "甲区", "kind": "other", "aliases": [" "]}, "E160"),
        ({"type": "phrase", "label": "FUND", "pattern": "基" * 5_000_000}, "E161"),
        ({"type": "money_cue", "word": "x", "role": [[[[[[[[[[[[[[1]]]]]]]]]]]]]]}, "E014"),
    ],
)  # fmt: skip
def test_rules_bad_words_are_named_when_loaded(rule: dict[str, object], code: str) -> None:
    with pytest.raises(RuleError, match=rf"\[{code}\] <rule>:1"):
        read_rules(rule)


def test_rules_whitespace_word_in_a_file_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    good = json.dumps({"type": "currency", "word": "泰铢", "code": "THB"}, ensure_ascii=False)
    bad = json.dumps({"type": "currency", "word": "\u3000", "code": "THB"})
    path.write_text(f"{good}\n{bad}\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"\[E160\] .*mine.jsonl:2"):
        RuleSet.default().extend(path)


def test_rules_deeply_nested_json_line_is_a_rule_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("\n" + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"\[E162\] .*deep.jsonl:2"):
        read_rules(path)


def test_rules_deeply_nested_value_is_a_rule_error() -> None:
    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(RuleError, match=r"\[E014\] <rule>:1"):
        read_rules({"type": "money_cue", "word": deep, "role": "investment"})


def test_rules_long_word_at_the_bound_is_accepted() -> None:
    from hzner.rules import MAX_WORD

    (rule,) = read_rules({"type": "phrase", "label": "X", "pattern": "基" * MAX_WORD})
    assert len(rule["pattern"]) == MAX_WORD


def test_rules_deeply_nested_type_is_a_rule_error() -> None:
    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(RuleError, match=r"\[E012\] <rule>:1"):
        read_rules({"type": deep})


def test_package_files_decode_as_one_array_like_line_by_line() -> None:
    from hzner._files import data_file
    from hzner.rules import _parse_lines, _parse_package

    for folder in data_file().iterdir():
        for entry in folder.iterdir() if folder.is_dir() else ():
            if entry.name.endswith(".jsonl"):
                text = entry.read_text(encoding="utf-8")
                assert _parse_package(text, "x") == list(_parse_lines(text.splitlines(), "x"))


@pytest.mark.parametrize(
    "bad",
    ['{"type": "scale_word", "word": "亿"', '{"type": "scale_word", "word": [1', "2]}, 5"],
)
def test_package_file_that_does_not_decode_names_its_line(bad: str) -> None:
    from hzner.rules import _parse_package

    text = '{"type": "scale_word", "word": "万"}\n// note\n' + bad + "\n"
    with pytest.raises(RuleError, match=r"pkg.jsonl:3"):
        _parse_package(text, "pkg.jsonl")
