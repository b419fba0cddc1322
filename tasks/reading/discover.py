"""Discover input files and decide which ones need processing.

A file is unchanged when the warehouse already holds its path with the same size and mtime,
or holds its exact content (sha256) under any path. Everything else is new work. Walking is
deterministic (sorted), hidden files are skipped, directory symlinks are not followed (no
loops), a file symlink that resolves outside the input root is not read, and only regular
files are ever opened: FIFOs, sockets and devices are rejected unread (`not_regular_file`),
as are folders that cannot be listed (`unlistable_dir`).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG
from typing import Iterable, Iterator, Mapping, NamedTuple

from prefect import task

from newsflow.tasks.errors import InputError
from newsflow.tasks.reading.files import open_regular, read_error, stored_path
from newsflow.tasks.warehouse.store import known_state

HASH_CHUNK = 1 << 20


class Known(NamedTuple):
    doc_id: str
    size_bytes: int
    mtime_ns: int


@dataclass(frozen=True)
class SeenFile:
    path: str            # absolute, as walked (links are not resolved, so the name is the user's)
    size_bytes: int
    mtime_ns: int
    doc_id: str | None   # None until hashed, or when the file cannot be read


@dataclass
class Discovery:
    to_process: list[str] = field(default_factory=list)
    unchanged: list[SeenFile] = field(default_factory=list)
    rejected: list[tuple[SeenFile, str]] = field(default_factory=list)  # (file, reason code)
    n_path_changes: int = 0   # unchanged content under a new path, size or mtime: sources to update

    @property
    def n_seen(self) -> int:
        return len(self.to_process) + len(self.unchanged) + len(self.rejected)

    @property
    def is_noop(self) -> bool:
        """Nothing to read and nothing to record but the run itself."""
        return not (self.to_process or self.rejected or self.n_path_changes)

    def batches(self, size: int) -> list[list[str]]:
        return [self.to_process[i:i + size] for i in range(0, len(self.to_process), size)]


METADATA_FILES = frozenset({"manifest.csv", "manifest.jsonl"})


def is_metadata_file(name: str, siblings: set[str]) -> bool:
    """Sidecars (NAME.json or NAME.meta.json beside NAME.txt) and manifests describe inputs;
    they are read with the file they describe, never ingested as articles."""
    if name in METADATA_FILES or name.endswith(".meta.json"):
        return True
    if name.endswith(".json"):
        stem = name[: -len(".json")]
        return any(s != name and s.startswith(stem + ".") for s in siblings)
    return False


def iter_files(inputs: Iterable[Path], unlistable: list[Path] | None = None) -> Iterator[Path]:
    """Every input file under the inputs, sorted: no hidden files, no metadata files, no
    followed directory links. Folders that cannot be listed go to `unlistable`."""
    def not_listed(error: OSError) -> None:
        if unlistable is not None:
            unlistable.append(Path(error.filename))

    for root in inputs:
        if not root.exists() and not root.is_symlink():
            raise InputError(f"input path does not exist: {root}")
        root = root.absolute()
        if not root.is_dir():
            yield root
            continue
        for dirpath, dirnames, filenames in os.walk(root, onerror=not_listed):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            siblings = set(filenames)
            for name in sorted(filenames):
                if not name.startswith(".") and not is_metadata_file(name, siblings):
                    yield Path(dirpath) / name


def is_outside(path: Path, roots: Iterable[Path]) -> bool:
    """True for a symlink whose target lies outside every input root."""
    if not path.is_symlink():
        return False
    target = path.resolve()
    return not any(target.is_relative_to(r.resolve()) for r in roots if r.is_dir()) and \
        not any(target == r.resolve() for r in roots)


def sha256_file(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open_regular(path) as fh:
            while chunk := fh.read(HASH_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def discover(inputs: list[Path], known_paths: Mapping[str, Known], known_docs: set[str]) -> Discovery:
    """Split the files under ``inputs`` into work to do and files the warehouse already holds."""
    result = Discovery()
    seen_docs = set(known_docs)
    unlistable: list[Path] = []
    for path in iter_files(inputs, unlistable):
        key = str(path)   # the name to open; the warehouse knows it as stored_path(key)
        try:
            stat = path.stat()
        except OSError as exc:  # a broken link, a link loop, a file that vanished: never read
            reason = read_error(exc, path)
            result.rejected.append((unread(key, 0, 0, reason), reason))
            continue
        if not S_ISREG(stat.st_mode):  # a FIFO, socket or device: opening it could hang the run
            result.rejected.append((unread(key, stat.st_size, stat.st_mtime_ns, "not_regular_file"), "not_regular_file"))
            continue
        known = known_paths.get(stored_path(key))
        if known and (known.size_bytes, known.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            result.unchanged.append(SeenFile(key, stat.st_size, stat.st_mtime_ns, known.doc_id))
            continue
        if is_outside(path, inputs):
            # Never read: a link out of the input folder could expose any file on the machine.
            result.rejected.append((unread(key, stat.st_size, stat.st_mtime_ns, "outside_root"), "outside_root"))
            continue
        doc_id = sha256_file(path)
        if doc_id is not None and doc_id in seen_docs:
            result.unchanged.append(SeenFile(key, stat.st_size, stat.st_mtime_ns, doc_id))
            result.n_path_changes += 1
            continue
        if doc_id is not None:
            seen_docs.add(doc_id)
        result.to_process.append(key)
    result.rejected += [(unread(str(folder), 0, 0, "unlistable_dir"), "unlistable_dir") for folder in unlistable]
    return result


def unread(path: str, size: int, mtime_ns: int, reason: str) -> SeenFile:
    """A file rejected without reading a byte: its id derives from the reason and the path."""
    return SeenFile(path, size, mtime_ns, hashlib.sha256(f"{reason}:{path}".encode()).hexdigest())


@task(name="discover")
def discover_task(inputs: list[str], db: str) -> Discovery:
    """Discover against the warehouse's known paths (read here, not passed: it can be large)."""
    rows, known_docs = known_state(Path(db))
    return discover([Path(p) for p in inputs], {p: Known(*v) for p, v in rows.items()}, known_docs)
