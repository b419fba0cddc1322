-- Containers and versions: a JSONL or WARC file holds many records; one article (one URL, or one
-- body) may arrive as several versions. Metadata values carry where they came from.

create table records (
    doc_id        varchar not null,   -- the container's content id
    record_no     bigint not null,    -- 0: the whole file; JSONL: line number; WARC: record number
    source_path   varchar not null,
    container     varchar not null,   -- 'file', 'jsonl' or 'warc'
    status        varchar not null check (status in ('ok', 'quarantined')),
    error         varchar,            -- reason code when quarantined
    detail        varchar,
    article_id    varchar,            -- the article this record is a version of (null when quarantined)
    version_id    varchar,            -- sha256 of the cleaned body: equal bodies are one version
    fetched_at    timestamptz,        -- when the page was fetched, where the container says so
    first_seen_at timestamptz not null,
    run_id        varchar not null,
    primary key (doc_id, record_no)
);

alter table articles add column version_id varchar;
alter table articles add column record_no bigint;
alter table articles add column container varchar;
alter table articles add column url varchar;
alter table articles add column url_source varchar;
alter table articles add column outlet varchar;
alter table articles add column outlet_name varchar;
alter table articles add column outlet_source varchar;
alter table articles add column published_at_source varchar;
alter table articles add column title_source varchar;
alter table articles add column fetched_at timestamptz;
alter table articles add column agency varchar;          -- news agency the text credits (AP, Reuters...)

alter table sentences add column version_id varchar;
alter table entity_mentions add column version_id varchar;
alter table quotes add column version_id varchar;

-- removed_lines gains the record within its container as part of its key.
create table removed_lines_v3 (
    doc_id    varchar not null,
    record_no bigint not null,
    line_no   bigint not null,
    text      varchar not null,
    reason    varchar not null,
    primary key (doc_id, record_no, line_no)
);
insert into removed_lines_v3 select doc_id, 0, line_no, text, reason from removed_lines;
drop table removed_lines;
alter table removed_lines_v3 rename to removed_lines;

alter table runs add column n_records bigint;
alter table runs add column n_records_quarantined bigint;
alter table runs add column n_records_skipped bigint;
