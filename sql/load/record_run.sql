insert or replace into runs (run_id, started_at, finished_at, status, n_seen, n_new, n_unchanged,
                             n_quarantined, pipeline_version, error, n_records,
                             n_records_quarantined, n_records_skipped, n_records_unchanged, settings)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
