"""The DuckDB warehouse: connections, migrations, views, checks and snapshots.

DuckDB allows one read-write process per file, and a reader in another process blocks the
writer; so queries go to a snapshot copy that is swapped in atomically after each load.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import duckdb

from newsflow.tasks.config import Settings
from newsflow.tasks.errors import WarehouseBusy
from newsflow.tasks.warehouse import sql
from newsflow.tasks.warehouse.sql import query


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


def connect(db: Path, read_only: bool = False,
            memory_limit: str | None = Settings.duckdb_memory_limit) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; a file held by another process raises ``WarehouseBusy``. The
    pipeline's connections (the load, and the export's reads) have their memory capped
    (the run's ``duckdb_memory_limit``, validated with the settings): past it DuckDB spills
    to disk. An analyst's ad hoc queries (``memory_limit=None``) get DuckDB's default, most
    of the machine's memory."""
    if not read_only:
        db.parent.mkdir(parents=True, exist_ok=True)
    capped = memory_limit is not None
    config = {"memory_limit": memory_limit} if capped else {}
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
    con.execute(query("warehouse/queries:schema_version_table"))
    done = {row[0] for row in con.execute(query("warehouse/queries:applied_migrations")).fetchall()}
    applied = []
    for name, text in sql.folder("migrations"):
        version = name.rpartition("/")[2]
        if version in done:
            continue
        con.execute("begin")
        con.execute(text)
        con.execute(query("warehouse/queries:record_migration"), {"version": version})
        con.execute("commit")
        applied.append(version)
    for _, text in sql.folder("views"):
        con.execute(text)
    return applied


@dataclass(frozen=True)
class CheckResult:
    name: str
    n_violations: int
    sample: list[tuple]


CHECK_WHEN = ("each slice", "after the run")


def checks() -> list[tuple[str, str, str]]:
    """(name, when, query) of each check in sql/checks. A check declares when it runs in a
    ``-- runs: each slice`` or ``-- runs: after the run`` line: table checks run inside each
    slice's transaction, checks of the reporting views (which read the whole corpus) once
    after the last slice commits."""
    found = []
    for name, text in sql.folder("checks"):
        when = sql.directive(text, "runs")
        if when not in CHECK_WHEN:
            raise ValueError(f"sql/{name}.sql: declare when it runs (-- runs: {' or '.join(CHECK_WHEN)})")
        found.append((name.rpartition("/")[2], when, text))
    return found


def run_checks(con: duckdb.DuckDBPyConnection, views: bool = True, tables: bool = True) -> list[CheckResult]:
    """Run the checks; each query returns the rows that break its rule. ``views=False``
    leaves out the checks that run after the run, ``tables=False`` those of each slice."""
    results = []
    for name, when, text in checks():
        if not (views if when == "after the run" else tables):
            continue
        rows = con.execute(text).fetchall()
        results.append(CheckResult(name, len(rows), rows[:3]))
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
        tables = {r[0] for r in con.execute(query("warehouse/queries:table_names")).fetchall()}
        if "sources" not in tables:
            return {}, set()
        paths = {p: (d, s, m) for p, d, s, m in
                 con.execute(query("warehouse/queries:known_sources")).fetchall()}
        docs = {r[0] for r in con.execute(query("warehouse/queries:known_documents")).fetchall()}
    return paths, docs


def snapshot(db: Path, target: Path) -> None:
    """Copy the (closed, checkpointed) warehouse to ``target`` atomically."""
    tmp = target.with_name(target.name + f".tmp-{os.getpid()}")
    shutil.copyfile(db, tmp)
    os.replace(tmp, target)
