"""The typed results of hzner: the public contract.

Every result is a frozen dataclass with the fields that docs/entities.md names, plus
``rule_id``, which says which rule found it. ``to_dict()`` gives JSON-ready
plain types in exactly the entity shape of the gold files of docs/entities.md, with
``Decimal`` values as strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from .kinds import Bound, Role, Status, ZoneKind
from .slots import fast_init

__all__ = [
    "Bound",
    "Entity",
    "Facts",
    "Mention",
    "Money",
    "Org",
    "Park",
    "Project",
    "Role",
    "Status",
    "ZoneKind",
]


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _decimal_str(value: Decimal | None) -> str | None:
    if value is None:
        return None
    # Plain notation at any length: "51020000000", never "5.102E+10". Formatting
    # with "f" and no precision writes every digit and uses no context, so
    # nothing is rounded past 28 digits (quantize and normalize would round).
    written = format(value, "f")
    if "." in written:
        written = written.rstrip("0").rstrip(".")
    return "0" if written == "-0" else written


@fast_init
@dataclass(frozen=True, slots=True)
class Money:
    """An amount of money.

    Examples
    --------
    >>> from decimal import Decimal
    >>> m = Money("510.2亿元", 3, 10, Decimal("51020000000"), None, "CNY",
    ...           Bound.EXACT, Role.INVESTMENT)
    >>> m.to_dict()["value"]
    '51020000000'

    """

    label: ClassVar[str] = "MONEY"

    text: str
    start: int
    end: int
    value: Decimal | None
    high: Decimal | None
    currency: str
    bound: Bound
    role: Role
    currency_implied: bool = False
    # Which rule found it is provenance, not part of the amount: the gold
    # shape leaves it out, and from_dict(to_dict(m)) == m must hold.
    rule_id: str = field(default="", compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The gold-file shape, JSON-ready."""
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "value": _decimal_str(self.value),
            "high": _decimal_str(self.high),
            "currency": self.currency,
            "bound": self.bound.value,
            "role": self.role.value,
            "currency_implied": self.currency_implied,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Money:
        """Read back what `to_dict` wrote."""
        return cls(
            text=data["text"],
            start=data["start"],
            end=data["end"],
            value=_decimal(data.get("value")),
            high=_decimal(data.get("high")),
            currency=data["currency"],
            bound=Bound(data["bound"]),
            role=Role(data.get("role", "other")),
            currency_implied=bool(data.get("currency_implied", False)),
            rule_id=data.get("rule_id", ""),
        )


@fast_init
@dataclass(frozen=True, slots=True)
class Park:
    """A named zone or park, linked to the reference lists when it is in them.

    ``zone`` is the official name, ``zone_id`` the gazetteer id; both are
    ``None`` for a park not in the lists, or for an ambiguous form whose
    context does not decide (``candidates`` then lists the possible ids).
    ``province`` and ``city`` are official names (贵州省, 贵阳市) of where the
    park is: from the lists for a linked zone, else from the place names of
    its own name, else from those the text gives near it; ``None`` if unknown.
    """

    label: ClassVar[str] = "PARK"

    text: str
    start: int
    end: int
    zone: str | None
    kind: ZoneKind
    zone_id: str | None = None
    candidates: tuple[str, ...] = ()
    rule_id: str = ""
    province: str | None = None
    city: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The gold-file shape, JSON-ready, with ``province`` and ``city``."""
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "zone": self.zone,
            "kind": self.kind.value,
            "province": self.province,
            "city": self.city,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Park:
        """Read back what `to_dict` wrote."""
        return cls(
            text=data["text"],
            start=data["start"],
            end=data["end"],
            zone=data.get("zone"),
            kind=ZoneKind(data.get("kind", "other")),
            zone_id=data.get("zone_id"),
            candidates=tuple(data.get("candidates", ())),
            rule_id=data.get("rule_id", ""),
            province=data.get("province"),
            city=data.get("city"),
        )


@fast_init
@dataclass(frozen=True, slots=True)
class Org:
    """An enterprise or research institution named as an actor.

    ``full`` is, for a short form (天马), the full name the document gave
    before it (厦门天马显示科技有限公司); else ``None``.

    Examples
    --------
    >>> Org("天马", 20, 22, "厦门天马显示科技有限公司").to_dict()["full"]
    '厦门天马显示科技有限公司'

    """

    label: ClassVar[str] = "ORG"

    text: str
    start: int
    end: int
    full: str | None = None
    rule_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The gold-file shape, JSON-ready."""
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "full": self.full,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Org:
        """Read back what `to_dict` wrote."""
        return cls(
            text=data["text"],
            start=data["start"],
            end=data["end"],
            full=data.get("full"),
            rule_id=data.get("rule_id", ""),
        )


@fast_init
@dataclass(frozen=True, slots=True)
class Project:
    """A named investment or construction project and what the text says of it."""

    label: ClassVar[str] = "PROJECT"

    text: str
    start: int
    end: int
    status: Status | None = None
    investment: Money | None = None
    park: Park | None = None
    rule_id: str = ""
    #: The ORG that invests in, builds or signs for the project: an ORG of
    #: the text, or the company name that begins the project's name (an
    #: `Org` inside the project's span, not listed in `Facts.orgs`).
    company: Org | None = None
    #: The text of the status cue that decided ``status`` (竣工, 签约; 将 or 达产后
    #: when future wording withheld one), else None: why the status is what it is.
    status_cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The gold-file shape: ``investment``, ``park``, ``company`` as the linked spans' text.

        ``status_cue`` is added: the cue's text, or None.
        """
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "status": None if self.status is None else self.status.value,
            "investment": None if self.investment is None else self.investment.text,
            "park": None if self.park is None else self.park.text,
            "company": None if self.company is None else self.company.text,
            "status_cue": self.status_cue,
        }


@fast_init
@dataclass(frozen=True, slots=True)
class Mention:
    """A span found by a user's ``phrase`` rule under a label of their own."""

    text: str
    start: int
    end: int
    label: str
    rule_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The gold-file shape, JSON-ready."""
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text}


Entity = Money | Park | Project | Org | Mention


def _by_start(entity: Entity) -> tuple[int, int]:
    return entity.start, entity.end


@fast_init
@dataclass(frozen=True, slots=True)
class Facts:
    """Everything hzner found in one text.

    Examples
    --------
    >>> facts = Facts("无")
    >>> facts.to_dict()
    {'text': '无', 'entities': []}

    """

    text: str
    money: tuple[Money, ...] = ()
    parks: tuple[Park, ...] = ()
    projects: tuple[Project, ...] = ()
    others: tuple[Mention, ...] = field(default=())
    orgs: tuple[Org, ...] = ()

    @property
    def entities(self) -> tuple[Entity, ...]:
        """All results, sorted by start offset."""
        found: list[Entity] = [
            *self.money,
            *self.parks,
            *self.projects,
            *self.orgs,
            *self.others,
        ]
        return tuple(sorted(found, key=_by_start))

    def to_dict(self) -> dict[str, Any]:
        """``{"text": ..., "entities": [...]}`` in the gold files' shape."""
        return {"text": self.text, "entities": [entity.to_dict() for entity in self.entities]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Facts:
        """Read back what `to_dict` wrote.

        A project's ``investment``, ``park`` and ``company`` are relinked to
        the money, park and org entities of the same text (the nearest one
        with that text); a company that is no ORG of the text is the company
        name inside the project's own name (`Project.company`).
        """
        money: list[Money] = []
        parks: list[Park] = []
        orgs: list[Org] = []
        others: list[Mention] = []
        raw_projects: list[Mapping[str, Any]] = []
        for entity in data.get("entities", ()):
            label = entity["label"]
            if label == Money.label:
                money.append(Money.from_dict(entity))
            elif label == Park.label:
                parks.append(Park.from_dict(entity))
            elif label == Project.label:
                raw_projects.append(entity)
            elif label == Org.label:
                orgs.append(Org.from_dict(entity))
            else:
                others.append(Mention(entity["text"], entity["start"], entity["end"], label))
        projects = tuple(
            Project(
                text=raw["text"],
                start=raw["start"],
                end=raw["end"],
                status=None if raw.get("status") is None else Status(raw["status"]),
                investment=_nearest(money, raw.get("investment"), raw["start"]),
                park=_nearest(parks, raw.get("park"), raw["start"]),
                company=_company(orgs, raw),
                status_cue=raw.get("status_cue"),
            )
            for raw in raw_projects
        )
        return cls(data["text"], tuple(money), tuple(parks), projects, tuple(others), tuple(orgs))


def _company(orgs: list[Org], raw: Mapping[str, Any]) -> Org | None:
    """Relink a project's ``company``: an ORG of the text, else the name inside the project's."""
    text = raw.get("company")
    found: Org | None = _nearest(orgs, text, raw["start"])
    if found is not None or text is None:
        return found
    inside = raw["text"].find(text)
    if inside < 0:
        return Org(text, raw["start"], raw["start"], None, "project-name")
    start = raw["start"] + inside
    return Org(text, start, start + len(text), None, "project-name")


def _nearest(candidates: list[Any], text: str | None, position: int) -> Any:
    if text is None:
        return None
    same = [entity for entity in candidates if entity.text == text]
    if not same:
        return None
    return min(same, key=lambda entity: abs(entity.start - position))
