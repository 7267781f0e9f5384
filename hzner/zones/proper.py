"""The proper part of an unseen park: where its name begins, and whether it names one.

A zone word (产业园, 高新区) not inside a known name is extended to the left
over its proper part (沙文生态科技|产业园, 西部(重庆)|科学城) until a boundary:
punctuation, a digit, a boundary word (在 位于 落户 的 和 ...), the end of
another park or of an amount, or a length cap. The left boundary falls
where a place name begins when glue stands before one (调研|修文工业园); a
proper part that is generic (国家, 国际合作), counted (18家…园区), an ordinal
(第三届…) or a quantity (百亿…) makes no park. Every walk is bounded by
`MAX_PROPER` characters, so the work stays linear.
"""

from __future__ import annotations

from ..lexicon import Lexicon
from .places import Places
from .readings import Readings

__all__ = ["MAX_PROPER", "ProperReader", "is_name_char", "is_numeral"]

# The longest proper part worth reading: 中日(成都)地方发展合作 has 12.
MAX_PROPER = 14
# How many unknown characters may stand before a generic modifier (同|海外高科技园区);
# two are a place already (苏南|国家自主创新示范区).
_STRAY_PREFIX = 1
# A classifier after a number ends a count, not a name (169个国家高新区).
_CLASSIFIERS = frozenset("个家座所项批类级")
_NUMERALS = frozenset("〇零一二两三四五六七八九十百千万几数多")
# An ordinal names an event or a batch, not a park: 第三届…开发区(大会), 第二批…园区.
_ORDINAL_UNITS = frozenset("届次批期轮")
# What ends a class or a level, never a name: 双A类|综保区, 功能型|园区, 国家级|高新区,
# 区域性|…; a proper part that ends or begins with one (“互联网+”|型…示范区) is generic.
_CLASS_MARKS = frozenset("类型级性")
# The one-character names of the provinces (沪 上海, 滇 云南, 粤 广东 …): two of them
# begin a pairing of places (沪滇, 粤港澳, 京津冀), which is a name, not glue.
_PROVINCE_SHORT = frozenset(
    "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀黔滇藏陕秦甘陇青宁新港澳台"
)
# What ends a date (2023年|市开发区), and a place word that alone means "the
# city's" or "the county's" at a name's start (市开发区, 县工业园).
_DATE_UNITS = frozenset("年月日号")
_DETERMINERS = frozenset("市县省")
# A province's full name ends so; with nothing else before a zone word, it
# names the province's parks, not one (`ProperReader._province_alone`).
_PROVINCE_ENDS = ("省", "自治区")
_PROVINCE_LAST = frozenset(end[-1] for end in _PROVINCE_ENDS)
# After a province's one-character name, a part of it (苏南, 京南, 皖北).
_DIRECTIONS = frozenset("东南西北中")
# A proper part this short before a designation is a name of its own (沈抚示范区),
# as field words before one are longer (海洋牧场示范区, 低空应用示范区).
_SHORT_NAME = 2
# The zone words of a province's free-trade zone, which is one park.
_FREE_TRADE = ("自贸", "自由贸易")
# Magnitudes that, followed by 万 or 亿, make a quantity (百亿项目, 千万平方米): no name.
_MAGNITUDES = frozenset("十百千万")
# The numerals of a count in a layout (一心四片区): no 万 or 多 of an amount.
_COUNT_CHARS = _NUMERALS - frozenset("万多")
# Characters that can be part of a park's proper part besides CJK ideographs.
_NAME_EXTRA = frozenset("()·-&")


def is_numeral(char: str) -> bool:
    """Whether ``char`` is a digit or a Chinese numeral (几, 数 and 多 included)."""
    return char.isdigit() or char in _NUMERALS


def is_name_char(char: str, before: str = "") -> bool:
    """Whether ``char`` (after ``before``) can be part of a park's proper part."""
    if char in _NAME_EXTRA:
        return True
    if char == "\u2014":
        return before != "\u2014"  # 滨海—中关村科技园 joins; a double dash —— is punctuation
    if char.isascii():
        return char.isalpha()
    # CJK ideographs; not CJK punctuation (、，。“” are outside this block).
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


class ProperReader:
    """Read the proper part before a zone word, with the park rules' word lists.

    Parameters
    ----------
    stops
        Words that end a park's name on the left (``park_stop`` rules).
    generic
        Proper parts or name endings that make a mention generic (``park_generic``).
    places
        China's place names.
    readings
        The cues that tell a brand before a place name from glue words.
    designations
        Zone words of a designation (示范区, 试验区, ``park_designation``): a
        park only when its proper part holds a place, a brand or letters
        (中日(成都)地方发展合作示范区, not 海洋牧场示范区).
    bare
        Zone words that say no more than "park" (园区, ``park_bare``): the
        part before one is a name only when it holds a place or a brand, or
        follows a known park (伊宁园区, 兰州新区绿色化工园区; not 借鉴园区,
        科技创新驱动园区).

    """

    __slots__ = ("bare", "designations", "generic", "places", "readings", "stops")

    def __init__(
        self,
        stops: Lexicon[str],
        generic: Lexicon[str],
        places: Places,
        readings: Readings,
        designations: frozenset[str] = frozenset(),
        bare: frozenset[str] = frozenset(),
    ) -> None:
        self.bare = bare
        self.stops = stops
        self.generic = generic
        self.places = places
        self.readings = readings
        self.designations = designations

    def left_bound(
        self, text: str, head: int, end: int, floor: int, known_ends: set[int], merged: bool
    ) -> int | None:
        """The start of the proper part before the zone word at ``head``, or None."""
        start = head
        limit = max(floor, head - MAX_PROPER)
        depth = 0
        stops, stop_last = self.stops, self.stops.last_chars
        while start > limit:
            if start in known_ends:
                break  # after a known park or an amount (510.2亿元|产业园: no name)
            char = text[start - 1]
            # Counted parks are a class (18家大数据产业园区之一, 全省首个…园区), even
            # where the count ends a boundary word (首个, 一批).
            if char in _CLASSIFIERS and start >= 2 and _is_count(text[start - 2]):
                return None
            if depth == 0 and char in stop_last and stops.longest_ending_at(text, start):
                break
            if char == ")":
                depth += 1
            elif char == "(":
                if depth == 0:
                    break
                depth -= 1
            elif not is_name_char(char, text[start - 2] if start >= 2 else ""):
                break
            start -= 1
        # A name does not begin with a bracket or a conjunction: 及 is not a
        # boundary word because it joins modifiers inside names
        # (小核酸及生物医药产业园), but one that opens the part joins two names
        # (…科技园及|台商产业园).
        while start < head and text[start] in "()·-&\u2014及与":
            start += 1
        start = self._place_start(text, _past_determiner(text, start, self.places), head)
        proper = text[start:head]
        if len(proper) < 2 or depth or proper.count("(") != proper.count(")"):
            return None  # too short, or a bracket cut in half (金山云(|天津)逸仙园…园区)
        if _has_ordinal(proper) or _has_quantity(proper) or _mostly_counts(proper):
            # an event or a batch (第三届中国开发区大会), an amount (百亿项目…产业园),
            # a layout (一心四片区)
            return None
        word = text[head:end]
        needs_a_name = (word in self.designations and head - start > _SHORT_NAME) or (
            word in self.bare and start not in known_ends
        )
        if needs_a_name and not self._shows_a_name(text, start, head):
            # a designation with fields only (海洋牧场示范区); words of a sentence
            # before a bare zone word (借鉴园区, 科技创新驱动园区). A short name of its
            # own (沈抚示范区) or a known park before (兰州新区|绿色化工园区) is enough.
            return None
        if (
            proper[-1] in _PROVINCE_LAST
            and self._province_alone(proper)
            and not text.startswith(_FREE_TRADE, head)
        ):
            return None  # a province's parks (山西省开发区建设); its FTZ is one (湖北省自贸区)
        if not merged and self._generic_proper(text, start, head, end):
            return None
        # A generic name may end the mention (国家高新区, 高质量发展示范区).
        ending = self.generic.longest_ending_at(text, end)
        if ending is not None and ending[0] >= start:
            return None
        return start

    def _shows_a_name(self, text: str, start: int, head: int) -> bool:
        """Whether ``text[start:head]`` holds a place name, a brand or ASCII letters."""
        if any(char.isascii() and char.isalpha() for char in text[start:head]):
            return True
        if (
            head - start >= 2
            and text[start] in _PROVINCE_SHORT
            and (text[start + 1] in _PROVINCE_SHORT or text[start + 1] in _DIRECTIONS)
        ):
            return True  # a region: a pairing (沪滇), a part of a province (苏南, 京南)
        places, readings = self.places, self.readings
        if any(places.longest_at(text, pos) is not None for pos in range(start, head - 1)):
            return True
        # A company's name that the text gives (比亚迪股份有限公司 … 比亚迪示范区).
        return any(readings.is_brand(text, start, end) for end in range(start + 2, head + 1))

    def _province_alone(self, proper: str) -> bool:
        """Whether ``proper`` is a province's full official name and nothing else (山西省)."""
        return proper.endswith(_PROVINCE_ENDS) and any(
            division.level == "province" and division.name == proper
            for division in self.places.get(proper)
        )

    def _place_start(self, text: str, start: int, head: int) -> int:
        """Move ``start`` to where a place name begins, past a few glued words.

        A proper part that does not begin at a place name but has one (outside
        brackets) begins there: the characters before it are a verb, an adverb
        or a time word glued on the left (市委书记调研|修文工业园, 昨日|贵阳产业园).
        """
        places = self.places
        if places.starts_with_place(text, start):
            return start
        if text[start] in _PROVINCE_SHORT and text[start + 1] in _PROVINCE_SHORT:
            return start  # two provinces' one-character names: a pairing (沪滇临港昆明科技城)
        # One character before a place is part of the name (南|太湖新区), not glue.
        for pos in range(start + 2, head - 1):
            if text[pos - 1] in "()" or text[pos] in "()":
                return start  # a bracket: 西部(重庆)科学城 is one name
            found = places.longest_at(text, pos)
            if found is not None and found[0] <= head:
                # A brand before the place stays: 比亚迪西安产业园, TCL惠州产业园.
                return start if self.readings.is_brand(text, start, pos) else pos
        return start

    def _generic_proper(self, text: str, start: int, head: int, end: int) -> bool:
        """Whether the proper part ``text[start:head]`` is generic.

        It is when it is a generic word (国家, 国际合作), or ends with one after
        at most two characters that the boundary words missed (加强同|海外高科技):
        a real proper part before a generic modifier is longer than that.
        """
        if text[start] in _CLASS_MARKS or text[head - 1] in _CLASS_MARKS:
            return True
        # A two-character kind and its mark open it (智慧型|特色, 电子级|特种材料):
        # a class of parks, unless a place begins it (中山型…).
        if head - start > 3 and text[start + 2] in _CLASS_MARKS:
            return not self.places.starts_with_place(text, start)
        if self.generic.lookup(text[start:head]) or self._made_of_generic(text, start, head):
            return True
        # The generic word may run into the zone word (海外高科技|园区 is read
        # 海外高|科技园区), so every end inside the zone word is tried.
        last_chars = self.generic.last_chars
        for position in range(head, end + 1):
            if text[position - 1] not in last_chars:
                continue  # no generic word ends here
            ending = self.generic.longest_ending_at(text, position)
            straddles = position == head or (ending is not None and ending[0] < head)
            if ending is not None and straddles and ending[0] - start <= _STRAY_PREFIX:
                return True
        return False

    def _made_of_generic(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` is generic words only (国家一流, 工业(产业)).

        Read right to left, longest word first, over a bounded proper part.
        """
        pos = end
        while pos > start:
            if text[pos - 1] in "()":
                pos -= 1  # an alternative in brackets: 工业(产业)园区
                continue
            found = self.generic.longest_ending_at(text, pos)
            if found is None or found[0] < start:
                return False
            pos = found[0]
        return True


def _past_determiner(text: str, start: int, places: Places) -> int:
    """Skip a date's last character and a lone 市 or 县 at a proper part's start.

    2023年|市开发区: the digits ended the walk, and 年 is the date's; 市 or 县
    alone is "the city's" (市海洋装备产业园), not a place (市南区 is one).
    """
    if start > 0 and text[start] in _DATE_UNITS and text[start - 1].isdigit():
        start += 1
    lone = start < len(text) and text[start] in _DETERMINERS
    if lone and not places.starts_with_place(text, start):
        start += 1
    return start


def _mostly_counts(proper: str) -> bool:
    """Whether most characters of ``proper`` are numerals: a layout (一心四片区, 两轴三区)."""
    if _COUNT_CHARS.isdisjoint(proper):
        return False  # the usual case, in one C call
    counts = sum(1 for char in proper if char in _COUNT_CHARS)
    return counts >= 2 and 2 * counts > len(proper)


def _is_count(char: str) -> bool:
    """Whether ``char`` may end a count before a classifier: a numeral, or 首 (首个, 首批)."""
    return char == "首" or is_numeral(char)


def _has_quantity(proper: str) -> bool:
    """Whether ``proper`` holds a quantity: two magnitudes in a row (百亿, 千万平方米)."""
    return any(
        proper[index] in _MAGNITUDES and proper[index + 1] in "万亿"
        for index in range(len(proper) - 1)
    )


def _has_ordinal(proper: str) -> bool:
    """Whether ``proper`` holds an ordinal: 第 + numerals + a unit (第三届, 第2批)."""
    index = proper.find("第")
    while index != -1:
        pos = index + 1
        while pos < len(proper) and is_numeral(proper[pos]):
            pos += 1
        if pos > index + 1 and pos < len(proper) and proper[pos] in _ORDINAL_UNITS:
            return True
        index = proper.find("第", index + 1)
    return False
