-- Outlets ranked by how much of their text appears in other articles: words of sentences (six
-- words or more) found elsewhere whole or through a quotation they contain, outside copies of
-- the same article, at other outlets, and first published elsewhere.
create or replace view outlet_text_reuse as
with source as (
    select a.outlet, a.article_id, a.sent_idx, a.n_words
    from stg_sentence_appearances as a
    where not a.is_quote
),

reused as (
    -- per sentence, the longest of its passages found elsewhere
    select
        article_id,
        sent_idx,
        max(n_words) filter (is_outside_duplicates) as n_words_elsewhere,
        max(n_words) filter (is_at_other_outlet) as n_words_at_other_outlets,
        max(n_words) filter (is_outside_duplicates and not is_first) as n_words_first_elsewhere
    from sentence_reuse
    group by all
),

counted as (
    select
        s.outlet,
        count(distinct s.article_id) as n_articles,
        count(*) as n_sentences,
        sum(s.n_words)::bigint as n_words,
        coalesce(sum(r.n_words_elsewhere), 0)::bigint as n_words_elsewhere,
        coalesce(sum(r.n_words_at_other_outlets), 0)::bigint as n_words_at_other_outlets,
        coalesce(sum(r.n_words_first_elsewhere), 0)::bigint as n_words_first_elsewhere
    from source as s
    left join reused as r using (article_id, sent_idx)
    group by s.outlet
)

select
    outlet,
    n_articles,
    n_sentences,
    n_words,
    n_words_elsewhere,
    round(n_words_elsewhere / n_words, 4) as share_elsewhere,
    round(n_words_at_other_outlets / n_words, 4) as share_at_other_outlets,
    round(n_words_first_elsewhere / n_words, 4) as share_first_elsewhere,
    rank() over (order by n_words_elsewhere / n_words desc) as reuse_rank
from counted
order by reuse_rank, n_words desc, outlet;

comment on view outlet_text_reuse is 'Outlets ranked by the share of their text (words of sentences of six words or more) that appears in other articles.';
comment on column outlet_text_reuse.outlet is 'Outlet: registered domain, else the name a source gives; null when unknown.';
comment on column outlet_text_reuse.n_articles is 'Articles of the outlet with at least one fingerprinted sentence.';
comment on column outlet_text_reuse.n_sentences is 'Sentences of six words or more in those articles.';
comment on column outlet_text_reuse.n_words is 'Words in those sentences.';
comment on column outlet_text_reuse.n_words_elsewhere is 'Words of those sentences found, whole or by a quotation they contain, in an article outside the same duplicate cluster.';
comment on column outlet_text_reuse.share_elsewhere is 'n_words_elsewhere / n_words (0 to 1).';
comment on column outlet_text_reuse.share_at_other_outlets is 'Share of the words found in an article of another known outlet (copies included).';
comment on column outlet_text_reuse.share_first_elsewhere is 'Share of the words found elsewhere that appeared first in another article.';
comment on column outlet_text_reuse.reuse_rank is 'Rank by share_elsewhere, highest first.';
