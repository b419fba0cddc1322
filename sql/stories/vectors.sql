-- Unit vectors of the strongest terms of the articles in {scope}, a table name that
-- tasks/corpus/stories.py fills in (corpus_batch, then corpus_story_candidates).
insert into corpus_story_vectors
with scoped as (
    select t.article_id, t.term, t.n, df.n_articles
    from corpus_story_terms as t
    join corpus_story_df as df using (term)
    where t.article_id in (select article_id from {scope})
      and t.article_id not in (select article_id from corpus_story_vectors)
),

weighted as (
    select article_id, term, (1 + ln(n)) * ln(($n_docs + $prior_docs) / (n_articles + 1)) as weight
    from scoped
    qualify row_number() over (partition by article_id order by weight desc, term) <= $top_terms
)

select article_id, term, weight / sqrt(sum(weight * weight) over (partition by article_id)) as weight
from weighted
