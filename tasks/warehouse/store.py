"""The DuckDB warehouse: connections, migrations, views, checks and snapshots.

DuckDB allows one read-write process per file, and a reader in another process blocks the
writer; so queries go to a snapshot copy that is swapped in atomically after each load.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import duckdb

from newsflow.tasks.config import load_settings
from newsflow.tasks.errors import ConfigError, WarehouseBusy

# newsflow/sql when installed; the repository's sql/ folder in an editable install
SQL_DIR = Path(__file__).resolve().parents[2] / "sql"


def sql_files(folder: str) -> list[Path]:
    return sorted((SQL_DIR / folder).glob("*.sql"))


def read_sql(relative: str) -> str:
    return (SQL_DIR / relative).read_text(encoding="utf-8")


_QUERY_NAME = re.compile(r"^-- name: (\w+)[ \t]*$", re.MULTILINE)


def read_named_sql(relative: str) -> dict[str, str]:
    """The queries of a file holding several, each opened by a "-- name: NAME" line."""
    parts = _QUERY_NAME.split(read_sql(relative))
    return {name: query.strip() for name, query in zip(parts[1::2], parts[2::2])}


# The short queries of this module and tasks/warehouse/export.py.
WAREHOUSE_SQL = read_named_sql("warehouse/queries.sql")


_MEMORY = re.compile(r"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", re.IGNORECASE)


@contextlib.contextmanager
def registered(con: duckdb.DuckDBPyConnection, **tables: object) -> Iterator[None]:
    """Arrow tables readable by SQL under the given names while the block runs. The only way
    SQL reads Python data: the pipeline's connections refuse DuckDB's scans of Python
    variables by name (``python_enable_replacements``), which a linter sees as unused."""
    for name, table in tables.items():
        con.register(name, table)
    try:
        yield
    finally:
        for name in tables:
            con.unregister(name)


def connect(db: Path, read_only: bool = False, capped: bool = True) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a file held by another process raises ``WarehouseBusy``. The
    pipeline's connections (the load, and the export's reads) have their memory capped
    (``duckdb_memory_limit``): past it DuckDB spills to disk. An analyst's ad hoc queries
    (``capped=False``) get DuckDB's default, most of the machine's memory."""
    if not read_only:
        db.parent.mkdir(parents=True, exist_ok=True)
    limit = load_settings().duckdb_memory_limit
    if not _MEMORY.match(limit):
        raise ConfigError(f"duckdb_memory_limit {limit!r}: expected a size such as 512MB or 2GB")
    config = {"memory_limit": limit} if capped else {}
    try:
        con = duckdb.connect(str(db), read_only=read_only, config=config)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WarehouseBusy(f"database {db} is in use by another process: "
                                f"{str(exc).splitlines()[0]}") from None
        raise
    if capped:   # the pipeline's SQL reads Python data through ``registered`` only
        con.execute("set python_enable_replacements = false")
    return con


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply pending migrations in order, each in its own transaction; returns those applied."""
    con.execute(WAREHOUSE_SQL["schema_version_table"])
    done = {row[0] for row in con.execute(WAREHOUSE_SQL["applied_migrations"]).fetchall()}
    applied = []
    for path in sql_files("migrations"):
        if path.stem in done:
            continue
        con.execute("begin")
        con.execute(path.read_text(encoding="utf-8"))
        con.execute(WAREHOUSE_SQL["record_migration"], {"version": path.stem})
        con.execute("commit")
        applied.append(path.stem)
    for path in sql_files("views"):
        con.execute(path.read_text(encoding="utf-8"))
    return applied


@dataclass(frozen=True)
class CheckResult:
    name: str
    n_violations: int
    sample: list[tuple]


def run_checks(con: duckdb.DuckDBPyConnection, views: bool = True, tables: bool = True) -> list[CheckResult]:
    """Run the queries in sql/checks; each returns the rows that break its rule. Checks of
    the reporting views (named 1xx_VIEW) work over the whole corpus: ``views=False`` leaves
    them out, to check only the tables; ``tables=False`` runs only them."""
    results = []
    for path in sql_files("checks"):
        if not (views if path.stem[0].isdigit() else tables):
            continue
        rows = con.execute(path.read_text(encoding="utf-8")).fetchall()
        results.append(CheckResult(path.stem, len(rows), rows[:3]))
    return results


def failed_checks_message(results: list[CheckResult]) -> str | None:
    failed = [r for r in results if r.n_violations]
    if not failed:
        return None
    return "; ".join(f"check {r.name} failed: {r.n_violations} row(s), e.g. {r.sample[0]}"
                     for r in failed)


def known_state(db: Path) -> tuple[dict[str, tuple[str, int, int]], set[str]]:
    """Paths the warehouse has seen (with size, mtime, content id) and all stored content ids."""
    if not db.exists():
        return {}, set()
    with contextlib.closing(connect(db, read_only=True)) as con:
        tables = {r[0] for r in con.execute(WAREHOUSE_SQL["table_names"]).fetchall()}
        if "sources" not in tables:
            return {}, set()
        paths = {p: (d, s, m) for p, d, s, m in
                 con.execute(WAREHOUSE_SQL["known_sources"]).fetchall()}
        docs = {r[0] for r in con.execute(WAREHOUSE_SQL["known_documents"]).fetchall()}
    return paths, docs


def snapshot(db: Path, target: Path) -> None:
    """Copy the (closed, checkpointed) warehouse to ``target`` atomically."""
    tmp = target.with_name(target.name + f".tmp-{os.getpid()}")
    shutil.copyfile(db, tmp)
    os.replace(tmp, target)
