"""The analysts' handoff: Parquet per table, hive-partitioned by language and ingest date,
plus a manifest; written to a temporary folder and renamed into place.

A reader sees either the previous complete handoff or the new complete one, never a mix.
Each query in sql/export names one exported table; a query that yields ``lang`` and
``ingest_date`` columns is partitioned by them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

from prefect import task

from tasks.store import connect, sql_files

PARTITION_COLUMNS = ("lang", "ingest_date")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def write_export(db: Path, target: Path, run_id: str, version: str) -> dict:
    """Export every table of sql/export under ``target`` atomically; returns the manifest."""
    target = target.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp-{run_id}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    tables = {}
    with contextlib.closing(connect(db, read_only=True)) as con:
        schema_version = con.execute("select max(version) from schema_version").fetchone()[0]
        for path in sql_files("export"):
            name, query = path.stem, path.read_text(encoding="utf-8")
            columns = con.execute(f"describe {query}").fetchall()
            names = [c[0] for c in columns]
            partitioned = all(p in names for p in PARTITION_COLUMNS)
            out = tmp / name
            if partitioned:
                options = f"format parquet, compression zstd, partition_by ({', '.join(PARTITION_COLUMNS)})"
            else:
                out.mkdir()
                out = out / "data.parquet"
                options = "format parquet, compression zstd"
            n_rows = con.execute(f"select count(*) from ({query})").fetchone()[0]
            if partitioned and n_rows == 0:
                (tmp / name).mkdir()  # an empty table still gets its folder, with no files
            else:
                # COPY takes no bound parameter for its target; the path is quoted as a literal.
                target_literal = str(out).replace("'", "''")
                con.execute(f"copy ({query}) to '{target_literal}' ({options})")
            files = sorted(p for p in (tmp / name).rglob("*.parquet"))
            tables[name] = {
                "rows": n_rows,
                "columns": [{"name": c[0], "type": c[1]} for c in columns],
                "partition_by": list(PARTITION_COLUMNS) if partitioned else [],
                "files": {str(f.relative_to(tmp)): _sha256(f) for f in files},
            }
    manifest = {
        "run_id": run_id,
        "created_at": datetime.now(timezone.utc).isoformat(),
        "pipeline_version": version,
        "schema_version": schema_version,
        "tables": tables,
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    _swap_in(tmp, target)
    return manifest


def _swap_in(new: Path, target: Path) -> None:
    """Put ``new`` at ``target``: the old handoff is moved aside, then removed."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


@task(name="export")
def export_task(db: str, target: str, run_id: str, version: str) -> dict:
    manifest = write_export(Path(db), Path(target), run_id, version)
    return {name: t["rows"] for name, t in manifest["tables"].items()}
