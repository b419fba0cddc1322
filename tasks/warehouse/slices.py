"""How the load cuts a run's staged parts into slices (load.py commits one per transaction).

A slice holds whole batches, about ``load_slice_articles`` articles of them; batches that stage
versions of one article go in one slice, and what discovery staged alone goes last."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from newsflow.tasks.corpus.dedup import components


def load_slices(staging: Path, max_articles: int) -> list[list[str]]:
    """The run's staged parts in slices of about ``max_articles`` articles, in batch order.

    A batch's parts (``b00003-c0000``, ..., ``b00003-files``) stay together: its ``-files``
    part holds the documents and sources of all its files. Batches that stage versions of
    one article stay together too, so a slice decides which version is current. What
    discovery staged alone (copies of files loaded in this run, files rejected unread) goes
    last, after the documents it points at."""
    parts: dict[str, list[str]] = {}
    for path in sorted((staging / "records").glob("*.parquet")):
        parts.setdefault(path.stem.split("-")[0], []).append(path.stem)
    slices: list[tuple[list[str], int]] = []   # (parts, articles)
    for batches, n_group in _article_groups(staging, {b: p for b, p in parts.items() if b != "discovery"}):
        group = [part for batch in batches for part in parts[batch]]
        if slices and slices[-1][1] + n_group <= max_articles:
            slices[-1] = (slices[-1][0] + group, slices[-1][1] + n_group)
        else:
            slices.append((group, n_group))
    # A slice costs a fixed time (entity keys, corpus totals, checks): a short tail joins
    # the slice before it, which then holds at most one and a half slices.
    if len(slices) > 1 and slices[-1][1] < max_articles / 2:
        tail = slices.pop()
        slices[-1] = (slices[-1][0] + tail[0], slices[-1][1] + tail[1])
    if not slices:
        return [parts["discovery"]] if "discovery" in parts else []
    return [group for group, _ in slices[:-1]] + [slices[-1][0] + parts.get("discovery", [])]


def _article_groups(staging: Path, parts: dict[str, list[str]]) -> list[tuple[list[str], int]]:
    """Batches joined when they stage records of one article (connected components), as
    (batch names, number of records that became articles), ordered by their first batch."""
    first_batch: dict[str, str] = {}
    n_records: dict[str, int] = {}
    links: list[tuple[str, str]] = []
    for batch, names in parts.items():
        # ParquetFile, not read_table: that would import pyarrow.dataset (and pandas, when
        # installed), a quarter second of the load at 1x BBC
        ids = [pq.ParquetFile(staging / "records" / f"{name}.parquet").read(columns=["article_id"])
               .column(0).drop_null().to_pylist() for name in names]
        n_records[batch] = sum(map(len, ids))
        links += [(batch, first_batch.setdefault(a, batch)) for chunk in ids for a in chunk]
    # batch names (b00000, b00001, ...) sort in batch order
    return [(batches, sum(n_records[b] for b in batches)) for batches in components(parts, links)]
