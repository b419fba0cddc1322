-- The short queries of tasks/warehouse/load.py, one per "-- name:" line (the load itself is load.sql).

-- name: staged_counts
select count(*) filter (status = 'ok'), count(*) filter (status = 'quarantined')
from staged_documents;

-- name: entity_key_counts
select entity_key, count(*) from entity_mentions group by 1;

-- name: winners
-- The articles the slice stores (sql/load/load.sql).
select article_id from winners;

-- name: drop_slice_features
drop table slice_features;
drop table slice_passages;

-- name: run_recorded
-- Whether a run already has its runs row (a cancelled run may have written it in its load).
select 1 from runs where run_id = ?;
