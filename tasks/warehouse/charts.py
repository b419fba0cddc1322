"""The report's charts: inline SVG bars, columns and stacked series over time.

No plotting library, no script, no fonts or images to fetch: the page must open offline, print,
and come out the same byte for byte from the same data. Every label goes through
``markup.esc``, since titles, outlets and entity names are scraped text. Each bar carries a
``<title>``, so hovering shows its exact number without JavaScript.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Callable, Sequence

from newsflow.tasks.warehouse.markup import display, esc

# Colour-blind-friendly categorical colours (Tableau 10); "other" and unknowns are grey.
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#edc948",
           "#9c755f", "#ff9da7")
GREY = "#bab0ac"         # unknown (no outlet, no date)
DARK_GREY = "#79706e"    # "other": the sum of the smaller series
WIDTH = 640              # a chart beside its table
NARROW = 420             # a chart alone in a narrow panel
OTHER = "other"
UNKNOWN_DATE = "date unknown"


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
