-- For each story, the outlets that carried it and when each first did, earliest first.
-- A story is an article id here (one URL, or one body); same-story groups refine it later.
create or replace view story_first_appearance as
with appearances as (
    select
        a.article_id as story_id,
        coalesce(a.outlet, a.outlet_name) as outlet,
        coalesce(a.published_at, r.fetched_at, r.first_seen_at) as appeared_at,
        case
            when a.published_at is not null then 'published_at'
            when r.fetched_at is not null then 'fetched_at'
            else 'first_seen_at'
        end as appeared_at_source
    from records as r
    join articles as a using (article_id)
    where r.status = 'ok'
),

firsts as (
    select story_id, outlet, min(appeared_at) as first_appeared_at, any_value(appeared_at_source) as appeared_at_source
    from appearances
    group by story_id, outlet
)

select
    story_id,
    outlet,
    first_appeared_at,
    appeared_at_source,
    rank() over (partition by story_id order by first_appeared_at) as appearance_rank
from firsts
order by story_id, appearance_rank, outlet;
