-- runs: each slice
-- Natural keys that occur twice. Articles and entities have primary-key indexes (this guards
-- the guard); the per-sentence, per-mention and per-pair tables have none (migration 006:
-- their indexes grew with the corpus in the writer's memory), so this check is their key.
select 'articles' as tbl, article_id as key_value, count(*) as n from articles group by all having n > 1
union all
select 'sentences', article_id || ':' || sent_idx, count(*) from sentences group by all having count(*) > 1
union all
select 'entity_mentions', article_id || ':' || start_char, count(*) from entity_mentions
group by all having count(*) > 1
union all
select 'quotes', article_id || ':' || start_char, count(*) from quotes group by all having count(*) > 1
union all
select 'entities', entity_key, count(*) from entities group by all having count(*) > 1
union all
select 'near_duplicate_pairs', article_id_a || ':' || article_id_b, count(*) from near_duplicate_pairs
group by all having count(*) > 1
union all
select 'story_pairs', article_id_a || ':' || article_id_b, count(*) from story_pairs
group by all having count(*) > 1
union all
select 'sentence_fingerprints', article_id || ':' || start_char || ':' || is_quote, count(*)
from sentence_fingerprints group by all having count(*) > 1
