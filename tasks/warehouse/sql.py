"""Every query the pipeline runs, reached one way: by name, from the SQL shipped in newsflow/sql.

A name is the file's path below ``sql/`` without ``.sql`` (``"load/record_run"``), or, for a
file that holds several queries each opened by a ``-- name: NAME`` line, the file and the
query (``"load/queries:winners"``). ``folder`` gives a folder's files in order (migrations,
views, checks and export queries run in that order). Files are read once per process.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

# newsflow/sql when installed; the repository's sql/ folder in an editable install
SQL_DIR = Path(__file__).resolve().parents[2] / "sql"

_QUERY_NAME = re.compile(r"^-- name: (\w+)[ \t]*$", re.MULTILINE)


def query(name: str) -> str:
    """The query called ``name`` ("folder/file" or "folder/file:query")."""
    file, _, part = name.partition(":")
    text = _read(file)
    if not part:
        return text
    parts = _parts(file)
    if part not in parts:
        raise KeyError(f"no query {part!r} in sql/{file}.sql")
    return parts[part]


def folder(name: str) -> list[tuple[str, str]]:
    """(name, text) of each file in ``sql/NAME/``, in file-name order."""
    return [(f"{name}/{path.stem}", _read(f"{name}/{path.stem}")) for path in _files(name)]


@functools.cache
def _files(name: str) -> list[Path]:
    return sorted((SQL_DIR / name).glob("*.sql"))


@functools.cache
def _read(file: str) -> str:
    path = SQL_DIR / f"{file}.sql"
    if not path.is_file():
        raise KeyError(f"no SQL file sql/{file}.sql")
    return path.read_text(encoding="utf-8")


@functools.cache
def _parts(file: str) -> dict[str, str]:
    pieces = _QUERY_NAME.split(_read(file))
    return {name: text.strip() for name, text in zip(pieces[1::2], pieces[2::2])}


def directive(text: str, key: str) -> str | None:
    """The value of a ``-- KEY: value`` line in a query's header, e.g. a check's ``runs``."""
    found = re.search(rf"^-- {re.escape(key)}: *(.+?)[ \t]*$", text, re.MULTILINE)
    return found.group(1) if found else None
