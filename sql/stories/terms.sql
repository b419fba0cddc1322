-- The terms of every article processed so far (this slice included; a run's later slices are
-- not yet): its stored words, and its entities as they are now (the load may merge entity
-- keys across the corpus later), the label dropped: the same place is tagged GPE in one
-- article and PERSON in the next.
create or replace temp view corpus_story_terms as
select article_id, term, n from story_terms
union all
select article_id, 'e:' || regexp_replace(entity_key, '^[^:]*:', '') as term, count(*) as n
from entity_mentions
where article_id in (select article_id from article_fingerprints)
group by all
