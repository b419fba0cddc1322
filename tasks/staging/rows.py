"""Row types that cross stage boundaries, and the ids they carry.

Each dataclass mirrors one warehouse table (see sql/migrations). Workers build these rows, a
batch writes them as Parquet part files with the schema parquet.py derives from them, and the
loader inserts them ``BY NAME``; a test checks that every schema matches its table.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from newsflow.tasks.staging.parquet import UInt64


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def article_identity(url: str | None, body: str) -> tuple[str, str]:
    """(article_id, version_id). One article has one id whatever container it came in: its
    canonical URL when known, else its cleaned body (whitespace folded). A version is the exact
    cleaned body, so a re-scrape that changed only the page around the article is no new version."""
    version_id = sha256_hex(body.encode())
    basis = f"url:{url}" if url else "body:" + " ".join(body.split())
    return sha256_hex(basis.encode())[:32], version_id


@dataclass(frozen=True)
class DocumentRow:
    doc_id: str
    source_path: str
    size_bytes: int
    encoding: str | None
    status: str               # 'ok' or 'quarantined'
    error: str | None         # reason code when quarantined
    first_seen_at: datetime
    run_id: str


@dataclass(frozen=True)
class ArticleRow:
    article_id: str
    doc_id: str
    source_path: str
    title: str | None
    byline: str | None
    body: str
    lang: str
    lang_score: float
    n_words: int
    n_sentences: int
    flags: list[str]
    is_entity_annotated: bool
    ingested_at: datetime
    run_id: str
    pipeline_version: str
    source_format: str | None = None      # 'text' or 'html'
    published_at: datetime | None = None
    site_name: str | None = None
    version_id: str | None = None
    record_no: int | None = None
    container: str | None = None          # 'file', 'jsonl' or 'warc'
    url: str | None = None
    url_source: str | None = None
    outlet: str | None = None
    outlet_name: str | None = None
    outlet_source: str | None = None
    published_at_source: str | None = None
    title_source: str | None = None
    fetched_at: datetime | None = None
    agency: str | None = None             # news agency credited in the text (AP, Reuters, AFP...)
    dateline_place: str | None = None     # place a wire story's dateline names ("CLEVELAND")


@dataclass(frozen=True)
class SentenceRow:
    article_id: str
    sent_idx: int
    text: str
    start_char: int
    end_char: int
    version_id: str | None = None


@dataclass(frozen=True)
class MentionRow:
    article_id: str
    start_char: int
    end_char: int
    sent_idx: int
    text: str
    label: str
    entity_key: str
    version_id: str | None = None


@dataclass(frozen=True)
class QuoteRow:
    article_id: str
    start_char: int
    end_char: int
    text: str
    speaker: str | None
    speaker_key: str | None
    version_id: str | None = None


@dataclass(frozen=True)
class RemovedLineRow:
    doc_id: str
    record_no: int
    line_no: int
    text: str
    reason: str


@dataclass(frozen=True)
class SourceRow:
    """Where a document was seen: one row per path, pointing at the content it holds now."""
    source_path: str                      # printable: see tasks/reading/files.py stored_path
    doc_id: str
    size_bytes: int
    mtime_ns: int
    seen_at: datetime
    run_id: str
    source_path_hex: str | None = None    # the path's exact bytes when source_path is escaped


@dataclass(frozen=True)
class RecordRow:
    doc_id: str
    record_no: int
    source_path: str
    container: str
    status: str
    error: str | None
    detail: str | None
    article_id: str | None
    version_id: str | None
    fetched_at: datetime | None
    first_seen_at: datetime
    run_id: str


@dataclass(frozen=True)
class FeatureRow:
    """What the corpus passes compare of one article version (tasks/corpus/features.py): the columns of
    article_fingerprints, and its story_terms rows as two lists."""
    article_id: str
    version_id: str
    body_hash: str
    n_shingles: int
    minhash: list[int]
    terms: list[str]
    term_counts: list[int]


@dataclass(frozen=True)
class PassageRow:
    """A sentence_fingerprints row, staged with the version it was computed from."""
    article_id: str
    version_id: str
    sent_idx: int
    start_char: int
    end_char: int
    is_quote: bool
    fingerprint: UInt64
    n_words: int


# Staged tables, in load order: each name is a warehouse table and a Parquet part file name.
STAGED: dict[str, type] = {
    "documents": DocumentRow,
    "articles": ArticleRow,
    "sentences": SentenceRow,
    "entity_mentions": MentionRow,
    "quotes": QuoteRow,
    "removed_lines": RemovedLineRow,
    "records": RecordRow,
    "sources": SourceRow,
}

# Staged beside them: the corpus passes' per-article features, computed in the workers and
# inserted by the corpus passes (tasks/corpus/passes.py) for the versions a slice stores.
STAGED_FEATURES: dict[str, type] = {
    "article_features": FeatureRow,
    "passages": PassageRow,
}
