"""Load a run's staged Parquet into the warehouse: one writer, a transaction per slice.

A run is loaded in slices of about ``load_slice_articles`` articles (a setting), whole
batches at a time (slices.py), so the loader's memory follows the slice and not the size of
the run. Each slice lands whole
(rows, entity keys and entities, corpus passes, passing checks) or not at all: a failing
check or a killed process rolls that slice back, the slices before it stay, and the next
run finds their files unchanged and loads the rest. No committed state ever fails a check.
The ``runs`` row is written last, also for a failed run.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa
from prefect import task

from newsflow.tasks.annotation.variants import merge_keys
from newsflow.tasks.config import PIPELINE_VERSION, Settings
from newsflow.tasks.corpus.passes import update_corpus_tables
from newsflow.tasks.errors import CheckFailed
from newsflow.tasks.faults import failpoint
from newsflow.tasks.warehouse.slices import load_slices
from newsflow.tasks.warehouse.sql import query
from newsflow.tasks.warehouse.store import connect, failed_checks_message, run_checks, snapshot


@dataclass(frozen=True)
class RunCounts:
    n_seen: int
    n_new: int
    n_unchanged: int
    n_quarantined: int
    n_records: int = 0              # records read from new files (1 per text file)
    n_records_quarantined: int = 0
    n_records_skipped: int = 0      # WARC records that are not HTML responses
    n_records_unchanged: int = 0    # repeats of an identical record in one container


def staged_counts(con: duckdb.DuckDBPyConnection, n_seen: int, records: dict[str, int]) -> RunCounts:
    """Accounting for the run: every file seen is new, unchanged or quarantined."""
    n_new, n_quarantined = con.execute(query("load/queries:staged_counts")).fetchone()
    return RunCounts(n_seen, n_new, n_seen - n_new - n_quarantined, n_quarantined,
                     records.get("records", 0), records.get("records_quarantined", 0),
                     records.get("records_skipped", 0), records.get("records_unchanged", 0))


@dataclass(frozen=True)
class LoadRun:
    """What the load knows of its run, resolved once by the flow: its id and start, its
    settings (warehouse, snapshot, slice size, memory cap), the version it records, and the
    settings that change output (``config.output_settings``), recorded in ``runs.settings``."""
    run_id: str
    started_at: datetime
    settings: Settings = Settings()
    version: str = PIPELINE_VERSION
    recorded: dict | None = None

    def connect(self) -> duckdb.DuckDBPyConnection:
        return connect(self.settings.db, memory_limit=self.settings.duckdb_memory_limit)


def record_stopped(run: LoadRun, n_seen: int, status: str, why: str) -> None:
    """Record a run that stopped before its end ('cancelled' by a signal, 'failed' when its
    Prefect API was lost), unless its load already wrote its row: the slices it committed
    stay, the rest is left to the next run."""
    with contextlib.closing(run.connect()) as con:
        if not con.execute(query("load/queries:run_recorded"), [run.run_id]).fetchone():
            record_run(con, run, status, RunCounts(n_seen, 0, 0, 0), why)


def record_run(con: duckdb.DuckDBPyConnection, run: LoadRun, status: str, counts: RunCounts,
               error: str | None = None) -> None:
    con.execute(query("load/record_run"), [
        run.run_id, run.started_at, datetime.now(timezone.utc), status, counts.n_seen, counts.n_new,
        counts.n_unchanged, counts.n_quarantined, run.version, error, counts.n_records,
        counts.n_records_quarantined, counts.n_records_skipped, counts.n_records_unchanged,
        json.dumps(run.recorded, sort_keys=True) if run.recorded is not None else None])


def merge_entity_keys(con: duckdb.DuckDBPyConnection) -> int:
    """One key per real-world entity across the corpus: variant keys (transliterations, bare
    surnames, US / United States) are rewritten to their canonical key. Returns keys merged."""
    counts = dict(con.execute(query("load/queries:entity_key_counts")).fetchall())
    mapping = merge_keys(counts)
    if mapping:
        con.register("key_merges", pa.table({"variant": list(mapping), "canonical": list(mapping.values())}))
        con.execute(query("load/merge_keys"))
        con.unregister("key_merges")
    return len(mapping)


def load_slice(con: duckdb.DuckDBPyConnection, parts: list[str], slice_size: int) -> None:
    """Load one slice of the run in one transaction; the table checks run before it commits."""
    con.execute("set variable parts = ?", [parts])
    con.execute("begin")
    try:
        con.execute(query("load/load"))
        merge_entity_keys(con)
        con.execute(query("load/entities"))
        con.execute(query("load/features"))
        update_corpus_tables(con, [row[0] for row in con.execute(query("load/queries:winners")).fetchall()],
                             slice_size=slice_size, staged=True)
        con.execute(query("load/queries:drop_slice_features"))
        problem = failed_checks_message(run_checks(con, views=False))
        if problem:
            raise CheckFailed(problem)
        failpoint("load")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def load_staged(run: LoadRun, staging: Path, n_seen: int, records: dict[str, int] | None = None) -> RunCounts:
    """Load ``staging`` into the run's warehouse a slice at a time, record the run, then
    copy the snapshot that queries read."""
    slice_size = run.settings.load_slice_articles
    slices = load_slices(staging, slice_size)
    with contextlib.closing(run.connect()) as con:
        con.execute("set variable staging = ?", [str(staging)])
        con.execute("set variable parts = ?", [[part for parts in slices for part in parts]])
        con.execute(query("load/staged"))
        counts = staged_counts(con, n_seen, records or {})
        n_loaded = 0
        try:
            for parts in slices:
                load_slice(con, parts, slice_size)
                n_loaded += 1
            # The reporting views read the whole corpus: checked once, after the last slice
            # commits. Inside its transaction they would share DuckDB's memory cap with the
            # slice's uncommitted rows and index changes, which at 10x BBC ran out of it.
            problem = failed_checks_message(run_checks(con, tables=False))
            if problem:
                raise CheckFailed(f"{problem} (in the reporting views; the tables passed their checks)")
        except Exception as exc:
            record_run(con, run, "failed", RunCounts(n_seen, 0, 0, 0),
                       f"{type(exc).__name__}: {exc} ({n_loaded} of {len(slices)} slices loaded)"[:2000])
            raise
        record_run(con, run, "ok", counts)
        con.execute("checkpoint")
    snapshot(run.settings.db, run.settings.snapshot_path)
    return counts


def record_noop_run(run: LoadRun, n_seen: int) -> RunCounts:
    """A run that found nothing new writes its runs row and nothing else: no checks to run
    again, no snapshot to copy (unless there is none yet), so an hourly run over a large
    unchanged corpus stays cheap."""
    counts = RunCounts(n_seen, 0, n_seen, 0)
    with contextlib.closing(run.connect()) as con:
        record_run(con, run, "ok", counts)
        con.execute("checkpoint")
    if not run.settings.snapshot_path.exists():
        snapshot(run.settings.db, run.settings.snapshot_path)
    return counts


@task(name="record-noop-run")
def record_noop_task(run: LoadRun, n_seen: int) -> RunCounts:
    return record_noop_run(run, n_seen)


@task(name="load")
def load_task(run: LoadRun, staging: str, n_seen: int, records: dict[str, int] | None = None) -> RunCounts:
    return load_staged(run, Path(staging), n_seen, records)
