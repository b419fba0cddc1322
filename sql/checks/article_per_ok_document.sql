-- Accounting: every 'ok' document has exactly one article, a quarantined one none and a reason.
with article_counts as (
    select d.doc_id, d.status, d.error, count(a.article_id) as n_articles
    from documents as d
    left join articles as a using (doc_id)
    group by all
)

select doc_id, status, error, n_articles
from article_counts
where (status = 'ok' and (n_articles != 1 or error is not null))
   or (status = 'quarantined' and (n_articles != 0 or error is null))
