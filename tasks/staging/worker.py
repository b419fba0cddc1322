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

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Sequence

import logging

from newsflow.tasks.annotation.annotate import Annotation, annotate_texts
from newsflow.tasks.cleaning.clean import Cleaned
from newsflow.tasks.reading.decode import decode_bytes
from newsflow.tasks.corpus.features import article_features
from newsflow.tasks.reading.files import stored_path
from newsflow.tasks.faults import pause_point, raise_point
from newsflow.tasks.reading.html import Page, chunk_common_lines, clean_source, text_to_clean
from newsflow.tasks.reading.inputs import RawRecord
from newsflow.tasks.lifetime import die_with_parent
from newsflow.tasks.metadata.resolve import from_text, resolve
from newsflow.tasks.reasons import ArticleFlag, Quarantine, RecordError
from newsflow.tasks.staging.rows import (STAGED, STAGED_FEATURES, ArticleRow, MentionRow, QuoteRow, RecordRow,
                                         RemovedLineRow, SentenceRow, article_identity, write_parquet)


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
    arrives. It lives here, not beside the pool in tasks/staging/batch.py, so that a worker never
    imports Prefect."""
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


def _record_row(rec: RawRecord, options: StageOptions, error: str | None = None,
                article_id: str | None = None, version_id: str | None = None,
                detail: str | None = None) -> RecordRow:
    return RecordRow(rec.doc_id, rec.record_no, stored_path(rec.source_path), rec.container,
                     "quarantined" if error else "ok", error, detail, article_id, version_id,
                     rec.fetched_at, options.started_at, options.run_id)


def process_records(records: Sequence[RawRecord], out_dir: str, part: str,
                    options: StageOptions, share: tuple[int, int] = (0, 1)) -> list[Outcome]:
    """Turn records into staged rows in Parquet part files named ``part``.

    ``share`` (k, n): stage only the k-th of n equal runs of the records. The whole chunk is
    still decoded and cleaned, since cleaning reads the chunk as a corpus (lines common to
    its records are boilerplate), so n shares stage exactly the rows the whole chunk would.
    An exception in any step for one record quarantines that record alone (``internal_error``,
    the exception in ``detail``, its traceback in the log); the rest of the chunk goes on.
    """
    pause_point("annotate")
    k, n = share
    mine = range(k * len(records) // n, (k + 1) * len(records) // n)
    rows: dict[str, list] = {name: [] for name in {**STAGED, **STAGED_FEATURES}}
    outcomes: list[Outcome] = []

    def quarantine(i: int, rec: RawRecord, reason: str, encoding: str | None, detail: str | None = None) -> None:
        if i in mine:
            outcomes.append(Outcome(rec.doc_id, rec.record_no, reason, encoding))
            rows["records"].append(_record_row(rec, options, reason, detail=detail))

    def failed(i: int, rec: RawRecord, step: str, exc: Exception, encoding: str | None) -> None:
        log.warning("record %s:%s failed in %s", stored_path(rec.source_path), rec.record_no, step, exc_info=exc)
        quarantine(i, rec, RecordError.INTERNAL_ERROR, encoding, f"{step}: {type(exc).__name__}: {exc}"[:500])

    extracted = []
    for i, rec in enumerate(records):
        encoding = None
        try:
            raise_point("decode", rec.payload)
            text = rec.payload
            if isinstance(text, bytes):
                decoded = decode_bytes(text)
                text, encoding = decoded.text, decoded.encoding
                if text is None:
                    quarantine(i, rec, decoded.error, encoding)
                    continue
            source, page = text_to_clean(text)
        except Exception as exc:
            failed(i, rec, "decode", exc, encoding)
            continue
        extracted.append((i, rec, encoding, text, source, page))
    common = chunk_common_lines([source for *_, source, _ in extracted])
    kept = []
    for i, rec, encoding, text, source, page in extracted:
        if i not in mine:
            continue
        try:
            raise_point("clean", text)
            cleaned = clean_source(source, common)
        except Exception as exc:
            failed(i, rec, "clean", exc, encoding)
            continue
        rows["removed_lines"] += [RemovedLineRow(rec.doc_id, rec.record_no, r.line_no, r.text, r.reason)
                                  for r in cleaned.removed]
        if not cleaned.body.strip():  # nothing of the article survived: keep the audit trail only
            quarantine(i, rec, Quarantine.NO_BODY, encoding)
            continue
        kept.append((i, rec, encoding, cleaned, page, page.text if page else text))

    annotations = _annotate_each([cleaned.body for _, _, _, cleaned, _, _ in kept], options.spacy_model)
    for (i, rec, encoding, cleaned, page, source_text), ann in zip(kept, annotations):
        try:
            if isinstance(ann, Exception):
                raise ann
            raise_point("stage", cleaned.body)
            staged = _stage(rec, cleaned, page, source_text, ann, options)
        except Exception as exc:
            failed(i, rec, "annotate" if isinstance(ann, Exception) else "stage", exc, encoding)
            continue
        for name, table_rows in staged.items():
            rows[name] += table_rows
        outcomes.append(Outcome(rec.doc_id, rec.record_no, None, encoding))
    write_parts(rows, out_dir, part)
    return outcomes


def _annotate_each(texts: list[str], model: str) -> list[Annotation | Exception]:
    """Annotations of the texts, batched; when the batch fails, text by text, so that the
    text that fails is the only one lost (a text's annotation depends on it alone)."""
    try:
        for text in texts:
            raise_point("annotate", text)
        return list(annotate_texts(texts, model))
    except Exception:
        found: list[Annotation | Exception] = []
        for text in texts:
            try:
                raise_point("annotate", text)
                found.extend(annotate_texts([text], model))
            except Exception as exc:
                found.append(exc)
        return found


def _stage(rec: RawRecord, cleaned: Cleaned, page: Page | None, source_text: str, ann: Annotation,
           options: StageOptions) -> dict[str, list]:
    """The staged rows of one annotated article, by table."""
    body = cleaned.body
    candidates = list(rec.candidates)
    if page is not None:
        candidates.append(("record", page.fields()))  # after the record's own fields: they win ties
    # The text as it came in: credits and date lines are what cleaning removes from the body.
    said = from_text(cleaned.title, cleaned.byline, source_text)
    candidates.append(("text", {"title": cleaned.title, **said}))
    meta = resolve(candidates, options.started_at)
    article_id, version_id = article_identity(meta.url, body)
    flags = set(cleaned.flags) | set(meta.flags) | set(ann.flags)
    if not ann.entity_annotated:
        flags.add(ArticleFlag.NOT_ENTITY_ANNOTATED)
    article = ArticleRow(
        article_id, rec.doc_id, stored_path(rec.source_path), meta.title, cleaned.byline or (page and page.byline),
        body, ann.lang, ann.lang_score, len(body.split()), len(ann.sentences), sorted(flags),
        ann.entity_annotated, options.started_at, options.run_id, options.pipeline_version,
        source_format="html" if page else "text", published_at=meta.published_at,
        site_name=page and page.site_name, version_id=version_id, record_no=rec.record_no,
        container=rec.container, url=meta.url, url_source=meta.url_source, outlet=meta.outlet,
        outlet_name=meta.outlet_name, outlet_source=meta.outlet_source,
        published_at_source=meta.published_at_source, title_source=meta.title_source,
        fetched_at=rec.fetched_at, agency=said.get("agency"), dateline_place=said.get("dateline_place"))
    features, passages = article_features(article_id, version_id, body, ann.sentences,
                                          [(q.start, q.end, q.text) for q in ann.quotes])
    return {
        "articles": [article],
        "sentences": [SentenceRow(article_id, i, body[s:e], s, e, version_id) for i, (s, e) in enumerate(ann.sentences)],
        "entity_mentions": [MentionRow(article_id, m.start, m.end, ann.sentence_of(m.start), m.text, m.label, m.key,
                                       version_id) for m in ann.mentions],
        "quotes": [QuoteRow(article_id, q.start, q.end, q.text, q.speaker, q.speaker_key, version_id)
                   for q in ann.quotes],
        "article_features": [features],
        "passages": passages,
        "records": [_record_row(rec, options, None, article_id, version_id)],
    }
