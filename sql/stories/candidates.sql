-- Stored articles that share a vector term with the batch and appeared within the window.
create or replace temp table corpus_story_candidates as
with span as (
    select min(coalesce(published_at, ingested_at)) as first_at, max(coalesce(published_at, ingested_at)) as last_at
    from articles
    where article_id in (select article_id from corpus_batch)
)

select distinct t.article_id
from corpus_story_terms as t
join articles as a using (article_id)
cross join span
where t.term in (select term from corpus_story_vectors)
  and t.article_id not in (select article_id from corpus_batch)
  and coalesce(a.published_at, a.ingested_at) between span.first_at - to_seconds($window_s)
                                                   and span.last_at + to_seconds($window_s)
