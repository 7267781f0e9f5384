"""Roles where the cue is not adjacent (issue 14, item 3)."""

from __future__ import annotations

import pytest

from hzner.extractor import Extractor
from tests.complexity import assert_linear

EXTRACTOR = Extractor()


def _roles(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.role.value) for m in EXTRACTOR.extract_money(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Parallel lists: the n-th amount takes the n-th cue.
        (
            "今年园区产值、税收分别达到220亿元、5亿元。",
            [("220亿元", "output"), ("5亿元", "tax")],
        ),
        (
            "计划投资、融资分别为10亿元和5亿元，另有补贴200万元",
            [("10亿元", "investment"), ("5亿元", "financing"), ("200万元", "subsidy")],
        ),
        ("去年營業收入、稅收分別為8億元、1億元", [("8億元", "revenue"), ("1億元", "tax")]),
        # Near miss: lists of different lengths are left to the nearest cue.
        (
            "产值、税收分别增长5%，达到30亿元",
            [("30亿元", "other")],
        ),
        # Cues written as compounds.
        ("全年引资额120亿元", [("120亿元", "investment")]),
        # Funds attracted (到位资金) and foreign capital used (实际利用外资) are
        # statistics, not an investor's investment: other, as SPEC's closed list
        # reads (five annotators of sets AF to AT read them so).
        ("到位资金8.6亿元", [("8.6亿元", "other")]),
        ("实际利用外资3亿美元", [("3亿美元", "other")]),
        ("该基金总规模50亿元", [("50亿元", "financing")]),
        ("項目投資總額12億元", [("12億元", "investment")]),
    ],
)
def test_roles_from_cues_not_adjacent(text: str, found: list[tuple[str, str]]) -> None:
    assert _roles(text) == found


def test_roles_parallel_lists_stay_linear() -> None:
    assert_linear(EXTRACTOR.extract_money, "产值、税收分别达到220亿元、5亿元分别", 4000)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A list after 、 carries the role of the item before; 其中 the clause's before.
        (
            "基地计划总投资60亿元，其中包括土地20亿元、厂房25亿元、设备15亿元。",
            [
                ("60亿元", "investment"),
                ("20亿元", "investment"),
                ("25亿元", "investment"),
                ("15亿元", "investment"),
            ],
        ),
        (
            "今年投资5亿元以上项目7个、10亿元以上项目2个",
            [("5亿元以上", "investment"), ("10亿元以上", "investment")],
        ),
        # A clause of continuing words goes on with the clause before it.
        ("去年全市出口额突破80亿元，达到86.5亿元", [("80亿元", "trade"), ("86.5亿元", "trade")]),
        ("其中电子项目投资额最大，达32亿元。", [("32亿元", "investment")]),
        ("營業收入持續增長，首次超過9億元", [("超過9億元", "revenue")]),
        # Brackets: a cue before them, or a short note between a cue and its amount.
        ("园区进出口总额(上年为18.2亿元)再创新高", [("18.2亿元", "trade")]),
        ("预计年产值(含税)约45亿元", [("约45亿元", "output")]),
        # Brackets that open with 其中 break down the amount right before them.
        ("厂区总投资15亿元（其中一期6亿元）", [("15亿元", "investment"), ("6亿元", "investment")]),
        # Near miss: an amount not right before the brackets gives them nothing.
        ("总投资15亿元，新建厂房（其中一期3亿元）", [("15亿元", "investment"), ("3亿元", "other")]),
        # What was done of a plan, and a noun that only names the sum, go on too.
        ("计划投资20亿元，完成21亿元", [("20亿元", "investment"), ("21亿元", "investment")]),
        ("此次共签约9个项目，总金额37亿元，", [("37亿元", "contract")]),
        # A cue after the amount and 的, at the end of its clause, is its head noun.
        ("投产后可形成12亿元以上的销售。", [("12亿元以上", "revenue")]),
        # A cue inside a company's name governs nothing.
        ("该融资租赁有限公司获得3亿元", [("3亿元", "other")]),
        # A cue whose role is other is the clause's own: 其中利润 carries nothing.
        (
            "预计年新增销售收入6500万元，其中利润1600万元",
            [("6500万元", "revenue"), ("1600万元", "other")],
        ),
        # Near misses: a new subject, or no continuing words, carries nothing.
        ("项目总投资8亿元，建成后年利润9000万元", [("8亿元", "investment"), ("9000万元", "other")]),
        ("总投资8亿元，另有3000万元用于绿化", [("8亿元", "investment"), ("3000万元", "other")]),
    ],
)
def test_roles_carried_into_clauses_without_a_cue(text: str, found: list[tuple[str, str]]) -> None:
    assert _roles(text) == found


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("某公司斥资12亿元收购", "investment"),
        ("另一项目涉资六亿元", "investment"),
        ("专场签约吸金108亿元", "investment"),
        ("本次签约投资额达到30亿美元", "contract"),
        ("共签约项目33个，协议资金78.5亿元", "contract"),
        ("产值收入共计超20亿元", "output"),
        ("在本地纳税总额7.2亿元", "tax"),
        ("双方协议引进资金2.3亿美元", "investment"),
        ("全年完成固投超30亿元", "investment"),
        ("这座总投6.5亿元的大桥", "investment"),
        ("投产后预计年创税8000万元", "tax"),
        ("企业今年获得退税1200万元", "tax"),
        ("年上缴税金及附加3000万元", "tax"),
        ("本次签约协议总金额达80亿元", "contract"),
        ("两个项目合同引资12亿元", "contract"),
        # A capital increase or a sole venture is an investment.
        ("公司拟对全资子公司增资3亿元", "investment"),
        ("台商独资5000万美元设立新厂", "investment"),
    ],
)
def test_roles_of_compound_cues(text: str, role: str) -> None:
    assert [found for _, found in _roles(text)] == [role]


def test_carried_roles_stay_linear() -> None:
    assert_linear(EXTRACTOR.extract_money, "总投资5亿元,达到6亿元、其中7亿元(8亿元)", 2000)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # An amount that sizes a fund named after it.
        ("高新区近期成立了50亿元光谷产业基金，", [("50亿元", "financing")]),
        # A cue of its own comes first.
        ("投资200亿元建设基金小镇", [("200亿元", "investment")]),
        # A cue that modifies the class noun after the amount is no head noun of it.
        ("围绕30个亿元签约项目抓开工", [("亿元", "other")]),
        # A class size after a total goes on with nothing; after a class size, it does.
        (
            "总投资320亿元,超亿元项目就有41个。",
            [("320亿元", "investment"), ("超亿元", "other")],
        ),
        (
            "投资额超20亿元的项目2个,超5亿元的项目9个。",
            [("超20亿元", "investment"), ("超5亿元", "investment")],
        ),
        # 其中 before a counted class, words of the class between: a count too.
        (
            "全年开工重大项目300个,总投资4200亿元,其中超50亿元的特大项目6个。",
            [("4200亿元", "investment"), ("超50亿元", "other")],
        ),
        # Near miss: no count after the noun, the part of the amount keeps its role.
        (
            "总投资10亿元,其中5亿元用于厂房项目。",
            [("10亿元", "investment"), ("5亿元", "investment")],
        ),
        # 其中 before a class of projects breaks down a count, not the amount.
        (
            "计划投资额267.8亿元，其中亿元以上项目25个",
            [("267.8亿元", "investment"), ("亿元以上", "other")],
        ),
    ],
)
def test_roles_sized_and_counted(text: str, found: list[tuple[str, str]]) -> None:
    assert _roles(text) == found
