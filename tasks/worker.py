"""The CPU-bound work on a chunk of records, run in a worker process: decode, extract HTML,
clean, resolve metadata, annotate, compute what the corpus passes compare (tasks/features.py),
and write Parquet part files.

Workers write their own parts and return one small ``Outcome`` per record, so nothing
proportional to the corpus travels back to the flow.

A chunk is also the corpus the cleaner consults (``tasks.html.clean_inputs``): lines that
repeat across its records are boilerplate. Chunks hold consecutive files of a run in path
order, so a file's cleaning can depend on the files that arrive with it in its run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Sequence

from tasks.annotate import annotate_texts
from tasks.decode import decode_bytes
from tasks.features import article_features
from tasks.files import stored_path
from tasks.html import clean_inputs
from tasks.inputs import RawRecord
from tasks.metadata import from_text, resolve
from tasks.records import (STAGED, STAGED_FEATURES, ArticleRow, MentionRow, QuoteRow, RecordRow, RemovedLineRow,
                           SentenceRow, article_identity, write_parquet)


@dataclass(frozen=True)
class StageOptions:
    run_id: str
    started_at: datetime
    max_file_bytes: int
    spacy_model: str
    pipeline_version: str


@dataclass(frozen=True)
class Outcome:
    doc_id: str
    record_no: int
    error: str | None        # None when the record became an article
    encoding: str | None


def warm_up(model: str) -> None:
    """A worker's initializer: load the model before the first chunk arrives. It lives here,
    not beside the pool in tasks/stage.py, so that a worker never imports Prefect."""
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
                article_id: str | None = None, version_id: str | None = None) -> RecordRow:
    return RecordRow(rec.doc_id, rec.record_no, stored_path(rec.source_path), rec.container,
                     "quarantined" if error else "ok", error, None, article_id, version_id,
                     rec.fetched_at, options.started_at, options.run_id)


def process_records(records: Sequence[RawRecord], out_dir: str, part: str,
                    options: StageOptions, share: tuple[int, int] = (0, 1)) -> list[Outcome]:
    """Turn records into staged rows in Parquet part files named ``part``.

    ``share`` (k, n): stage only the k-th of n equal runs of the records. The whole chunk is
    still decoded and cleaned, since cleaning reads the chunk as a corpus (lines common to
    its records are boilerplate), so n shares stage exactly the rows the whole chunk would.
    """
    k, n = share
    mine = range(k * len(records) // n, (k + 1) * len(records) // n)
    rows: dict[str, list] = {name: [] for name in {**STAGED, **STAGED_FEATURES}}
    outcomes: list[Outcome] = []
    kept = []
    readable = []
    for i, rec in enumerate(records):
        encoding = None
        text = rec.payload
        if isinstance(text, bytes):
            decoded = decode_bytes(text)
            text, encoding = decoded.text, decoded.encoding
            if text is None:
                if i in mine:
                    outcomes.append(Outcome(rec.doc_id, rec.record_no, decoded.error, encoding))
                    rows["records"].append(_record_row(rec, options, decoded.error))
                continue
        readable.append((i, rec, encoding, text))
    cleaned_inputs = clean_inputs([text for _, _, _, text in readable])
    for (i, rec, encoding, text), (cleaned, page) in zip(readable, cleaned_inputs):
        if i not in mine:
            continue
        rows["removed_lines"] += [RemovedLineRow(rec.doc_id, rec.record_no, r.line_no, r.text, r.reason)
                                  for r in cleaned.removed]
        if not cleaned.body.strip():  # nothing of the article survived: keep the audit trail only
            outcomes.append(Outcome(rec.doc_id, rec.record_no, "no_body", encoding))
            rows["records"].append(_record_row(rec, options, "no_body"))
            continue
        kept.append((rec, cleaned, page, page.text if page else text))
        outcomes.append(Outcome(rec.doc_id, rec.record_no, None, encoding))

    annotations = annotate_texts([k[1].body for k in kept], options.spacy_model)
    for (rec, cleaned, page, source_text), ann in zip(kept, annotations):
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
            flags.add("not_entity_annotated")
        rows["articles"].append(ArticleRow(
            article_id, rec.doc_id, stored_path(rec.source_path), meta.title, cleaned.byline or (page and page.byline),
            body, ann.lang, ann.lang_score, len(body.split()), len(ann.sentences), sorted(flags),
            ann.entity_annotated, options.started_at, options.run_id, options.pipeline_version,
            source_format="html" if page else "text", published_at=meta.published_at,
            site_name=page and page.site_name, version_id=version_id, record_no=rec.record_no,
            container=rec.container, url=meta.url, url_source=meta.url_source, outlet=meta.outlet,
            outlet_name=meta.outlet_name, outlet_source=meta.outlet_source,
            published_at_source=meta.published_at_source, title_source=meta.title_source,
            fetched_at=rec.fetched_at, agency=said.get("agency"), dateline_place=said.get("dateline_place")))
        rows["sentences"] += [SentenceRow(article_id, i, body[s:e], s, e, version_id)
                              for i, (s, e) in enumerate(ann.sentences)]
        rows["entity_mentions"] += [MentionRow(article_id, m.start, m.end, ann.sentence_of(m.start),
                                               m.text, m.label, m.key, version_id) for m in ann.mentions]
        rows["quotes"] += [QuoteRow(article_id, q.start, q.end, q.text, q.speaker, q.speaker_key, version_id)
                           for q in ann.quotes]
        features, passages = article_features(article_id, version_id, body, ann.sentences,
                                              [(q.start, q.end, q.text) for q in ann.quotes])
        rows["article_features"].append(features)
        rows["passages"] += passages
        rows["records"].append(_record_row(rec, options, None, article_id, version_id))
    write_parts(rows, out_dir, part)
    return outcomes
