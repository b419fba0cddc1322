-- Entities are derived from all mentions; recomputing them is cheap and never drifts.
delete from entities;
insert into entities
with by_surface as (
    select entity_key, text, label, count(*) as n
    from entity_mentions
    group by all
),

names as (
    select
        entity_key,
        -- the fullest form names the entity: "Joe Biden", not the more frequent "Biden"
        first(text order by length(text) - length(replace(text, ' ', '')) desc, n desc, text) as name,
        first(label order by n desc, label) as label
    from by_surface
    group by entity_key
),

totals as (
    select entity_key, count(*) as n_mentions, count(distinct article_id) as n_articles
    from entity_mentions
    group by entity_key
)

select entity_key, name, label, n_mentions, n_articles
from names
join totals using (entity_key);
