-- What a run may regroup: its articles, their neighbours, and every member of their stories
-- and of stories that lost a member (corpus_story_seeds), ranked by first appearance.
create or replace temp table corpus_story_scope as
with batch as (
    select article_id from corpus_batch
),

seeds as (
    select article_id from corpus_story_seeds
    union select article_id from batch
    union select article_id_a from story_pairs where article_id_b in (select article_id from batch)
    union select article_id_b from story_pairs where article_id_a in (select article_id from batch)
),

stories as (
    select story_id from story_members where article_id in (select article_id from seeds)
)

select
    article_id,
    row_number() over (order by coalesce(published_at, ingested_at), article_id) as appearance_rank
from articles
where article_id in (select article_id from seeds)
   or article_id in (select article_id from story_members where story_id in (select story_id from stories))
