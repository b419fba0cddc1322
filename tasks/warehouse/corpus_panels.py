"""The report's panels on what the corpus passes computed: same-story groups and where each
story appeared first, exact and near duplicates by outlet. Until the corpus pass has run, they
say "not computed yet" rather than "no duplicates"."""

from __future__ import annotations

from newsflow.tasks.warehouse.charts import NARROW, hbars
from newsflow.tasks.warehouse.markup import Percent, display, panel, table
from newsflow.tasks.warehouse.panels import (NOT_COMPUTED, TABLE_ROWS, UNKNOWN_OUTLET, absent, column_names,
                                             first_rows, rows)
from newsflow.tasks.warehouse.sql import query


def corpus_computed(con, have) -> bool:
    """Whether the corpus pass has run. Its views exist from the migration on but read state
    only that pass writes: before it runs they are empty, which would read as "no duplicates"."""
    if "article_fingerprints" not in have:
        return True
    return rows(con, "corpus_computed")[0][0]


def stories_panels(con, have) -> list[str] | str:
    if "stories" in have and corpus_computed(con, have):
        return story_group_panels(con)
    if "story_first_appearance" in have:
        return first_appearance_panel(con)
    return absent("Stories", f"Same-story groups: {NOT_COMPUTED}.")


def first_carriers(con, of: str) -> list[tuple]:
    """(outlet, n): how many stories each outlet carried before any other, ``of`` "stories" or
    (before same-story groups exist) "articles"."""
    return rows(con, f"first_carriers_of_{of}", unknown_outlet=UNKNOWN_OUTLET)


def story_group_panels(con) -> list[str]:
    top = rows(con, "largest_stories", limit=TABLE_ROWS)
    if not top:
        return [absent("Stories", "No same-story groups: no two articles tell one story yet.")]
    n_stories = rows(con, "n_stories")[0][0]
    return [panel(f"Largest stories ({n_stories:,} in all)",
                  hbars([(label, n) for label, _, n, _, _ in top], "Largest stories by number of articles"),
                  table(["story", "first headline", "articles", "outlets, first to last", "first appeared"],
                        top, n_stories - len(top)), table_below=True),
            panel("Outlets first to carry a story",
                  hbars(first_carriers(con, "stories"), "Stories each outlet carried first",
                        width=NARROW))]


def first_appearance_panel(con) -> str:
    """Before same-story groups exist each article is its own story: which outlets carry
    the most, and when each first did, is still worth seeing."""
    top = rows(con, "stories_by_outlets", limit=TABLE_ROWS)
    if not top:
        return absent("Stories", "No stories yet.")
    return panel("Stories and their outlets",
                 hbars(first_carriers(con, "articles"),
                       "Stories each outlet carried first"),
                 table(["story", "known outlets", "carried by", "first appeared"], top),
                 f"Same-story groups: {NOT_COMPUTED}; until they are, each article is its own story "
                 "(view story_first_appearance).", table_below=True)


def duplicate_rates_view(con, have) -> str | None:
    """The report view of duplicate rates: a view named duplicate... or near_duplicate... with
    per-outlet counts (the tables of the same prefix hold the pass's state, not rates)."""
    needed = {"outlet", "n_articles", "n_exact_duplicates", "n_near_duplicates"}
    return next((name for name, kind in have.items() if kind == "VIEW"
                 and name.startswith(("duplicate", "near_duplicate"))
                 and needed <= column_names(con, name)), None)


def duplicates_panel(con, have) -> str:
    heading = "Duplicate and near-duplicate rates"
    view = duplicate_rates_view(con, have)
    if view is None or not corpus_computed(con, have):
        return absent(heading, NOT_COMPUTED)
    per_outlet = con.execute(query("report/panels:duplicate_rates").format(view=view),
                             {"unknown_outlet": UNKNOWN_OUTLET}).fetchall()
    if not per_outlet:
        return absent(heading, "No articles yet.")
    shares = [(o, n, exact, near, Percent((exact + near) / n)) for o, n, exact, near in per_outlet]
    n, exact, near = (sum(r[i] for r in per_outlet) for i in (1, 2, 3))
    return panel(f"{heading}, by outlet",
                 hbars([(o, share) for o, *_, share in shares[:TABLE_ROWS]], "Share of duplicates by outlet",
                       fmt=Percent, scale_max=1),
                 first_rows(["outlet", "articles", "exact", "near", "duplicate share"], shares),
                 f"{exact:,} exact ({display(Percent(exact / n))}) and {near:,} near duplicates "
                 f"({display(Percent(near / n))}) among {n:,} articles.")
