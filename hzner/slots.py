"""A faster ``__init__`` for the frozen, slotted result dataclasses of `hzner.types`.

A frozen dataclass sets each field with ``object.__setattr__(self, name,
value)``: a name look-up per field, on every result of every call. The
``__init__`` made here calls each slot's own setter instead, with the same
signature and defaults; instances stay frozen (assignment still raises
``FrozenInstanceError``), and compare, hash and print as before. The tests
hold the two constructors equal (tests/test_slots.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["dataclass_init", "fast_init"]

C = TypeVar("C", bound=type)


def fast_init(cls: C) -> C:
    """Give the frozen, slotted dataclass ``cls`` an ``__init__`` that sets its slots directly.

    The dataclass's own ``__init__`` is kept as ``dataclass_init(cls)``.
    """
    fields = dataclasses.fields(cls)
    if hasattr(cls, "__post_init__") or any(not item.init or item.kw_only for item in fields):
        raise TypeError(f"{cls.__name__}: only plain fields are supported")
    namespace: dict[str, Any] = {}
    signature: list[str] = []
    body: list[str] = []
    for index, item in enumerate(fields):
        namespace[f"_set{index}"] = cls.__dict__[item.name].__set__
        if item.default is not dataclasses.MISSING:
            namespace[f"_default{index}"] = item.default
            signature.append(f"{item.name}=_default{index}")
        elif item.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{item.name}: a default factory is not supported")
        else:
            signature.append(item.name)
        body.append(f"    _set{index}(self, {item.name})")
    source = f"def __init__(self, {', '.join(signature)}):\n" + "\n".join(body or ["    pass"])
    exec(source, namespace)  # the source is built from the field names above
    init: Callable[..., None] = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    _ORIGINAL[cls] = cls.__dict__["__init__"]
    setattr(cls, "__init__", init)  # noqa: B010 - mypy forbids assigning to __init__
    return cls


_ORIGINAL: dict[type, Callable[..., None]] = {}


def dataclass_init(cls: type) -> Callable[..., None]:
    """The ``__init__`` that ``dataclasses`` wrote for ``cls`` (before `fast_init`)."""
    return _ORIGINAL[cls]
