"""The ingest flow: discover → annotate in batches → load → export.

Reads top to bottom like the pipeline: every step is a task from ``tasks/``; this module only
composes them, holds the run lock, and keeps the run's staging folder tidy.
"""

from __future__ import annotations

import shutil
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from prefect import flow, get_run_logger, task
from prefect.exceptions import TerminationSignal
from prefect.futures import PrefectFuture, as_completed
from prefect.runtime import flow_run

from newsflow.flows.progress import reporter
from newsflow.tasks.config import INGEST_OVERRIDES, PIPELINE_VERSION, Settings, load_settings, output_settings
from newsflow.tasks.errors import ApiLost, ConfigError, Interrupted
from newsflow.tasks.reading.discover import Discovery, discover_task
from newsflow.tasks.staging.batch import annotate_batch, stage_discovery
from newsflow.tasks.staging.containers import ReadOptions, estimated_records
from newsflow.tasks.staging.pool import shutdown_pool
from newsflow.tasks.staging.worker import StageOptions
from newsflow.tasks.warehouse.export import export_task, handoff_is_current
from newsflow.tasks.warehouse.load import LoadRun, RunCounts, load_task, record_noop_task, record_stopped
from newsflow.tasks.warehouse.lock import run_lock
from newsflow.tasks.warehouse.store import connect, migrate


@dataclass
class RunSummary:
    run_id: str
    counts: RunCounts
    n_batches: int
    exported: dict[str, int] = field(default_factory=dict)


def _run_id() -> str:
    return str(flow_run.id or uuid.uuid4())


def _prepare(db: Path, staging: Path) -> None:
    """Apply migrations, and drop staging left behind by runs that were killed."""
    con = connect(db)
    try:
        migrate(con)
    finally:
        con.close()
    shutil.rmtree(staging, ignore_errors=True)


def _annotate(batches: list[list[str]], run_dir: Path, options: StageOptions, settings: Settings,
              inputs: list[str]) -> dict[str, int]:
    """One annotate task per batch. Locally the worker pool lives until the last batch is
    done; on a Dask cluster each batch is a Dask task and the cluster's processes are the pool."""
    distributed = bool(settings.dask_address)
    n_workers = 1 if distributed else settings.workers_for(sum(estimated_records(b) for b in batches))
    read = ReadOptions(tuple(inputs), settings.path_pattern, settings.jsonl_fields)
    reporter().start("annotate", sum(len(b) for b in batches))
    records: Counter[str] = Counter()
    try:
        if n_workers == 1 and not distributed:
            # In-process annotation runs one batch at a time: spaCy and langdetect are not
            # thread-safe, and Prefect would run submitted tasks in threads.
            results = (annotate_batch(i, batch, str(run_dir), options, 1, read)
                       for i, batch in enumerate(batches))
        else:
            # On a cluster every batch is submitted at once and the scheduler spreads them.
            # Locally each batch task is a thread of this process holding its chunks until the
            # pool takes them; Prefect would run every submitted task at once, so the flow's
            # memory would grow with the number of batches (111 at 10x BBC: 471 MiB during the
            # annotation, against 362 MiB with the 11 batches of 1x).
            # One batch more than there are workers keeps the pool fed across batch ends.
            window = len(batches) if distributed else n_workers + 1
            results = _in_window(lambda i, batch: annotate_batch.submit(i, batch, str(run_dir), options,
                                                                        n_workers, read),
                                 batches, window)
        for result in results:
            records.update(result)
            reporter().advance("annotate", result["files"])
    except BaseException:
        shutdown_pool(wait=False, terminate=True)   # stopped or failed: drop the chunks in hand
        raise
    shutdown_pool(wait=False)
    return dict(records)


def _in_window(submit: Callable[[int, list[str]], PrefectFuture], batches: list[list[str]],
               window: int) -> Iterator[dict[str, int]]:
    """Results of ``submit(i, batch)`` for every batch, as they finish, with at most
    ``window`` submitted and unfinished at any time."""
    pending: list[PrefectFuture] = []
    for i, batch in enumerate(batches):
        if len(pending) == window:
            done = next(as_completed(pending))
            pending.remove(done)
            yield done.result()
        pending.append(submit(i, batch))
    for future in as_completed(pending):
        yield future.result()


@task(name="report-artifact")
def publish_report_artifact(snapshot: str) -> None:
    """The warehouse summary as a Markdown artifact on the flow run, in the Prefect UI."""
    import contextlib

    from prefect.artifacts import create_markdown_artifact

    from newsflow.tasks.warehouse.report import report_markdown

    if not Path(snapshot).exists():
        return
    with contextlib.closing(connect(Path(snapshot), read_only=True)) as con:
        create_markdown_artifact(report_markdown(con), key="newsflow-report",
                                 description="newsflow warehouse summary")


@flow(name="newsflow-ingest")
def ingest_flow(
    paths: list[str] | None = None,
    db: str | None = None,
    export_dir: str | None = None,
    batch_size: int | None = None,
    workers: int | None = None,
    max_file_bytes: int | None = None,
    max_decompressed_bytes: int | None = None,
    path_pattern: str | None = None,
    dask_address: str | None = None,
    staging: str | None = None,
) -> RunSummary:
    """Ingest raw article files into the warehouse and refresh the analysts' handoff."""
    given = locals()
    settings = load_settings({name: given[name] for name in INGEST_OVERRIDES})  # once per run
    inputs = paths or ["data/raw"]
    run = LoadRun(_run_id(), datetime.now(timezone.utc), settings, PIPELINE_VERSION, output_settings(settings))
    run_id, started_at = run.run_id, run.started_at
    run_dir = settings.staging_dir / run_id
    options = StageOptions(run_id, started_at, settings.max_file_bytes, settings.spacy_model,
                           PIPELINE_VERSION, settings.max_decompressed_bytes)

    with run_lock(settings.lock_path, settings.lock_wait_s):
        _prepare(settings.db, settings.staging_dir)
        discovery = discover_task(inputs, str(settings.db))
        try:
            summary = _run(discovery, inputs, run_dir, options, run)
        except (Interrupted, KeyboardInterrupt, TerminationSignal, ApiLost) as exc:
            shutdown_pool(wait=False, terminate=True)
            status, why = (("failed", str(exc)) if isinstance(exc, ApiLost)
                           else ("cancelled", f"stopped by {signal_name(exc)}"))
            record_stopped(run, discovery.n_seen, status, why)
            raise
        shutil.rmtree(run_dir, ignore_errors=True)
    publish_report_artifact(str(settings.snapshot_path))
    return summary


def signal_name(exc: BaseException) -> str:
    """SIGTERM or SIGINT, for the runs row of a run that was told to stop."""
    import signal

    signum = getattr(exc, "signum", None) or getattr(exc, "signal", None) or signal.SIGINT
    return signal.Signals(signum).name


def _run(discovery: Discovery, inputs: list[str], run_dir: Path, options: StageOptions, run: LoadRun) -> RunSummary:
    """Stage, annotate, load and export what discovery found (the lock is held)."""
    run_id, settings = run.run_id, run.settings
    if discovery.is_noop:
        counts = record_noop_task(run, discovery.n_seen)
        get_run_logger().info("nothing new in %d files: warehouse and handoff unchanged",
                              discovery.n_seen)
        summary = RunSummary(run_id, counts, 0)
    else:
        stage_discovery(discovery, str(run_dir), options)
        batches = discovery.batches(settings.batch_size)
        records = _annotate(batches, run_dir, options, settings, inputs)
        counts = load_task(run, str(run_dir), discovery.n_seen, records)
        summary = RunSummary(run_id, counts, len(batches))
    if not handoff_is_current(settings.db, settings.export_dir):
        summary.exported = export_task(str(settings.db), str(settings.export_dir), run_id,
                                       PIPELINE_VERSION, str(settings.snapshot_path), settings.duckdb_memory_limit)
    return summary


def ingest_flow_for(dask_address: str = ""):
    """The ingest flow, with its batches sent to the Dask cluster at ``dask_address`` if given.
    Run it as ``ingest_flow_for(address)(paths=..., dask_address=address)``."""
    if not dask_address:
        return ingest_flow
    from prefect_dask import DaskTaskRunner  # only a distributed run needs dask installed

    return ingest_flow.with_options(task_runner=DaskTaskRunner(address=dask_address))


def build_deployment(cron: str, paths: list[str] | None = None, db: str | None = None,
                     export_dir: str | None = None, name: str = "newsflow-scheduled"):
    """A deployment of the ingest flow on a cron schedule (``newsflow serve`` serves it)."""
    from prefect.client.schemas.schedules import CronSchedule
    from pydantic import ValidationError

    try:
        CronSchedule(cron=cron)
    except ValidationError:
        raise ConfigError(f"not a cron schedule: {cron!r} (e.g. \"0 * * * *\" for hourly)") from None
    return ingest_flow.to_deployment(name=name, cron=cron, concurrency_limit=1,
                                     parameters={"paths": paths or None, "db": db, "export_dir": export_dir})
