-- The batch's scored pairs: its strongest neighbours within the window, above the floor.
insert into story_pairs
with batch as (
    select article_id from corpus_batch
),

appeared as (
    select article_id, coalesce(published_at, ingested_at) as appeared_at
    from articles
    where article_id in (select article_id from corpus_story_vectors)
),

dots as (
    select new.article_id as new_id, old.article_id as old_id, sum(new.weight * old.weight) as score
    from corpus_story_vectors as new
    join corpus_story_vectors as old using (term)
    where new.article_id in (select article_id from batch)
      and old.article_id != new.article_id
      and (old.article_id not in (select article_id from batch) or old.article_id > new.article_id)
    group by all
),

kept as (
    select dots.*
    from dots
    join appeared as n on n.article_id = dots.new_id
    join appeared as o on o.article_id = dots.old_id
    where dots.score >= $floor
      and abs(epoch(n.appeared_at) - epoch(o.appeared_at)) <= $window_s
    qualify row_number() over (partition by new_id order by score desc, old_id) <= $max_pairs
)

-- rounded: parallel sums differ in the last bits from run to run
select least(new_id, old_id), greatest(new_id, old_id), round(least(score, 1.0), 9)
from kept
