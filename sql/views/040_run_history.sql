-- One row per ingest run, newest first, with its duration and accounting.
create or replace view run_history as
select
    run_id,
    started_at,
    finished_at,
    round(epoch(finished_at) - epoch(started_at), 1) as duration_s,
    status,
    n_seen,
    n_new,
    n_unchanged,
    n_quarantined,
    n_seen = n_new + n_unchanged + n_quarantined as is_accounted,
    pipeline_version,
    error
from runs
order by started_at desc;
