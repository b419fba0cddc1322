-- A run's staged Parquet, as views: getvariable('staging') is the run's staging folder and
-- getvariable('parts') the parts to read (every staged table has one file per part, see
-- tasks/staging/worker.py). tasks/warehouse/load.py sets parts to the whole run, then to one slice at a time;
-- the views read whatever parts are set when they are queried.

create or replace temp macro staged_files(tbl) as
list_transform(getvariable('parts'), lambda part: getvariable('staging') || '/' || tbl || '/' || part || '.parquet');

create or replace temp view staged_documents as
select * from read_parquet(staged_files('documents'));
create or replace temp view staged_sources as
select * from read_parquet(staged_files('sources'));
create or replace temp view staged_records as
select * from read_parquet(staged_files('records'));
create or replace temp view staged_articles as
select * from read_parquet(staged_files('articles'));
