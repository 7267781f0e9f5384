"""Hatchling build hook: a wheel with hzner's hot modules compiled by mypyc, on request.

``HZNER_COMPILE=1 pip install .`` (or ``python -m build``) compiles the
modules that ``scripts/compile.py`` lists and ships them in a wheel for this
platform; without the variable the wheel is pure Python, as always. An
editable install is never compiled here: run ``scripts/compile.py`` in the
checkout instead. Results are the same either way (CI tests both).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_ROOT = Path(__file__).resolve().parent


def _wanted() -> bool:
    return os.environ.get("HZNER_COMPILE", "") == "1"


def _native() -> Any:
    """``scripts/compile.py``, imported from the checkout or the unpacked sdist."""
    sys.path.insert(0, str(_ROOT / "scripts"))
    try:
        import compile as native
    finally:
        sys.path.pop(0)
    return native


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    """Compile with mypyc when ``HZNER_COMPILE=1``; else leave the wheel pure."""

    def dependencies(self) -> list[str]:
        """What the build needs besides hatchling: mypy (mypyc) and setuptools, to compile."""
        return ["mypy>=1.10", "setuptools>=65"] if _wanted() else []

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile the modules and add them to the wheel, whose tag becomes this platform's."""
        if version == "editable" or not _wanted():
            return
        native = _native()
        native.build(jobs=os.cpu_count() or 1)
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        build_data["artifacts"] += [
            path.relative_to(_ROOT).as_posix() for path in native.compiled_files()
        ]

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the compiled modules from the source tree once they are in the wheel."""
        if version == "editable" or not _wanted():
            return
        _native().clean()  # the checkout stays pure Python
