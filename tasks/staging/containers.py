"""The parent reads its batch of input files: each file's state (size, mtime, id, what went
wrong), its records (one for a text file, many for JSONL and WARC, read lazily), and the
file-level metadata candidates for them (sidecar, manifest entry, path pattern), in chunks of
``RECORDS_PER_CHUNK`` for the workers."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from newsflow.tasks.errors import InputError
from newsflow.tasks.metadata.files import compile_path_pattern, read_manifest, read_sidecar
from newsflow.tasks.reading.decode import read_limited
from newsflow.tasks.reading.discover import sha256_file
from newsflow.tasks.reading.files import stored_path
from newsflow.tasks.reading.inputs import (RawRecord, RecordError, container_format, iter_jsonl, iter_warc,
                                           parse_field_map)
from newsflow.tasks.staging.rows import RecordRow, sha256_hex
from newsflow.tasks.staging.worker import StageOptions


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


def record_chunks(paths: list[str], options: StageOptions, read: ReadOptions, states: list[FileState],
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
