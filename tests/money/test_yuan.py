"""The document's yuan (issue 14, item 2): which currency a bare 元 is."""

from __future__ import annotations

import pytest

from hzner.extractor import Extractor

EXTRACTOR = Extractor()


def _currencies(text: str, extractor: Extractor = EXTRACTOR) -> list[tuple[str, str]]:
    return [(m.text, m.currency) for m in extractor.extract_money(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # The yuan named last before the amount carries to a bare 元.
        (
            "該案總額5000萬新臺幣，其中設備採購3億元，廠房2億元",
            [("5000萬新臺幣", "TWD"), ("3億元", "TWD"), ("2億元", "TWD")],
        ),
        (
            "该案总额5000万新台币，其中设备采购3亿元",
            [("5000万新台币", "TWD"), ("3亿元", "TWD")],
        ),
        ("公司以港币结算，首期支付800万元", [("800万元", "HKD")]),
        ("以澳门元计价，门票150元", [("150元", "MOP")]),
        (
            "先付30亿港元，后以人民币结算，余款12亿元",
            [("30亿港元", "HKD"), ("12亿元", "CNY")],
        ),
        # 美元 never carries: the bare 元 after it is the default yuan.
        ("出口额5亿美元，内销收入8亿元", [("5亿美元", "USD"), ("8亿元", "CNY")]),
        # A name after the amount does not reach back.
        ("首付3亿元，另付新台币2亿元", [("3亿元", "CNY"), ("新台币2亿元", "TWD")]),
        # An implied currency takes the document's yuan too.
        ("以新台币计，总投资12亿", [("12亿", "TWD")]),
        # Traditional script alone says nothing: a mirrored mainland page.
        ("重慶兩江新區項目總投資50億元，預計明年投產", [("50億元", "CNY")]),
        # Writing about Hong Kong is not writing from it.
        ("香港企業在蘇州投資10億元建設工廠", [("10億元", "CNY")]),
        # Taiwan's institutions and ROC years show where the text is from.
        ("行政院核定民國113年預算，補助地方3億元", [("3億元", "TWD")]),
        ("特區政府宣布撥款50億元", [("50億元", "HKD")]),
    ],
)
def test_yuan_is_the_one_named_last(text: str, found: list[tuple[str, str]]) -> None:
    assert _currencies(text) == found


def test_yuan_named_beats_the_callers_which_beats_the_place() -> None:
    taiwan = Extractor(yuan="TWD")
    assert _currencies("投资50亿元", taiwan) == [("50亿元", "TWD")]
    assert _currencies("以人民币结算，投资50亿元", taiwan) == [("50亿元", "CNY")]
    assert _currencies("特區政府宣布撥款50億元", taiwan) == [("50億元", "TWD")]
