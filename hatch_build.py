"""Hatchling build hook: a wheel with hzner's scanning modules compiled by mypyc.

``pip install .`` (or ``python -m build``) compiles the modules that
``scripts/compile.py`` lists and ships them in a wheel for this platform,
when it can: without a C compiler the wheel is pure Python, with a warning.
``HZNER_COMPILE`` decides otherwise: ``0`` builds a pure wheel, ``1``
compiles or fails. An editable install is never compiled here: run
``scripts/compile.py`` in the checkout instead. Results are the same either
way (CI tests both); docs/benchmarks.md gives the speed of each.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_ROOT = Path(__file__).resolve().parent
_MODES = ("auto", "0", "1")


def _mode() -> str:
    mode = os.environ.get("HZNER_COMPILE", "auto") or "auto"
    if mode not in _MODES:
        raise ValueError(f"HZNER_COMPILE must be one of {', '.join(_MODES)}, not {mode!r}")
    return mode


def _native() -> Any:
    """``scripts/compile.py``, imported from the checkout or the unpacked sdist."""
    sys.path.insert(0, str(_ROOT / "scripts"))
    try:
        import compile as native
    finally:
        sys.path.pop(0)
    return native


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    """Compile with mypyc unless ``HZNER_COMPILE=0``; fall back to pure Python in auto mode."""

    def dependencies(self) -> list[str]:
        """What the build needs besides hatchling: mypy (mypyc) and setuptools, to compile."""
        return ["mypy>=1.10", "setuptools>=65"] if _mode() != "0" else []

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile the modules into the wheel, whose tag becomes this platform's.

        They are built in a directory of their own: the checkout (and any
        modules ``scripts/compile.py`` compiled in it) stays as it was.
        """
        mode = _mode()
        if version == "editable" or mode == "0":
            return
        native = _native()
        self._native_dir = Path(tempfile.mkdtemp(prefix="hzner-wheel-"))
        try:
            built = native.build(os.cpu_count() or 1, self._native_dir / "hzner")
        except (subprocess.CalledProcessError, OSError, ImportError) as error:
            if mode == "1":
                raise
            print(
                f"hzner: not compiled ({error}); the wheel is pure Python, with the same "
                "results (HZNER_COMPILE=0 skips the attempt)",
                file=sys.stderr,
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(self._native_dir).as_posix()

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the compiled modules' directory once they are in the wheel."""
        folder = getattr(self, "_native_dir", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
