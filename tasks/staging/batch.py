"""One batch of files to staged Parquet, the parent's side: read containers into records,
fan the records out to a process pool, then write the files' document rows.

The CPU-bound work (tasks/staging/worker.py) runs in a process pool inside the task: threads do not
help pure-Python NLP, and a pool that lives for the whole flow run loads the spaCy model once
per worker. Records travel in chunks, with a bounded number in flight, so memory stays flat
however large a container is.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from prefect import task

from newsflow.tasks.reading.decode import read_limited
from newsflow.tasks.reading.discover import Discovery, sha256_file
from newsflow.tasks.faults import failpoint
from newsflow.tasks.reading.files import path_hex, stored_path
from newsflow.tasks.reading.inputs import RawRecord, RecordError, container_format, iter_jsonl, iter_warc, parse_field_map
from newsflow.tasks.errors import InputError
from newsflow.tasks.metadata.files import compile_path_pattern, read_manifest, read_sidecar
from newsflow.tasks.staging.rows import DocumentRow, RecordRow, SourceRow, sha256_hex
from newsflow.tasks.staging.worker import Outcome, StageOptions, process_records, warm_up, write_parts

RECORDS_PER_CHUNK = 50     # enough for nlp.pipe to batch well, small enough to balance workers
MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")   # found at an input root, they describe its files


@dataclass(frozen=True)
class ReadOptions:
    """How the parent reads inputs and where it looks for their metadata."""
    roots: tuple[str, ...] = ()      # the input folders, for relative paths and manifests
    path_pattern: str = ""           # e.g. "{outlet}/{published:%Y-%m-%d}/*.txt", relative to a root
    jsonl_fields: str = ""           # see tasks/config.py


class Provenance:
    """File-level metadata candidates: sidecar, manifest entry, path pattern (tasks/metadata/resolve.py
    resolves them with the record's own fields and the text's)."""

    def __init__(self, read: ReadOptions) -> None:
        self.roots = [Path(r).absolute() for r in read.roots if Path(r).is_dir()]
        self.match = compile_path_pattern(read.path_pattern) if read.path_pattern else None
        self.manifest: dict[str, dict] = {}
        for root in self.roots:
            for name in MANIFEST_NAMES:
                if (root / name).is_file():
                    try:
                        self.manifest.update(read_manifest(root / name))
                    except ValueError as exc:  # written on purpose: a fault in it stops the run
                        raise InputError(f"manifest {root / name}: {exc}") from None

    def candidates(self, path: str) -> tuple[tuple[str, dict], ...]:
        found = []
        sidecar = read_sidecar(Path(path))
        if sidecar:
            found.append(("sidecar", sidecar))
        entry = self.manifest.get(os.path.realpath(path))   # realpath: a link loop raises nothing
        if entry:
            found.append(("manifest", entry))
        root = next((r for r in self.roots if Path(path).is_relative_to(r)), None)
        if self.match and root is not None:
            fields = self.match(Path(path).relative_to(root).as_posix())
            if fields:
                found.append(("path", fields))
        return tuple(found)


@dataclass
class FileState:
    """What the parent learns about one input file while reading it."""
    path: str
    container: str
    size: int
    mtime_ns: int
    doc_id: str
    error: str | None = None        # a file-level reason: the file itself could not be read
    n_records: int = 0
    n_skipped: int = 0              # WARC records that are not HTML responses
    n_repeated: int = 0             # repeats of an identical record in the same container


BYTES_PER_RECORD = 5_000   # a rough article size, to size the worker pool for containers


def estimated_records(paths: list[str]) -> int:
    """Records the paths probably hold: a text file is one, a JSONL or WARC file one per
    ~5 kB (the pool is sized before the containers are read)."""
    return sum(1 if container_format(Path(p)) == "file" else max(1, _stat(p)[0] // BYTES_PER_RECORD)
               for p in paths)


def _stat(path: str) -> tuple[int, int]:
    try:
        st = Path(path).stat()
    except OSError:
        return 0, 0
    return st.st_size, st.st_mtime_ns


def read_file(path: str, options: StageOptions, field_map: dict,
              candidates: tuple = ()) -> tuple[FileState, Iterator[RawRecord | RecordError | str]]:
    """The file's state and its records (read lazily). Stat first: if the file changes while
    it is read, the next run sees a new mtime and reads it again."""
    size, mtime_ns = _stat(path)
    kind = container_format(Path(path))
    if kind == "file":
        raw = read_limited(Path(path), options.max_file_bytes)
        if isinstance(raw, str):  # a reason code: the bytes were never read, so the id is the path's
            state = FileState(path, kind, size, mtime_ns, sha256_hex(f"{raw}:{path}:{size}".encode()), raw)
            return state, iter(())
        state = FileState(path, kind, size, mtime_ns, sha256_hex(raw))
        return state, iter([RawRecord(path, state.doc_id, 0, kind, raw, candidates)])
    doc_id = sha256_file(Path(path))
    if doc_id is None:
        return FileState(path, kind, size, mtime_ns, sha256_hex(f"unreadable:{path}".encode()), "unreadable"), iter(())
    state = FileState(path, kind, size, mtime_ns, doc_id)
    if kind == "jsonl":
        return state, iter_jsonl(Path(path), doc_id, options.max_file_bytes, field_map, candidates,
                                 options.max_decompressed_bytes)
    return state, iter_warc(Path(path), doc_id, options.max_file_bytes, candidates, options.max_decompressed_bytes)


def in_chunks(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last one shorter), read lazily."""
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


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


def _chunks(paths: list[str], options: StageOptions, read: ReadOptions, states: list[FileState],
            errors: list[RecordRow]) -> Iterator[list[RawRecord]]:
    """Records of all files in chunks; file states and unreadable records are collected aside."""
    return in_chunks(_records(paths, options, read, states, errors), RECORDS_PER_CHUNK)


def _records(paths: list[str], options: StageOptions, read: ReadOptions, states: list[FileState],
             errors: list[RecordRow]) -> Iterator[RawRecord]:
    field_map = parse_field_map(read.jsonl_fields)
    provenance = Provenance(read)
    for path in paths:
        state, records = read_file(path, options, field_map, provenance.candidates(path))
        states.append(state)
        for rec in records:
            if rec == "skipped":
                state.n_skipped += 1
                continue
            if rec == "repeated":
                state.n_repeated += 1
                continue
            state.n_records += 1
            if isinstance(rec, RecordError):
                errors.append(RecordRow(rec.doc_id, rec.record_no, stored_path(rec.source_path), state.container,
                                        "quarantined", rec.reason, rec.detail, None, None, None,
                                        options.started_at, options.run_id))
                continue
            yield rec


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
    for i, (chunk, last) in enumerate(with_last(_chunks(paths, options, read, states, errors))):
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


_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def get_pool(workers: int, model: str) -> ProcessPoolExecutor:
    """The flow run's shared worker pool (spawned, not forked: the parent runs threads)."""
    global _pool
    with _pool_lock:
        if _pool is None or _pool._max_workers != workers:  # noqa: SLF001 - no public accessor
            shutdown_pool()
            ctx = multiprocessing.get_context("spawn")
            _pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=warm_up, initargs=(model,))
        return _pool


def shutdown_pool(wait: bool = True, terminate: bool = False) -> None:
    """Stop the pool. ``wait=False`` lets the load start while the workers exit (freeing
    their models takes most of a second); they are joined at interpreter exit at the latest.
    ``terminate``: a run told to stop does not wait for the chunks in hand either."""
    global _pool
    if _pool is not None:
        processes = list((_pool._processes or {}).values())  # noqa: SLF001 - no public accessor
        _pool.shutdown(wait=wait, cancel_futures=True)
        if terminate:
            for process in processes:
                process.terminate()
        _pool = None


atexit.register(shutdown_pool)


@task(name="annotate-batch", retries=1, retry_delay_seconds=2)
def annotate_batch(batch_no: int, paths: list[str], run_dir: str, options: StageOptions,
                   workers: int = 1, read: ReadOptions = ReadOptions()) -> dict[str, int]:
    """Annotate one batch of files into ``run_dir``; returns file and record counts."""
    return process_batch(paths, run_dir, f"b{batch_no:05d}", options, workers, read)
