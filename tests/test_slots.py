"""`hzner.slots.fast_init`: the results' fast constructor builds what the dataclass's builds."""

from __future__ import annotations

import dataclasses
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hzner.slots import dataclass_init, fast_init
from hzner.types import Facts, Mention, Money, Org, Park, Project

CLASSES = (Money, Park, Org, Project, Mention, Facts)
_VALUES = st.one_of(st.none(), st.integers(), st.text(max_size=4), st.tuples(st.integers()))


def _slow(cls: type, args: list[Any], kwargs: dict[str, Any]) -> Any:
    instance = object.__new__(cls)
    dataclass_init(cls)(instance, *args, **kwargs)
    return instance


def _state(instance: object) -> list[Any]:
    return [getattr(instance, item.name) for item in dataclasses.fields(instance)]  # type: ignore[arg-type]


@given(st.sampled_from(CLASSES), st.data())
def test_fast_init_is_the_dataclass_init(cls: type, data: st.DataObject) -> None:
    fields = dataclasses.fields(cls)
    required = [item for item in fields if item.default is dataclasses.MISSING]
    optional = [item for item in fields if item.default is not dataclasses.MISSING]
    args = [data.draw(_VALUES) for _ in required]
    given_optional = data.draw(st.lists(st.sampled_from(optional), unique=True)) if optional else []
    kwargs = {item.name: data.draw(_VALUES) for item in given_optional}
    fast, slow = cls(*args, **kwargs), _slow(cls, args, kwargs)
    assert _state(fast) == _state(slow)
    assert repr(fast) == repr(slow)
    assert fast == slow
    assert pickle.loads(pickle.dumps(fast)) == fast


@pytest.mark.parametrize("cls", CLASSES)
def test_fast_init_keeps_the_signature_and_frozen(cls: type) -> None:
    import inspect

    fast = inspect.signature(cls.__init__)
    slow = inspect.signature(dataclass_init(cls))
    assert [(p.name, p.default) for p in fast.parameters.values()] == [
        (p.name, p.default) for p in slow.parameters.values()
    ]
    instance = cls(
        *[None] * sum(item.default is dataclasses.MISSING for item in dataclasses.fields(cls))
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        instance.text = "changed"
    with pytest.raises(TypeError):
        cls()
    with pytest.raises(TypeError):
        cls(*range(len(dataclasses.fields(cls)) + 1))


def test_fast_init_refuses_what_it_does_not_handle() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Later:
        values: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            pass

    for cls in (Later, Checked):
        with pytest.raises(TypeError):
            fast_init(cls)
