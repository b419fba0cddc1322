"""Terminal output for the command line: a progress bar, the run summary, query results."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsflow.flows.progress import set_reporter

stdout = Console()
stderr = Console(stderr=True)


class _BarReporter:
    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task_ids: dict[str, int] = {}

    def start(self, stage: str, total: int) -> None:
        self.task_ids[stage] = self.progress.add_task(stage, total=total, visible=total > 0)

    def advance(self, stage: str, amount: int) -> None:
        self.progress.advance(self.task_ids[stage], amount)


@contextlib.contextmanager
def progress_bar() -> Iterator[None]:
    """Show a progress bar on standard error while the flow reports progress."""
    columns = (TextColumn("{task.description:>9}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("files"), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=False) as progress:
        set_reporter(_BarReporter(progress))
        try:
            yield
        finally:
            set_reporter(None)


def print_summary(summary, snapshot: Path) -> None:
    """The run's accounting and the warehouse's row counts."""
    from newsflow.tasks.warehouse.sql import query
    from newsflow.tasks.warehouse.store import connect

    c = summary.counts
    table = Table(title=f"run {summary.run_id}", show_header=True)
    for name in ("seen", "new", "unchanged", "quarantined"):
        table.add_column(name, justify="right")
    table.add_row(*(f"{n:,}" for n in (c.n_seen, c.n_new, c.n_unchanged, c.n_quarantined)))
    stdout.print(table)
    if not (c.n_new or c.n_quarantined):
        stdout.print("nothing new: warehouse and handoff unchanged")
    records = [(c.n_records_quarantined, "quarantined"), (c.n_records_unchanged, "repeats annotated once"),
               (c.n_records_skipped, "non-HTML WARC records skipped")]
    if any(n for n, _ in records):
        stdout.print(", ".join([f"records: {c.n_records:,} read"] + [f"{n:,} {what}" for n, what in records if n]),
                     highlight=False)
    with contextlib.closing(connect(snapshot, read_only=True)) as con:
        reasons = con.execute(query("warehouse/queries:run_quarantine_reasons"), [summary.run_id]).fetchall()
        if reasons:
            stdout.print("quarantined: " + ", ".join(f"{reason} {n:,}" for reason, n in reasons), highlight=False)
        names = [row[0] for row in con.execute(query("warehouse/queries:main_tables")).fetchall()]
        counts = [(name, con.execute(f'select count(*) from "{name}"').fetchone()[0]) for name in names]
    totals = Table(title="warehouse rows", show_header=True)
    totals.add_column("table")
    totals.add_column("rows", justify="right")
    for name, n in counts:
        totals.add_row(name, f"{n:,}")
    stdout.print(totals)
