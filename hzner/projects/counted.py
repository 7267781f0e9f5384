"""Projects listed after a count and a colon (其中经开区本部3个:A、B、C), or 分别为.

News lists the projects of a batch by group: 当天12个项目集中开工,其中经开区本部
3个:格林研发中心、中达停车设备、云帆汽车零部件;临空区2个:…. Each item of such
a list is a project, as an item of an enumeration closed by 等…项目 is
(SPEC.md, PROJECT), when the sentence before the count speaks of 项目. The
list runs from the colon to the next comma, semicolon, full stop or line
break; an item that is no name, a head alone or a known zone is none, and a
list with a sector among its items (交通、能源、水利) is a list of sectors.
A sentence that counts projects and then names them with 分别为 or 分别是
(签约2个项目,分别为A和B) lists them the same way; 和 joins its last two items.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .lexicon import ProjectLexicon
from .links import Context
from .walk import LIST_MARK, MAX_LIST, PROJECT_WORD, Candidate, is_name

__all__ = ["counted_items"]

# A count of projects and a colon (3个:, 十二项:), or 项目 and 分别为 after a count.
_COUNT = "[0-9一二两三四五六七八九十]+[个项]"
_COUNT_COLON = re.compile(f"{_COUNT}:|项目,?分别[为是]:?")
_COUNTED = re.compile(_COUNT)
# What joins the last two items of a list named with 分别为 (A、B和C).
_LAST_JOIN = "和"
# Where such a list ends.
_LIST_END = re.compile("[;。!?\n]")


def counted_items(
    ctx: Context, lexicon: ProjectLexicon, known_zones: Collection[tuple[int, int]]
) -> list[Candidate]:
    """The items of the lists that follow a count of projects and a colon."""
    text = ctx.text
    if (":" not in text and "分别" not in text) or PROJECT_WORD not in text:
        return []
    found: list[Candidate] = []
    reached = 0  # each list is read once: the scan stays linear
    for match in _COUNT_COLON.finditer(text):
        if match.start() < reached:
            continue
        sentence_start, _ = ctx.sentence(match.start())
        named = not match.group().endswith(":") or match.group().startswith(PROJECT_WORD)
        if named and _COUNTED.search(text, sentence_start, match.start()) is None:
            continue  # 分别为 with no count of projects before it
        if not named and text.find(PROJECT_WORD, sentence_start, match.start()) < 0:
            continue  # a count of something else (3个:)
        start = match.end()
        limit = min(len(text), start + MAX_LIST)
        stop = _LIST_END.search(text, start, limit)
        end = limit if stop is None else stop.start()
        reached = end
        clause_end = text.find(",", start, end)
        if clause_end >= 0:
            end = clause_end  # the list ends with its clause
        pos = start
        items: list[tuple[int, int]] = []
        while pos < end:
            mark = text.find(LIST_MARK, pos, end)
            item_end = end if mark < 0 else mark
            items.append((pos, item_end))
            pos = item_end + 1
        if named and items:
            last_start, last_end = items[-1]
            join = text.find(_LAST_JOIN, last_start, last_end)
            if join > last_start:
                items[-1:] = [(last_start, join), (join + 1, last_end)]
        if len(items) < 2:
            continue  # one name after a colon is a title, not a list
        if any(text[first:last] in lexicon.generic_words for first, last in items):
            continue  # one sector among the items: a list of sectors (交通、能源、水利)
        for item_start, item_end in items:
            name = text[item_start:item_end]
            if (
                is_name(name)
                and name not in lexicon.head_words
                and (item_start, item_end) not in known_zones
            ):
                found.append(Candidate(item_start, item_end, 0, "counted-list", (start, end)))
    return found
