"""The CPU-bound work on a chunk of records, run in a worker process: decode, extract HTML,
clean, resolve metadata, annotate, compute what the corpus passes compare (tasks/corpus/features.py),
and write Parquet part files.

Workers write their own parts and return one small ``Outcome`` per record, so nothing
proportional to the corpus travels back to the flow.

A chunk is also the corpus the cleaner consults (``newsflow.tasks.reading.html.clean_inputs``): lines that
repeat across its records are boilerplate. Chunks hold consecutive files of a run in path
order, so a file's cleaning can depend on the files that arrive with it in its run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Sequence

from newsflow.tasks.annotation.annotate import Annotation, annotate_texts
from newsflow.tasks.cleaning.clean import Cleaned
from newsflow.tasks.faults import pause_point, raise_point
from newsflow.tasks.lifetime import die_with_parent
from newsflow.tasks.reading.decode import decode_bytes
from newsflow.tasks.reading.files import stored_path
from newsflow.tasks.reading.html import Page, chunk_common_lines, clean_source, text_to_clean
from newsflow.tasks.reading.inputs import RawRecord
from newsflow.tasks.reasons import Quarantine, RecordError
from newsflow.tasks.staging.article_rows import article_rows, record_row
from newsflow.tasks.staging.parquet import write_parquet
from newsflow.tasks.staging.rows import STAGED, STAGED_FEATURES, RemovedLineRow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StageOptions:
    run_id: str
    started_at: datetime
    max_file_bytes: int
    spacy_model: str
    pipeline_version: str
    max_decompressed_bytes: int = 1_000_000_000   # what one container may expand to


@dataclass(frozen=True)
class Outcome:
    doc_id: str
    record_no: int
    error: str | None        # None when the record became an article
    encoding: str | None


def warm_up(model: str) -> None:
    """A worker's initializer: watch the parent, then load the model before the first chunk
    arrives. It lives here, with the steps it warms up, so that a worker imports what they need
    and never Prefect (the batch task's module)."""
    die_with_parent()
    annotate_texts(["Warm-up sentence about London and the weather there today."], model)


def write_parts(rows: dict[str, list], out_dir: str, part: str) -> dict[str, int]:
    """One Parquet part per staged table (empty ones too: the loader globs every table)."""
    counts = {}
    for name, row_type in {**STAGED, **STAGED_FEATURES}.items():
        table_dir = Path(out_dir) / name
        table_dir.mkdir(parents=True, exist_ok=True)
        counts[name] = write_parquet(rows.get(name, []), row_type, table_dir / f"{part}.parquet")
    return counts


@dataclass
class InProgress:
    """One record on its way through the text steps; a step that cannot go on sets ``error``
    (a quarantine reason) and the record stops there."""
    i: int                              # its place in the chunk
    rec: RawRecord
    encoding: str | None = None
    text: str | None = None             # decoded
    source: str | None = None           # what the cleaner reads: the page's article, or the text
    page: Page | None = None
    cleaned: Cleaned | None = None
    annotation: Annotation | None = None
    staged: dict[str, list] | None = None
    error: str | None = None
    detail: str | None = None
    ended: int = 0                      # the step it ended in, for the order of the rows

    def stop(self, step: int, reason: str, detail: str | None = None) -> None:
        self.error, self.detail, self.ended = reason, detail, step


STEPS = ("decode", "clean", "annotate", "stage")


def process_records(records: Sequence[RawRecord], out_dir: str, part: str,
                    options: StageOptions, share: tuple[int, int] = (0, 1)) -> list[Outcome]:
    """Turn records into staged rows in Parquet part files named ``part``.

    ``share`` (k, n): stage only the k-th of n equal runs of the records. The whole chunk is
    still decoded, since cleaning reads the chunk as a corpus (lines common to its records
    are boilerplate), so n shares stage exactly the rows the whole chunk would. An exception
    in any step for one record quarantines that record alone (``internal_error``, the
    exception in ``detail``, its traceback in the log); the rest of the chunk goes on.
    """
    pause_point("annotate")
    k, n = share
    work = [InProgress(i, rec) for i, rec in enumerate(records)]
    _each(work, "decode", _decode)
    common = chunk_common_lines([w.source for w in work if w.error is None])
    work = work[k * len(records) // n:(k + 1) * len(records) // n]
    _each(work, "clean", lambda w: _clean(w, common))
    _annotate_each([w for w in work if w.error is None], options.spacy_model)
    _each(work, "stage", lambda w: _stage(w, options))
    write_parts(_rows(work, options), out_dir, part)
    return [Outcome(w.rec.doc_id, w.rec.record_no, w.error, w.encoding) for w in _in_order(work)]


def _each(work: list[InProgress], step: str, run: Callable[[InProgress], None]) -> None:
    """``run`` on each record still going; one that raises is quarantined alone."""
    for w in work:
        if w.error is not None:
            continue
        try:
            raise_point(step, w.rec.payload if step == "decode" else w.text if step == "clean" else w.cleaned.body)
            run(w)
        except Exception as exc:
            where = "annotate" if step == "stage" and isinstance(w.annotation, Exception) else step
            log.warning("record %s:%s failed in %s", stored_path(w.rec.source_path), w.rec.record_no, where,
                        exc_info=exc)
            w.stop(STEPS.index(where), RecordError.INTERNAL_ERROR, f"{where}: {type(exc).__name__}: {exc}"[:500])


def _decode(w: InProgress) -> None:
    w.text = w.rec.payload
    if isinstance(w.text, bytes):
        decoded = decode_bytes(w.text)
        w.text, w.encoding = decoded.text, decoded.encoding
        if w.text is None:
            return w.stop(0, decoded.error)
    w.source, w.page = text_to_clean(w.text)


def _clean(w: InProgress, common: frozenset[str]) -> None:
    w.cleaned = clean_source(w.source, common)
    if not w.cleaned.body.strip():  # nothing of the article survived: keep the audit trail only
        w.stop(1, Quarantine.NO_BODY)


def _in_order(work: list[InProgress]) -> list[InProgress]:
    """The records in the order their rows are written: those stopped in decoding, then in
    cleaning, then the annotated ones (stored or failed), each by its place in the chunk."""
    return sorted(work, key=lambda w: (min(w.ended, 2) if w.error is not None else 2, w.i))


def _rows(work: list[InProgress], options: StageOptions) -> dict[str, list]:
    """The staged rows of the chunk, by table: a record's removed lines once it was cleaned,
    its quarantine row, or the rows of its article."""
    rows: dict[str, list] = {name: [] for name in {**STAGED, **STAGED_FEATURES}}
    rows["removed_lines"] = [RemovedLineRow(w.rec.doc_id, w.rec.record_no, r.line_no, r.text, r.reason)
                             for w in work if w.cleaned is not None for r in w.cleaned.removed]
    for w in _in_order(work):
        if w.error is not None:
            rows["records"].append(record_row(w.rec, options, w.error, detail=w.detail))
            continue
        for name, table_rows in w.staged.items():
            rows[name] += table_rows
    return rows


def _annotate_each(work: list[InProgress], model: str) -> None:
    """Annotations of the records' bodies, batched; when the batch fails, text by text, so
    that the text that fails is the only one lost (a text's annotation depends on it alone).
    A failed annotation is kept as its exception: the stage step raises it."""
    texts = [w.cleaned.body for w in work]
    try:
        for text in texts:
            raise_point("annotate", text)
        found: list[Annotation | Exception] = list(annotate_texts(texts, model))
    except Exception:
        found = []
        for text in texts:
            try:
                raise_point("annotate", text)
                found.extend(annotate_texts([text], model))
            except Exception as exc:
                found.append(exc)
    for w, annotation in zip(work, found):
        w.annotation = annotation


def _stage(w: InProgress, options: StageOptions) -> None:
    """The staged rows of one annotated article, by table (``article_rows``)."""
    if isinstance(w.annotation, Exception):
        raise w.annotation
    w.staged = article_rows(w.rec, w.text, w.page, w.cleaned, w.annotation, options)
