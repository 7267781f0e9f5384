"""Find ORG mentions in a normalized text (SPEC.md, ORG).

Four kinds of evidence, in order of trust:

1. a legal form, group word or institution word (有限公司 集团 银行 大学 研究院),
   with the name before it, found by walking left over name characters until
   a boundary: punctuation, a count, a stop word (的 与 引进 该 一批 …), an
   amount, a park or a line break. An institution named with its parent is
   one span (重庆大学产业研究院): the longer name wins. The name needs a proper
   part: places and business words alone make a generic mention (科技有限公司,
   生物医药基金), though a place is enough for an institution (武汉大学).
2. a user's ``org`` rule: its name and its short forms, anywhere;
3. the short forms of a company the document named in full, after it: the
   name without its legal form, without its place prefix, and its trade name
   with or without business words (厦门天马显示科技有限公司 → 天马显示科技, 天马);
4. a name at the start of a clause right before an investor's compound verb
   (华为投资建设, 某某签约落户) or before one that spends an amount on what
   follows (某某投资14亿元的…项目), and an item of a 、 list closed by 等 whose
   other item is an ORG (重庆大学产业研究院、清研理工等).

No candidate holding a ``not_org`` word (政府 管委会 协会 该公司 世界银行) is kept.
Every walk is capped, so the pass is linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..normalize import Located, NormalizedText, locate
from ..projects.text import is_name_char
from ..types import Money, Org, Park
from .found import Found, known, resolve, same_names, short_forms
from .lexicon import CLOSED_LIST_START, OrgLexicon
from .names import branch_end, glued_start, officially_placed, trade_name
from .walker import ETC, MAX_BRAND, Walker

__all__ = ["find_orgs", "find_orgs_located", "trade_name"]

_LIST_MARK = "、"
# A company's word: one inside a walked name ends another company's name.
_COMPANY = "公司"
# A trade name before a trade word (蜜蜂|科技) is short.
_MAX_TRADE = 4
_MAX_ITEMS = 30
# What marks a legal form as registered: a place is a proper part before it.
_REGISTERED = ("有限", "股份")
# What ends a class or a level of companies, never a name (二三级|公司).
_CLASS_MARKS = frozenset("级类型")
_OF = "的"
_WHERE = ("在", "于")


class _Reader(Walker):
    """ORG candidate finding over one view text."""

    def formed(self) -> list[Found]:
        """Names that end in a legal form, group word or institution word."""
        text, found = self.text, []
        known = self.lexicon.known
        for start, end, kinds in self.lexicon.forms.finditer(text):
            name_start = self.walk(start, glued=True)
            # A known name where the walk stopped is the name's start, whatever
            # it ends in (华为|技术有限公司: the 为 of 华为 is no stop there).
            if (brand := known.longest_ending_at(text, name_start)) is not None:
                name_start = brand[0]
            name_start = glued_start(text, name_start, start, self.lexicon)
            # A company named before it is another: 油田技术服务公司|斯伦贝谢公司.
            inner = text.rfind(_COMPANY, name_start, start - len(_COMPANY))
            name_start = name_start if inner < 0 else inner + len(_COMPANY)
            if name_start == start or self.rejected(name_start, end):
                continue
            if text[start - 1] in _CLASS_MARKS:
                continue  # a class or level of companies: 二三级公司, 外向型企业集团
            institution = kinds[-1] == "institution"
            # A registered legal form (有限公司, 股份公司) after a place and business
            # words is a company's registered name (南阳市产业投资集团有限公司), as a
            # place is an institution's (武汉大学); a bare 公司 or 集团 is not.
            placed = institution or any(mark in text[start:end] for mark in _REGISTERED)
            placed = placed or officially_placed(text, name_start, self.lexicon)
            if self.proper(name_start, start, institution=placed):
                rule = f"form:{text[start:end]}"
                name_end = branch_end(text, end, self.lexicon)  # 某某有限公司|四川分公司
                found.append(Found(name_start, name_end, None, rule, not institution))
        return found

    def subjects(self) -> list[Found]:
        """Brands at the start of a clause right before an investor's compound verb."""
        text, found, pattern = self.text, [], self.lexicon.subject_verbs
        for match in pattern.finditer(text) if pattern is not None else ():
            start = match.start()
            name_start = self.walk(start, MAX_BRAND + 1)
            if self.opens_after_word(name_start) and self.brand_like(name_start, start):
                found.append(Found(name_start, start, None, "subject"))
        return found

    def spenders(self, money: Sequence[tuple[int, int]]) -> list[Found]:
        """Names that open a clause or list item and spend an amount on something.

        某某投资14亿元的…项目, 某某斥资5亿元建设…: an investor's verb right
        before the amount, and 的 or a building verb right after it.
        """
        text, spends, builds = self.text, self.lexicon.spends, self.lexicon.builds
        found = []
        for start, end in money:
            if not text.startswith(_OF, end) and builds.longest_at(text, end) is None:
                continue
            verb = spends.longest_ending_at(text, start)
            if verb is None:
                continue
            name_end = verb[0]
            name_start = self.walk(name_end, MAX_BRAND + 1, glued=True)  # 华为 ends in 为
            if text.endswith(_WHERE, 0, name_start) and name_start - 1 > 0:
                # 某某在|东丽区|投资5亿元建设…: the investor stands before 在 and its place.
                name_end = name_start - 1
                name_start = self.walk(name_end, MAX_BRAND + 1, glued=True)
            if self.lexicon.stops.lookup(text[name_start:name_end]):
                continue  # a stop word itself, glued on: 今年|投资10亿元的
            if self.opens_after_word(name_start) and self.brand_like(name_start, name_end):
                found.append(Found(name_start, name_end, None, "subject"))
        return found

    def traded(self) -> list[Found]:
        """Short names before a trade word that open a clause and act (精工科技拟投资…)."""
        text, found, pattern = self.text, [], self.lexicon.acting_trade
        for match in pattern.finditer(text) if pattern is not None else ():
            start, end = match.span()
            name_start = self.walk(start, _MAX_TRADE + 1)
            if name_start == start or not self.opens(name_start):
                continue
            if self.brand_like(name_start, start) and not self.rejected(name_start, end):
                found.append(Found(name_start, end, None, "trade"))
        return found

    def classed(self) -> list[Found]:
        """The items of a 、 list closed by 等 and a class noun (西门子、腾讯等111家知名企业)."""
        if CLOSED_LIST_START not in self.text:
            return []  # no 等, no list closed by it (and no pattern compiled for it)
        pattern = self.lexicon.closed_lists
        found: list[Found] = []
        # 等多家重点企业项目 is a list of projects, which keep their names: the pattern skips it.
        for match in pattern.finditer(self.text) if pattern is not None else ():
            etc = match.start()
            items = self._items_before(etc)
            # One item that describes (芯片设计、发光材料…等配套企业) makes it a list of sectors.
            if all(self.brand_like(item_start, item_end) for item_start, item_end in items):
                found.extend(Found(*item, None, "class-list") for item in items)
        return found

    def _items_before(self, etc: int) -> list[tuple[int, int]]:
        """The items of a 、 list that ends at ``etc`` (at most _MAX_ITEMS)."""
        items: list[tuple[int, int]] = []
        pos = etc
        while len(items) < _MAX_ITEMS:
            item_start = self.walk(pos, MAX_BRAND + 1, glued=True)  # 华为 ends in 为
            if item_start == pos:
                break
            items.append((item_start, pos))
            if item_start == 0 or self.text[item_start - 1] != _LIST_MARK:
                break
            pos = item_start - 1
        return items if len(items) > 1 else []

    def listed(self, orgs: Sequence[Found]) -> list[Found]:
        """The other items of a 、 list closed by 等 that has an ORG among its items."""
        text, found = self.text, []
        for org in orgs:
            items = self._list_around(org.start, org.end)
            for start, end in items:
                if self.brand_like(start, end) and text[start:end] != text[org.start : org.end]:
                    found.append(Found(start, end, None, "list"))
        return found

    def _list_around(self, start: int, end: int) -> list[tuple[int, int]]:
        """The items before and after ``[start, end)`` in a list closed by 等."""
        text, items = self.text, list[tuple[int, int]]()
        pos = end
        while pos < len(text) and text[pos] == _LIST_MARK and len(items) < _MAX_ITEMS:
            item_end = pos + 1
            while item_end < len(text) and item_end - pos <= MAX_BRAND + 1:
                char = text[item_end]
                if char in (_LIST_MARK, ETC) or not is_name_char(char):
                    break
                item_end += 1
            items.append((pos + 1, item_end))
            pos = item_end
        if pos >= len(text) or text[pos] != ETC:
            return []
        pos, after = start, len(items)
        while pos > 0 and text[pos - 1] == _LIST_MARK and len(items) - after < _MAX_ITEMS:
            item_start = self.walk(pos - 1, MAX_BRAND + 1, glued=True)
            items.append((item_start, pos - 1))
            pos = item_start
        return items


def find_orgs_located(
    norm: NormalizedText,
    money: Sequence[Located[Money]],
    parks: Sequence[Located[Park]],
    lexicon: OrgLexicon,
) -> list[Located[Org]]:
    """Find the ORGs of ``norm``, given its money and parks with spans in the view.

    The ORGs inside a PROJECT or a PARK name are still here; the caller
    drops them (`hzner.orgs.company.link_companies`).
    """
    text = norm.text
    spent = [(item.start, item.end) for item in money]
    spends = lexicon.spends
    if not lexicon.has_evidence(text) and not any(
        spends.longest_ending_at(text, start) is not None for start, _ in spent
    ):
        return []  # no evidence any kind of candidate starts from
    barriers = {item.end for item in money} | set(norm.breaks)
    reader = _Reader(text, lexicon, barriers, {item.end: item.start for item in parks})
    formed = reader.formed()
    candidates = [*formed, *known(text, lexicon)]
    if formed:
        companies = [found for found in formed if found.company]
        named = {text[item.start : item.end] for item in parks}
        candidates += short_forms(text, companies, lexicon, named)
    candidates += reader.subjects() + reader.spenders(spent) + reader.traded() + reader.classed()
    first = resolve(candidates, len(text))
    candidates = first + reader.listed(first)
    candidates += same_names(text, candidates)
    in_park = bytearray(len(text))
    for item in parks:
        in_park[item.start : item.end] = b"\x01" * (item.end - item.start)
    orgs = []
    for found in resolve(candidates, len(text)):
        if in_park.find(0, found.start, found.end) < 0:
            continue  # inside a park's name: the park keeps it
        start, end = norm.to_original(found.start, found.end)
        org = Org(norm.original[start:end], start, end, found.full, found.rule_id)
        orgs.append(Located(found.start, found.end, org))
    return orgs


def find_orgs(
    norm: NormalizedText, money: Sequence[Money], parks: Sequence[Park], lexicon: OrgLexicon
) -> list[Org]:
    """Find the ORGs of ``norm``, given its MONEY and PARK entities (offsets into the original).

    Examples
    --------
    >>> from hzner.normalize import normalize
    >>> from hzner.rules import RuleSet
    >>> lexicon = OrgLexicon(RuleSet.default())
    >>> norm = normalize("厦门天马显示科技有限公司投资建厂。天马表示…")
    >>> [(org.text, org.full) for org in find_orgs(norm, [], [], lexicon)]
    [('厦门天马显示科技有限公司', None), ('天马', '厦门天马显示科技有限公司')]

    """
    located = find_orgs_located(norm, locate(money, norm), locate(parks, norm), lexicon)
    return [item.entity for item in located]
