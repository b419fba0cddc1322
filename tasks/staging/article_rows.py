"""The staged rows of one annotated record, by table, and a record's own row.

An article's metadata is resolved here from every candidate (the record's, its sidecar,
manifest and path, the page's own fields, and what the text says), its identity computed from
its URL and body, and its sentences, mentions, quotes and corpus features laid out as rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsflow.tasks.annotation.annotate import Annotation
from newsflow.tasks.cleaning.clean import Cleaned
from newsflow.tasks.corpus.features import article_features
from newsflow.tasks.metadata.resolve import from_text, resolve
from newsflow.tasks.reading.files import stored_path
from newsflow.tasks.reading.html import Page
from newsflow.tasks.reading.inputs import RawRecord
from newsflow.tasks.reasons import ArticleFlag
from newsflow.tasks.staging.rows import (ArticleRow, MentionRow, QuoteRow, RecordRow, SentenceRow,
                                         article_identity)

if TYPE_CHECKING:
    from newsflow.tasks.staging.worker import StageOptions


def record_row(rec: RawRecord, options: StageOptions, error: str | None = None,
               article_id: str | None = None, version_id: str | None = None,
               detail: str | None = None) -> RecordRow:
    return RecordRow(rec.doc_id, rec.record_no, stored_path(rec.source_path), rec.container,
                     "quarantined" if error else "ok", error, detail, article_id, version_id,
                     rec.fetched_at, options.started_at, options.run_id)


def article_rows(rec: RawRecord, text: str | None, page: Page | None, cleaned: Cleaned, ann: Annotation,
                 options: StageOptions) -> dict[str, list]:
    """The staged rows of one annotated article, by table."""
    source_text = page.text if page else text
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
        "records": [record_row(rec, options, None, article_id, version_id)],
    }
