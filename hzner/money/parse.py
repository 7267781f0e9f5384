"""Find amounts of money in a normalized text: pure functions, no spaCy.

The scan is linear: one pass of a character-class regex finds every run of
numeral characters, and each run is then examined with bounded look-ups of
the words around it (currency after or before, qualifiers, range separators,
the cue word of its clause). No regular expression here can backtrack over
more than one character.
"""

from __future__ import annotations

from decimal import Decimal

from ..normalize import Located, NormalizedText
from ..numerals import exact_product, exact_sum, parse_numeral
from ..types import Bound, Money, Role
from .carried import carried_roles
from .forms import EverydayForms, everyday_forms
from .lexicon import MoneyLexicon
from .lexicon import last as _last
from .roles import cue_after, cue_before, parallel_roles
from .runs import MAGNITUDES, RUN, Amount, bare_unit, read_run, runs
from .yuan import DocumentYuan

__all__ = ["MoneyLexicon", "find_money", "find_money_located"]

# Units and magnitudes with an implicit 一: 百亿, 千万, 万亿.
_UNIT_CHARS = frozenset("十百千万亿拾佰仟萬億")
# Single Chinese digits before 元 are words (一元化, 二元结构) when a word
# follows (`hzner.money.forms`); under a money cue they are money.
_WORD_DIGITS = frozenset("一二三四五六七八九两兩壹贰叁肆伍陆柒捌玖")
# How far from an amount with no currency word a cue may stand ("总投资约5亿": 1 character).
_IMPLIED_GAP = 4
# Unit words of the document's yuan: 元 and its everyday forms.
_YUAN_WORDS = frozenset(("元", "圆", "块", "块钱"))
# Bounds that say which way an amount goes: they outweigh "about".
_DIRECTIONS = frozenset((Bound.OVER, Bound.UNDER))


def _role(
    text: str, start: int, end: int, lexicon: MoneyLexicon, forms: EverydayForms
) -> tuple[Role, int | None]:
    """The role of the amount at ``[start, end)`` and where its cue ends.

    A cue right after the amount is its head noun and wins
    (政策扶持4000万元投资 is an investment); otherwise the nearest cue before
    it in the same clause (`cue_before`).
    """
    if end < len(text) and text[end] in lexicon.after_cue_starts:
        after = cue_after(text, end, lexicon, forms)
        if after is not None:
            return after, None
    found = cue_before(text, start, lexicon, forms)
    return (Role.OTHER, None) if found is None else found


def find_money(
    norm: NormalizedText,
    lexicon: MoneyLexicon,
    *,
    yuan: str | None = None,
) -> list[Money]:
    """Find every amount of money in ``norm``, in text order, with offsets into the original.

    See `find_money_located`, which also gives each amount's span in the view.

    Examples
    --------
    >>> from hzner.normalize import normalize
    >>> from hzner.rules import RuleSet
    >>> lexicon = MoneyLexicon(RuleSet.default())
    >>> [m.value for m in find_money(normalize("总投资 510.2 亿元"), lexicon)]
    [Decimal('51020000000')]

    """
    return [item.entity for item in find_money_located(norm, lexicon, yuan=yuan)]


def find_money_located(
    norm: NormalizedText,
    lexicon: MoneyLexicon,
    *,
    yuan: str | None = None,
) -> list[Located[Money]]:
    """Find every amount of money in ``norm``.

    Parameters
    ----------
    norm
        The normalized text (see `hzner.normalize.normalize`).
    lexicon
        The compiled word lists.
    yuan
        The currency of a bare 元 (CNY, TWD, HKD); by default told from the
        text.

    Returns
    -------
    list of Located[Money]
        In text order: each amount (offsets into ``norm.original``) with
        its span in the view.

    """
    text = norm.text
    spans = runs(norm, lexicon)
    if not spans:
        return []  # no run that may be money: nothing to read the yuan of either
    document_yuan = DocumentYuan(norm, lexicon, everyday_forms(), yuan)
    found: list[_Raw] = []
    pending: tuple[Amount, int] | None = None  # a range's low end and its separator's end
    consumed = 0
    # A run that is ruled out between a range's low end and its high end
    # cannot matter: the low end waits only for an amount at its separator.
    for run_start, run_end in spans:
        if run_start < consumed:
            continue
        amount = read_run(text, run_start, run_end)
        if amount is None:
            amount = bare_unit(text, run_start, run_end, lexicon)
        if amount is None:
            pending = None
            continue
        low = pending[0] if pending is not None and pending[1] == amount.start else None
        pending = None
        raw = _complete(norm, amount, low, lexicon, document_yuan, consumed)
        if raw is None:
            separator = _separator_at(text, amount.end, lexicon)
            if separator is not None:
                pending = (amount, separator[0])
            continue
        if found and low is None:
            previous = found[-1]
            separator = _separator_at(text, previous[1], lexicon)
            if (
                separator is not None
                and separator[0] == raw[0]
                and previous[4] == raw[4]
                and _ascending(previous[2], raw[2])
            ):
                # "10亿元至15亿元": two amounts with one currency are one range.
                found[-1] = (previous[0], raw[1], previous[2], raw[2], raw[4], Bound.RANGE,
                             previous[6], raw[7], raw[8])  # fmt: skip
                consumed = raw[1]
                continue
        found.append(raw)
        consumed = raw[1]
    if not found:
        return []
    spans = [(raw[0], raw[1]) for raw in found]
    forms = everyday_forms()
    parallel = parallel_roles(text, spans, lexicon, forms)
    roles = [raw[6] for raw in found]
    for index, role in parallel.items():
        roles[index] = role
    carried = carried_roles(text, spans, roles, lexicon, forms, frozenset(parallel))
    for index, role in (*parallel.items(), *carried.items()):
        found[index] = (*found[index][:6], role, *found[index][7:])
    return [Located(raw[0], raw[1], _finish(norm, raw)) for raw in found]


# (start, end, value, high, currency, bound, role, implied, rule_id), in the normalized text.
_Raw = tuple[int, int, Decimal | None, Decimal | None, str, Bound, Role, bool, str]


def _complete(
    norm: NormalizedText,
    amount: Amount,
    low: Amount | None,
    lexicon: MoneyLexicon,
    yuan: DocumentYuan,
    floor: int,
) -> _Raw | None:
    """Decide whether ``amount`` (with an optional range ``low``) is money."""
    text = norm.text
    end = amount.end
    currency: str | None = None
    currency_word = ""
    after = lexicon.after.longest_at(text, end)
    if after is not None:
        currency_word = text[end : after[0]]
        currency = _last(after[1])
        end = after[0]
    first = low if low is not None else amount
    start = first.start
    before = lexicon.before.longest_ending_at(text, start)
    if before is None and start > 0 and text[start - 1] == " ":
        # The view keeps one space between ASCII characters: "RMB 5亿".
        before = lexicon.before.longest_ending_at(text, start - 1)
    if before is not None and before[0] < floor:
        before = None  # the word belongs to the amount before (5亿美元|1.2万亿)
    if before is not None and (
        currency is None or before[1][-1] == currency or currency_word in "元"
    ):
        before_code = _last(before[1])
        if currency is None or currency_word == "元":
            currency = before_code if currency is None or before_code != "CNY" else currency
        start = before[0]
    if currency == "CNY" and currency_word in _YUAN_WORDS:
        currency = yuan.at(first.start)
    forms = everyday_forms()
    if currency is not None and not forms.loose_ok(text, end, currency_word):
        return None  # 三块地, 一块去: a measure word
    scale = lexicon.scale_words.longest_at(text, end)
    if (
        scale is not None
        and (currency is None or _bare_magnitude(text, amount))
        and not forms.class_noun_near(text, scale[0])
    ):
        # 千亿级, 万亿产业集群, 千亿大关: the size of an industry. A stated
        # amount with its currency stays money (突破3000亿元大关), and so does
        # the size of projects (超亿元产业项目, 百亿元级重大项目).
        return None
    role, cue_end = _role(text, start, end, lexicon, forms)
    if (
        role is Role.OTHER
        and currency_word in forms.loose_units
        and text[amount.end - 1] in MAGNITUDES
    ):
        return None  # 年产线路板220万块: a count of things; 投资200万块 under a cue is money
    implied = False
    if currency is None:
        if _range_follows(text, end, lexicon):
            # "约30亿至40亿美元": the low end waits for the high end's currency.
            return None
        # A number with 万/亿 and no currency word is money only under a
        # money cue close before it (总投资约5亿, 融资3000万).
        if text[amount.end - 1] not in MAGNITUDES or cue_end is None or role is Role.OTHER:
            return None
        if start - cue_end > _IMPLIED_GAP:
            return None
        if (
            _continues_word(norm, end)
            and lexicon.qualifiers_after.longest_at(text, end) is None
            and not forms.verb_at(text, end)
            and (_bare_magnitude(text, amount) or not forms.class_noun_near(text, end, 0))
        ):
            # 12万平方米 is an area; 4亿以上 is still an amount, and so is the size
            # of a class of projects (投资1-10亿项目12个), unless no digit says
            # how many 亿 (新签约的三个百亿项目 counts projects).
            return None
        currency = yuan.at(first.start)
        implied = True
    elif (
        amount.end - amount.start == 1
        and text[amount.start] in _WORD_DIGITS
        and cue_end is None
        and forms.yuan_in_word(text, end)
    ):
        return None  # 一元化, 二元结构; but 门票八元 is money
    bound = Bound.EXACT
    qualifier = lexicon.qualifiers_before.longest_ending_at(text, start)
    # A word that only ends like a qualifier (签约 is no 约) has bound "none".
    if qualifier is not None and qualifier[0] >= floor and _last(qualifier[1]) != "none":
        bound = Bound(_last(qualifier[1]))
        start = qualifier[0]
    trailing = lexicon.qualifiers_after.longest_at(text, end)
    if trailing is not None and trailing[0] - end >= 2:
        # Two-character qualifiers (左右, 以上) follow the currency; 多/余
        # belong inside the number and are read there.
        trailing_bound = Bound(_last(trailing[1]))
        # A direction after outweighs an "about" before: 约10亿元以上 is over.
        if bound is Bound.EXACT or (bound is Bound.ABOUT and trailing_bound in _DIRECTIONS):
            bound = trailing_bound
        end = trailing[0]
    if amount.over and bound is Bound.EXACT:
        bound = Bound.OVER
    numeral = amount.numeral
    value, high = numeral.value, numeral.high
    coins = forms.coins(text, end, currency_word) if low is None and high is None else None
    if coins is not None and value is not None:
        # 45元8角, 三百元五角二分, 3美元又25美分, 壹佰贰拾伍万元零壹分: the coins add
        # to the amount, after a magnitude too (a cheque's amount in words).
        end, value = coins[0], exact_sum(value, coins[1])
    if numeral.vague:
        bound = Bound.VAGUE
    elif low is not None:
        low_value = _scaled_low(text, low, amount)
        if _ascending(low_value, numeral.value):
            value, high = low_value, numeral.value
            bound = Bound.RANGE
        else:
            # 5万到7元, 数亿到7元: no range runs downwards or from a vague end;
            # the amount after the separator stands alone.
            return _complete(norm, amount, None, lexicon, yuan, max(floor, low.end))
    elif high is not None:
        bound = Bound.RANGE
    if value is None and not numeral.vague:
        return None
    return (start, end, value, high, currency, bound, role, implied, "money")


def _ascending(low: Decimal | None, high: Decimal | None) -> bool:
    """Whether two values make a range: both known, the high end above the low."""
    return low is not None and high is not None and low < high


def _bare_magnitude(text: str, amount: Amount) -> bool:
    return all(char in _UNIT_CHARS for char in text[amount.start : amount.end])


def _separator_at(
    text: str, position: int, lexicon: MoneyLexicon
) -> tuple[int, tuple[str, ...]] | None:
    """A range separator at ``position``, after an inclusive note if any (2万(含)-8万元)."""
    return lexicon.separators.longest_at(text, everyday_forms().inclusive_at(text, position))


def _range_follows(text: str, end: int, lexicon: MoneyLexicon) -> bool:
    separator = _separator_at(text, end, lexicon)
    return separator is not None and RUN.match(text, separator[0]) is not None


def _continues_word(norm: NormalizedText, end: int) -> bool:
    """Whether the character after an implied amount continues a unit (万平方米, 万人).

    A line break in the original between them ends a headline instead
    (签约投资额超百亿⏎锚定三大新兴赛道).
    """
    text = norm.text
    if end >= len(text):
        return False
    char = text[end]
    if not char.isalpha() or char == "的":
        return False
    return "\n" not in norm.original[norm.offset(end - 1) + 1 : norm.offset(end)]


def _scaled_low(text: str, low: Amount, high: Amount) -> Decimal | None:
    """The low end of a range, with the high end's units where it lacks them.

    10-15亿 is 10亿 to 15亿 and 两~3百 is 200 to 300, but 8500到3万 is 8500
    to 30000: the longest unit suffix of the high end that keeps the low
    end at or below the high end is taken, or none.
    """
    value = low.numeral.value
    high_value = high.numeral.value
    if value is None or high_value is None or text[low.end - 1] in MAGNITUDES:
        return value
    position = high.end
    while position > high.start and text[position - 1] in _UNIT_CHARS:
        position -= 1
    for begin in range(position, high.end):
        try:
            scale = parse_numeral(text[begin : high.end]).value
        except ValueError:
            continue
        if scale is not None:
            scaled = exact_product(value, scale)
            if scaled < high_value:
                return scaled
    return value


def _finish(norm: NormalizedText, raw: _Raw) -> Money:
    start, end, value, high, currency, bound, role, implied, rule_id = raw
    original_start, original_end = norm.to_original(start, end)
    return Money(
        text=norm.original[original_start:original_end],
        start=original_start,
        end=original_end,
        value=value,
        high=high,
        currency=currency,
        bound=bound,
        role=role,
        currency_implied=implied,
        rule_id=rule_id,
    )
