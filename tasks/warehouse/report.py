"""The warehouse as one self-contained HTML page, and a Markdown summary for Prefect.

The page reads the report views through a read-only connection. Sections whose views another
pass fills (stories, duplicate rates) are optional: until that pass has run the page says "not
computed yet". A query that fails on an older or newer schema turns its section into a one-line
note, so one broken view never costs the whole report. The panels are in tasks/warehouse/panels.py,
the charts in tasks/warehouse/charts.py, the HTML in tasks/warehouse/markup.py.
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Sequence

import duckdb
from prefect import task

from newsflow.tasks.warehouse.corpus_panels import duplicates_panel, stories_panels
from newsflow.tasks.warehouse.markup import display, esc, page
from newsflow.tasks.warehouse.panels import (absent, coverage_panel, entities_panels, flags_panel, language_panel,
                                             outlet_panel, quarantine_panel, quarantine_reasons, relations,
                                             removed_panels, rows, runs_panel, top_entities)
from newsflow.tasks.warehouse.store import connect

# Each section's panels come from builders (con, have) -> a panel or a list of panels.
SECTIONS = (("over-time", "Articles over time", (language_panel, outlet_panel)),
            ("entities", "Top entities", (entities_panels,)),
            ("stories", "Stories and their outlets", (stories_panels, duplicates_panel)),
            ("quality", "Data quality", (quarantine_panel, removed_panels, flags_panel, coverage_panel)),
            ("runs", "Run history", (runs_panel,)))

# The page's headline counts: (label, query name).
TOTALS = (("articles", "total_articles"), ("sentences", "total_sentences"), ("entities", "total_entities"),
          ("languages", "total_languages"), ("outlets", "total_outlets"), ("schema version", "schema_version"))


def scalar(con, name: str) -> object:
    """One value, or None where the warehouse lacks the table (a new or an old schema)."""
    try:
        return rows(con, name)[0][0]
    except duckdb.Error:
        return None


def totals(con) -> list[tuple[str, object]]:
    return [(label, scalar(con, name)) for label, name in TOTALS]


def guarded(build: Callable, con, have) -> list[str]:
    """A builder's panels; a query that fails on this warehouse's schema becomes a note."""
    try:
        built = build(con, have)
    except duckdb.Error as exc:
        reason = str(exc).splitlines()[0]
        return [absent("Not available", f"Could not be read from this warehouse: {reason}")]
    return [built] if isinstance(built, str) else built


def build_report(con: duckdb.DuckDBPyConnection, title: str = "newsflow report",
                 now: datetime | None = None) -> str:
    """A self-contained HTML page (a str) describing the warehouse ``con`` is connected to
    (read-only). Deterministic: the same data and ``now`` give the same page."""
    now = now or datetime.now(timezone.utc)
    have = relations(con)
    sections = [(anchor, heading, [p for build in builders for p in guarded(build, con, have)])
                for anchor, heading, builders in SECTIONS]
    return page(title, f"Generated {display(now)}", totals(con), sections)


def write_report(db: Path, out: Path, now: datetime | None = None) -> Path:
    """Open ``db`` read-only, build the report and write it to ``out`` atomically: a reader
    (or a web server) sees the previous page or the new one, never half of one."""
    with contextlib.closing(connect(db, read_only=True)) as con:
        text = build_report(con, now=now)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)  # only left when the write or the rename failed
    return out


def report_markdown(con: duckdb.DuckDBPyConnection) -> str:
    """A short Markdown summary (key counts and top tables) for a Prefect artifact."""
    have = relations(con)
    counts = totals(con)
    parts = ["# newsflow report", md_table([name for name, _ in counts], [[v for _, v in counts]])]
    if "run_history" in have:
        last = rows(con, "latest_run")
        if last:
            parts += ["## Latest run", md_table(["started", "status", "seen", "new", "unchanged",
                                                 "quarantined"], last)]
    entities = top_entities(con, 10) if "top_entities" in have else []
    if entities:
        parts += ["## Top entities", md_table(["entity", "label", "articles", "mentions"], entities)]
    langs = rows(con, "top_languages") if "articles_per_day_lang" in have else []
    if langs:
        parts += ["## Languages", md_table(["language", "articles"], langs)]
    quarantined = quarantine_reasons(con, have)
    if quarantined:
        parts += ["## Quarantine", md_table(["reason", "what", "count"], [r[:3] for r in quarantined])]
    return "\n\n".join(parts) + "\n"


def md_cell(value: object) -> str:
    text = esc(value)  # Prefect's artifact view renders HTML in Markdown
    for char in "\\|*_[]`":
        text = text.replace(char, "\\" + char)
    return text


def md_table(headers: Sequence[str], body: Sequence[Sequence[object]]) -> str:
    right = [isinstance(v, (int, float)) and not isinstance(v, bool) for v in (body[0] if body else headers)]
    lines = ["| " + " | ".join(headers) + " |", "|" + "".join("---:|" if r else "---|" for r in right)]
    lines += ["| " + " | ".join(md_cell(v) for v in row) + " |" for row in body]
    return "\n".join(lines)


@task(name="report")
def report_task(db: str, out: str) -> str:
    return str(write_report(Path(db), Path(out)))
