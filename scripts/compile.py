"""Compile hzner's hot modules with mypyc, in place; or remove the compiled modules.

Usage::

    pip install -e ".[dev]"           # mypy (which ships mypyc) and a C compiler are needed
    python scripts/compile.py          # build; the .so files land next to the sources
    python -c "import hzner; print(hzner.COMPILED)"    # True
    python scripts/compile.py --clean  # back to pure Python

Python imports an extension module before a source file of the same name,
so an editable install (or a checkout on ``sys.path``) uses the compiled
modules as soon as they are there, and the sources again once they are
removed. Results are the same either way: CI runs the whole test suite on
both (`.ci/run`), and docs/benchmarks.md gives the speed of each.

What is compiled: the scanning code (numerals, MONEY, the proper parts and
readings of PARK, the PROJECT walks and links, the ORG names), which runs on
every call. What is not: the lexicons, whose classes build their word lists
lazily with ``functools.cached_property``, which mypyc's native classes do
not support (they are read once per process); the faces (extractor, spaCy
components, CLI), which run once per call and gain nothing.

The build runs in a temporary copy of the package: setuptools would read
this project's ``pyproject.toml`` (built by hatchling) and reject it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "hzner"
#: The extension modules' suffix on this interpreter (``.cpython-311-x86_64-linux-gnu.so``).
SUFFIX = EXTENSION_SUFFIXES[0]
#: The modules compiled, relative to the repository (directories: every module but __init__).
COMPILED = (
    "hzner/lexicon.py",
    "hzner/normalize.py",
    "hzner/prefix_tree.py",
    "hzner/slots.py",
    "hzner/numerals/",
    "hzner/money/",
    "hzner/zones/",
    "hzner/projects/",
    "hzner/orgs/",
)
#: Modules of those directories that stay pure Python (see the module docstring).
PURE = (
    "hzner/money/lexicon.py",
    "hzner/money/forms.py",
    "hzner/projects/lexicon.py",
    "hzner/orgs/lexicon.py",
    "hzner/zones/lexicon.py",
)
#: mypy's checks that spaCy's absence would fail (a wheel's build environment has no
#: spaCy): what is compiled never imports it, and ``mypy --strict hzner`` checks the rest.
_LENIENT = (
    "--ignore-missing-imports",
    "--allow-untyped-decorators",
    "--allow-subclassing-any",
    "--no-warn-unused-ignores",
)
#: The shared library of all compiled modules: ``hzner/_native__mypyc<SUFFIX>``.
GROUP = "hzner._native"

_SETUP = """\
import sys
from setuptools import setup
from mypyc.build import mypycify

setup(
    name="hzner-native",
    ext_modules=mypycify(sys.argv[3:], group_name={group!r}, opt_level="3"),
    script_args=["build_ext", "--inplace", "-j", sys.argv[1], "--build-temp", sys.argv[2]],
)
"""


def modules() -> list[str]:
    """The source files to compile, relative to the repository, in a stable order."""
    found: list[str] = []
    for entry in COMPILED:
        if entry.endswith("/"):
            found += sorted(
                path.relative_to(ROOT).as_posix()
                for path in (ROOT / entry).glob("*.py")
                if path.name != "__init__.py"
            )
        else:
            found.append(entry)
    return [path for path in found if path not in PURE]


def compiled_files(package: Path = PACKAGE) -> list[Path]:
    """The extension modules now in ``package`` (a tree laid out like hzner/)."""
    return sorted(package.rglob(f"*{SUFFIX}"))


def clean(package: Path = PACKAGE) -> int:
    """Remove every extension module from ``package``; return how many."""
    files = compiled_files(package)
    for path in files:
        path.unlink()
    return len(files)


def build(jobs: int, package: Path = PACKAGE) -> list[Path]:
    """Compile `modules`, and put the extension modules under ``package``; return them.

    By default they land next to the sources; the wheel's build hook
    (``hatch_build.py``) gives a directory of its own, so that building a
    wheel leaves the checkout as it was.
    """
    clean(package)
    with tempfile.TemporaryDirectory(prefix="hzner-mypyc-") as tmp:
        work = Path(tmp)
        shutil.copytree(PACKAGE, work / "hzner", ignore=shutil.ignore_patterns("__pycache__"))
        (work / "setup_native.py").write_text(_SETUP.format(group=GROUP), encoding="utf-8")
        config = [f"--config-file={ROOT / 'pyproject.toml'}", *_LENIENT]
        command = [sys.executable, "setup_native.py", str(jobs), str(work / "build"), *config]
        subprocess.run([*command, *modules()], cwd=work, check=True)
        written = []
        for path in sorted((work / "hzner").rglob(f"*{SUFFIX}")):
            target = package / path.relative_to(work / "hzner")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clean", action="store_true", help="remove the compiled modules")
    parser.add_argument("--jobs", type=int, default=2, help="C compiler processes (default 2)")
    args = parser.parse_args(argv)
    if args.clean:
        print(f"removed {clean()} compiled modules")
        return 0
    count = len(build(args.jobs))
    print(f"compiled {len(modules())} modules into {count} extension files under hzner/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
