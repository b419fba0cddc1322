"""The analysts' handoff: Parquet per table, hive-partitioned by language and ingest date,
plus a manifest; written to a temporary folder and renamed into place.

A reader sees either the previous complete handoff or the new complete one, never a mix.
Each query in sql/export names one exported table; a query that yields ``lang`` and
``ingest_date`` columns is partitioned by them.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import duckdb
from prefect import task

from newsflow.tasks.config import Settings
from newsflow.tasks.errors import ExportFailed
from newsflow.tasks.faults import failpoint
from newsflow.tasks.reading.discover import sha256_file
from newsflow.tasks.reasons import describe
from newsflow.tasks.warehouse import sql
from newsflow.tasks.warehouse.sql import query
from newsflow.tasks.warehouse.store import connect

PARTITION_COLUMNS = ("lang", "ingest_date")
SNAPSHOT_NAME = "newsflow.duckdb"     # the warehouse as of this handoff, for ad hoc SQL
# Columns the export adds to a table; every other column is described in the schema itself.
DERIVED_COLUMNS = {
    "ingest_date": "Day the article was ingested (UTC); a partition of this export.",
    "lang": "Language of the article (ISO 639-1 or und); a partition of this export.",
}


def write_export(db: Path, target: Path, run_id: str, version: str, snapshot: Path | None = None,
                 memory_limit: str = Settings.duckdb_memory_limit) -> dict:
    """Export every table of sql/export under ``target`` atomically; returns the manifest.
    Any failure (a full disk, an unwritable folder) raises ``ExportFailed`` and leaves the
    previous handoff in place."""
    target = target.absolute()
    tmp = target.with_name(f".{target.name}.tmp-{run_id}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for stale in target.parent.glob(f".{target.name}.tmp-*"):  # left by a killed export
            shutil.rmtree(stale, ignore_errors=True)
        manifest = _write_tables(db, tmp, run_id, version, memory_limit)
        if snapshot is not None and snapshot.exists():
            shutil.copyfile(snapshot, tmp / SNAPSHOT_NAME)
            manifest["snapshot"] = {"file": SNAPSHOT_NAME, "sha256": sha256_file(tmp / SNAPSHOT_NAME)}
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        (tmp / "DATA_DICTIONARY.md").write_text(data_dictionary(manifest), encoding="utf-8")
        failpoint("export")
        _swap_in(tmp, target)
    except (OSError, duckdb.IOException) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        reason = getattr(exc, "strerror", None) or str(exc).splitlines()[0]
        raise ExportFailed(f"cannot write the handoff to {target}: {reason}; "
                           f"the previous handoff is unchanged") from exc
    return manifest


def _write_tables(db: Path, tmp: Path, run_id: str, version: str, memory_limit: str) -> dict:
    tmp.mkdir()
    tables = {}
    with contextlib.closing(connect(db, read_only=True, memory_limit=memory_limit)) as con:
        schema_version = con.execute(query("warehouse/queries:schema_version")).fetchone()[0]
        data_run_id = last_data_run(con)
        found = con.execute(query("warehouse/queries:run_settings"), [data_run_id]).fetchone()
        settings = json.loads(found[0]) if found and found[0] else None
        for named, select in sql.folder("export"):
            name = named.rpartition("/")[2]
            columns = con.execute(f"describe {select}").fetchall()
            names = [c[0] for c in columns]
            partitioned = all(p in names for p in PARTITION_COLUMNS)
            out = tmp / name
            if partitioned:
                options = f"format parquet, compression zstd, partition_by ({', '.join(PARTITION_COLUMNS)})"
            else:
                out.mkdir()
                out = out / "data.parquet"
                options = "format parquet, compression zstd"
            n_rows = con.execute(f"select count(*) from ({select})").fetchone()[0]
            if partitioned and n_rows == 0:
                (tmp / name).mkdir()  # an empty table still gets its folder, with no files
            else:
                # COPY takes no bound parameter for its target; the path is quoted as a literal.
                target_literal = str(out).replace("'", "''")
                con.execute(f"copy ({select}) to '{target_literal}' ({options})")
            files = sorted(p for p in (tmp / name).rglob("*.parquet"))
            described = dict(con.execute(query("warehouse/queries:column_comments"), {"name": name}).fetchall())
            table_comment = con.execute(query("warehouse/queries:table_comment"), {"name": name}).fetchone()
            tables[name] = {
                "description": table_comment[0] if table_comment else None,
                "rows": n_rows,
                "columns": [{"name": c[0], "type": c[1],
                             "description": described.get(c[0]) or DERIVED_COLUMNS.get(c[0])}
                            for c in columns],
                "partition_by": list(PARTITION_COLUMNS) if partitioned else [],
                "files": {str(f.relative_to(tmp)): sha256_file(f) for f in files},
            }
    manifest = {
        "run_id": run_id,
        "created_at": datetime.now(timezone.utc).isoformat(),
        "pipeline_version": version,
        "schema_version": schema_version,
        "data_run_id": data_run_id,    # the last run that changed the data this handoff holds
        "settings": settings,          # what that run's output depends on besides its input
        "tables": tables,
    }
    return manifest


def data_dictionary(manifest: dict) -> str:
    """DATA_DICTIONARY.md for a handoff: every exported table and column, described."""
    lines = ["# newsflow data dictionary", "",
             f"Handoff of run `{manifest['run_id']}`, schema `{manifest['schema_version']}`, "
             f"newsflow {manifest['pipeline_version']}, written {manifest['created_at']}.", "",
             "Each folder holds one table as zstd Parquet; partitioned tables use hive folders "
             "(`lang=en/ingest_date=2024-05-30/`). Read them with any Parquet reader, e.g. "
             "`duckdb.sql(\"select * from read_parquet('articles/**/*.parquet', hive_partitioning=true)\")`.", ""]
    if "snapshot" in manifest:
        lines += [f"`{manifest['snapshot']['file']}` is the whole warehouse as a DuckDB file: "
                  "open it read-only (`duckdb -readonly newsflow.duckdb`).", ""]
    for name, table in manifest["tables"].items():
        partitions = ", ".join(table["partition_by"]) or "none"
        lines += [f"## {name}", "", table.get("description") or "", "",
                  f"{table['rows']:,} rows; partitioned by: {partitions}.", "",
                  "| column | type | description |", "|---|---|---|"]
        lines += [f"| `{c['name']}` | {c['type']} | {c['description'] or ''} |" for c in table["columns"]]
        lines.append("")
    lines += ["## Reason codes", "", "The closed set of codes each of these columns holds.", ""]
    for column, codes in describe().items():
        lines += [f"### `{column}`", "", "| code | meaning |", "|---|---|"]
        lines += [f"| `{code}` | {meaning} |" for code, meaning in codes]
        lines.append("")
    if manifest.get("settings"):
        lines += ["## Settings of the run", "", "What the data depends on besides its input "
                  "(also in `manifest.json` under `settings`):", "", "```json",
                  json.dumps(manifest["settings"], indent=2, sort_keys=True), "```", ""]
    return "\n".join(lines)


def last_data_run(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute(query("warehouse/queries:last_data_run")).fetchone()
    return row[0] if row else None


def handoff_is_current(db: Path, target: Path) -> bool:
    """True when the handoff at ``target`` holds the data of the warehouse's last loading run
    (a run whose export failed leaves it stale, and the next run exports again)."""
    try:
        manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    with contextlib.closing(connect(db, read_only=True)) as con:
        return manifest.get("data_run_id") == last_data_run(con)


def _swap_in(new: Path, target: Path) -> None:
    """Put ``new`` at ``target``: the old handoff is moved aside, then removed."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


@task(name="export")
def export_task(db: str, target: str, run_id: str, version: str, snapshot: str | None = None,
                memory_limit: str = Settings.duckdb_memory_limit) -> dict:
    manifest = write_export(Path(db), Path(target), run_id, version, Path(snapshot) if snapshot else None,
                            memory_limit)
    return {name: t["rows"] for name, t in manifest["tables"].items()}
