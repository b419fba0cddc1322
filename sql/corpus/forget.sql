-- Forget the state of articles that are gone or reprocessed, noting first which duplicate
-- clusters and stories lose a member: those are regrouped.
create or replace temp table corpus_stale as
select article_id
from article_fingerprints as f
where article_id in (select article_id from corpus_batch)
   or not exists (select 1 from articles as a where a.article_id = f.article_id);

create or replace temp table corpus_dedup_seeds as
with touched as (
    select coalesce(d.canonical_id, s.article_id) as cluster_id
    from corpus_stale as s
    left join duplicates as d using (article_id)
)
select cluster_id as article_id from touched
union select article_id from duplicates where canonical_id in (select cluster_id from touched);

create or replace temp table corpus_story_touched as
select distinct story_id from story_members where article_id in (select article_id from corpus_stale);

create or replace temp table corpus_story_seeds as
select article_id from story_members where story_id in (select story_id from corpus_story_touched);

delete from article_fingerprints where article_id in (select article_id from corpus_stale);
delete from minhash_bands where article_id in (select article_id from corpus_stale);
delete from near_duplicate_pairs where article_id_a in (select article_id from corpus_stale)
    or article_id_b in (select article_id from corpus_stale);
delete from duplicates where article_id in (select article_id from corpus_stale)
    or canonical_id in (select article_id from corpus_stale);
delete from story_terms where article_id in (select article_id from corpus_stale);
delete from story_pairs where article_id_a in (select article_id from corpus_stale)
    or article_id_b in (select article_id from corpus_stale);
delete from story_members where article_id in (select article_id from corpus_stale);
delete from sentence_fingerprints where article_id in (select article_id from corpus_stale);
