"""The MONEY recognizer over plain text: values, currencies, bounds, roles, near misses."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hzner.extractor import Extractor
from hzner.types import Money
from tests.complexity import assert_linear

SPECS = Path(__file__).parent.parent / "specs" / "money.jsonl"
EXTRACTOR = Extractor()


def _money(text: str) -> list[Money]:
    return EXTRACTOR.extract_money(text)


def _one(text: str) -> Money:
    found = _money(text)
    assert len(found) == 1, found
    return found[0]


# (text, span, value, currency) with a near miss beside each positive.
VALUES = [
    ("总投资510.2亿元", "510.2亿元", "51020000000", "CNY"),
    ("产值 1465.3 亿 元,同比", "1465.3 亿 元", "146530000000", "CNY"),
    ("投资1,200万元", "1,200万元", "12000000", "CNY"),
    ("投资１,２００万元", "１,２００万元", "12000000", "CNY"),  # a half-width comma groups
    ("投资５００万元", "５００万元", "5000000", "CNY"),
    ("一百二十亿元", "一百二十亿元", "12000000000", "CNY"),
    ("两千万元", "两千万元", "20000000", "CNY"),
    ("突破百亿元", "百亿元", "10000000000", "CNY"),
    ("突破万亿元", "万亿元", "1000000000000", "CNY"),
    ("1.2万亿元", "1.2万亿元", "1200000000000", "CNY"),
    ("3千万元", "3千万元", "30000000", "CNY"),
    ("5百万美元", "5百万美元", "5000000", "USD"),
    ("1亿2千万元", "1亿2千万元", "120000000", "CNY"),
    ("壹佰萬元", "壹佰萬元", "1000000", "CNY"),
    ("一二三四億元", "一二三四億元", "123400000000", "CNY"),
    ("四五○億元", "四五○億元", "45000000000", "CNY"),
    ("三八·二億元", "三八·二億元", "3820000000", "CNY"),
    ("人民币5亿元", "人民币5亿元", "500000000", "CNY"),
    ("5亿元人民币", "5亿元人民币", "500000000", "CNY"),
    ("RMB 5亿元", "RMB 5亿元", "500000000", "CNY"),
    ("出口1.5万亿美元", "1.5万亿美元", "1500000000000", "USD"),
    ("US$500万", "US$500万", "5000000", "USD"),
    ("HK$100亿", "HK$100亿", "10000000000", "HKD"),
    ("￥500万", "￥500万", "5000000", "CNY"),
    ("3亿欧元", "3亿欧元", "300000000", "EUR"),
    ("50亿日元", "50亿日元", "5000000000", "JPY"),
    ("800万英镑", "800万英镑", "8000000", "GBP"),
    ("2000万港元", "2000万港元", "20000000", "HKD"),
    ("300亿韩元", "300亿韩元", "30000000000", "KRW"),
    ("5000万新台币", "5000万新台币", "50000000", "TWD"),
    ("1亿澳元", "1亿澳元", "100000000", "AUD"),
    ("每平方米1.5万元", "1.5万元", "15000", "CNY"),
    ("提出总值 2 兆美元的计划", "2 兆美元", "2000000000000", "USD"),  # 兆 = 10**12 in money
    ("市值達三十五．三九兆元", "三十五．三九兆元", "35390000000000", "CNY"),
    ("投資逾 5000 億元新台幣", "逾 5000 億元新台幣", "500000000000", "TWD"),
    ("这台机器两美元", "两美元", "2", "USD"),
    ("肆佰陆拾萬圆整", "肆佰陆拾萬圆整", "4600000", "CNY"),
    ("港币两千八百元", "港币两千八百元", "2800", "HKD"),
    ("新台币 165.2 亿元", "新台币 165.2 亿元", "16520000000", "TWD"),
]

NEAR_MISSES = [
    "五角大楼",
    "标准普尔",
    "电话13812345678",
    "2019年",
    "增长10.4%",
    "7个项目",
    "189亩",
    "36.9平方公里",
    "25岁",
    "一元化",
    "多元化发展",
    "二元结构",
    "万元GDP能耗下降5%",  # a lone unit, no qualifier, no class noun: a unit
    "单位:亿元",
    "年产20万吨高镍三元正极材料",  # 三元 is ternary
    "一元复始,万象更新",
    "产值超千亿级",
    "万亿光电子产业集群",
    "突破千亿大关",
    "打造千亿产业链",
    "投资建设12万平方米",
    "投资建设12万 平方米",  # a stray space is no line break
    "5亿",  # a magnitude with no currency and no cue
    "人口1200万",
]


@pytest.mark.parametrize(("text", "span", "value", "currency"), VALUES)
def test_parse_value_and_currency(text: str, span: str, value: str, currency: str) -> None:
    money = _one(text)
    assert money.text == span
    assert text[money.start : money.end] == span
    assert money.value == Decimal(value)
    assert money.currency == currency


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_parse_near_miss_is_not_money(text: str) -> None:
    assert _money(text) == []


@pytest.mark.parametrize(
    ("text", "span", "bound", "value", "high"),
    [
        ("年产值近260亿元", "近260亿元", "about", "26000000000", None),
        ("3000多万元", "3000多万元", "over", "30000000", None),
        ("十余亿元", "十余亿元", "over", "1000000000", None),
        ("经济总量超1876亿元", "超1876亿元", "over", "187600000000", None),
        ("达1876.77亿元", "1876.77亿元", "exact", "187677000000", None),
        ("约合5.6亿元", "5.6亿元", "exact", "560000000", None),
        ("高达30亿元", "30亿元", "exact", "3000000000", None),
        ("上百亿元", "上百亿元", "over", "10000000000", None),
        ("不超过5000万元", "不超过5000万元", "under", "50000000", None),
        ("5亿元左右", "5亿元左右", "about", "500000000", None),
        ("10亿至15亿元", "10亿至15亿元", "range", "1000000000", "1500000000"),
        ("10-15亿元", "10-15亿元", "range", "1000000000", "1500000000"),
        ("10亿到15亿元", "10亿到15亿元", "range", "1000000000", "1500000000"),
        ("10亿元至15亿元", "10亿元至15亿元", "range", "1000000000", "1500000000"),
        ("约30亿至40亿美元", "约30亿至40亿美元", "range", "3000000000", "4000000000"),
        ("2-5亿元以上", "2-5亿元以上", "range", "200000000", "500000000"),
        ("两三千万元", "两三千万元", "range", "20000000", "30000000"),
        ("数十亿元", "数十亿元", "vague", None, None),
        ("从6500到2万港元", "6500到2万港元", "range", "6500", "20000"),  # 6500 is not 6500万
        ("两到四万港元", "两到四万港元", "range", "20000", "40000"),
        ("两~5百日元", "两~5百日元", "range", "200", "500"),
        ("一百一十到一百四十万元", "一百一十到一百四十万元", "range", "1100000", "1400000"),
        ("六千到八千亿元", "六千到八千亿元", "range", "600000000000", "800000000000"),
        ("3万元--6万元", "3万元--6万元", "range", "30000", "60000"),
        ("几千万元", "几千万元", "vague", None, None),
        ("注册资本1亿元(含)以上的企业", "1亿元(含)以上", "over", "100000000", None),
        ("超亿元项目12个", "超亿元", "over", "100000000", None),  # a lone unit is one unit
        ("投资近亿元", "近亿元", "about", "100000000", None),
        ("意向总投资额接近80亿元", "接近80亿元", "about", "8000000000", None),  # not 近 alone
        ("新签约亿元以上项目649个", "亿元以上", "over", "100000000", None),
        # A lone 亿元 with a few words of its class before the noun (亿元签约项目).
        ("围绕30个亿元签约项目抓开工", "亿元", "exact", "100000000", None),
        # A count of a class, words of the class between (四个|亿元以上重大工业项目).
        ("青山、青禾等五个亿元以上重大工业项目开工", "亿元以上", "over", "100000000", None),
        ("双方签约5亿元", "5亿元", "exact", "500000000", None),  # 签约 is no 约
        ("节约3000万元", "3000万元", "exact", "30000000", None),
        ("实施116个超亿元产业项目", "超亿元", "over", "100000000", None),
        ("单笔5000万元(含)以下的贷款", "5000万元(含)以下", "under", "50000000", None),
        # A direction after outweighs an "about" before; "about" twice stays about.
        ("预计年营收约8亿元以上", "约8亿元以上", "over", "800000000", None),
        ("单个项目约3000万元以下", "约3000万元以下", "under", "30000000", None),
        ("投资约3亿元左右", "约3亿元左右", "about", "300000000", None),
        ("投资超过3亿元左右", "超过3亿元左右", "over", "300000000", None),
    ],
)
def test_parse_bound_and_range(
    text: str, span: str, bound: str, value: str | None, high: str | None
) -> None:
    money = _one(text)
    assert money.text == span
    assert money.bound.value == bound
    assert money.value == (None if value is None else Decimal(value))
    assert money.high == (None if high is None else Decimal(high))


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("总投资5亿元", "investment"),
        ("年产值15亿元", "output"),
        ("营业收入3亿元", "revenue"),
        ("经济总量1876亿元", "gdp"),
        ("签约金额15亿元", "contract"),
        ("融资3000万元", "financing"),
        ("获得补贴300万元", "subsidy"),
        ("进出口额3000亿元", "trade"),
        ("税收15亿元", "tax"),
        ("政策扶持4000万元投资", "investment"),  # the head noun after the amount wins
        ("光电子产业突破百亿元", "other"),
        ("研发场地及5000万元研发设备", "other"),
        ("总投资5亿元,年产值", "investment"),  # the cue after the comma is another clause's
        ("实现合同外资1.57亿美元", "investment"),  # not a contract: foreign investment
        ("年应税销售20亿元", "revenue"),
    ],
)
def test_parse_role_from_cue(text: str, role: str) -> None:
    assert _one(text).role.value == role


@pytest.mark.parametrize(
    ("text", "span", "implied"),
    [
        ("总投资5亿", "5亿", True),
        ("融资3000万,", "3000万", True),
        ("营收12亿,同比增长", "12亿", True),
        ("总投资约5亿,建设", "约5亿", True),
        ("年纳税3亿以上,吸引", "3亿以上", True),  # a qualifier, not a unit, follows
        ("总投资5亿元", "5亿元", False),
        ("投资额超百亿\n锚定新赛道", "超百亿", True),  # a headline: the line break ends it
    ],
)
def test_parse_implied_currency_under_a_cue(text: str, span: str, implied: bool) -> None:
    money = _one(text)
    assert (money.text, money.currency, money.currency_implied) == (span, "CNY", implied)


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("據中央社報導,台積電投資一二三四億元", "TWD"),
        ("港府宣布投資50億元", "HKD"),
        ("厦门投资50亿元", "CNY"),
        ("据台湾中央社报道,台积电投资50亿元", "CNY"),  # simplified script: mainland text
        ("台股昨大漲,台積電收在一三六五元", "TWD"),
    ],
)
def test_parse_bare_yuan_follows_the_locale(text: str, currency: str) -> None:
    assert _one(text).currency == currency


def test_parse_caller_states_the_yuan_currency() -> None:
    assert Extractor(yuan="TWD").extract_money("投资50亿元")[0].currency == "TWD"


def _spec_cases() -> list[dict[str, Any]]:
    with SPECS.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.mark.parametrize("case", _spec_cases(), ids=lambda case: case["text"][:20])
def test_parse_spec_corpus(case: dict[str, Any]) -> None:
    found = _money(case["text"])
    got = [
        {"text": m.text, "start": m.start, "end": m.end,
         "value": None if m.value is None else str(m.value), "currency": m.currency}
        for m in found
    ]  # fmt: skip
    want = [{key: span[key] for key in ("text", "start", "end", "value", "currency")}
            for span in case["spans"]]  # fmt: skip
    for item in want:
        if item["value"] is not None:
            item["value"] = str(Decimal(item["value"]))
    for item in got:
        if item["value"] is not None:
            item["value"] = str(Decimal(item["value"]))
    assert got == want


@given(st.text())
def test_parse_never_raises_and_offsets_slice(text: str) -> None:
    for money in _money(text):
        assert text[money.start : money.end] == money.text


@settings(max_examples=200)
@given(
    st.text(alphabet=st.sampled_from(list("0123456789.,亿万千百十元约超多余至-美数几两一二 \n")))
)
def test_parse_trigger_text_never_raises(text: str) -> None:
    for money in _money(text):
        assert text[money.start : money.end] == money.text
        assert money.value is None or isinstance(money.value, Decimal)


@pytest.mark.parametrize("unit", ["1", "亿", "约", "一二", "1,", "5亿元", "至", "多"])
def test_parse_linear_time(unit: str) -> None:
    assert_linear(_money, unit, 25_000)


# find_money_located returns at once when no run may be money, or none was read:
# exact, because the parallel roles of no amounts are none.
_PARALLEL_TEXT = st.text(alphabet="分别为依次是总投资投资额亿元万美元5、,和及与项目", max_size=40)


@given(_PARALLEL_TEXT)
def test_no_amounts_have_no_parallel_roles(text: str) -> None:
    from hzner.money.forms import everyday_forms
    from hzner.money.roles import parallel_roles

    assert parallel_roles(text, [], EXTRACTOR.money_lexicon, everyday_forms()) == {}


@given(_PARALLEL_TEXT)
def test_money_without_runs_is_nothing(text: str) -> None:
    from hzner.money.parse import find_money_located
    from hzner.money.runs import runs
    from hzner.normalize import normalize

    norm = normalize(text)
    if not runs(norm, EXTRACTOR.money_lexicon):
        assert find_money_located(norm, EXTRACTOR.money_lexicon) == []


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        # mainland news in traditional script that names Taiwan: still the mainland's yuan
        ("來源:中國臺灣網。瀋陽市沈北新區今年開工項目5個,臺灣新黨主席出席,投資5億元。", "CNY"),
        ("臺商在昆山投資10億元興建新廠。", "CNY"),
        # an institution of Taiwan shows where the text is from
        ("行政院昨宣布,將投資50億元。", "TWD"),
    ],
)
def test_parse_a_place_name_is_no_locale(text: str, currency: str) -> None:
    assert _one(text).currency == currency


@pytest.mark.parametrize(
    ("text", "span", "bound"),
    [
        # A lone magnitude and its currency, sized by a class noun or passed by a verb.
        ("今年签约亿元项目12个", "亿元", "exact"),
        ("新开工亿元以上项目14个", "亿元以上", "over"),
        ("一批投资过亿元的环保项目", "亿元", "exact"),
        ("两个百亿元级重大项目落地", "百亿元", "exact"),
        ("园区营收首次突破亿元", "亿元", "exact"),
    ],
)
def test_parse_lone_magnitude_with_a_class_or_passing(text: str, span: str, bound: str) -> None:
    money = _one(text)
    assert (money.text, money.bound.value) == (span, bound)
    assert money.value == Decimal(10**10 if span.startswith("百") else 10**8)


def test_parse_a_count_before_a_class_of_amounts_is_a_count() -> None:
    # 8个亿元以上项目: eight projects of 亿元 and more, not 八个亿 (800000000).
    money = _one("一季度签约的8个亿元以上项目主要涉及电子信息")
    assert (money.text, money.value, money.bound.value) == ("亿元以上", Decimal(10**8), "over")
    assert _one("公司投资三个亿建设新厂").value == Decimal(3 * 10**8)


def test_parse_a_lone_unit_after_a_clause_comma() -> None:
    # The comma that ends the clause before is no part of the run: 看,|亿元以上.
    money = _one("从投资规模看，亿元以上项目19个")
    assert (money.text, money.value, money.bound.value) == ("亿元以上", Decimal(10**8), "over")
