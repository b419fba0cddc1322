"""The ``newsflow`` command line.

``ingest`` and ``export`` run Prefect flows; ``clean``, ``annotate`` and ``sql`` need no
orchestration and no write access, so they start fast and never block an ingest (readonly.py).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from pathlib import Path
from typing import Iterator, Sequence

from newsflow.flows.readonly import cmd_annotate, cmd_clean, cmd_sql
from newsflow.tasks.config import INGEST_OVERRIDES, load_settings
from newsflow.tasks.errors import ApiLost, InputError, Interrupted

EXIT_USAGE, EXIT_FAILED = 2, 1


def _quiet_prefect(verbose: bool) -> None:
    """Prefect reads these at import: set them before the first import of prefect. Quiet means
    quiet: a failed run is reported by the command's own one-line error, not a log traceback."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "CRITICAL")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "INFO" if verbose else "CRITICAL")
    # Prefect's own machinery (its event and log services) logs a lost API at ERROR
    os.environ.setdefault("PREFECT_INTERNAL_LOGGING_LEVEL", "ERROR" if verbose else "CRITICAL")


def _ensure_writable(settings) -> None:
    """Fail fast, before Prefect starts, when another run or process holds the warehouse.
    The flow takes the same lock for real; this only spares the user a server start-up."""
    from newsflow.tasks.warehouse.lock import run_lock
    from newsflow.tasks.warehouse.store import connect

    with run_lock(settings.lock_path, settings.lock_wait_s):
        if settings.db.exists():
            connect(settings.db).close()


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGTERM and SIGINT raise ``Interrupted`` in the main thread: the flow records the run as
    cancelled, and the process then exits normally, so the worker pool and the temporary Prefect
    server (flows/api.py) are stopped (a death by signal would leave them running). Prefect's own SIGTERM
    handler, installed while the flow runs, re-sends the signal to this one."""
    def interrupt(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    previous = {signum: signal.signal(signum, interrupt) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def cmd_ingest(args: argparse.Namespace) -> int:
    _quiet_prefect(args.verbose)
    for path in args.paths:
        if not Path(path).exists():
            raise InputError(f"input path does not exist: {path}")
    options = {name: getattr(args, name) for name in INGEST_OVERRIDES}
    settings = load_settings(options)  # a bad setting fails here, before Prefect starts
    _ensure_writable(settings)
    from newsflow.flows.api import prefect_api
    from newsflow.flows.console import progress_bar, print_summary
    from newsflow.flows.ingest import ingest_flow_for

    flow = ingest_flow_for(settings.dask_address)
    with progress_bar(), stop_on_signals(), prefect_api(quiet=not args.verbose):
        summary = flow(paths=args.paths or None, **options)
    print_summary(summary, settings.snapshot_path)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from newsflow.tasks.warehouse.report import write_report

    settings = load_settings({"db": args.db})
    db = settings.snapshot_path if settings.snapshot_path.exists() else settings.db
    if not db.exists():
        raise InputError(f"no warehouse at {settings.db}: run `newsflow ingest` first")
    print(write_report(db, Path(args.out)))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    _quiet_prefect(args.verbose)
    from newsflow.flows.export import export_flow

    counts = export_flow(db=args.db, export_dir=args.export_dir)
    for table, n in counts.items():
        print(f"{table:20} {n:>10,}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    _quiet_prefect(True)
    from prefect import serve

    from newsflow.flows.ingest import build_deployment

    deployment = build_deployment(args.cron, args.paths, args.db, args.export_dir)
    print(f"serving {deployment.name} on {args.cron!r}: runs appear in the Prefect UI", file=sys.stderr)
    serve(deployment)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsflow", description="Batch ingestion of scraped news text into DuckDB and Parquet.")
    sub = parser.add_subparsers(dest="command", required=True)

    def add_store_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", help="warehouse file (default data/warehouse.duckdb)")
        p.add_argument("--export", dest="export_dir", metavar="EXPORT", help="handoff folder (default data/export)")
        p.add_argument("--verbose", action="store_true", help="show Prefect's logs")

    ingest = sub.add_parser("ingest", help="ingest raw files into the warehouse and export Parquet")
    ingest.add_argument("paths", nargs="*", help="files or folders (default data/raw)")
    add_store_args(ingest)
    ingest.add_argument("--batch-size", type=int, help="files per annotate task (default 200)")
    ingest.add_argument("--workers", type=int, help="annotation processes (default: one per core)")
    ingest.add_argument("--max-file-bytes", type=int, help="quarantine larger files and records (default 5 MB)")
    ingest.add_argument("--max-decompressed-bytes", type=int,
                        help="what one .jsonl[.gz] or .warc[.gz] file may expand to (default 1 GB)")
    ingest.add_argument("--path-pattern", help='metadata in paths, e.g. "{outlet}/{published:%%Y-%%m-%%d}/*.txt"')
    ingest.add_argument("--dask", dest="dask_address", metavar="ADDRESS", help="run the batches on this Dask scheduler")
    ingest.add_argument("--staging", help="staging folder every Dask worker can reach")
    ingest.set_defaults(func=cmd_ingest)

    clean = sub.add_parser("clean", help="clean files and print JSON lines (no database)")
    clean.add_argument("paths", nargs="+", help="files, or - for standard input")
    clean.add_argument("--jsonl", action="store_true", required=True, help="JSON lines output")
    clean.set_defaults(func=cmd_clean)

    annotate = sub.add_parser("annotate", help="annotate files and print JSON lines (no database)")
    annotate.add_argument("paths", nargs="+", help="files, or - for standard input")
    annotate.add_argument("--jsonl", action="store_true", required=True, help="JSON lines output")
    annotate.add_argument("--no-clean", action="store_true", help="annotate the raw text as it is")
    annotate.set_defaults(func=cmd_annotate)

    sql = sub.add_parser("sql", help="run a query on the latest snapshot of the warehouse")
    sql.add_argument("query")
    sql.add_argument("--db", help="warehouse file (default data/warehouse.duckdb)")
    sql.add_argument("--live", action="store_true", help="query the live file (blocks an ingest)")
    sql.add_argument("--format", choices=["table", "csv", "jsonl"], default="table")
    sql.add_argument("--max-rows", type=int, default=40, help="rows shown in table format")
    sql.set_defaults(func=cmd_sql)

    report = sub.add_parser("report", help="write a self-contained HTML report of the warehouse")
    report.add_argument("--db", help="warehouse file (default data/warehouse.duckdb)")
    report.add_argument("--out", default="data/report.html", help="HTML file (default data/report.html)")
    report.set_defaults(func=cmd_report)

    export = sub.add_parser("export", help="rewrite the Parquet handoff from the warehouse")
    add_store_args(export)
    export.set_defaults(func=cmd_export)

    serve = sub.add_parser("serve", help="run ingest on a schedule (needs a Prefect server)")
    serve.add_argument("paths", nargs="*", help="files or folders (default data/raw)")
    serve.add_argument("--cron", required=True, help='cron schedule, e.g. "0 * * * *"')
    add_store_args(serve)
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    import duckdb

    from newsflow.tasks.errors import CheckFailed, ConfigError, ExportFailed, WarehouseBusy

    try:
        return args.func(args)
    except (FileNotFoundError, ConfigError, InputError, WarehouseBusy) as exc:
        print(f"newsflow: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except duckdb.Error as exc:
        print(f"newsflow: error: {str(exc).splitlines()[0]}", file=sys.stderr)
        return EXIT_FAILED
    except CheckFailed as exc:
        print(f"newsflow: data check failed, run rolled back: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except ExportFailed as exc:
        print(f"newsflow: export failed (the warehouse is loaded): {exc}", file=sys.stderr)
        return EXIT_FAILED
    except (KeyboardInterrupt, Interrupted) as exc:
        signum = getattr(exc, "signum", signal.SIGINT)
        print(f"newsflow: stopped by {signal.Signals(signum).name}; the run is recorded as cancelled, "
              "the slices it committed stay and the next run does the rest", file=sys.stderr)
        return 128 + signum
    except ApiLost as exc:
        from newsflow.flows.api import lost_message

        print(lost_message(str(exc)), file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
