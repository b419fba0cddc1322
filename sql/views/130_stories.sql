-- Same-story groups: label, size, the outlets in order of first appearance, and which article
-- appeared first and when (the stated publication date, else the ingest time).
create or replace view stories as
with source as (
    select c.story_id, g.label, c.article_id, c.outlet, c.title, c.appeared_at
    from stg_article_corpus as c
    join story_groups as g using (story_id)
),

outlet_firsts as (
    select story_id, outlet, min(appeared_at) as first_appeared_at
    from source
    where outlet is not null
    group by all
),

outlets as (
    select story_id, list(outlet order by first_appeared_at, outlet) as outlets
    from outlet_firsts
    group by story_id
)

select
    s.story_id,
    any_value(s.label) as label,
    count(*) as n_articles,
    count(distinct s.outlet) as n_outlets,
    coalesce(any_value(o.outlets), []) as outlets,
    arg_min(s.article_id, (s.appeared_at, s.article_id)) as first_article_id,
    arg_min(s.outlet, (s.appeared_at, s.article_id)) as first_outlet,
    arg_min(s.title, (s.appeared_at, s.article_id)) as first_title,
    min(s.appeared_at) as first_appeared_at,
    max(s.appeared_at) as last_appeared_at
from source as s
left join outlets as o using (story_id)
group by s.story_id
order by n_articles desc, first_appeared_at, s.story_id;

comment on view stories is 'Same-story groups: articles about one event, with their outlets and first appearance.';
comment on column stories.story_id is 'Story id: st_ and the id of the article that started the group; kept as the group grows.';
comment on column stories.label is 'The entities most members name, else the first article''s title.';
comment on column stories.n_articles is 'Articles in the story (two or more).';
comment on column stories.n_outlets is 'Distinct known outlets among them.';
comment on column stories.outlets is 'Known outlets in order of their first article of the story.';
comment on column stories.first_article_id is 'The article that appeared first (publication date, else ingest time).';
comment on column stories.first_outlet is 'Outlet of the first article; null when unknown.';
comment on column stories.first_title is 'Title of the first article.';
comment on column stories.first_appeared_at is 'When the first article appeared: its publication date, else its ingest time (UTC).';
comment on column stories.last_appeared_at is 'When the latest article appeared (UTC).';
