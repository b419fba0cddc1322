-- The short queries of tasks/corpus/passes.py, one per "-- name:" line (the longer ones have files of
-- their own). corpus_batch holds the slice's article ids.

-- name: stored_settings
select name, value from corpus_settings;

-- name: insert_settings
insert into corpus_settings by name select * from new_settings;

-- name: new_batch
create or replace temp table corpus_batch as select article_id from batch;

-- name: n_removed
-- Articles whose state the pass forgot (sql/corpus/forget.sql) and does not compute again.
select count(*)
from corpus_stale
where article_id not in (select article_id from corpus_batch);

-- name: computed_all
-- The slice's articles whose features the pass computes: all of them ...
create or replace temp table corpus_computed as select article_id from corpus_batch;

-- name: computed_unstaged
-- ... or those the workers did not stage (sql/load/features.sql).
create or replace temp table corpus_computed as
select article_id from corpus_batch
where article_id not in (select article_id from slice_features);

-- name: computed_articles
select article_id, version_id, body
from articles
where article_id in (select article_id from corpus_computed)
order by article_id;

-- name: computed_sentences
select article_id, start_char, end_char
from sentences
where article_id in (select article_id from corpus_computed)
order by article_id, sent_idx;

-- name: computed_quotes
select article_id, start_char, end_char, text
from quotes
where article_id in (select article_id from corpus_computed)
order by article_id, start_char;

-- name: slice_features
-- The slice's features: computed here (the Arrow tables computed_*), then staged ones.
create or replace temp table corpus_features as select * exclude (version_id) from computed_features;
create or replace temp table corpus_passages as select * exclude (version_id) from computed_passages;

-- name: add_staged_features
insert into corpus_features by name
select * from slice_features where article_id in (select article_id from corpus_batch);

insert into corpus_passages by name
select * from slice_passages where article_id in (select article_id from corpus_batch);

-- name: fingerprints
select article_id, body_hash, n_shingles, minhash from corpus_features order by article_id;
