-- The short queries of tasks/warehouse/store.py (migrations, what the warehouse holds) and
-- tasks/warehouse/export.py (the handoff's manifest), one per "-- name:" line.

-- name: schema_version_table
create table if not exists schema_version (
    version varchar primary key,
    applied_at timestamptz default current_timestamp
);

-- name: applied_migrations
select version from schema_version;

-- name: record_migration
insert into schema_version (version) values ($version);

-- name: table_names
select table_name from information_schema.tables;

-- name: known_sources
select source_path, doc_id, size_bytes, mtime_ns from sources;

-- name: known_documents
select doc_id from documents;

-- name: schema_version
select max(version) from schema_version;

-- name: last_data_run
-- The last run that loaded something: the data the handoff should hold.
select run_id
from runs
where status = 'ok' and n_new + n_quarantined > 0
order by finished_at desc
limit 1;

-- name: column_comments
select column_name, comment from duckdb_columns() where table_name = $name;

-- name: table_comment
select comment from duckdb_tables() where table_name = $name
union all
select comment from duckdb_views() where view_name = $name;

-- name: main_tables
-- The warehouse's tables, for the row counts a run prints.
select table_name from duckdb_tables() where schema_name = 'main' order by table_name;

-- name: run_quarantine_reasons
-- Why the files a run quarantined were set aside, for the summary it prints.
select error as reason, count(*) as n_files
from documents
where run_id = ? and status = 'quarantined'
group by all
order by n_files desc, reason;

-- name: run_settings
-- The settings a run recorded (runs.settings), for the handoff manifest.
select settings from runs where run_id = ?;
