"""How the report looks: inline SVG charts, HTML tables and panels, the page and its stylesheet.

No plotting library, no script, no fonts or images to fetch: the page must open offline, print,
and come out the same byte for byte from the same data. Every value that reaches the page goes through ``esc``, since
titles, outlets and entity names are scraped text. Each bar carries a ``<title>``, so hovering
shows its exact number without JavaScript.
"""

from __future__ import annotations

import html
import math
from datetime import date, datetime, timedelta, timezone
from typing import Callable, Sequence

# Colour-blind-friendly categorical colours (Tableau 10); "other" and unknowns are grey.
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#edc948",
           "#9c755f", "#ff9da7")
GREY = "#bab0ac"         # unknown (no outlet, no date)
DARK_GREY = "#79706e"    # "other": the sum of the smaller series
WIDTH = 640              # a chart beside its table
NARROW = 420             # a chart alone in a narrow panel
OTHER = "other"
UNKNOWN_DATE = "date unknown"


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


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def _svg(width: int, height: int, label: str, body: list[str]) -> str:
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img" aria-label="{esc(label)}">'
            f'<title>{esc(label)}</title>{"".join(body)}</svg>')


def _bar(x: float, y: float, w: float, h: float, fill: str, tip: str) -> str:
    return (f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
            f'fill="{fill}"><title>{esc(tip)}</title></rect>')


def _text(x: float, y: float, text: str, anchor: str = "start", cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{klass}>{esc(text)}</text>'


def nice_ticks(maximum: int, n_ticks: int = 4) -> list[int]:
    """Gridlines for counts: from 0 to at least ``maximum`` in whole steps of 1, 2 or 5 × 10^k."""
    top = max(maximum, 1)
    magnitude = 10 ** max(math.floor(math.log10(top / n_ticks)), 0)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= top / n_ticks)
    return [step * i for i in range(math.ceil(top / step) + 1)]


def hbars(rows: Sequence[tuple[str, float]], label: str, colours: Sequence[str] | None = None,
          fmt: Callable[[float], object] = lambda v: v, scale_max: float | None = None,
          width: int = WIDTH) -> str:
    """A ranked list: one horizontal bar per (name, value) row, the value printed at its end.
    ``scale_max`` fixes the full length (1 for shares); otherwise the largest value fills it."""
    row_h, gap, label_w, value_w = 18, 5, width * 5 // 16, 56
    plot_w = width - label_w - value_w
    top = max([scale_max or 0] + [v for _, v in rows]) or 1
    body = []
    for i, (name, value) in enumerate(rows):
        y, length, shown = i * (row_h + gap), plot_w * value / top, display(fmt(value))
        body.append(_text(label_w - 6, y + 13, shorten(display(name), label_w // 7), "end"))
        body.append(_bar(label_w, y, max(length, 1) if value else 0, row_h,
                         colours[i] if colours else PALETTE[0], f"{display(name)}: {shown}"))
        body.append(_text(label_w + length + 4, y + 13, shown))
    return _svg(width, max(len(rows) * (row_h + gap) - gap, row_h), label, body)


# Geometry of a column chart: the plot and the margins for the axis labels.
COLUMNS_H, LEFT, BOTTOM, TOP, RIGHT = 220, 48, 36, 8, 8
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, COLUMNS_H - BOTTOM - TOP


def columns(x_labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], label: str,
            colours: Sequence[str] | None = None) -> str:
    """Stacked columns over categories (days, runs), with gridlines; a legend for 2+ series."""
    colours = colours or [colour(i) for i in range(len(series))]
    totals = [sum(values[i] for _, values in series) for i in range(len(x_labels))]
    ticks = nice_ticks(max(totals, default=0))
    scale = PLOT_H / ticks[-1]
    slot = PLOT_W / max(len(x_labels), 1)
    bar_w = min(max(slot * 0.8, 1), 56)  # one day alone is a column, not a wall
    body = _y_axis(ticks, scale) + _x_axis(x_labels, slot)
    for i, x_label in enumerate(x_labels):
        x, base = LEFT + (i + 0.5) * slot - bar_w / 2, TOP + PLOT_H
        for (name, values), fill in zip(series, colours):
            if values[i]:
                base -= values[i] * scale
                where = f"{x_label} · {name}" if name else x_label
                body.append(_bar(x, base, bar_w, values[i] * scale, fill, f"{where}: {display(values[i])}"))
    chart = _svg(WIDTH, COLUMNS_H, label, body)
    return chart + legend([name for name, _ in series], colours) if len(series) > 1 else chart


def _y_axis(ticks: list[int], scale: float) -> list[str]:
    lines = []
    for tick in ticks:
        y = TOP + PLOT_H - tick * scale
        lines.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        lines.append(_text(LEFT - 6, y + 4, display(tick), "end", "tick"))
    return lines


def _x_axis(x_labels: Sequence[str], slot: float) -> list[str]:
    """Labels under the columns, thinned to fit; the last is always shown, ending at the edge."""
    n = len(x_labels)
    every = math.ceil(n / (PLOT_W // 72))
    shown = ([i for i in range(n - 1) if i % every == 0 and n - 1 - i >= every] + [n - 1]) if n else []
    labels = []
    for i in shown:
        is_last = i == n - 1 and n > 1
        x = LEFT + (i + 1) * slot if is_last else LEFT + (i + 0.5) * slot
        labels.append(_text(x, COLUMNS_H - BOTTOM + 16, x_labels[i], "end" if is_last else "middle", "tick"))
    return labels


def time_buckets(days: Sequence[date]) -> tuple[list[str], Callable[[date], str]]:
    """Consecutive buckets from the first day to the last, gaps included: days up to three
    months, then months up to ten years, then years (a stray 1970 date must not make 20,000 bars)."""
    first, last = min(days), max(days)
    span = (last - first).days
    if span <= 92:
        key: Callable[[date], str] = date.isoformat
    elif span <= 3660:
        key = lambda d: d.strftime("%Y-%m")  # noqa: E731
    else:
        key = lambda d: str(d.year)  # noqa: E731
    labels = list(dict.fromkeys(key(first + timedelta(days=i)) for i in range(span + 1)))
    return labels, key


def stacked(points: Sequence[tuple[date | None, str, int]],
            top: int = 6) -> tuple[list[str], list[tuple[str, list[int]]]]:
    """(day, series, n) points as stacked columns over time: the ``top`` busiest series in their
    own colour and the rest summed as "other"; undated points in a last "date unknown" column."""
    totals: dict[str, int] = {}
    for _, name, n in points:
        totals[name] = totals.get(name, 0) + n
    ranked = sorted(totals, key=lambda name: (-totals[name], name))
    kept = ranked if len(ranked) <= top + 1 else ranked[:top] + [OTHER]
    dated = [d for d, _, _ in points if d is not None]
    labels, key = time_buckets(dated) if dated else ([], date.isoformat)
    if len(dated) < len(points):
        labels.append(UNKNOWN_DATE)
    position = {label: i for i, label in enumerate(labels)}
    series = {name: [0] * len(labels) for name in kept}
    for day, name, n in points:
        bucket = key(day) if day is not None else UNKNOWN_DATE
        series[name if name in series else OTHER][position[bucket]] += n
    return labels, list(series.items())


def legend(names: Sequence[str], colours: Sequence[str]) -> str:
    items = "".join(f'<li><span class="swatch" style="background:{fill}"></span>{esc(name)}</li>'
                    for name, fill in zip(names, colours))
    return f'<ul class="legend">{items}</ul>'


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
