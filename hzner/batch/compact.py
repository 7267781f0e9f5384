"""The compact form in which worker processes send results back.

A worker sends back each entity as its class and the tuple of its fields,
without its text (the parent has the text, and ``text[start:end]`` is the
entity's text), and a link to an entity found before it as that entity's
place in the result, so no text is pickled twice and the parent rebuilds
each object once. The layout is read from the dataclasses, so new labels
and fields travel as they are (a link to a later group is sent whole).
"""

from __future__ import annotations

import dataclasses
import operator
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..types import Facts

__all__ = ["pack", "unpack"]


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where an entity class keeps its text, offsets and links to other entities."""

    get: Callable[[Any], tuple[Any, ...]]
    text: int
    start: int
    end: int
    links: tuple[int, ...]


_LAYOUTS: dict[type, _Layout] = {}
_GROUPS: dict[type, tuple[str, ...]] = {}


def _layout(cls: type) -> _Layout:
    layout = _LAYOUTS.get(cls)
    if layout is None:
        names = [f.name for f in dataclasses.fields(cls)]
        try:
            hints = typing.get_type_hints(cls)
        except Exception:  # unresolvable annotations: links are then sent whole
            hints = {}
        links = tuple(i for i, name in enumerate(names) if _is_entity_type(hints.get(name)))
        get = operator.attrgetter(*names)
        index = names.index
        layout = _Layout(get, index("text"), index("start"), index("end"), links)
        _LAYOUTS[cls] = layout
    return layout


def _is_entity_type(hint: object) -> bool:
    if isinstance(hint, type):
        return dataclasses.is_dataclass(hint)
    return any(_is_entity_type(arg) for arg in typing.get_args(hint))


def _group_names(cls: type) -> tuple[str, ...]:
    """The tuple-of-entities fields of a result class (all fields but its text)."""
    names = _GROUPS.get(cls)
    if names is None:
        names = _GROUPS[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.name != "text")
    return names


def pack(facts: Facts) -> tuple[Any, ...]:
    """A compact, picklable form of ``facts`` without its text; `unpack` rebuilds it.

    Each entity is its class and the tuple of its fields, with its text left
    out (None) when it is the text at its offsets, and a linked entity as
    its place ``(group, index)`` in the result.

    Examples
    --------
    >>> import hzner
    >>> facts = hzner.extract("总投资5亿元的项目落户光谷")
    >>> unpack(facts.text, pack(facts)) == facts
    True

    """
    groups = [getattr(facts, name) for name in _group_names(type(facts))]
    places: dict[int, tuple[int, int]] = {}
    text = facts.text
    packed: list[tuple[Any, ...]] = []
    for number, group in enumerate(groups):
        items: list[tuple[Any, ...]] = []
        for index, entity in enumerate(group):
            places[id(entity)] = (number, index)
            kind = type(entity)
            layout = _layout(kind)
            values = list(layout.get(entity))
            if text[values[layout.start] : values[layout.end]] == values[layout.text]:
                values[layout.text] = None
            for link in layout.links:
                linked = values[link]
                if linked is not None and id(linked) in places:
                    values[link] = places[id(linked)]
            items.append((kind, tuple(values)))
        packed.append(tuple(items))
    return (type(facts), tuple(packed))


def unpack(text: str, packed: tuple[Any, ...]) -> Facts:
    """The `Facts` of ``text`` from what `pack` made of them."""
    cls, groups = packed
    built: list[list[Any]] = []
    for group in groups:
        entities: list[Any] = []
        for kind, values in group:
            layout = _layout(kind)
            args = list(values)
            if args[layout.text] is None:
                args[layout.text] = text[args[layout.start] : args[layout.end]]
            for link in layout.links:
                place = args[link]
                if type(place) is tuple:  # links point back to earlier groups and entities
                    args[link] = built[place[0]][place[1]]
            entities.append(kind(*args))
        built.append(entities)
    fields = zip(_group_names(cls), built, strict=True)
    result: Facts = cls(text=text, **{name: tuple(group) for name, group in fields})
    return result
