"""One batch of files to staged Parquet, the parent's side: read containers into records
(``containers``), fan the records out to the process pool (``pool``), then write the files'
document rows.

The CPU-bound work (tasks/staging/worker.py) runs in a process pool inside the task: threads do not
help pure-Python NLP, and a pool that lives for the whole flow run loads the spaCy model once
per worker. Records travel in chunks, with a bounded number in flight, so memory stays flat
however large a container is.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Iterable, Iterator

from prefect import task

from newsflow.tasks.faults import failpoint
from newsflow.tasks.reading.discover import Discovery
from newsflow.tasks.reading.files import path_hex, stored_path
from newsflow.tasks.staging.containers import FileState, ReadOptions, record_chunks
from newsflow.tasks.staging.pool import get_pool
from newsflow.tasks.staging.rows import DocumentRow, RecordRow, SourceRow
from newsflow.tasks.staging.worker import Outcome, StageOptions, process_records, write_parts


def with_last(items: Iterable) -> Iterator[tuple]:
    """(item, is_last) pairs, reading one item ahead."""
    iterator = iter(items)
    try:
        held = next(iterator)
    except StopIteration:
        return
    for item in iterator:
        yield held, False
        held = item
    yield held, True


@dataclass
class Tally:
    """Per file: how its records fared (counts, not the records: a container can be huge)."""
    n_ok: int = 0
    n_quarantined: int = 0
    first_error: str | None = None
    encoding: str | None = None

    def add(self, outcome: Outcome) -> None:
        if outcome.error is None:
            self.n_ok += 1
        else:
            self.n_quarantined += 1
            self.first_error = self.first_error or outcome.error
        self.encoding = self.encoding or outcome.encoding


def document_rows(states: list[FileState], tallies: dict[str, Tally],
                  options: StageOptions) -> tuple[list[DocumentRow], list[SourceRow]]:
    """A file is 'ok' when at least one of its records became an article; else it is
    quarantined with the reason of its single record, or ``no_good_records``."""
    docs, sources = [], []
    for s in states:
        tally = tallies.get(s.doc_id, Tally())
        encoding = tally.encoding
        error = s.error
        if error is None and not tally.n_ok:
            error = (tally.first_error or "empty") if s.container == "file" else "no_good_records"
        docs.append(DocumentRow(s.doc_id, stored_path(s.path), s.size, encoding, "quarantined" if error else "ok",
                                error, options.started_at, options.run_id))
        sources.append(source_row(s.path, s.doc_id, s.size, s.mtime_ns, options))
    return docs, sources


def source_row(path: str, doc_id: str, size: int, mtime_ns: int, options: StageOptions) -> SourceRow:
    """Where a document was seen, its path stored printable and, when escaped, exact."""
    return SourceRow(stored_path(path), doc_id, size, mtime_ns, options.started_at, options.run_id, path_hex(path))


def process_batch(paths: list[str], run_dir: str, prefix: str, options: StageOptions,
                  workers: int, read: ReadOptions = ReadOptions()) -> dict[str, int]:
    """Read, annotate and stage a batch of files; returns file and record counts."""
    states: list[FileState] = []
    errors: list[RecordRow] = []
    tallies: dict[str, Tally] = {}

    def count(outcomes: list[Outcome]) -> None:
        for o in outcomes:
            tallies.setdefault(o.doc_id, Tally()).add(o)

    pending: deque[Future] = deque()
    pool = get_pool(workers, options.spacy_model) if workers > 1 else None
    for i, (chunk, last) in enumerate(with_last(record_chunks(paths, options, read, states, errors))):
        part = f"{prefix}-c{i:04d}"
        if pool is None:
            count(process_records(chunk, run_dir, part, options))
            failpoint("annotate")
            continue
        # A batch's last chunk is shared out between the workers: the run's final chunk then
        # keeps every core busy instead of one annotating alone while the others wait.
        shares = min(workers, len(chunk)) if last else 1
        for k in range(shares):
            pending.append(pool.submit(process_records, chunk, run_dir,
                                       f"{part}-s{k}" if shares > 1 else part, options, (k, shares)))
        while len(pending) > 2 * workers:  # bounded in flight: memory stays flat
            count(pending.popleft().result())
    for future in pending:
        count(future.result())
    count([Outcome(r.doc_id, r.record_no, r.error, None) for r in errors])
    docs, sources = document_rows(states, tallies, options)
    write_parts({"documents": docs, "sources": sources, "records": errors}, run_dir, f"{prefix}-files")
    return {"files": len(paths), "records": sum(s.n_records for s in states),
            "records_skipped": sum(s.n_skipped for s in states),
            "records_unchanged": sum(s.n_repeated for s in states),
            "records_quarantined": sum(t.n_quarantined for t in tallies.values())}


def stage_discovery(discovery: Discovery, out_dir: str, options: StageOptions) -> dict[str, int]:
    """Stage what discovery decided alone: unchanged paths and files rejected unread."""
    def source(f) -> SourceRow:
        return source_row(f.path, f.doc_id, f.size_bytes, f.mtime_ns, options)

    rows: dict[str, list] = {"sources": [source(f) for f in discovery.unchanged], "documents": []}
    for f, reason in discovery.rejected:
        rows["sources"].append(source(f))
        rows["documents"].append(DocumentRow(f.doc_id, stored_path(f.path), f.size_bytes, None, "quarantined",
                                             reason, options.started_at, options.run_id))
    return write_parts(rows, out_dir, "discovery")


@task(name="annotate-batch", retries=1, retry_delay_seconds=2)
def annotate_batch(batch_no: int, paths: list[str], run_dir: str, options: StageOptions,
                   workers: int = 1, read: ReadOptions = ReadOptions()) -> dict[str, int]:
    """Annotate one batch of files into ``run_dir``; returns file and record counts."""
    return process_batch(paths, run_dir, f"b{batch_no:05d}", options, workers, read)
