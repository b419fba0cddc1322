-- Natural keys that occur twice (the primary keys guard these; the check guards the guard).
select 'articles' as tbl, article_id as key_value, count(*) as n from articles group by all having n > 1
union all
select 'sentences', article_id || ':' || sent_idx, count(*) from sentences group by all having count(*) > 1
union all
select 'entity_mentions', article_id || ':' || start_char, count(*) from entity_mentions
group by all having count(*) > 1
union all
select 'entities', entity_key, count(*) from entities group by all having count(*) > 1
