"""Rewrite the analysts' handoff from the warehouse, without ingesting anything."""

from __future__ import annotations

import uuid

from prefect import flow

from newsflow.tasks.config import PIPELINE_VERSION, load_settings
from newsflow.tasks.warehouse.export import export_task
from newsflow.tasks.warehouse.lock import run_lock


@flow(name="newsflow-export")
def export_flow(db: str | None = None, export_dir: str | None = None) -> dict[str, int]:
    """Export every table as Parquet with a manifest; returns rows per table."""
    settings = load_settings({"db": db, "export_dir": export_dir})
    with run_lock(settings.lock_path, settings.lock_wait_s):
        return export_task(str(settings.db), str(settings.export_dir), f"export-{uuid.uuid4()}",
                           PIPELINE_VERSION, str(settings.snapshot_path), settings.duckdb_memory_limit)
