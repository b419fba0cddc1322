"""One batch of files to staged Parquet: read, decode, clean, annotate, write part files.

The CPU-bound work runs in a process pool inside the task (threads do not help pure-Python
NLP, and a pool that lives for the whole flow run loads the spaCy model once per worker).
Workers write their own part files and return only row counts, so nothing proportional to
the corpus travels back to the flow.
"""

from __future__ import annotations

import atexit
import dataclasses
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Sequence

from prefect import task

from tasks.annotate import annotate_texts
from tasks.clean import Cleaned
from tasks.decode import decode_bytes, read_limited
from tasks.discover import Discovery
from tasks.html import Page, clean_input
from tasks.records import (STAGED, ArticleRow, DocumentRow, MentionRow, QuoteRow, RemovedLineRow,
                           SentenceRow, SourceRow, article_id_for, sha256_hex, write_parquet)


@dataclass(frozen=True)
class StageOptions:
    run_id: str
    started_at: datetime
    max_file_bytes: int
    spacy_model: str
    pipeline_version: str


def _stat(path: str) -> tuple[int, int]:
    try:
        st = Path(path).stat()
    except OSError:
        return 0, 0
    return st.st_size, st.st_mtime_ns


def _document(path: str, options: StageOptions) -> tuple[DocumentRow, SourceRow, str | None]:
    """The document and source rows for a file, and its decoded text (None when quarantined)."""
    # Stat before reading: if the file changes after, the next run sees a new mtime and redoes it.
    size, mtime_ns = _stat(path)
    raw = read_limited(Path(path), options.max_file_bytes)
    if isinstance(raw, str):  # a reason code: the bytes were never read, so the id is the path's
        doc = DocumentRow(sha256_hex(f"{raw}:{path}:{size}".encode()), path, size, None,
                          "quarantined", raw, options.started_at, options.run_id)
        text = None
    else:
        decoded = decode_bytes(raw)
        status = "ok" if decoded.text is not None else "quarantined"
        doc = DocumentRow(sha256_hex(raw), path, len(raw), decoded.encoding, status,
                          decoded.error, options.started_at, options.run_id)
        text = decoded.text
    source = SourceRow(path, doc.doc_id, size, mtime_ns, options.started_at, options.run_id)
    return doc, source, text


def process_files(paths: Sequence[str], out_dir: str, part: str, options: StageOptions) -> dict[str, int]:
    """Process files into one Parquet part file per staged table; returns rows per table."""
    rows: dict[str, list] = {name: [] for name in STAGED}
    kept: list[tuple[DocumentRow, Cleaned, Page | None]] = []
    for path in paths:
        doc, source, text = _document(path, options)
        rows["sources"].append(source)
        if text is not None:
            cleaned, page = clean_input(text)
            rows["removed_lines"] += [RemovedLineRow(doc.doc_id, r.line_no, r.text, r.reason)
                                      for r in cleaned.removed]
            if cleaned.body.strip():
                kept.append((doc, cleaned, page))
            else:  # nothing of the article survived: keep the audit trail, not an empty article
                doc = dataclasses.replace(doc, status="quarantined", error="no_body")
        rows["documents"].append(doc)

    annotations = annotate_texts([c.body for _, c, _ in kept], options.spacy_model)
    for (doc, cleaned, page), ann in zip(kept, annotations):
        article_id = article_id_for(doc.doc_id)
        body = cleaned.body
        flags = set(cleaned.flags) | ({"not_entity_annotated"} if not ann.entity_annotated else set())
        rows["articles"].append(ArticleRow(
            article_id, doc.doc_id, doc.source_path,
            cleaned.title or (page and page.title), cleaned.byline or (page and page.byline), body,
            ann.lang, ann.lang_score, len(body.split()), len(ann.sentences), sorted(flags),
            ann.entity_annotated, options.started_at, options.run_id, options.pipeline_version,
            source_format="html" if page else "text",
            published_at=page and page.published_at, site_name=page and page.site_name))
        rows["sentences"] += [SentenceRow(article_id, i, body[s:e], s, e)
                              for i, (s, e) in enumerate(ann.sentences)]
        rows["entity_mentions"] += [MentionRow(article_id, m.start, m.end, ann.sentence_of(m.start),
                                               m.text, m.label, m.key) for m in ann.mentions]
        rows["quotes"] += [QuoteRow(article_id, q.start, q.end, q.text, q.speaker, q.speaker_key)
                           for q in ann.quotes]

    return write_parts(rows, out_dir, part)


def write_parts(rows: dict[str, list], out_dir: str, part: str) -> dict[str, int]:
    """One Parquet part per staged table (empty ones too: the loader globs every table)."""
    counts = {}
    for name, row_type in STAGED.items():
        table_dir = Path(out_dir) / name
        table_dir.mkdir(parents=True, exist_ok=True)
        counts[name] = write_parquet(rows.get(name, []), row_type, table_dir / f"{part}.parquet")
    return counts


def stage_discovery(discovery: Discovery, out_dir: str, options: StageOptions) -> dict[str, int]:
    """Stage what discovery decided alone: unchanged paths and files rejected unread."""
    def source(f) -> SourceRow:
        return SourceRow(f.path, f.doc_id, f.size_bytes, f.mtime_ns, options.started_at, options.run_id)

    rows: dict[str, list] = {"sources": [source(f) for f in discovery.unchanged], "documents": []}
    for f, reason in discovery.rejected:
        rows["sources"].append(source(f))
        rows["documents"].append(DocumentRow(f.doc_id, f.path, f.size_bytes, None, "quarantined",
                                             reason, options.started_at, options.run_id))
    return write_parts(rows, out_dir, "discovery")


_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def _warm_up(model: str) -> None:
    """Load the model once per worker, before the first batch arrives."""
    annotate_texts(["Warm-up sentence about London."], model)


def get_pool(workers: int, model: str) -> ProcessPoolExecutor:
    """The flow run's shared worker pool (spawned, not forked: the parent runs threads)."""
    global _pool
    with _pool_lock:
        if _pool is None or _pool._max_workers != workers:  # noqa: SLF001 - no public accessor
            shutdown_pool()
            ctx = multiprocessing.get_context("spawn")
            _pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_warm_up, initargs=(model,))
        return _pool


def shutdown_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(cancel_futures=True)
        _pool = None


atexit.register(shutdown_pool)


@task(name="annotate-batch", retries=1, retry_delay_seconds=2)
def annotate_batch(batch_no: int, paths: list[str], run_dir: str, options: StageOptions,
                   workers: int = 1) -> dict[str, int]:
    """Annotate one batch of files into ``run_dir``; returns rows written per table."""
    chunk = -(-len(paths) // workers)
    chunks = [paths[i:i + chunk] for i in range(0, len(paths), chunk)]
    parts = [f"b{batch_no:05d}-c{i:02d}" for i in range(len(chunks))]
    if workers == 1:
        results = [process_files(c, run_dir, p, options) for c, p in zip(chunks, parts)]
    else:
        pool = get_pool(workers, options.spacy_model)
        results = list(pool.map(process_files, chunks, [run_dir] * len(chunks), parts,
                                [options] * len(chunks)))
    totals = {name: sum(r[name] for r in results) for name in STAGED}
    totals["files"] = len(paths)
    return totals
