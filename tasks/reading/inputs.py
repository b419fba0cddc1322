"""Input containers: a text or HTML file is one record, a JSON-lines file one record per line,
a WARC file one record per HTML response.

Reading a container is I/O and parsing, cheap next to annotation, so it happens in the batch
task; the records then travel to the worker processes. A record that cannot be used becomes
a ``RecordError`` with its place in the container (the JSONL line number, the WARC record
number) and the rest of the container is still read.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from contextlib import contextmanager
from typing import BinaryIO, Iterator, Mapping

from newsflow.tasks.reading.files import open_regular
from newsflow.tasks.reasons import RecordError

# Where the article text of a JSONL record may be, by default (override with `jsonl_fields`).
DEFAULT_TEXT_KEYS = ("text", "content", "body", "article", "maintext")
DEFAULT_HTML_KEYS = ("html", "raw_html", "page")
RECORD_REASONS = frozenset(RecordError)   # documented in tasks/reasons.py


Candidate = tuple[str, Mapping[str, object]]   # (metadata source, fields): see tasks/metadata/resolve.py


@dataclass(frozen=True)
class RawRecord:
    source_path: str
    doc_id: str                     # the container's content id
    record_no: int                  # 0: the whole file; JSONL: line number; WARC: record number
    container: str                  # 'file', 'jsonl' or 'warc'
    payload: bytes | str            # bytes are decoded in the worker; str is already text
    candidates: tuple[Candidate, ...] = ()   # metadata from the record, its sidecar, its path...
    fetched_at: datetime | None = None


@dataclass(frozen=True)
class RecordError:
    source_path: str
    doc_id: str
    record_no: int
    reason: str                     # one of RECORD_REASONS
    detail: str = ""


def container_format(path: Path) -> str:
    """'jsonl', 'warc' or 'file', from the name first, then from the first bytes."""
    name = path.name.lower()
    for suffix, kind in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".warc", "warc")):
        if name.endswith(suffix) or name.endswith(suffix + ".gz"):
            return kind
    return "file"


@contextmanager
def _open(path: Path) -> Iterator[BinaryIO]:
    """The file's bytes, decompressed when it is gzipped (whatever its name says)."""
    with open_regular(path) as fh:
        gzipped = fh.read(2) == b"\x1f\x8b"
        fh.seek(0)
        if not gzipped:
            yield fh
            return
        with gzip.GzipFile(fileobj=fh, mode="rb") as unzipped:  # closing it leaves fh to the outer with
            yield unzipped


def parse_field_map(spec: str) -> dict[str, tuple[str, ...]]:
    """'text=body,content;url=link' -> {'text': ('body', 'content'), 'url': ('link',)}."""
    mapping = {}
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        name, _, keys = part.partition("=")
        mapping[name.strip()] = tuple(k.strip() for k in keys.split(",") if k.strip())
    return mapping


def _lines(fh: BinaryIO, max_line_bytes: int) -> Iterator[bytes | int]:
    """The lines of a stream, each read with at most ``max_line_bytes`` + 1 bytes in memory; a
    longer line is skipped to its end and given as its length (an int) instead."""
    while line := fh.readline(max_line_bytes + 1):
        if len(line) <= max_line_bytes or line.endswith(b"\n"):
            yield line
            continue
        length = len(line)
        while (rest := fh.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
            length += len(rest)
        yield length + len(rest)


_SKIP_CHUNK = 1 << 20
DEFAULT_MAX_DECOMPRESSED_BYTES = 1_000_000_000


def iter_jsonl(path: Path, doc_id: str, max_record_bytes: int, field_map: Mapping[str, tuple[str, ...]],
               file_candidates: tuple[Candidate, ...] = (),
               max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES) -> Iterator[RawRecord | RecordError | str]:
    """A JSON-lines file's records. No more than a record's limit is held in memory at once; a
    file expanding past ``max_decompressed_bytes`` stops there (the rest is one ``too_large``
    record); a record identical to an earlier one of the file yields the string 'repeated'."""
    from newsflow.tasks.metadata.resolve import normalize_fields

    overrides = {k: v for k, v in field_map.items() if k not in ("text", "html")}
    text_keys = field_map.get("text", DEFAULT_TEXT_KEYS)
    html_keys = field_map.get("html", DEFAULT_HTML_KEYS)
    src = str(path)
    line_no = n_bytes = 0
    seen: set[bytes] = set()
    try:
        with _open(path) as fh:
            for line_no, line in enumerate(_lines(fh, max_record_bytes), start=1):
                n_bytes += line if isinstance(line, int) else len(line)
                if n_bytes > max_decompressed_bytes:
                    yield RecordError(src, doc_id, line_no, "too_large",
                                      f"the file expands past {max_decompressed_bytes:,} bytes: not read further")
                    return
                if isinstance(line, int):
                    yield RecordError(src, doc_id, line_no, "too_large", f"{line:,} bytes")
                    continue
                if not line.strip():
                    continue
                digest = hashlib.blake2b(line.strip(), digest_size=16).digest()
                if digest in seen:   # the same record again: annotated once, counted as skipped
                    yield "repeated"
                    continue
                seen.add(digest)
                try:
                    obj = json.loads(line)
                except ValueError as exc:
                    yield RecordError(src, doc_id, line_no, "invalid_json", str(exc)[:200])
                    continue
                if not isinstance(obj, dict):
                    yield RecordError(src, doc_id, line_no, "invalid_json", "not a JSON object")
                    continue
                html = next((obj[k] for k in html_keys if isinstance(obj.get(k), str) and obj[k].strip()), None)
                text = next((obj[k] for k in text_keys if isinstance(obj.get(k), str) and obj[k].strip()), None)
                if text is None and html is None:
                    yield RecordError(src, doc_id, line_no, "no_text", "no text or html field")
                    continue
                fields = normalize_fields(obj, overrides or None)
                yield RawRecord(src, doc_id, line_no, "jsonl", html if text is None else text,
                                (("record", fields),) + file_candidates)
    except (OSError, EOFError, zlib.error) as exc:
        yield RecordError(src, doc_id, line_no + 1, "truncated", str(exc)[:200])


def iter_warc(path: Path, doc_id: str, max_record_bytes: int, file_candidates: tuple[Candidate, ...] = (),
              max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES) -> Iterator[RawRecord | RecordError | str]:
    """HTML responses as records; any other record yields the string 'skipped' to be counted,
    a response identical to an earlier one 'repeated'. Past ``max_decompressed_bytes`` of
    payloads the rest of the file is one ``too_large`` record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from newsflow.tasks.metadata.resolve import parse_datetime

    src = str(path)
    record_no = n_bytes = 0
    seen: set[bytes] = set()
    try:
        with open_regular(path) as fh:
            for record_no, record in enumerate(ArchiveIterator(fh), start=1):
                content_type = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
                if record.rec_type != "response" or "html" not in content_type.lower():
                    yield "skipped"
                    continue
                payload = record.content_stream().read(max_record_bytes + 1)
                n_bytes += len(payload)
                if n_bytes > max_decompressed_bytes:
                    yield RecordError(src, doc_id, record_no, "too_large",
                                      f"the file expands past {max_decompressed_bytes:,} bytes: not read further")
                    return
                if len(payload) > max_record_bytes:
                    yield RecordError(src, doc_id, record_no, "too_large", f"over {max_record_bytes:,} bytes")
                    continue
                target = record.rec_headers.get_header("WARC-Target-URI") or ""
                digest = hashlib.blake2b(target.encode() + b"\0" + payload, digest_size=16).digest()
                if digest in seen:
                    yield "repeated"
                    continue
                seen.add(digest)
                headers = record.rec_headers
                yield RawRecord(src, doc_id, record_no, "warc", payload,
                                (("record", {"url": headers.get_header("WARC-Target-URI")}),) + file_candidates,
                                fetched_at=parse_datetime(headers.get_header("WARC-Date")))
    except (OSError, EOFError, zlib.error, ArchiveLoadFailed, ValueError) as exc:
        yield RecordError(src, doc_id, record_no + 1, "truncated", str(exc)[:200])
