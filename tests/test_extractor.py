"""The plain-text API: type contract, empty input, JSON output, batches."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hzner
from hzner.extractor import Extractor
from hzner.types import Facts


def test_extractor_readme_one_liner() -> None:
    facts = hzner.extract("总投资510.2亿元的项目落户厦门火炬高新区")
    assert str(facts.money[0].value) == "51020000000"
    assert facts.parks[0].zone == "厦门火炬高技术产业开发区"


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["总投资5亿元"], object()])
def test_extractor_non_str_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match=r"\[E001\] .*expected a str"):
        hzner.extract(bad)  # type: ignore[arg-type]


def test_extractor_bytes_says_decode_first() -> None:
    with pytest.raises(TypeError, match=r"\[E002\] .*decode"):
        hzner.extract("总投资5亿元".encode())  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "\u3000"])
def test_extractor_blank_text_gives_empty_facts(text: str) -> None:
    facts = hzner.extract(text)
    assert facts == Facts(text)
    assert facts.entities == ()


@given(st.text())
def test_extractor_any_text_gives_json_and_slicing_offsets(text: str) -> None:
    facts = hzner.extract(text)
    json.dumps(facts.to_dict())
    for entity in facts.entities:
        assert text[entity.start : entity.end] == entity.text


@given(st.text(alphabet=st.sampled_from(list("重庆高新区产业园项目投资亿元约至、等落户在 \n5美"))))
def test_extractor_trigger_words_never_crash(text: str) -> None:
    facts = hzner.extract(text)
    for entity in facts.entities:
        assert text[entity.start : entity.end] == entity.text
    for left, right in itertools.pairwise(facts.entities):
        assert left.end <= right.start  # no two entities overlap, whatever their labels


def test_extractor_round_trip_through_dict(dev_docs: list[dict[str, object]]) -> None:
    for doc in dev_docs:
        facts = hzner.extract(str(doc["text"]))
        data = json.loads(json.dumps(facts.to_dict()))
        assert Facts.from_dict(data).to_dict() == facts.to_dict()


def test_extractor_many_keeps_order_and_count() -> None:
    texts = ["总投资5亿元", "", "光谷", "总投资7亿元"]
    results = list(hzner.extract_many(texts))
    assert [facts.text for facts in results] == texts
    assert [len(facts.entities) for facts in results] == [1, 0, 1, 1]


def test_extractor_many_names_the_bad_index() -> None:
    with pytest.raises(TypeError, match=r"\[E031\] .*index 1"):
        list(hzner.extract_many(["总投资5亿元", b"bytes"]))  # type: ignore[list-item]


def test_extractor_is_deterministic(dev_docs: list[dict[str, object]]) -> None:
    text = str(dev_docs[1]["text"])
    assert Extractor().extract(text) == hzner.extract(text)


def test_extractor_import_loads_no_spacy() -> None:
    import subprocess
    import sys

    code = "import sys, hzner; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _full_path() -> Extractor:
    extractor = Extractor()
    extractor.early_exits = False
    return extractor


_FAST = Extractor()
_FULL = _full_path()


def _dev_texts() -> list[str]:
    from pathlib import Path

    gold = Path(__file__).parent / "data" / "dev_gold.jsonl"
    lines = gold.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def test_extractor_early_exits_change_no_result_on_the_dev_set() -> None:
    texts = _dev_texts()
    # Each document, and each of its paragraphs: short texts take the exits most.
    pieces = [*texts, *(part for text in texts for part in text.split("\n\n"))]
    assert len(pieces) > len(texts)
    for text in pieces:
        assert _FAST.extract(text) == _FULL.extract(text), text[:40]


_FRAGMENTS = st.sampled_from(
    [
        "总投资", "5亿元", "约10万", "五千万", "１２.５亿", "美元", "至", "光谷", "中关村",
        "重庆高新区", "西永微电园", "产业园", "片区", "科学城", "项目", "基地", "签约",
        "开工", "的", "在", ",", "。", " ", "\n", "\u3000", "區", "ab", "SIP", "园区",
    ]
)  # fmt: skip


@given(st.lists(_FRAGMENTS | st.text(max_size=3), max_size=12).map("".join))
def test_extractor_early_exits_change_no_result_on_generated_text(text: str) -> None:
    assert _FAST.extract(text) == _FULL.extract(text)


def test_extractor_early_exits_with_phrase_rules() -> None:
    rules = [{"type": "phrase", "label": "FUND", "pattern": "产业基金"}]
    fast, full = Extractor(rules=rules), Extractor(rules=rules)
    full.early_exits = False
    for text in ("设立产业基金", "设立产业基金5亿元", ""):
        assert fast.extract(text) == full.extract(text)
    assert [m.label for m in fast.extract("设立产业基金").others] == ["FUND"]


def test_extractor_phrase_rules_stay_linear_with_many_entities() -> None:
    from tests.complexity import assert_linear

    extractor = Extractor(rules=[{"type": "phrase", "label": "FUND", "pattern": "产业基金"}])
    unit = "总投资5亿元设立产业基金,落户重庆高新区。"
    assert_linear(extractor.extract, unit, 4_000)


def test_extractor_phrase_next_to_entities_is_kept_and_inside_one_dropped() -> None:
    extractor = Extractor(rules=[{"type": "phrase", "label": "UNIT", "pattern": "亿元"}])
    extractor_fund = Extractor(rules=[{"type": "phrase", "label": "FUND", "pattern": "基金"}])
    assert extractor.extract("总投资5亿元").others == ()  # inside the MONEY span
    facts = extractor_fund.extract("总投资5亿元设立基金")
    assert [(m.text, m.start) for m in facts.others] == [("基金", 8)]


def test_extractor_many_nested_phrase_keys() -> None:
    rules = [{"type": "phrase", "label": "X", "pattern": "甲" * n} for n in range(1, 603)]
    facts = Extractor(rules=rules).extract("乙" + "甲" * 700)
    assert [(m.start, m.end) for m in facts.others] == [(1, 603), (603, 701)]


def test_extractor_alias_of_no_zone_fails_when_built() -> None:
    from hzner.errors import RuleError

    with pytest.raises(RuleError, match=r"\[E020\] alias '沙文园'"):
        Extractor(rules=[{"type": "alias", "alias": "沙文园", "zone": "沙文高新区"}])
    # By id or by official name, in brackets of either width: fine.
    rules = [
        {"type": "alias", "alias": "火炬园", "zone": "厦门火炬高技术产业开发区"},
        {"type": "alias", "alias": "重庆FTZ", "zone": "中国（重庆）自由贸易试验区"},
    ]
    facts = Extractor(rules=rules).extract("落户火炬园")
    assert [park.zone for park in facts.parks] == ["厦门火炬高技术产业开发区"]


@pytest.mark.parametrize(("yuan", "error"), [(5, TypeError), ("USD", ValueError), ("", ValueError)])
def test_extractor_checks_yuan(yuan: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="yuan"):
        Extractor(yuan=yuan)  # type: ignore[arg-type]


@pytest.mark.parametrize("yuan", [None, "CNY", "TWD", "HKD", "MOP"])
def test_extractor_takes_every_yuan_currency(yuan: str | None) -> None:
    assert Extractor(yuan=yuan).yuan == yuan
