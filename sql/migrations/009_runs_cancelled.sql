-- A run told to stop (SIGTERM from a supervisor, Ctrl-C) records itself as 'cancelled': it keeps
-- the slices it committed and leaves the rest to the next run. DuckDB cannot alter a CHECK
-- constraint, so the table is rebuilt with the same columns, rows and comments.
create table runs__rebuilt (
    run_id           varchar primary key,
    started_at       timestamptz not null,
    finished_at      timestamptz not null,
    status           varchar not null check (status in ('ok', 'failed', 'cancelled')),
    n_seen           bigint not null,
    n_new            bigint not null,
    n_unchanged      bigint not null,
    n_quarantined    bigint not null,
    pipeline_version varchar not null,
    error            varchar,
    n_records        bigint,
    n_records_quarantined bigint,
    n_records_skipped bigint
);
insert into runs__rebuilt by name select * from runs;
drop table runs;
alter table runs__rebuilt rename to runs;
comment on table runs is 'One row per ingest run.';
comment on column runs.run_id is 'The Prefect flow run id.';
comment on column runs.started_at is 'When the run started (UTC).';
comment on column runs.finished_at is 'When the run finished (UTC).';
comment on column runs.status is 'ok; failed (a check or the load failed: nothing of the failing slice was loaded); or cancelled (stopped by a signal: the slices committed before stay).';
comment on column runs.n_seen is 'Input files discovered: n_new + n_unchanged + n_quarantined.';
comment on column runs.n_new is 'Files whose content was stored by this run.';
comment on column runs.n_unchanged is 'Files whose content the warehouse already held.';
comment on column runs.n_quarantined is 'Files quarantined by this run, each with a reason in documents.error.';
comment on column runs.pipeline_version is 'newsflow version of the run.';
comment on column runs.error is 'Why the run failed; null when ok.';
comment on column runs.n_records is 'Records read from new files (one per text file).';
comment on column runs.n_records_quarantined is 'Records quarantined by this run (records.status).';
comment on column runs.n_records_skipped is 'Records skipped: WARC records that are not HTML responses, and repeats of an identical record in one container.';
