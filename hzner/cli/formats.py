"""The output formats of ``hzner extract``: jsonl, csv, table and html.

Each format has an ``encode`` step, which runs where the document is
extracted (a worker process with ``--jobs``), and writes there what it can,
so that only plain data comes back: the JSON of the entities (jsonl), their
``to_dict()`` records (csv), the lines of the table. Columns and fields come
from each entity's ``to_dict()``, so new labels and fields show up as they are.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from ..batch import pack, unpack
from ..types import Facts
from .documents import where

__all__ = ["FORMATS", "Format", "doc_name"]


def doc_name(meta: Mapping[str, Any]) -> str:
    """The document as csv and table name it: its ``id``, else ``file:line``, else ``file``."""
    return str(meta["id"]) if "id" in meta else where(meta)


class Format:
    """One output format: ``head``, then ``body`` per document, then ``tail``."""

    encode: Callable[[Facts], Any]

    def head(self) -> str:
        """What comes before the first document."""
        return ""

    def body(self, meta: dict[str, Any], text: str, payload: Any, number: int) -> str:
        """The output of one document from what ``encode`` made of its facts."""
        raise NotImplementedError

    def tail(self) -> str:
        """What closes the output (written after an error too)."""
        return ""


def _entities_json(facts: Facts) -> str:
    return json.dumps([entity.to_dict() for entity in facts.entities], ensure_ascii=False)


class Jsonl(Format):
    """One ``{source, line, ...kept fields, text, entities}`` record a line."""

    encode = staticmethod(_entities_json)

    def body(self, meta: dict[str, Any], text: str, payload: Any, number: int) -> str:
        head = json.dumps({**meta, "text": text}, ensure_ascii=False)
        line = f'{head[:-1]}, "entities": {payload}}}\n'
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: written as a \\u escape
            line = json.dumps(json.loads(line), ensure_ascii=True) + "\n"
        return line


def _records(facts: Facts) -> list[dict[str, Any]]:
    return [entity.to_dict() for entity in facts.entities]


_LEADING = ("doc", "label", "start", "end", "text")


class Csv(Format):
    """One row per entity; the columns are the fields of the entities written.

    The rows are spooled to a temporary file and written at the end, under
    a header that holds every field any entity had.
    """

    encode = staticmethod(_records)

    def __init__(self) -> None:
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")  # noqa: SIM115
        self.columns: dict[str, None] = dict.fromkeys(_LEADING)

    def body(self, meta: dict[str, Any], text: str, payload: Any, number: int) -> str:
        lines = []
        for entity in payload:
            row = {"doc": doc_name(meta), **entity}
            self.columns.update(dict.fromkeys(row))
            lines.append(json.dumps(row, ensure_ascii=False) + "\n")
        rows = "".join(lines)
        rows.encode("utf-8")  # a lone surrogate is an error of this document
        self.spool.write(rows)
        return ""

    def tail(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.columns)
        self.spool.seek(0)
        for line in self.spool:
            row = json.loads(line)
            writer.writerow(_cell(row.get(column)) for column in self.columns)
        self.spool.close()
        return buffer.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _described(facts: Facts) -> list[tuple[str, str, str]]:
    from ..html import describe

    return [(e.label, " ".join(e.text.split()), describe(e)) for e in facts.entities]


class Table(Format):
    """For reading in a terminal: each document's entities and what hzner made of them."""

    encode = staticmethod(_described)

    def body(self, meta: dict[str, Any], text: str, payload: Any, number: int) -> str:
        lines = [f"── {doc_name(meta)} ({len(payload)} entities)"]
        column = max((_width(text) for _, text, _ in payload), default=0)
        for label, shown, description in payload:
            pad = " " * (column - _width(shown))
            lines.append(f"  {label:<8} {shown}{pad}  {description}")
        page = "\n".join(lines) + "\n\n"
        page.encode("utf-8")
        return page


class Html(Format):
    """A page drawn by displaCy; closed after an error too, never left truncated."""

    encode = staticmethod(pack)

    def head(self) -> str:
        from ..html import head

        return head("hzner")

    def body(self, meta: dict[str, Any], text: str, payload: Any, number: int) -> str:
        from ..html import figure

        markup = figure(unpack(text, payload), title=doc_name(meta), anchor=f"d{number}")
        markup.encode("utf-8")
        return markup

    def tail(self) -> str:
        from ..html import tail

        return tail()


FORMATS: dict[str, Callable[[], Format]] = {
    "jsonl": Jsonl,
    "csv": Csv,
    "table": Table,
    "html": Html,
}
