"""The report's HTML: how a value reads (``display``) and is escaped (``esc``: every value that
reaches the page goes through it, since titles, outlets and entity names are scraped text),
tables, panels, and the page with its stylesheet (no script, nothing fetched)."""

from __future__ import annotations

import html
from datetime import date, datetime, timezone
from typing import Sequence


class Percent(float):
    """A share in [0, 1] that prints as a percentage."""


def esc(value: object) -> str:
    return html.escape(display(value), quote=True)


def display(value: object) -> str:
    """How a value reads on the page: numbers grouped, times in UTC, lists joined."""
    if value is None:
        return "–"
    if isinstance(value, Percent):
        return f"{value * 100:.1f} %"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, datetime):
        moment = value.astimezone(timezone.utc) if value.tzinfo else value
        return moment.strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(display(v) for v in value)
    return str(value)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], more: int = 0) -> str:
    """A small table; numbers align right. ``more`` counts rows left out, said in a last line."""
    numeric = [bool(rows) and _is_number(rows[0][i]) for i in range(len(headers))]
    head = "".join(f'<th class="num">{esc(h)}</th>' if num else f"<th>{esc(h)}</th>"
                   for h, num in zip(headers, numeric))
    body = []
    for row in rows:
        cells = "".join(f"<td{_cell_class(v)}>{esc(v)}</td>" for v in row)
        body.append(f"<tr>{cells}</tr>")
    if more > 0:
        body.append(f'<tr class="more"><td colspan="{len(headers)}">… and {more:,} more</td></tr>')
    return f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _cell_class(value: object) -> str:
    if _is_number(value):
        return ' class="num"'
    return ' class="when"' if isinstance(value, date) else ""  # datetimes are dates too


def panel(heading: str, chart: str = "", tbl: str = "", note: str = "", table_below: bool = False) -> str:
    """One chart and its table under a heading, side by side where the screen is wide enough
    (a table of many columns goes below); a panel with only a note says why it is empty."""
    note_html = f'<p class="note">{esc(note)}</p>' if note else ""
    if chart and tbl:
        return (f'<div class="panel wide{" below" if table_below else ""}"><h3>{esc(heading)}</h3>'
                f'{note_html}<div class="figure">{chart}</div><div class="data">{tbl}</div></div>')
    return f'<div class="panel"><h3>{esc(heading)}</h3>{note_html}{chart}{tbl}</div>'


def page(title: str, subtitle: str, totals: Sequence[tuple[str, object]],
         sections: Sequence[tuple[str, str, Sequence[str]]]) -> str:
    """The whole document: a header with the totals, a table of contents, the sections."""
    cards = "".join(f"<div><dt>{esc(name)}</dt><dd>{esc(value)}</dd></div>" for name, value in totals)
    toc = "".join(f'<li><a href="#{anchor}">{esc(heading)}</a></li>' for anchor, heading, _ in sections)
    body = "".join(f'<section id="{anchor}"><h2>{i}. {esc(heading)}</h2>'
                   f'<div class="panels">{"".join(panels)}</div></section>'
                   for i, (anchor, heading, panels) in enumerate(sections, 1))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{esc(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>{esc(title)}</h1>
<p class="subtitle">{esc(subtitle)}</p>
<dl class="totals">{cards}</dl>
<nav><ol>{toc}</ol></nav>
</header>
<main>{body}</main>
</body>
</html>
"""


# The page is its own stylesheet: system fonts only (no web fonts), colours kept when printing.
STYLE = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1400px; padding: 1.5rem 2rem 3rem; color: var(--ink);
  background: #fff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.3rem; margin: .3rem 0 .8rem; }
h3 { font-size: 1rem; margin: 0 0 .4rem; }
.subtitle, .note, tr.more td { color: var(--muted); }
.note { font-style: italic; margin: .2rem 0 .6rem; }
dl.totals { display: flex; flex-wrap: wrap; gap: .6rem; margin: .8rem 0; }
dl.totals div { border: 1px solid var(--line); border-radius: 6px; padding: .35rem .8rem; }
dt { color: var(--muted); font-size: .8rem; }
dd { margin: 0; font-size: 1.2rem; font-weight: 600; font-variant-numeric: tabular-nums; }
nav ol { display: flex; flex-wrap: wrap; gap: .2rem 1.4rem; margin: 0; padding-left: 1.2rem; }
section { border-top: 2px solid var(--ink); margin-top: 2rem; padding-top: .4rem; }
.panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 400px), 1fr));
  gap: 1.5rem 2.5rem; }
.panel { min-width: 0; break-inside: avoid; }
.panel.wide { grid-column: 1 / -1; display: grid; column-gap: 2.5rem; align-items: start;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 480px), 1fr)); }
.panel.wide > h3, .panel.wide > .note { grid-column: 1 / -1; }
.panel.wide.below { grid-template-columns: 1fr; }
svg.chart { display: block; max-width: 100%; height: auto; margin: .3rem 0 .6rem; font-size: 11px; }
svg text { fill: var(--ink); }
svg .tick { fill: var(--muted); font-size: 10px; }
svg .grid { stroke: var(--line); stroke-width: 1; }
.legend { display: flex; flex-wrap: wrap; gap: .2rem 1rem; list-style: none; margin: 0 0 .6rem;
  padding: 0; font-size: .85rem; }
.swatch { display: inline-block; width: .8em; height: .8em; margin-right: .35em; border-radius: 2px; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; font-variant-numeric: tabular-nums; }
th, td { text-align: left; vertical-align: top; padding: .2rem .5rem; overflow-wrap: break-word;
  border-bottom: 1px solid var(--line); }
th { border-bottom: 2px solid var(--ink); }
.num { text-align: right; white-space: nowrap; }
.when { white-space: nowrap; }
.data { overflow-x: auto; }
tr.more td { font-style: italic; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  h2, h3 { break-after: avoid; }
  .panels, .panel.wide { display: block; }
  .panel { margin-bottom: 1.2rem; }
}
"""
