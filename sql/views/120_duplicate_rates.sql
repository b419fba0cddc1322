-- Share of articles that are exact or near duplicates of an earlier article, by outlet and
-- language (an article is counted once, under the kind that ties it to its canonical).
create or replace view duplicate_rates as
with counted as (
    select
        outlet,
        lang,
        count(*) as n_articles,
        count(*) filter (is_exact_duplicate) as n_exact_duplicates,
        count(*) filter (is_near_duplicate) as n_near_duplicates
    from stg_article_corpus
    group by all
)

select
    outlet,
    lang,
    n_articles,
    n_exact_duplicates,
    n_near_duplicates,
    round(n_exact_duplicates / n_articles, 4) as exact_rate,
    round(n_near_duplicates / n_articles, 4) as near_rate,
    round((n_exact_duplicates + n_near_duplicates) / n_articles, 4) as duplicate_rate
from counted
order by n_articles desc, outlet, lang;

comment on view duplicate_rates is 'Share of articles that are exact or near duplicates of an earlier article, by outlet and language.';
comment on column duplicate_rates.outlet is 'Outlet: registered domain, else the name a source gives; null when unknown.';
comment on column duplicate_rates.lang is 'ISO 639-1 language code, or und.';
comment on column duplicate_rates.n_articles is 'Articles of that outlet and language.';
comment on column duplicate_rates.n_exact_duplicates is 'Of those, articles whose normalized body equals their canonical article''s.';
comment on column duplicate_rates.n_near_duplicates is 'Of those, articles in a near-duplicate cluster whose canonical has another body.';
comment on column duplicate_rates.exact_rate is 'n_exact_duplicates / n_articles (0 to 1).';
comment on column duplicate_rates.near_rate is 'n_near_duplicates / n_articles (0 to 1).';
comment on column duplicate_rates.duplicate_rate is 'Share of articles that are duplicates of either kind (0 to 1).';
