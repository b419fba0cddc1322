-- Passages of six words or more (sentences, and quotations inside sentences) that appear in
-- more than one article, with where and when each first appeared. "Which sentences of this
-- article appear elsewhere, and where first":
--   select * from sentence_reuse where article_id = ? order by sent_idx, is_quote
create or replace view sentence_reuse as
with shared as (
    select
        fingerprint,
        count(distinct article_id) as n_articles,
        count(distinct cluster_id) as n_clusters,
        count(distinct outlet) as n_outlets,
        arg_min(article_id, (appeared_at, article_id, start_char)) as first_article_id,
        arg_min(outlet, (appeared_at, article_id, start_char)) as first_outlet,
        min(appeared_at) as first_appeared_at
    from stg_sentence_appearances
    group by fingerprint
    having count(distinct article_id) > 1
)

select
    s.article_id,
    s.sent_idx,
    s.is_quote,
    s.text,
    s.outlet,
    s.n_words,
    sh.n_articles - 1 as n_other_articles,
    -- elsewhere than in copies of this article (its duplicate cluster)
    sh.n_clusters > 1 as is_outside_duplicates,
    -- in an article of another known outlet (this one's, when known, counts among n_outlets)
    sh.n_outlets > (s.outlet is not null)::int as is_at_other_outlet,
    sh.first_article_id,
    sh.first_outlet,
    sh.first_appeared_at,
    s.article_id = sh.first_article_id as is_first,
    s.fingerprint
from stg_sentence_appearances as s
join shared as sh using (fingerprint)
order by s.article_id, s.sent_idx, s.is_quote, s.start_char;

comment on view sentence_reuse is 'Sentences and quotations (six words or more) found in more than one article, with where each appeared first.';
comment on column sentence_reuse.article_id is 'Article holding the passage.';
comment on column sentence_reuse.sent_idx is 'Its sentence (for a quotation: the sentence it starts in).';
comment on column sentence_reuse.is_quote is 'True for a quotation inside the sentence, false for the whole sentence.';
comment on column sentence_reuse.text is 'The passage as the article has it.';
comment on column sentence_reuse.outlet is 'Outlet of the article; null when unknown.';
comment on column sentence_reuse.n_words is 'Words in the normalized passage.';
comment on column sentence_reuse.n_other_articles is 'Other articles holding the same normalized passage.';
comment on column sentence_reuse.is_outside_duplicates is 'Found in an article outside this one''s duplicate cluster.';
comment on column sentence_reuse.is_at_other_outlet is 'Found in an article of another known outlet.';
comment on column sentence_reuse.first_article_id is 'Article where the passage appeared first (publication date, else ingest time).';
comment on column sentence_reuse.first_outlet is 'Outlet of that article; null when unknown.';
comment on column sentence_reuse.first_appeared_at is 'When that article appeared (UTC).';
comment on column sentence_reuse.is_first is 'True when this article is where the passage appeared first.';
comment on column sentence_reuse.fingerprint is 'Hash of the normalized passage: equal passages share it.';
