"""Where ``hzner extract`` writes: never over its input, and never half a file.

An output that is an input, or lies inside an input folder, is refused
before anything is opened for writing. An output file is written to a
temporary file in the same folder and renamed over ``-o OUT`` only when the
run completes; a run that stops at an error leaves OUT as it was and keeps
what came before the error in ``OUT.partial``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO

from ..errors import Errors
from .documents import CliError

__all__ = ["AtomicOutput", "check_output"]


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def check_output(output: str, inputs: list[str]) -> None:
    """Raise `CliError` if ``output`` is one of ``inputs`` or inside an input folder."""
    target = os.path.realpath(output)
    if os.path.isdir(target):
        raise CliError(f"{output}: is a folder; -o names the file to write")
    for name in inputs or ["-"]:
        if name == "-":
            continue
        source = os.path.realpath(name)
        if os.path.isdir(source):
            if _inside(target, source):
                raise CliError(Errors.E122.format(output=output, folder=name))
        elif target == source or (os.path.exists(target) and _same(target, source)):
            raise CliError(Errors.E121.format(output=output))


def _same(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


class AtomicOutput:
    """A temporary file beside ``path``, renamed to it on `commit`."""

    def __init__(self, path: str) -> None:
        self.path = path
        folder = Path(path).resolve().parent
        handle, self.temporary = tempfile.mkstemp(
            prefix=f".{Path(path).name}.", suffix=".tmp", dir=folder
        )
        self.file: IO[str] = open(handle, "w", encoding="utf-8", newline="")  # noqa: SIM115

    def _finish(self, target: str) -> None:
        self.file.close()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.temporary, 0o666 & ~umask)  # as open() would have made it
        os.replace(self.temporary, target)

    def commit(self) -> None:
        """The run is complete: the output replaces ``path``."""
        self._finish(self.path)

    def keep_partial(self) -> str:
        """The run stopped: what was written goes to ``path.partial``; ``path`` is untouched."""
        partial = f"{self.path}.partial"
        self._finish(partial)
        return partial

    def discard(self) -> None:
        """Nothing worth keeping was written."""
        self.file.close()
        Path(self.temporary).unlink(missing_ok=True)
