-- runs: each slice
-- Rows that point at a parent that does not exist.
select 'sentences' as child, article_id as parent_id from sentences
where article_id not in (select article_id from articles)
union all
select 'entity_mentions', article_id from entity_mentions
where article_id not in (select article_id from articles)
union all
select 'quotes', article_id from quotes
where article_id not in (select article_id from articles)
union all
select 'articles', doc_id from articles
where doc_id not in (select doc_id from documents)
union all
select 'records', doc_id from records
where doc_id not in (select doc_id from documents)
union all
select 'removed_lines', doc_id from removed_lines
where doc_id not in (select doc_id from documents)
union all
select 'sources', doc_id from sources
where doc_id not in (select doc_id from documents)
union all
select 'entity_mentions -> entities', entity_key from entity_mentions
where entity_key not in (select entity_key from entities)
