"""Everyday forms of money (issue 14, item 1): each on a sentence written for it."""

from __future__ import annotations

from decimal import Decimal

import pytest

import hzner
from hzner.errors import RuleError
from hzner.extractor import Extractor
from hzner.money.forms import everyday_forms, read_forms

EXTRACTOR = Extractor()


def _found(text: str) -> list[tuple[str, str | None, str | None, str, str]]:
    return [
        (
            m.text,
            None if m.value is None else str(m.value),
            None if m.high is None else str(m.high),
            m.bound.value,
            m.currency,
        )
        for m in EXTRACTOR.extract_money(text)
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Coins after the unit.
        ("他在书店花了45元8角", [("45元8角", "45.8", None, "exact", "CNY")]),
        ("会费共计三百元五角二分", [("三百元五角二分", "300.52", None, "exact", "CNY")]),
        ("一碗牛肉面八块五毛", [("八块五毛", "8.5", None, "exact", "CNY")]),
        ("邮票售价3美元又25美分", [("3美元又25美分", "3.25", None, "exact", "USD")]),
        ("找零5元零5分", [("5元零5分", "5.05", None, "exact", "CNY")]),
        # After a magnitude too: a cheque's amount in words.
        ("支票金额叁拾陆万元零捌分", [("叁拾陆万元零捌分", "360000.08", None, "exact", "CNY")]),
        ("奖金2万元5角", [("2万元5角", "20000.5", None, "exact", "CNY")]),
        # 块 and 块钱 as 元.
        ("早饭花了八块", [("八块", "8", None, "exact", "CNY")]),
        ("这双鞋200块。", [("200块", "200", None, "exact", "CNY")]),
        ("打车花了300块钱", [("300块钱", "300", None, "exact", "CNY")]),
        ("他每月能攒几千块", [("几千块", None, None, "vague", "CNY")]),
        # 个亿.
        ("该项目投资三个亿", [("三个亿", "300000000", None, "exact", "CNY")]),
        ("追加五个亿日元", [("五个亿日元", "500000000", None, "exact", "JPY")]),
        ("融资两个亿", [("两个亿", "200000000", None, "exact", "CNY")]),
        # A single Chinese digit before the unit.
        ("公园门票八元", [("八元", "8", None, "exact", "CNY")]),
        # Ranges written as one numeral.
        ("二手手机卖四五百元", [("四五百元", "400", "500", "range", "CNY")]),
        ("年薪三四十万元", [("三四十万元", "300000", "400000", "range", "CNY")]),
        ("估值十七八万元", [("十七八万元", "170000", "180000", "range", "CNY")]),
        ("补贴两三千万元", [("两三千万元", "20000000", "30000000", "range", "CNY")]),
        # (含) inside a range.
        ("每户奖励2万(含)-8万元", [("2万(含)-8万元", "20000", "80000", "range", "CNY")]),
        ("单笔1万元（含）至5万元", [("1万元（含）至5万元", "10000", "50000", "range", "CNY")]),
        # A full-width comma is punctuation.
        (
            "月收入$15，600美元另计",
            [("$15", "15", None, "exact", "USD"), ("600美元", "600", None, "exact", "USD")],
        ),
        ("总投资35，800万元用于厂房", [("800万元", "8000000", None, "exact", "CNY")]),
        ("总投资35,800万元用于厂房", [("35,800万元", "358000000", None, "exact", "CNY")]),
        # A qualifier before a range stays in the span.
        (
            "预计约30亿至40亿美元",
            [("约30亿至40亿美元", "3000000000", "4000000000", "range", "USD")],
        ),
        # Traditional script, bare magnitudes and dash ranges under a cue.
        ("公司擬投資12.5億興建廠房", [("12.5億", "1250000000", None, "exact", "CNY")]),
        ("全年產值破千億", [("千億", "100000000000", None, "exact", "CNY")]),
        ("计划投资3—8亿建设园区", [("3—8亿", "300000000", "800000000", "range", "CNY")]),
        # A bare magnitude under a cue that sizes projects (a class of them).
        ("今年投资2-5亿项目共9个", [("2-5亿", "200000000", "500000000", "range", "CNY")]),
        # Near misses: no cue, no money (a count of tonnes, not yuan); no digit,
        # a count of projects.
        ("建成年产5万吨项目", []),
        ("新签约的两个百亿项目进展顺利", []),
    ],
)
def test_forms_everyday_money(text: str, found: list[tuple[str, ...]]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "三块地块已经出让",  # 块 as a measure word
        "我们一块去看看",
        "切成三块面板",
        "推进一元化管理",
        "打破二元结构",
        "解一元二次方程",
        "5角星",  # a coin word with no unit before it
        "45元80角",  # 80角 does not fit its place: the coins stay out
    ],
)
def test_forms_near_misses(text: str) -> None:
    for money in EXTRACTOR.extract_money(text):
        assert money.text in {"45元"}, money


def test_forms_implied_currency_is_flagged() -> None:
    (money,) = EXTRACTOR.extract_money("投资三个亿")
    assert money.currency_implied
    (money,) = EXTRACTOR.extract_money("全年產值破千億")
    assert money.currency_implied
    assert money.value == Decimal(10**11)


def test_forms_data_is_read_once_and_validated() -> None:
    assert everyday_forms() is everyday_forms()
    with pytest.raises(RuleError, match=r"\[E140\] x.jsonl:2"):
        read_forms(["// note", '{"type": "coin"}'], "x.jsonl")
    with pytest.raises(
        RuleError, match=r"\[E141\] x.jsonl:1: a 'subunit' line needs field 'places'"
    ):
        read_forms(['{"type": "subunit", "unit": "元", "word": "角"}'], "x.jsonl")
    with pytest.raises(RuleError, match=r"\[E010\]"):
        read_forms(["{"], "x.jsonl")
    with pytest.raises(RuleError, match=r"\[E142\] x.jsonl:1: role 'fund' is not one of"):
        read_forms(['{"type": "sized_noun", "word": "基金", "role": "fund"}'], "x.jsonl")


def test_an_agreement_amount_is_a_cue() -> None:
    money = hzner.extract("拟落户项目协议金额超150亿。").money
    assert [(m.text, str(m.value), m.role.value, m.currency_implied) for m in money] == [
        ("超150亿", "15000000000", "contract", True)
    ]


def test_forms_a_count_of_things_in_wan_kuai_is_no_money() -> None:
    # 年产线路板220万块: 块 counts boards; under a cue, 万块 is money.
    assert hzner.extract("建成后可年产线路板220万块，年产显示器100万台。").money == ()
    assert [m.value for m in hzner.extract("总投资200万块。").money] == [Decimal(2_000_000)]
