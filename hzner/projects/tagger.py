"""Find PROJECT mentions in a normalized text and link them (SPEC.md, PROJECT).

A project name ends at a head: 项目 when the text has it, else a facility
head (基地 中心 小镇 总部 …). It starts at its first naming word, found by
walking left from the head over name characters until a boundary:
punctuation, a count or date (7个, 2019年), a stop word (的 在 签约 引进 此次
…, longest match), a MONEY, the end of an earlier 项目, or the start of the
text. Company names, places, generations (第6代), products, Latin letters and
a PARK at the start of the name are kept; that PARK is then absorbed.

Three kinds of candidates, in order of trust:

1. every item of an enumeration ending in 等…项目 (A、B和C等重大项目), whatever
   its head (SPEC; dev README decision 9);
2. a name ending in 项目, unless generic (重大项目, 一批…项目, 生物医药产业项目);
3. a name ending in a facility head, only when its clause has a status cue
   (加快科学会堂建设, 科技人才小镇…施工) or the same name was accepted
   elsewhere in the text: a bare 中心 or 基地 is far more often a function
   (打造…科技创新中心) than a project. Items of an enumeration that ends in
   another head (…等配套, …等技术创新平台) are not projects (decision 10).

Every walk is capped, so the whole pass is linear in the length of the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..lexicon import Lexicon
from ..normalize import Located, NormalizedText, locate
from ..types import Money, Park, Project, Role
from .counted import counted_items
from .lexicon import ProjectLexicon
from .links import Context, Links
from .scanner import Scanner
from .walk import PROJECT_WORD, STATUSES, Candidate

__all__ = ["ProjectLexicon", "find_projects", "find_projects_located"]

# The building verb and the particle after it that make it a modifier of the name after it.
_BUILD, _NOT_ASSERTING = "建设", ("的", "项目")


def _resolve(ctx: Context, candidates: list[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates, most trusted first, then same-name mentions."""
    accepted: list[Candidate] = []
    # At one start the longer name wins (苏州中心购物广场 over 苏州中心).
    for candidate in sorted(candidates, key=lambda c: (c.rank, c.start, -c.end)):
        if candidate.gated and ctx.is_free(candidate.start, candidate.end):
            ctx.occupy(candidate.start, candidate.end)
            accepted.append(candidate)
    # 科技人才小镇就是贵阳高新区又一人才力作: no cue, but the name was accepted;
    # or the name with 项目 (X生产基地 of an accepted X生产基地项目).
    names = {ctx.text[c.start : c.end] for c in accepted}
    names |= {name.removesuffix(PROJECT_WORD) for name in names}
    for candidate in candidates:
        if candidate.gated or ctx.text[candidate.start : candidate.end] not in names:
            continue
        if ctx.is_free(candidate.start, candidate.end):
            ctx.occupy(candidate.start, candidate.end)
            rule_id = candidate.rule_id.replace("head:", "same-name:", 1)
            accepted.append(replace(candidate, rule_id=rule_id))
    accepted.sort(key=lambda c: c.start)
    return accepted


def _zone_mask(
    text: str, parks: Sequence[Located[Park]], zone_words: Sequence[tuple[int, int]]
) -> bytearray:
    """Mark the characters inside a park or a zone word."""
    mask = bytearray(len(text))
    for start, end in [*((item.start, item.end) for item in parks), *zone_words]:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def _listed(text: str, accepted: list[Candidate], index: int) -> bool:
    """Tell whether a mention is an item of a 、 list of projects (包括A项目、B项目).

    An amount before such a list is the total of its items, not one's own.
    """
    candidate = accepted[index]
    before = accepted[index - 1] if index > 0 else None
    after = accepted[index + 1] if index + 1 < len(accepted) else None
    if before is not None and before.end + 1 == candidate.start and text[before.end] == "、":
        return True
    return after is not None and candidate.end + 1 == after.start and text[candidate.end] == "、"


def _links(ctx: Context, accepted: list[Candidate], prefixes: Lexicon[str]) -> list[Links]:
    """Link each accepted candidate; the items of one enumeration share their links."""
    by_group: dict[tuple[int, int], Links] = {}
    for index, candidate in enumerate(accepted):
        if candidate.group in by_group:
            continue
        several = candidate.rank == 0 or _listed(ctx.text, accepted, index)
        sentence_end = ctx.sentence(candidate.start)[1]
        later = accepted[index + 1].start if index + 1 < len(accepted) else len(ctx.text)
        # The next sentence's 该项目 refers to the nearest named mention: the
        # last one of this sentence, and never to an enumeration.
        anaphor = None if several or later < sentence_end else ctx.anaphor(sentence_end, prefixes)
        by_group[candidate.group] = ctx.links(*candidate.group, several=several, anaphor=anaphor)
    # An item's own amount stands right before it: 投资6亿元的A、投资5亿元的B等项目.
    own = {
        item.end + 1: item.entity
        for item in ctx.money
        if item.entity.role is Role.INVESTMENT and ctx.text[item.end : item.end + 1] == "的"
    }
    found = [by_group[candidate.group] for candidate in accepted]
    for index, candidate in enumerate(accepted):
        if candidate.rank == 0 and candidate.start in own:
            status, _, park, cue = found[index]
            found[index] = (status, own[candidate.start], park, cue)
    return found


def find_projects(
    norm: NormalizedText,
    money: Sequence[Money],
    parks: Sequence[Park],
    lexicon: ProjectLexicon,
) -> tuple[list[Project], list[Park]]:
    """Find the projects of ``norm`` and link them to the given money and parks.

    Parameters
    ----------
    norm
        The normalized text.
    money, parks
        The MONEY and PARK entities of the text, with offsets into
        ``norm.original``.
    lexicon
        The PROJECT word lists.

    Returns
    -------
    tuple[list[Project], list[Park]]
        The projects, sorted by start, with offsets into ``norm.original``;
        and the parks that remain once those inside a project name are
        absorbed (贵阳高新区铝合金门窗高端制造基地 is one PROJECT).

    Examples
    --------
    >>> from hzner.normalize import normalize
    >>> from hzner.rules import RuleSet
    >>> lexicon = ProjectLexicon(RuleSet.default())
    >>> norm = normalize("长通智能制造产业基地项目于3月开工。")
    >>> projects, _ = find_projects(norm, [], [], lexicon)
    >>> [(p.text, p.status.value if p.status else None) for p in projects]
    [('长通智能制造产业基地项目', 'started')]

    """
    located_parks = locate(parks, norm)
    located, kept = find_projects_located(norm, locate(money, norm), located_parks, lexicon)
    absorbed = {id(item.entity) for item in located_parks} - {id(item.entity) for item in kept}
    return [item.entity for item in located], [park for park in parks if id(park) not in absorbed]


def find_projects_located(
    norm: NormalizedText,
    money: list[Located[Money]],
    parks: list[Located[Park]],
    lexicon: ProjectLexicon,
    zone_words: Sequence[tuple[int, int]] | None = None,
    park_projects: Sequence[tuple[int, int]] = (),
) -> tuple[list[Located[Project]], list[Located[Park]]]:
    """Find the projects of ``norm``, given its money and parks with spans in the view.

    Like `find_projects`, with each result's span in the view. ``zone_words``
    are the spans of the zone words of the text when the caller has them
    (`hzner.zones.parks.ParkRecognizer.find_located`); else they are found here.
    ``park_projects`` are the spans of the unseen parks that PARK read as
    projects (the contract, docs/entities.md: a park being signed, built or
    listed among projects is a PROJECT); each is a project unless a longer name covers it.
    """
    text = norm.text
    if zone_words is None:
        zone_words = [(start, end) for start, end, _ in lexicon.zone_words.finditer(text)]
    in_zone = _zone_mask(text, parks, zone_words)
    # A head inside a park or a zone word (the 园 of 产业园, of 园区) is no head.
    heads = [
        (start, end, values[-1])
        for start, end, values in lexicon.heads.finditer(text)
        if in_zone.find(1, start, end) < 0
    ]
    if not heads and not park_projects:  # no head, no project: nothing to link
        return [], list(parks)
    # 某某投资建设的X项目: 建设 with 的 names who builds, it asserts no stage;
    # nor does 建设 in 建设项目 (a construction project: 年产50万件建设项目).
    cues = [
        (start, end, STATUSES.get(values[-1]))
        for start, end, values in lexicon.cues.finditer(text)
        if not (text[start:end] == _BUILD and text.startswith(_NOT_ASSERTING, end))
    ]
    ctx = Context(
        text, cues, [(s, e) for s, e, _ in heads], money, parks, lexicon.anaphors, norm.breaks
    )
    scanner = Scanner(ctx, lexicon, in_zone)
    candidates = scanner.project_candidates(heads)
    candidates += scanner.facility_candidates(heads)
    candidates += counted_items(ctx, lexicon, scanner.known_zones)
    # Not over a park kept (光谷|光谷 read whole as a project keeps the known 光谷).
    kept = _zone_mask(text, parks, ()) if park_projects else bytearray()
    candidates += [
        Candidate(s, e, 1, "park:project", (s, e))
        for s, e in park_projects
        if kept.find(1, s, e) < 0
    ]
    if not candidates:  # heads, but no name before any: nothing to resolve or link
        return [], list(parks)
    accepted = _resolve(ctx, candidates)
    projects: list[Located[Project]] = []
    links = _links(ctx, accepted, lexicon.anaphors)
    for candidate, (status, investment, park, cue) in zip(accepted, links, strict=True):
        start, end = norm.to_original(candidate.start, candidate.end)
        cue_text = None
        if cue is not None:
            low, high = norm.to_original(cue[0], cue[1])
            cue_text = norm.original[low:high]
        project = Project(
            norm.original[start:end],
            start,
            end,
            status,
            investment,
            park,
            candidate.rule_id,
            status_cue=cue_text,
        )
        projects.append(Located(candidate.start, candidate.end, project))
    return projects, [item for item in ctx.parks if not ctx.occupied[item.start]]
