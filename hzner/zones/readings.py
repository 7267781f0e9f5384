"""Readings that make an unseen park no PARK: a kind of park, or a project.

The contract (entities.md): a descriptive name that denotes one specific park is a PARK, but a park
that is itself being built or listed among projects is a PROJECT, and a kind
of park is no name at all. An unseen park (not in the zone lists) is dropped
when its context reads it as:

- a kind: the modifier before it counts or sums it up
  (全国首个全产业链式的|绿色建筑产业园, 集研发、仓储于一体的|卫生用品产业园);
- listed among projects (…、西安交大漳州科技园等产业性项目, …三大项目);
- being built, when its clause does not name it as a place (…产业园正式开工,
  …园区计划总投资2亿元, …产业园(二期), 推进…产业园建设; but 在…产业园开工的项目
  keeps the park); a park that is no administered zone also after a verb that
  builds it or its investment, when it ends its phrase and no firm moves into it
  there (共建…产业园。, 投资2亿元的…产业园已…; not …产业园已有10家企业入驻), or before
  建设 as a noun (推进…产业园建设。) or its site (…产业园施工现场);
- the modifier of a head that is no PARK (…陆港经济区, …园区合作区);
- a project elsewhere in the same text: a name the text also writes with
  项目 after it (希望安宁粤商产业园加快建设 after 安宁粤商产业园项目).

The same cues tell a brand before a place name in a park's name (比亚迪|西安产业园
when the text names 比亚迪股份有限公司) from glue words (调研|修文工业园).

The cues are regular expressions in ``hzner/data/zones/readings.json``, read
once. Every check looks at a bounded window, so the work stays linear.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache

from .._files import data_file

__all__ = ["Readings"]

# How far the cues are looked for, before and after a park.
_BEFORE = 24
_AFTER = 72
# Punctuation that ends the phrase a modifier belongs to.
_CLAUSE_END = re.compile(r"[,，。;；:：!?！？\s]")
# How far from a park the text may name a brand of its name as a company.
_BRAND_WINDOW = 400
# A project named elsewhere must be this long to mark a park's name ending with it.
_MIN_STEM = 4


class Readings:
    """The cues of `hzner/data/zones/readings.json`, compiled.

    Parameters
    ----------
    cues
        ``class_before``, ``listed_after``, ``built_after``, ``located_before``,
        ``other_head_after``, and optionally ``park_built_before``,
        ``park_built_before_end``, ``park_hosts_after``, ``park_built_after``,
        ``park_listed_before`` and ``park_listed_after``: regular expressions
        (see the module docstring);
        ``company_after``: the words after a brand that name its company, split by ``|``.

    """

    __slots__ = (
        "_built",
        "_class",
        "_companies",
        "_head",
        "_listed",
        "_located",
        "_park_after",
        "_park_before",
        "_park_before_end",
        "_park_hosts",
        "_park_listed_after",
        "_park_listed_before",
    )

    def __init__(self, cues: dict[str, str]) -> None:
        self._class = re.compile(cues["class_before"])
        self._listed = re.compile(cues["listed_after"])
        self._built = re.compile(cues["built_after"])
        # Optional, so that cue files written for earlier versions still load.
        never = "(?!)"
        self._park_before = re.compile(cues.get("park_built_before", never))
        self._park_before_end = re.compile(cues.get("park_built_before_end", never))
        self._park_after = re.compile(cues.get("park_built_after", never))
        self._park_hosts = re.compile(cues.get("park_hosts_after", never))
        self._park_listed_before = re.compile(cues.get("park_listed_before", never))
        self._park_listed_after = re.compile(cues.get("park_listed_after", never))
        self._located = re.compile(cues["located_before"])
        self._head = re.compile(cues["other_head_after"])
        self._companies = tuple(cues["company_after"].split("|"))

    @classmethod
    def default(cls) -> Readings:
        """The cues shipped with hzner, read once."""
        return _default_readings()

    def is_kind(self, text: str, start: int) -> bool:
        """Whether the park starting at ``start`` follows a modifier that makes it a kind.

        Only a modifier joined by 的 is read: the name itself stops there.
        """
        if start < 1 or text[start - 1] != "的":
            return False
        return self._class.search(_clause_before(text, start - 1)) is not None

    def is_brand(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]``, before a place name in a park's name, is a brand.

        It is when it has Latin letters (TCL惠州产业园), or when the text near
        it names it as a company (比亚迪股份有限公司 … 比亚迪西安产业园);
        else the words before a place are glue (调研|修文工业园).
        """
        prefix = text[start:end]
        if any(char.isascii() and char.isalpha() for char in prefix):
            return True
        window = text[max(0, start - _BRAND_WINDOW) : end + _BRAND_WINDOW]
        return any(prefix + company in window for company in self._companies)

    def is_place(self, text: str, start: int) -> bool:
        """Whether the clause before ``start`` names the park as a place (在, 位于, 入驻)."""
        return self._located.search(_clause_before(text, start)) is not None

    def has_other_head(self, text: str, end: int) -> bool:
        """Whether a head the contract keeps out of PARK follows: …陆港|经济区, …园区|合作区."""
        return self._head.match(text, end) is not None

    def is_project(self, text: str, start: int, end: int, administered: bool = False) -> bool:
        """Whether the park at ``[start, end)`` is listed among projects or being built.

        ``administered`` parks (新区, 开发区) are not read by the cues of a
        park being built as a facility: their 建设 is their development.
        """
        after = text[end : end + _AFTER]
        if self._listed.match(after):
            return True
        if not administered and self._built_as_facility(text, start, after):
            return True
        if self._built.match(after):
            return not self.is_place(text, start)
        return False

    def _built_as_facility(self, text: str, start: int, after: str) -> bool:
        """Whether a park that is no administered zone is built or listed as a project.

        建设 or its site after it (推进…产业园|建设。); or, when it ends its
        phrase, an item of a list next to a project (A项目、|…产业园|、B项目; not
        、…产业园第一批入园项目), or after a verb that builds it or its investment,
        with no firm moving into it there (共建|…产业园。, 投资2亿的|…产业园已…).
        """
        if self._park_after.match(after):
            return True
        if not self._park_before_end.match(after):
            return False
        if self._park_listed_after.match(after):
            return True
        if self._park_listed_before.search(text, max(0, start - 3), start):
            return True
        return bool(
            self._park_before.search(_clause_before(text, start))
            and not self._park_hosts.match(after)
        )


def _clause_before(text: str, end: int) -> str:
    """The words before ``end`` in its clause, at most `_BEFORE` characters."""
    return _CLAUSE_END.split(text[max(0, end - _BEFORE) : end])[-1]


def project_names(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[str]:
    """Return the names among ``spans`` that ``text`` writes with 项目 right after them."""
    return frozenset(text[start:end] for start, end in spans if text.startswith("项目", end))


def named_as_project(name: str, projects: frozenset[str]) -> bool:
    """Whether ``name`` is, or ends with, a name of ``projects`` (at least four characters).

    晋江市千万平方米综合产业园区 ends with 千万平方米综合产业园区(项目).
    """
    if not projects:
        return False
    return any(name[cut:] in projects for cut in range(len(name) - _MIN_STEM + 1))


@cache
def _default_readings() -> Readings:
    source = data_file("zones", "readings.json")
    cues = json.loads(source.read_text(encoding="utf-8"))
    return Readings({key: value for key, value in cues.items() if not key.startswith("_")})
