-- The clusters a run can change: those of its articles, of their equal bodies and near pairs,
-- and those that lost a member (corpus_dedup_seeds). A union of whole clusters, so closed.
create or replace temp table corpus_dedup_scope as
with batch as (
    select article_id from corpus_batch
),

seeds as (
    select article_id from corpus_dedup_seeds
    union select article_id from batch
    union
    select same.article_id
    from article_fingerprints as same
    join article_fingerprints as new using (body_hash)
    where new.article_id in (select article_id from batch)
    union select article_id_a from near_duplicate_pairs where article_id_b in (select article_id from batch)
    union select article_id_b from near_duplicate_pairs where article_id_a in (select article_id from batch)
),

clusters as (
    select coalesce(d.canonical_id, s.article_id) as cluster_id
    from seeds as s
    left join duplicates as d using (article_id)
),

members as (
    select article_id from seeds
    union select cluster_id from clusters
    union select article_id from duplicates where canonical_id in (select cluster_id from clusters)
)

select
    a.article_id,
    f.body_hash,
    -- canonical first: a stated publication date, else the earliest ingest, then the smaller id
    row_number() over (order by a.published_at nulls last, a.ingested_at, a.article_id) as canonical_rank
from articles as a
join article_fingerprints as f using (article_id)
where a.article_id in (select article_id from members)
