"""The report's panels, section by section: each builder takes a read-only connection and the
warehouse's relations (name -> kind) and returns a panel or a list of them (tasks/warehouse/report.py
assembles the page). Queries are in sql/report/panels.sql; charts are drawn by
tasks/warehouse/charts.py, tables and panels by tasks/warehouse/markup.py.
"""

from __future__ import annotations

from datetime import timezone
from typing import Sequence

import duckdb

from newsflow.tasks.warehouse.charts import (DARK_GREY, GREY, NARROW, OTHER, WIDTH, colour, columns, hbars, legend,
                                             stacked)
from newsflow.tasks.warehouse.markup import Percent, panel, table
from newsflow.tasks.warehouse.sql import query

NOT_COMPUTED = "not computed yet"
UNKNOWN_OUTLET = "outlet unknown"
ENTITY_LABELS = ("PERSON", "ORG", "GPE")
LABEL_COLOURS = {label: colour(i) for i, label in enumerate(ENTITY_LABELS + ("NORP", "LOC"))}
TABLE_ROWS = 10


def rows(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> list[tuple]:
    """The rows of the report query ``name`` (sql/report/panels.sql), its parameters bound."""
    return con.execute(query(f"report/panels:{name}"), params).fetchall()


def relations(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Every table and view of the warehouse, with its kind ('BASE TABLE' or 'VIEW')."""
    return dict(rows(con, "relations"))


def column_names(con: duckdb.DuckDBPyConnection, relation: str) -> set[str]:
    return {r[0] for r in rows(con, "column_names", relation=relation)}


def absent(heading: str, note: str) -> str:
    return panel(heading, note=note)


def first_rows(headers: Sequence[str], body: Sequence[Sequence[object]]) -> str:
    """The table of a panel: its first rows, and how many more there are."""
    return table(headers, body[:TABLE_ROWS], len(body) - TABLE_ROWS)


# ---- 1. articles over time ---------------------------------------------------------------------

def series_colours(names: Sequence[str]) -> list[str]:
    special = {OTHER: DARK_GREY, UNKNOWN_OUTLET: GREY}
    return [special.get(name, colour(i)) for i, name in enumerate(names)]


def over_time_chart(points: list[tuple], label: str) -> str:
    labels, series = stacked(points)
    return columns(labels, series, label, series_colours([name for name, _ in series]))


def language_panel(con, have) -> str:
    heading = "By language, per ingest day"
    if "articles_per_day_lang" not in have:
        return absent(heading, NOT_COMPUTED)
    points = rows(con, "language_days")
    if not points:
        return absent(heading, "No articles yet.")
    langs = rows(con, "language_totals")
    total = sum(n for _, n, _, _ in langs)
    return panel(heading, over_time_chart(points, "Articles per ingest day by language"),
                 first_rows(["language", "articles", "share", "first day", "last day"],
                            [(lang, n, Percent(n / total), first, last) for lang, n, first, last in langs]))


def outlet_panel(con, have) -> str:
    heading = "By outlet, per publication day"
    if "articles_per_outlet_day" not in have:
        return absent(heading, NOT_COMPUTED)
    points = rows(con, "outlet_days", unknown_outlet=UNKNOWN_OUTLET)
    if not points:
        return absent(heading, "No articles yet.")
    outlets = rows(con, "outlet_totals", unknown_outlet=UNKNOWN_OUTLET)
    return panel(heading, over_time_chart(points, "Articles per publication day by outlet"),
                 first_rows(["outlet", "articles", "date unknown", "first day", "last day"], outlets))


# ---- 2. entities -------------------------------------------------------------------------------

def top_entities(con, limit: int, label: str | None = None) -> list[tuple]:
    """(name, label, n_articles, n_mentions) of the most named entities, of one label or all."""
    return rows(con, "top_entities", label=label, limit=limit)


def entity_bars(entities: list[tuple], label: str, width: int) -> str:
    return hbars([(name, n) for name, _, n, _ in entities], label,
                 [LABEL_COLOURS.get(kind, GREY) for _, kind, _, _ in entities], width=width)


def entities_panels(con, have) -> list[str]:
    if "top_entities" not in have:
        return [absent("Top entities", NOT_COMPUTED)]
    top = top_entities(con, 20)
    if not top:
        return [absent("Top entities", "No entities yet.")]
    kinds = sorted({kind for _, kind, _, _ in top}, key=lambda k: (k not in LABEL_COLOURS, k))
    panels = [panel("Top 20 entities, by articles naming them",
                    entity_bars(top, "Top 20 entities by number of articles", WIDTH)
                    + legend(kinds, [LABEL_COLOURS.get(k, GREY) for k in kinds]),
                    table(["#", "entity", "label", "articles", "mentions"],
                          [(i, *row) for i, row in enumerate(top, 1)]))]
    for label in ENTITY_LABELS:
        top5 = top_entities(con, 5, label)
        heading = f"Top 5 {label}"
        panels.append(panel(heading, entity_bars(top5, f"{heading} entities by articles", NARROW))
                      if top5 else absent(heading, f"No {label} entities yet."))
    return panels


# ---- 3. stories and duplicates -----------------------------------------------------------------


# ---- 4. data quality ---------------------------------------------------------------------------

def quarantine_reasons(con, have) -> list[tuple]:
    """(reason, what, n, example path): files refused whole, and records refused inside JSONL
    or WARC containers whose file was read."""
    found = []
    if "quarantine" in have:
        found += rows(con, "quarantined_files")
    if "records" in have:
        found += rows(con, "quarantined_records")
    return sorted(found, key=lambda r: (-r[2], r[1], r[0]))


def quarantine_panel(con, have) -> str:
    found = quarantine_reasons(con, have)
    if not found:
        return absent("Quarantined inputs", "Nothing quarantined.")
    return panel("Quarantined inputs, by reason",
                 hbars([(f"{reason} ({what})", n) for reason, what, n, _ in found[:TABLE_ROWS]],
                       "Quarantined files and records by reason", [colour(3)] * TABLE_ROWS),
                 first_rows(["reason", "what", "count", "e.g."], found))


def removed_panels(con, have) -> list[str]:
    removed = rows(con, "removed_by_reason")
    if not removed:
        return [absent("Removed boilerplate", "No lines removed.")]
    panels = [panel("Removed boilerplate lines, by reason",
                    hbars([(reason, n) for reason, n, _ in removed], "Removed lines by reason"),
                    table(["reason", "lines", "pages"], removed))]
    if "records" in have:
        by_outlet = rows(con, "removed_per_outlet", unknown_outlet=UNKNOWN_OUTLET)
        per_outlet = [(o, n, lines, lines / n) for o, n, lines in by_outlet]
        panels.append(panel("Removed lines per article, by outlet",
                            hbars([(o, per) for o, _, _, per in per_outlet[:TABLE_ROWS]],
                                  "Removed lines per article by outlet", fmt=lambda v: round(v, 1)),
                            first_rows(["outlet", "articles", "lines removed", "per article"], per_outlet)))
    return panels


def flags_panel(con, have) -> str:
    n_articles = rows(con, "total_articles")[0][0]
    flags = rows(con, "flags")
    if not flags:
        return absent("Article flags", "No article carries a flag.")
    return panel("Article flags", hbars(flags, "Articles per quality flag", [colour(1)] * len(flags)),
                 table(["flag", "articles", "share"], [(f, n, Percent(n / n_articles)) for f, n in flags]))


def coverage_panel(con, have) -> str:
    if "metadata_coverage" not in have:
        return absent("Metadata coverage", NOT_COMPUTED)
    coverage = [(c, n, Percent(o), Percent(p), Percent(u)) for c, n, o, p, u in rows(con, "metadata_coverage")]
    if not coverage:
        return absent("Metadata coverage", "No articles yet.")
    fields = ("outlet", "publication date", "URL")
    bars = [(f"{row[0]}: {field}", row[2 + i]) for row in coverage for i, field in enumerate(fields)]
    return panel("Metadata coverage, by input container",
                 hbars(bars, "Share of articles with each metadata field",
                       [colour(i % len(fields)) for i in range(len(bars))], fmt=Percent, scale_max=1),
                 table(["container", "articles", "with outlet", "with date", "with URL"], coverage))


# ---- 5. runs -----------------------------------------------------------------------------------

def runs_panel(con, have) -> str:
    if "run_history" not in have:
        return absent("Runs", NOT_COMPUTED)
    runs = rows(con, "recent_runs")
    if not runs:
        return absent("Runs", "No runs yet.")
    oldest_first = runs[::-1]
    labels = [r[0].astimezone(timezone.utc).strftime("%m-%d %H:%M") for r in oldest_first]
    series = [("new", [r[4] for r in oldest_first]), ("unchanged", [r[5] for r in oldest_first]),
              ("quarantined", [r[6] for r in oldest_first]),
              ("seen by a failed run", [r[3] if r[1] != "ok" else 0 for r in oldest_first])]
    headers = ["started", "status", "seconds", "seen", "new", "unchanged", "quarantined", "run"]
    recent = [(*r[:7], r[7][:8]) for r in runs[:TABLE_ROWS]]
    if any(r[8] for r in runs[:TABLE_ROWS]):  # an error column only when there is an error to read
        headers.append("error")
        recent = [(*row, r[8] and r[8][:160]) for row, r in zip(recent, runs)]
    return panel("Files per run, newest on the right",
                 columns(labels, series, "Files per run: new, unchanged, quarantined",
                         [colour(0), GREY, colour(1), colour(3)]),
                 table(headers, recent), table_below=True)
