-- Articles, words and sentences per ingest day and language.
create or replace view articles_per_day_lang as
select
    ingested_on,
    lang,
    count(*) as n_articles,
    sum(n_words)::bigint as n_words,
    sum(n_sentences)::bigint as n_sentences
from stg_articles
group by all
order by ingested_on, n_articles desc, lang;
