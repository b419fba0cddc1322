-- The data contract of docs/architecture: columns may be added, never renamed without a migration.

create table documents (
    doc_id        varchar primary key,   -- sha256 hex of the raw bytes
    source_path   varchar not null,      -- first path this content was seen at (see sources)
    size_bytes    bigint not null,
    encoding      varchar,               -- detected encoding; null when the bytes were not text
    status        varchar not null check (status in ('ok', 'quarantined')),
    error         varchar,               -- quarantine reason code; null when ok
    first_seen_at timestamptz not null,
    run_id        varchar not null
);

-- Every path ever seen, pointing at the content it holds now: the discovery diff reads this.
create table sources (
    source_path varchar primary key,
    doc_id      varchar not null,
    size_bytes  bigint not null,
    mtime_ns    bigint not null,
    seen_at     timestamptz not null,
    run_id      varchar not null
);

create table articles (
    article_id          varchar primary key,
    doc_id              varchar not null,
    source_path         varchar not null,
    title               varchar,
    byline              varchar,
    body                varchar not null,
    lang                varchar not null,     -- ISO 639-1, or 'und'
    lang_score          double not null,
    n_words             bigint not null,
    n_sentences         bigint not null,
    flags               varchar[] not null,   -- quality flags, see README
    is_entity_annotated boolean not null,
    ingested_at         timestamptz not null,
    run_id              varchar not null,
    pipeline_version    varchar not null
);

create table sentences (
    article_id varchar not null,
    sent_idx   bigint not null,
    text       varchar not null,
    start_char bigint not null,   -- body[start_char:end_char] == text (Python slicing)
    end_char   bigint not null,
    primary key (article_id, sent_idx)
);

create table entity_mentions (
    article_id varchar not null,
    start_char bigint not null,
    end_char   bigint not null,
    sent_idx   bigint not null,
    text       varchar not null,
    label      varchar not null,
    entity_key varchar not null,
    primary key (article_id, start_char)
);

create table entities (
    entity_key varchar primary key,
    name       varchar not null,   -- canonical name: the most frequent surface form
    label      varchar not null,
    n_mentions bigint not null,
    n_articles bigint not null
);

create table quotes (
    article_id  varchar not null,
    start_char  bigint not null,
    end_char    bigint not null,
    text        varchar not null,
    speaker     varchar,
    speaker_key varchar,
    primary key (article_id, start_char)
);

create table removed_lines (
    doc_id  varchar not null,
    line_no bigint not null,
    text    varchar not null,
    reason  varchar not null,
    primary key (doc_id, line_no)
);

create table runs (
    run_id           varchar primary key,
    started_at       timestamptz not null,
    finished_at      timestamptz not null,
    status           varchar not null check (status in ('ok', 'failed')),
    n_seen           bigint not null,
    n_new            bigint not null,
    n_unchanged      bigint not null,
    n_quarantined    bigint not null,
    pipeline_version varchar not null,
    error            varchar
);
