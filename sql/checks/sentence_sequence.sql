-- runs: each slice
-- Articles whose sentence count disagrees with their sentences, or whose sentences overlap.
with ordered as (
    select
        article_id,
        sent_idx,
        start_char,
        lag(end_char) over (partition by article_id order by sent_idx) as previous_end
    from sentences
),

counted as (
    select article_id, count(*) as n_rows, max(sent_idx) + 1 as n_idx
    from sentences
    group by article_id
)

select a.article_id, 'count mismatch' as problem
from articles as a
left join counted as c using (article_id)
where a.n_sentences != coalesce(c.n_rows, 0) or c.n_rows != c.n_idx
union all
select article_id, 'overlap' from ordered where start_char < previous_end
