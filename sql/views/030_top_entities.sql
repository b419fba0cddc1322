-- Entities ranked by the number of articles that mention them.
create or replace view top_entities as
select
    entity_key,
    name,
    label,
    n_articles,
    n_mentions,
    rank() over (partition by label order by n_articles desc, n_mentions desc) as rank_in_label
from entities
order by n_articles desc, n_mentions desc, entity_key;
