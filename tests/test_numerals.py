"""Tests of hzner.numerals: every written form, its near misses, and its cost."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hzner import numerals
from hzner.numerals import NUMERAL_CHARS, Numeral, exact_product, parse_number, parse_numeral
from tests import numeral_forms as forms
from tests.complexity import assert_linear

# --- tables -----------------------------------------------------------------

ARABIC = [
    ("0", "0"),
    ("7", "7"),
    ("1200", "1200"),
    ("1,200", "1200"),
    ("1,234,567", "1234567"),
    ("1,234.5", "1234.5"),
    ("3.14", "3.14"),
    ("0.5", "0.5"),
    ("1,200万", "12000000"),
    ("510.2亿", "51020000000"),
    ("0.5亿", "50000000"),
    ("12000万", "120000000"),
    ("150,000万", "1500000000"),
    ("1,234.56万", "12345600"),
]
ARABIC_MISSES = [
    "1,20",  # a group after a comma has exactly 3 digits
    "12,00",
    "1234,567",  # the leading group has at most 3 digits
    ",123",
    "1,",
    "1,234,56",
    "1.234,5",  # no comma after the decimal point
    "1..2",
    "510..2亿",
    "510.亿",
    ".5亿",
    "1.2.3",
    "05",  # no superfluous leading zero
    "0,123",
    "0亿",  # zero is no coefficient
    "0.0亿",
    "3五",  # Arabic and Chinese digits never touch
    "3点5亿",
]

CHINESE = [
    ("一百二十亿", "12000000000"),
    ("两千万", "20000000"),
    ("十五亿", "1500000000"),
    ("一亿两千万", "120000000"),
    ("壹佰萬", "1000000"),
    ("三千零五十万", "30500000"),
    ("一千零五", "1005"),
    ("一百零五", "105"),
    ("一千零十", "1010"),
    ("一百十五", "115"),
    ("一百一十五", "115"),
    ("廿五", "25"),
    ("卅", "30"),
    ("一百廿", "120"),
    ("貳拾參億", "2300000000"),
    ("柒仟捌佰玖拾", "7890"),
    ("兩億", "200000000"),
    ("陸萬", "60000"),
    ("叁佰肆拾伍", "345"),
    ("一亿零五万", "100050000"),
    ("一亿零五", "100000005"),
    ("一万零五亿", "1000500000000"),
    ("一万二千亿", "1200000000000"),
    ("十五万亿", "15000000000000"),
    ("一亿五万", "100050000"),  # 零 may be left out where a place is skipped
    ("零", "0"),
    ("〇", "0"),
    ("\u25cb", "0"),
]
CHINESE_MISSES = [
    "两",  # 两 only before a unit
    "十两",
    "一万两",
    "两五",
    "三千零零五十万",  # one 零 per gap
    "三千零",
    "一百零",
    "一百百亿",  # units in order
    "一十百",
    "千百万",
    "二廿",  # 廿 carries its own coefficient
    "零十",
    "零亿",
    "一亿千万",  # no implicit 一 after 万/亿
    "一百二十亿亿",
    "十十",
]

IMPLICIT_ONE = [
    ("百亿", "10000000000"),
    ("千万", "10000000"),
    ("万亿", "1000000000000"),
    ("十亿", "1000000000"),
    ("亿", "100000000"),
    ("万", "10000"),
    ("十", "10"),
    ("百万", "1000000"),
    ("千亿", "100000000000"),
    ("十万", "100000"),
]
IMPLICIT_MISSES = [
    "万万",  # 万万没想到 is an idiom
    "亿亿",
    "亿万",  # 亿万富翁 is an idiom
    "万亿亿",
    "万亿万",
    "万一",  # 万一 is an idiom, not 11000
    "百一",
]

CHAINS = [
    ("1.5万亿", "1500000000000"),
    ("3千万", "30000000"),
    ("5百万", "5000000"),
    ("1亿2千万", "120000000"),
    ("2万5千", "25000"),
    ("1.2万亿", "1200000000000"),
    ("1万2千亿", "1200000000000"),
    ("1万2000亿", "1200000000000"),
    ("两万亿", "2000000000000"),
    ("3.5千万", "35000000"),
    ("1亿2000万", "120000000"),
    ("1亿两千万", "120000000"),
    ("2千5百万", "25000000"),
    ("1万2345", "12345"),
    ("一万五千", "15000"),
    ("一亿零五千", "100005000"),
    ("三点五千万", "35000000"),
]
CHAIN_MISSES = [
    "5万3亿",  # the section under 万 must fill the 千 place
    "1亿12000万",  # 12000万 does not fit under 亿
    "1万12000",
    "1亿2.5万",  # a fraction only in the first term or the last place
    "1万5.5",
    "15千万",  # one digit before 十百千
    "1.5亿2000万",
    "1亿2亿",
    "5万3万",
    "3千5万",
    "1万500",  # the last part must fill the place under 万 or say 零
    "一亿五千",  # 100005000, or short for 一亿五千万?
    "万一六",
    "四亿8百",
    "9亿三十五",
    "十零三",  # 零 after 十 skips nothing
    "卅零一",
    "6百.八",  # "." only after a digit
    "万两十",  # 二十, never 两十
    "两十",
]

DIGIT_BY_DIGIT = [
    ("一二三四億", "123400000000"),
    ("四五\u25cb億", "45000000000"),
    ("四五〇億", "45000000000"),
    ("三八·二億", "3820000000"),
    ("三八.二億", "3820000000"),
    ("三点五亿", "350000000"),
    ("三點五億", "350000000"),
    ("三八億", "3800000000"),  # not consecutive: 38, not a range
    ("三三億", "3300000000"),
    ("七八九万", "7890000"),  # three digits are never a range
    ("二〇二四", "2024"),
    ("一〇", "10"),
    ("三八", "38"),
    ("零点五", "0.5"),
    ("一億一二三四萬", "112340000"),
]
DIGIT_BY_DIGIT_MISSES = [
    "\u25cb五億",  # leading zero
    "〇〇七",
    "一二三千",  # digits one by one take no 十百千
    "两三四億",  # no 两 in digits one by one
    "三八·億",
    "三八·二·一億",
    "·二億",
    "三点",
]

ABBREVIATED = [
    ("两万五", "25000"),
    ("一万一", "11000"),
    ("一百一", "110"),
    ("三千五", "3500"),
    ("一亿二", "120000000"),
    ("1万5", "15000"),
    ("2千5", "2500"),
    ("十二万五", "125000"),
]
ABBREVIATED_MISSES = [
    "万五",  # no explicit coefficient
    "千五",
    "十万五",
    "一百五万",
    "一百七八",  # no abbreviated range
    "一千万四",  # only after a digit right before 万/亿
    "五百万二",
    "三千亿四",
    "两万亿五",
]

FRACTIONS = [
    ("一百二十三点四五", "123.45"),
    ("十点五", "10.5"),
    ("十万点五", "100000.5"),
    ("一亿零五点五", "100000005.5"),
    ("一百零五点五", "105.5"),
    ("一百二十三点四五亿", "12345000000"),
    ("1万2345.5", "12345.5"),
]
FRACTION_MISSES = [
    "一百五点五",  # 150.5 or 105.5?
    "两万五点五",
    "十万点五亿",
    "两点五",
]

RANGES = [
    ("两三千万", "20000000", "30000000"),
    ("三四十亿", "3000000000", "4000000000"),
    ("五六百万", "5000000", "6000000"),
    ("七八万", "70000", "80000"),
    ("一两千万", "10000000", "20000000"),
    ("十七八万", "170000", "180000"),
    ("三百七八十万", "3700000", "3800000"),
    ("一亿两三千万", "120000000", "130000000"),
    ("三四億", "300000000", "400000000"),
    ("八九千", "8000", "9000"),
    ("两三十万", "200000", "300000"),
]
RANGE_MISSES = [
    "三四",  # a range needs a unit
    "两三",
    "两三千五百万",  # nothing after the range but units
    "三四五十万",
    "廿两三",  # 两 is no ones digit
]

VAGUE = [
    "数十亿",
    "几千万",
    "十几亿",
    "数百万",
    "几十万",
    "数万",
    "十数亿",
    "几亿",
    "數十億",
    "幾千萬",
    "几千几百万",
]
VAGUE_MISSES = ["数", "几", "数几万", "几一万", "3几万", "万几", "一万几", "97万数", "一百几"]

NOT_NUMBERS = ["", "元", "1亿元", "abc", " 1", "1 000", "五-六亿", "１２", "十多亿"]

EXACT = ARABIC + CHINESE + IMPLICIT_ONE + CHAINS + DIGIT_BY_DIGIT + ABBREVIATED + FRACTIONS
MISSES = (
    ARABIC_MISSES
    + CHINESE_MISSES
    + IMPLICIT_MISSES
    + CHAIN_MISSES
    + DIGIT_BY_DIGIT_MISSES
    + ABBREVIATED_MISSES
    + FRACTION_MISSES
    + RANGE_MISSES
    + VAGUE_MISSES
    + NOT_NUMBERS
)


def _exact(text: str, expected: str) -> None:
    numeral = parse_numeral(text)
    assert numeral == Numeral(Decimal(expected), None, vague=False)
    assert str(numeral.value) == expected
    assert parse_number(text) == Decimal(expected)


# --- exact forms ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), ARABIC)
def test_numerals_arabic(text: str, expected: str) -> None:
    _exact(text, expected)


@pytest.mark.parametrize(("text", "expected"), CHINESE)
def test_numerals_chinese(text: str, expected: str) -> None:
    _exact(text, expected)


@pytest.mark.parametrize(("text", "expected"), IMPLICIT_ONE)
def test_numerals_implicit_one(text: str, expected: str) -> None:
    _exact(text, expected)


@pytest.mark.parametrize(("text", "expected"), CHAINS)
def test_numerals_magnitude_chains(text: str, expected: str) -> None:
    _exact(text, expected)


@pytest.mark.parametrize(("text", "expected"), DIGIT_BY_DIGIT)
def test_numerals_digit_by_digit(text: str, expected: str) -> None:
    _exact(text, expected)


@pytest.mark.parametrize(("text", "expected"), ABBREVIATED)
def test_numerals_abbreviated_last_digit(text: str, expected: str) -> None:
    _exact(text, expected)


@pytest.mark.parametrize(("text", "expected"), FRACTIONS)
def test_numerals_chinese_fractions(text: str, expected: str) -> None:
    _exact(text, expected)


@pytest.mark.parametrize(("text", "low", "high"), RANGES)
def test_numerals_ranges(text: str, low: str, high: str) -> None:
    numeral = parse_numeral(text)
    assert numeral == Numeral(Decimal(low), Decimal(high), vague=False)
    assert (str(numeral.value), str(numeral.high)) == (low, high)
    with pytest.raises(ValueError, match="exact"):
        parse_number(text)


@pytest.mark.parametrize("text", VAGUE)
def test_numerals_vague(text: str) -> None:
    assert parse_numeral(text) == Numeral(None, None, vague=True)
    with pytest.raises(ValueError, match="exact"):
        parse_number(text)


@pytest.mark.parametrize("text", MISSES)
def test_numerals_near_misses_are_rejected(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_numeral(text)
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "shown"),
    [("510.2亿", "51020000000"), ("万亿", "1000000000000"), ("1,234.50", "1234.5")],
)
def test_numerals_values_print_without_exponent(text: str, shown: str) -> None:
    assert str(parse_number(text)) == shown


def test_numerals_error_message_names_the_text() -> None:
    with pytest.raises(ValueError, match="'1,20'"):
        parse_numeral("1,20")
    with pytest.raises(ValueError, match=r"'1{40}\.\.\.'"):
        parse_numeral("1" * 100 + "元")


def test_numerals_chars_cover_every_form() -> None:
    texts = [text for text, _ in EXACT] + [text for text, _, _ in RANGES] + VAGUE
    assert {char for text in texts for char in text} <= NUMERAL_CHARS
    assert set("0123456789.,·点零〇\u25cb两兩廿卅万萬亿億数几") <= NUMERAL_CHARS
    assert not set("元 多余-") & NUMERAL_CHARS


@given(st.characters().filter(lambda char: char not in NUMERAL_CHARS))
def test_numerals_foreign_char_is_rejected(char: str) -> None:
    for text in (char, "1" + char, "1" + char + "万", "一百" + char):
        with pytest.raises(ValueError, match="not a number"):
            parse_numeral(text)


# --- round trips through the renderers ---------------------------------------

INTEGERS = st.integers(min_value=1, max_value=10**16 - 1).map(Decimal)
FRACTIONAL = st.integers(min_value=1, max_value=4).flatmap(
    lambda places: st.integers(min_value=1, max_value=10 ** (16 + places) - 1).map(
        lambda number: Decimal(number).scaleb(-places)
    )
)
DECIMALS = INTEGERS | FRACTIONAL


def _round_trip(render: Callable[[Decimal], str], value: Decimal) -> None:
    text = render(value)
    numeral = parse_numeral(text)
    assert numeral.value == value, text
    assert numeral.high is None
    assert not numeral.vague


@given(DECIMALS)
def test_numerals_round_trip_arabic(value: Decimal) -> None:
    _round_trip(forms.arabic, value)


@given(DECIMALS)
def test_numerals_round_trip_arabic_commas(value: Decimal) -> None:
    _round_trip(forms.arabic_commas, value)


@given(DECIMALS, st.sampled_from(["万", "亿", "万亿", "萬", "億"]), st.booleans())
def test_numerals_round_trip_arabic_magnitude(value: Decimal, magnitude: str, commas: bool) -> None:
    _round_trip(lambda v: forms.arabic_magnitude(v, magnitude, commas=commas), value)


@given(DECIMALS, st.booleans())
def test_numerals_round_trip_chinese(value: Decimal, liang: bool) -> None:
    _round_trip(lambda v: forms.chinese(v, forms.SIMPLIFIED, liang=liang), value)


@given(INTEGERS, st.sampled_from([forms.FINANCIAL, forms.TRADITIONAL]))
def test_numerals_round_trip_financial(value: Decimal, style: forms.Style) -> None:
    _round_trip(lambda v: forms.chinese(v, style), value)


@given(DECIMALS)
def test_numerals_round_trip_traditional(value: Decimal) -> None:
    _round_trip(lambda v: forms.chinese(v, forms.TRADITIONAL_PLAIN), value)


@given(DECIMALS, st.sampled_from(["億", "萬", ""]))
def test_numerals_round_trip_digit_by_digit(value: Decimal, magnitude: str) -> None:
    # Two consecutive digits (三四億) are a range by design, not 34億.
    assume(not forms.mantissa_is_range(value, magnitude))
    _round_trip(lambda v: forms.digit_by_digit(v, magnitude), value)


def test_numerals_round_trip_renderers_write_the_known_forms() -> None:
    assert forms.arabic_magnitude(Decimal("51020000000"), "亿") == "510.2亿"
    assert forms.arabic_magnitude(Decimal("1500000000000"), "万亿") == "1.5万亿"
    assert forms.arabic_magnitude(Decimal(12000000), "万", commas=True) == "1,200万"
    assert forms.chinese(Decimal(12000000000)) == "一百二十亿"
    assert forms.chinese(Decimal(30500000)) == "三千零五十万"
    assert forms.chinese(Decimal(120000000), liang=True) == "一亿两千万"
    assert forms.chinese(Decimal("123.45")) == "一百二十三点四五"
    assert forms.chinese(Decimal(1000000), forms.TRADITIONAL) == "壹佰萬"
    assert forms.digit_by_digit(Decimal(45000000000)) == "四五○億"
    assert forms.digit_by_digit(Decimal(3820000000)) == "三八·二億"


# --- robustness ------------------------------------------------------------------


def _check_result(numeral: Numeral) -> None:
    if numeral.vague:
        assert numeral.value is None
        assert numeral.high is None
        return
    assert isinstance(numeral.value, Decimal)
    assert numeral.value >= 0
    if numeral.value == numeral.value.to_integral_value():
        assert "E" not in str(numeral.value)
    if numeral.high is not None:
        assert numeral.high > numeral.value


@given(st.text())
def test_numerals_any_text_returns_or_raises_value_error(text: str) -> None:
    try:
        numeral = parse_numeral(text)
    except ValueError:
        return
    _check_result(numeral)


@given(st.text(alphabet=sorted(NUMERAL_CHARS), max_size=12))
def test_numerals_any_numeral_chars_return_or_raise_value_error(text: str) -> None:
    try:
        numeral = parse_numeral(text)
    except ValueError:
        return
    _check_result(numeral)


ADVERSARIAL = ["1", "亿", "一二三", "1,", "零", "3.", "十", "1亿", "万亿", "一十"]


def _parse_or_none(text: str) -> object:
    with contextlib.suppress(ValueError):
        return parse_numeral(text)
    return None


@pytest.mark.parametrize("unit", ADVERSARIAL)
def test_numerals_linear_time(unit: str) -> None:
    assert_linear(_parse_or_none, unit, 25_000)


@pytest.mark.parametrize("text", ["1" * 1_000_000, "亿" * 1_000_000, "1" * 1_000_000 + "亿"])
def test_numerals_megabyte_input(text: str) -> None:
    try:
        numeral = parse_numeral(text)
    except ValueError:
        return
    assert numeral.value is not None
    assert len(str(numeral.value)) >= 1_000_000


@pytest.mark.parametrize(
    ("text", "value"),
    [("2兆", "2000000000000"), ("三十五.三九兆", "35390000000000"), ("1兆5000亿", "1500000000000")],
)
def test_numerals_zhao_is_ten_to_the_twelfth(text: str, value: str) -> None:
    assert parse_numeral(text).value == Decimal(value)


@settings(max_examples=500)
@given(
    st.one_of(
        st.from_regex(numerals._QUICK, fullmatch=True),
        st.from_regex(r"[0-9]{1,4}(\.[0-9]{0,3})?[万亿]{0,3}", fullmatch=True),
    )
)
def test_quick_path_reads_like_the_grammar(text: str) -> None:
    # Plain Arabic amounts skip the grammar: they must read exactly the same.
    try:
        expected: Numeral | str = numerals._parse(text)
    except ValueError:
        expected = "rejected"
    quick = numerals._quick(text)
    if quick is not None:
        assert quick == expected
        assert str(quick.value) == str(expected.value)  # type: ignore[union-attr]
    assert parse_numeral(text) == expected if expected != "rejected" else True


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("9" * 40 + "兆", "9" * 40 + "0" * 12),
        ("一" + "二" * 35 + "億", "1" + "2" * 35 + "0" * 8),
        ("1" + "0" * 30 + ".5", "1" + "0" * 30 + ".5"),
    ],
)
def test_numerals_are_exact_past_28_digits(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)
    assert str(parse_number(text)) == value


@given(st.decimals(min_value=1, max_value=Decimal(10) ** 80, places=6))
def test_numerals_exact_product_never_rounds(number: Decimal) -> None:
    product = exact_product(number, Decimal(10**12))
    sign, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    # Built from the digits, with no context that could round.
    assert product == Decimal((sign, digits, exponent + 12))


def test_short_forms_read_like_the_grammar() -> None:
    # One-character numbers and pairs of units come from a table built by the
    # grammar at first use: the same Numerals, and every one the grammar reads.
    table = numerals._short_forms()
    assert table["千亿"] == Numeral(Decimal(10**11), None, False)
    for text, numeral in table.items():
        assert numeral == numerals._parse(text)
        assert str(numeral.value) == str(numerals._parse(text).value)
        assert parse_numeral(text) is numeral or numerals._quick(text) == numeral
    for char in NUMERAL_CHARS - set(table):
        with pytest.raises(ValueError, match="not a number"):
            numerals._parse(char)
