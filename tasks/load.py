"""Load a run's staged Parquet into the warehouse: one writer, one transaction.

Either everything of a run lands (rows, derived entities, passing checks) or nothing does:
a failing check or a killed process rolls the transaction back, and the warehouse is as it
was before the run. The ``runs`` row is written last, also for a failed run.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
from prefect import task

from tasks.corpus import update_corpus_tables
from tasks.entity_keys import merge_keys
from tasks.errors import CheckFailed
from tasks.faults import failpoint
from tasks.store import connect, failed_checks_message, read_sql, run_checks, snapshot


@dataclass(frozen=True)
class RunCounts:
    n_seen: int
    n_new: int
    n_unchanged: int
    n_quarantined: int
    n_records: int = 0              # records read from new files (1 per text file)
    n_records_quarantined: int = 0
    n_records_skipped: int = 0      # WARC records that are not HTML responses


def staged_counts(con: duckdb.DuckDBPyConnection, n_seen: int, records: dict[str, int]) -> RunCounts:
    """Accounting for the run: every file seen is new, unchanged or quarantined."""
    n_new, n_quarantined = con.execute(
        "select count(*) filter (status = 'ok'), count(*) filter (status = 'quarantined') "
        "from staged_documents").fetchone()
    return RunCounts(n_seen, n_new, n_seen - n_new - n_quarantined, n_quarantined,
                     records.get("records", 0), records.get("records_quarantined", 0),
                     records.get("records_skipped", 0))


def record_run(con: duckdb.DuckDBPyConnection, run_id: str, started_at: datetime, status: str,
               counts: RunCounts, version: str, error: str | None = None) -> None:
    con.execute(read_sql("load/record_run.sql"), [
        run_id, started_at, datetime.now(timezone.utc), status, counts.n_seen, counts.n_new,
        counts.n_unchanged, counts.n_quarantined, version, error, counts.n_records,
        counts.n_records_quarantined, counts.n_records_skipped])


def merge_entity_keys(con: duckdb.DuckDBPyConnection) -> int:
    """One key per real-world entity across the corpus: variant keys (transliterations, bare
    surnames, US / United States) are rewritten to their canonical key. Returns keys merged."""
    counts = dict(con.execute("select entity_key, count(*) from entity_mentions group by 1").fetchall())
    mapping = merge_keys(counts)
    if mapping:
        con.register("key_merges", pa.table({"variant": list(mapping), "canonical": list(mapping.values())}))
        con.execute(read_sql("load/merge_keys.sql"))
        con.unregister("key_merges")
    return len(mapping)


def load_staged(db: Path, staging: Path, run_id: str, started_at: datetime, n_seen: int,
                version: str, snapshot_path: Path | None = None,
                records: dict[str, int] | None = None) -> RunCounts:
    """Load ``staging`` into ``db`` in one transaction, run the checks, record the run."""
    with contextlib.closing(connect(db)) as con:
        con.execute("set variable staging = ?", [str(staging)])
        con.execute("begin")
        try:
            con.execute(read_sql("load/load.sql"))
            merge_entity_keys(con)
            con.execute(read_sql("load/entities.sql"))
            loaded = [row[0] for row in con.execute("select article_id from winners").fetchall()]
            update_corpus_tables(con, loaded)
            counts = staged_counts(con, n_seen, records or {})
            problem = failed_checks_message(run_checks(con))
            if problem:
                raise CheckFailed(problem)
            record_run(con, run_id, started_at, "ok", counts, version)
            failpoint("load")
            con.execute("commit")
        except Exception as exc:
            con.execute("rollback")
            record_run(con, run_id, started_at, "failed", RunCounts(n_seen, 0, 0, 0), version,
                       f"{type(exc).__name__}: {exc}"[:2000])
            raise
        con.execute("checkpoint")
    if snapshot_path is not None:
        snapshot(db, snapshot_path)
    return counts


def record_noop_run(db: Path, run_id: str, started_at: datetime, n_seen: int, version: str,
                    snapshot_path: Path | None = None) -> RunCounts:
    """A run that found nothing new writes its runs row and nothing else: no checks to run
    again, no snapshot to copy (unless there is none yet), so an hourly run over a large
    unchanged corpus stays cheap."""
    counts = RunCounts(n_seen, 0, n_seen, 0)
    with contextlib.closing(connect(db)) as con:
        record_run(con, run_id, started_at, "ok", counts, version)
        con.execute("checkpoint")
    if snapshot_path is not None and not snapshot_path.exists():
        snapshot(db, snapshot_path)
    return counts


@task(name="record-noop-run")
def record_noop_task(db: str, run_id: str, started_at: datetime, n_seen: int, version: str,
                     snapshot_path: str | None = None) -> RunCounts:
    return record_noop_run(Path(db), run_id, started_at, n_seen, version,
                           Path(snapshot_path) if snapshot_path else None)


@task(name="load")
def load_task(db: str, staging: str, run_id: str, started_at: datetime, n_seen: int,
              version: str, snapshot_path: str | None = None,
              records: dict[str, int] | None = None) -> RunCounts:
    return load_staged(Path(db), Path(staging), run_id, started_at, n_seen, version,
                       Path(snapshot_path) if snapshot_path else None, records)
