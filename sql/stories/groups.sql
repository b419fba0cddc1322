-- A label for each rewritten story: the entities most of its members name (rarer first on a
-- tie), else the first member's title.
insert into story_groups
with members as (
    select m.story_id, m.article_id, a.title, a.body, coalesce(a.published_at, a.ingested_at) as appeared_at
    from story_members as m
    join articles as a using (article_id)
    where m.story_id in (select story_id from new_stories)
),

firsts as (
    select story_id, arg_min(article_id, (appeared_at, article_id)) as first_article_id,
           arg_min(coalesce(title, left(body, 80)), (appeared_at, article_id)) as first_title
    from members
    group by story_id
),

names as (
    select m.story_id, e.name, count(distinct m.article_id) as n_members, min(e.n_articles) as n_corpus
    from members as m
    join entity_mentions as em using (article_id)
    join entities as e using (entity_key)
    group by m.story_id, e.name
    qualify row_number() over (partition by m.story_id order by n_members desc, n_corpus, e.name) <= 3
),

labels as (
    select story_id, string_agg(name, ', ' order by n_members desc, n_corpus, name) as label
    from names
    group by story_id
)

select f.story_id, coalesce(l.label, f.first_title), f.first_article_id
from firsts as f
left join labels as l using (story_id)
