-- The corpus passes' features the workers staged (tasks/corpus/features.py) for the versions this
-- slice stores, for tasks/corpus/passes.py to insert. Runs after sql/load/load.sql (winners); equal
-- versions from two containers staged equal rows: one is kept.
create or replace temp table slice_features as
select staged.* exclude (version_id)
from read_parquet(staged_files('article_features')) as staged
join winners using (article_id, version_id)
qualify row_number() over (partition by article_id) = 1;

create or replace temp table slice_passages as
select staged.* exclude (version_id)
from read_parquet(staged_files('passages')) as staged
join winners using (article_id, version_id)
qualify row_number() over (partition by article_id, start_char, is_quote) = 1;
