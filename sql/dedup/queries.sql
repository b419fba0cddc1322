-- The short queries of tasks/corpus/dedup.py, one per "-- name:" line (the longer ones have files of
-- their own). Tables named new_* are the Arrow tables of the calling function.

-- name: bodies
-- Bodies of the stored articles in `wanted`, to recompute their shingles.
select article_id, body from articles where article_id in (select article_id from wanted);

-- name: insert_fingerprints
insert into article_fingerprints by name
select p.*, a.version_id, now() as computed_at
from new_prints as p
join articles as a using (article_id);

insert into minhash_bands by name select * from new_bands;

-- name: insert_pairs
insert into near_duplicate_pairs by name select * from new_pairs;

-- name: scope
select article_id, body_hash, canonical_rank from corpus_dedup_scope;

-- name: scope_pairs
select article_id_a, article_id_b
from near_duplicate_pairs
where article_id_a in (select article_id from corpus_dedup_scope)
    and article_id_b in (select article_id from corpus_dedup_scope);

-- name: replace_duplicates
-- The scope's clusters, as the pass found them again.
delete from duplicates
where article_id in (select article_id from corpus_dedup_scope)
    or canonical_id in (select article_id from corpus_dedup_scope);

insert into duplicates by name select * from new_duplicates;
