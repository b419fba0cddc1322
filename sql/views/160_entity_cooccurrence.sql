-- Pairs of entities named in the same article, by the number of articles naming both (at
-- least two). A duplicate counts once: only articles that are no one's duplicate are read.
create or replace view entity_cooccurrence as
with source as (
    select distinct article_id, entity_key
    from entity_mentions
    where article_id not in (select article_id from duplicates)
),

pairs as (
    select a.entity_key as entity_key_a, b.entity_key as entity_key_b, count(*) as n_articles
    from source as a
    join source as b on a.article_id = b.article_id and a.entity_key < b.entity_key
    group by all
    having count(*) >= 2
)

select
    p.entity_key_a,
    ea.name as name_a,
    p.entity_key_b,
    eb.name as name_b,
    p.n_articles,
    rank() over (order by p.n_articles desc) as pair_rank
from pairs as p
join entities as ea on ea.entity_key = p.entity_key_a
join entities as eb on eb.entity_key = p.entity_key_b
order by pair_rank, p.entity_key_a, p.entity_key_b;

comment on view entity_cooccurrence is 'Pairs of entities named in the same article, by the number of articles naming both (two or more; duplicates count once).';
comment on column entity_cooccurrence.entity_key_a is 'First entity key (entity_key_a < entity_key_b).';
comment on column entity_cooccurrence.name_a is 'Its canonical name.';
comment on column entity_cooccurrence.entity_key_b is 'Second entity key.';
comment on column entity_cooccurrence.name_b is 'Its canonical name.';
comment on column entity_cooccurrence.n_articles is 'Articles naming both, duplicates not counted.';
comment on column entity_cooccurrence.pair_rank is 'Rank by n_articles, highest first.';
