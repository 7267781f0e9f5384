"""hzner's own data files (``hzner/data``), found without importing `importlib.resources`.

Installed from a wheel or a checkout, the data are plain files next to this
module, read with `pathlib`; `importlib.resources` (whose first use imports
zipfile and its readers, some 4 ms) serves only a package that is not on
the file system, such as one imported from a zip archive.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable

__all__ = ["data_file"]

_DATA = Path(__file__).parent / "data"


def data_file(*parts: str) -> Traversable:
    """The file (or folder) ``hzner/data/<parts>``.

    Examples
    --------
    >>> data_file("zones", "readings.json").name
    'readings.json'

    """
    if _DATA.is_dir():
        return _DATA.joinpath(*parts)
    from importlib import resources  # a package not on the file system

    return resources.files("hzner").joinpath("data", *parts)
