-- Rare-enough terms and how many articles hold each: a term in more articles says nothing
-- about one event, and leaving it out keeps the pair join small.
create or replace temp table corpus_story_df as
select term, count(*) as n_articles
from corpus_story_terms
group by term
having count(*) <= $max_df
