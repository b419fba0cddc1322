-- Entities are derived from all mentions; recomputing them is cheap and never drifts.
--
-- The name is the form a reader expects, chosen among the mentions' texts:
-- 1. without a lowercase article: "the United States" is the sentence's article, not the name's;
--    "The Hague", "The Times" keep theirs when most of their mentions write it (tasks/annotation/entities.py
--    keeps a capitalised "The" only where the article writes it mid-sentence);
-- 2. the form that spells the key ("United States" for gpe:united-states, not "US"; "Tory" for
--    norp:tory, not "Tories"; "Joe Biden" for person:joe-biden, not "President Joe Biden");
-- 3. not in capitals when another form is not ("London", not the dateline's "LONDON");
-- 4. the fullest: "Joe Biden", not the more frequent "Biden"; then the most frequent.
delete from entities;
insert into entities
with forms as (
    select
        entity_key,
        regexp_replace(text, '^the\s+', '') as form,
        count(*) as n
    from entity_mentions
    group by all
),

bare as (
    select
        entity_key,
        regexp_replace(form, '^The\s+', '') as bare,
        sum(n) as n,
        coalesce(sum(n) filter (where form like 'The %'), 0) as n_the
    from forms
    group by all
),

names as (
    select
        entity_key,
        first(
            case when 2 * n_the > n then 'The ' || bare else bare end
            order by
                trim(regexp_replace(lower(strip_accents(bare)), '[^a-z0-9]+', '-', 'g'), '-')
                = split_part(entity_key, ':', 2) desc,
                bare = upper(bare) and bare <> lower(bare),
                length(bare) - length(replace(bare, ' ', '')) desc,
                n desc,
                bare
        ) as name
    from bare
    group by entity_key
),

totals as (
    select
        entity_key,
        mode(label) as label,  -- one label per key in fact: the key begins with it
        count(*) as n_mentions,
        count(distinct article_id) as n_articles
    from entity_mentions
    group by entity_key
)

select entity_key, name, label, n_mentions, n_articles
from names
join totals using (entity_key);
