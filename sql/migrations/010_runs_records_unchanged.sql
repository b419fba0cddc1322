-- A record repeated identically inside one container is annotated once: the repeats are counted
-- as unchanged records, apart from the WARC records skipped for not being HTML responses.
alter table runs add column n_records_unchanged bigint;
comment on column runs.n_records_unchanged is 'Repeats of an identical record inside one container: read, counted, annotated once.';
comment on column runs.n_records_skipped is 'WARC records skipped because they are not HTML responses.';
comment on column runs.status is 'ok; failed (a check or the load failed, or the Prefect API was lost: nothing of the failing slice was loaded); or cancelled (stopped by a signal: the slices committed before stay).';
