-- runs: after the run
-- Near-duplicate pairs out of order, with a similarity outside [0, 1], naming an article that
-- is gone, or whose two articles ended up in different duplicate clusters.
with clusters as (
    select article_id, cluster_id from stg_article_corpus
)

select p.article_id_a, p.article_id_b, 'pair not ordered a < b' as problem
from near_duplicate_pairs as p
where p.article_id_a >= p.article_id_b
union all
select p.article_id_a, p.article_id_b, 'similarity outside [0, 1]'
from near_duplicate_pairs as p
where p.similarity is null or p.similarity < 0 or p.similarity > 1
union all
select p.article_id_a, p.article_id_b, 'article does not exist'
from near_duplicate_pairs as p
where p.article_id_a not in (select article_id from articles)
   or p.article_id_b not in (select article_id from articles)
union all
select p.article_id_a, p.article_id_b, 'pair split across clusters'
from near_duplicate_pairs as p
join clusters as a on a.article_id = p.article_id_a
join clusters as b on b.article_id = p.article_id_b
where a.cluster_id != b.cluster_id
