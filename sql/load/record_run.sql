insert or replace into runs (run_id, started_at, finished_at, status, n_seen, n_new,
                             n_unchanged, n_quarantined, pipeline_version, error)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
