"""scripts/compile.py: which modules mypyc compiles, and that they can be compiled."""

from __future__ import annotations

import ast
from pathlib import Path

import hzner

from .scripts import load_script

COMPILE = load_script("compile")
ROOT = Path(__file__).resolve().parent.parent


def test_the_modules_exist_and_leave_out_the_pure_ones() -> None:
    modules = COMPILE.modules()
    assert len(modules) == len(set(modules))  # no module twice
    assert "hzner/zones/parks.py" in modules
    for path in modules:
        assert (ROOT / path).is_file()
        assert not path.endswith("__init__.py")
    for path in COMPILE.PURE:
        assert (ROOT / path).is_file()
        assert path not in modules


def _decorators_and_new_calls(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef):
            found += [ast.unparse(item) for item in node.decorator_list]
        elif isinstance(node, ast.Call) and ast.unparse(node.func).endswith("__new__"):
            found.append(ast.unparse(node))
    return found


def test_compiled_modules_use_nothing_native_classes_lack() -> None:
    # mypyc's native classes have no instance __dict__ (cached_property) and
    # build no object without __init__ (cls.__new__): such a module stays in PURE.
    for path in COMPILE.modules():
        used = _decorators_and_new_calls(ROOT / path)
        assert not [item for item in used if "cached_property" in item or "__new__" in item], path


def test_compiled_tells_the_build_in_use() -> None:
    compiled = any(Path(hzner.__file__).parent.rglob(f"*{COMPILE.SUFFIX}"))
    assert hzner.COMPILED is compiled
