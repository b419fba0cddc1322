"""The commands that need no orchestration and no write access: ``clean`` and ``annotate`` (files
or standard input to JSON lines, cleaned in chunks as an ingest cleans them) and ``sql`` (a
read-only query of the warehouse, or of its snapshot while an ingest holds it). They start fast
and never block an ingest."""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import shutil
import sys
from pathlib import Path
from typing import Iterator, Sequence

from newsflow.tasks.config import load_settings


def _read_inputs(paths: Sequence[str]) -> Iterator[tuple[str, bytes | str]]:
    """(name, bytes or quarantine reason) for each file argument; '-' is standard input."""
    from newsflow.tasks.reading.decode import read_limited

    limit = load_settings().max_file_bytes
    for name in paths:
        if name == "-":
            yield "-", sys.stdin.buffer.read()
            continue
        path = Path(name)
        if not path.is_file():
            raise FileNotFoundError(f"no such file: {name}")
        yield name, read_limited(path, limit)


def _decoded(paths: Sequence[str]) -> Iterator[tuple[str, str | None, str | None]]:
    from newsflow.tasks.reading.decode import decode_bytes

    for name, raw in _read_inputs(paths):
        if isinstance(raw, str):
            yield name, None, raw
            continue
        decoded = decode_bytes(raw)
        yield name, decoded.text, decoded.error


def _cleaned(paths: Sequence[str]) -> Iterator[tuple[str, str | None, object]]:
    """(name, error, Cleaned) per input, cleaned in chunks as an ingest cleans them."""
    from newsflow.tasks.reading.html import clean_inputs
    from newsflow.tasks.staging.containers import RECORDS_PER_CHUNK, in_chunks

    for chunk in in_chunks(_decoded(paths), RECORDS_PER_CHUNK):
        results = iter(clean_inputs([text for _, text, _ in chunk if text is not None]))
        for name, text, error in chunk:
            yield name, error, next(results)[0] if text is not None else None


def cmd_clean(args: argparse.Namespace) -> int:
    for name, error, cleaned in _cleaned(args.paths):
        if cleaned is None:
            print(json.dumps({"path": name, "error": error}, ensure_ascii=False))
            continue
        print(json.dumps({
            "path": name, "title": cleaned.title, "byline": cleaned.byline, "body": cleaned.body,
            "removed": [{"line_no": r.line_no, "text": r.text, "reason": r.reason} for r in cleaned.removed],
            "flags": list(cleaned.flags),
        }, ensure_ascii=False))
    return 0


def cmd_annotate(args: argparse.Namespace) -> int:
    from newsflow.tasks.annotation.annotate import annotate_texts
    from newsflow.tasks.reading.html import clean_input

    items = list(_decoded(args.paths))
    bodies = [(text if args.no_clean else clean_input(text)[0].body) if text else "" for _, text, _ in items]
    annotations = annotate_texts(bodies, load_settings().spacy_model)
    for (name, text, error), body, ann in zip(items, bodies, annotations):
        if text is None:
            print(json.dumps({"path": name, "error": error}, ensure_ascii=False))
            continue
        print(json.dumps({
            "path": name, "lang": ann.lang, "lang_score": ann.lang_score, "flags": list(ann.flags),
            "body": body,
            "sentences": [{"start": s, "end": e, "text": body[s:e]} for s, e in ann.sentences],
            "entities": [{"start": m.start, "end": m.end, "text": m.text, "label": m.label, "key": m.key}
                         for m in ann.mentions],
            "quotes": [{"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker}
                       for q in ann.quotes],
        }, ensure_ascii=False))
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    from newsflow.tasks.warehouse.store import connect

    settings = load_settings({"db": args.db})
    # The snapshot is never held by a writer, so a query works while an ingest runs.
    db = settings.snapshot_path if settings.snapshot_path.exists() and not args.live else settings.db
    if not db.exists():
        raise FileNotFoundError(f"no warehouse at {settings.db}: run `newsflow ingest` first")
    with contextlib.closing(connect(db, read_only=True, memory_limit=None)) as con:
        if args.format == "table":
            relation = con.sql(args.query)
            if relation is not None:
                relation.show(max_rows=args.max_rows, max_width=shutil.get_terminal_size().columns)
            return 0
        result = con.execute(args.query)
        columns = [d[0] for d in result.description or []]
        rows = result.fetchall()
    if args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        for row in rows:
            print(json.dumps(dict(zip(columns, row)), default=str, ensure_ascii=False))
    return 0
