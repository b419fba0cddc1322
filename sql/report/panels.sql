-- The report's queries (tasks/warehouse/report.py), one per name: a "-- name:" line opens each. They
-- read the reporting views where there is one; $parameters are bound at run time.
-- $unknown_outlet names articles without an outlet.

-- name: relations
-- Every table and view of the warehouse, with its kind ('BASE TABLE' or 'VIEW').
select table_name, table_type
from information_schema.tables
where table_catalog = current_database() and table_schema = 'main'
order by table_name;

-- name: column_names
select column_name
from information_schema.columns
where table_catalog = current_database() and table_schema = 'main' and table_name = $relation;

-- name: language_days
select ingested_on, lang, sum(n_articles)::bigint
from articles_per_day_lang
group by all
order by ingested_on, lang;

-- name: language_totals
select lang, sum(n_articles)::bigint as n, min(ingested_on), max(ingested_on)
from articles_per_day_lang
group by lang
order by n desc, lang;

-- name: outlet_days
select published_on, coalesce(outlet, $unknown_outlet), sum(n_articles)::bigint
from articles_per_outlet_day
group by all
order by published_on nulls last, 2;

-- name: outlet_totals
select
    coalesce(outlet, $unknown_outlet) as outlet,
    sum(n_articles)::bigint as n,
    coalesce(sum(n_articles) filter (published_on is null), 0)::bigint,
    min(published_on),
    max(published_on)
from articles_per_outlet_day
group by 1
order by n desc, outlet;

-- name: top_entities
-- The most named entities, of one label ($label) or all (null).
select name, label, n_articles, n_mentions
from top_entities
where $label is null or label = $label
order by n_articles desc, n_mentions desc, entity_key
limit $limit;

-- name: corpus_computed
-- Whether the corpus pass has run (its views read state only that pass writes).
select exists (from article_fingerprints) or not exists (from articles);

-- name: largest_stories
select label, first_title, n_articles, outlets, first_appeared_at
from stories
order by n_articles desc, first_appeared_at, story_id
limit $limit;

-- name: n_stories
select count(*) from stories;

-- name: first_carriers_of_stories
-- How many stories each outlet carried before any other.
select coalesce(first_outlet, $unknown_outlet) as outlet, count(*) as n
from stories
group by 1
order by n desc, outlet
limit 10;

-- name: first_carriers_of_articles
-- The same before same-story groups exist: each article is its own story.
select coalesce(outlet, $unknown_outlet) as outlet, count(*) as n
from story_first_appearance
where appearance_rank = 1
group by 1
order by n desc, outlet
limit 10;

-- name: stories_by_outlets
select
    coalesce(a.title, s.story_id),
    count(distinct s.outlet) as n_outlets,
    list(distinct s.outlet order by s.outlet),
    min(s.first_appeared_at) as first_at
from story_first_appearance as s
left join articles as a on a.article_id = s.story_id
group by s.story_id, a.title
order by n_outlets desc, first_at, s.story_id
limit $limit;

-- name: duplicate_rates
-- {view}: the duplicate-rate view found at run time (tasks/warehouse/report.py, duplicate_rates_view).
select
    coalesce(outlet, $unknown_outlet) as outlet,
    sum(n_articles)::bigint as n,
    sum(n_exact_duplicates)::bigint,
    sum(n_near_duplicates)::bigint
from "{view}"
group by 1
order by n desc, outlet;

-- name: quarantined_files
select coalesce(reason, 'unknown'), 'files', count(distinct doc_id)::bigint, min(source_path)
from quarantine
group by 1;

-- name: quarantined_records
-- Records refused inside JSONL or WARC containers whose file was read.
select coalesce(error, 'unknown'), 'records', count(*)::bigint, min(source_path)
from records
where status = 'quarantined' and container != 'file'
group by 1;

-- name: removed_by_reason
select reason, count(*) as n, count(distinct (doc_id, record_no))
from removed_lines
group by reason
order by n desc, reason;

-- name: n_articles
select count(*) from articles;

-- name: removed_per_outlet
-- Lines removed per outlet. Lines are removed per page (doc_id, record_no); the page's record
-- names its article.
with outlets as (
    select article_id, coalesce(outlet, outlet_name, $unknown_outlet) as outlet
    from articles
),

removed as (
    select o.outlet, count(*) as n_lines
    from removed_lines as l
    join records as r using (doc_id, record_no)
    join outlets as o using (article_id)
    group by o.outlet
)

select o.outlet, count(*) as n_articles, coalesce(any_value(r.n_lines), 0) as n_lines
from outlets as o
left join removed as r using (outlet)
group by o.outlet
order by n_lines desc, o.outlet;

-- name: flags
select flag, count(*) as n
from (select unnest(flags) as flag from articles)
group by flag
order by n desc, flag;

-- name: metadata_coverage
select container, n_articles, share_with_outlet, share_with_published_at, share_with_url
from metadata_coverage
order by container;

-- name: recent_runs
select started_at, status, duration_s, n_seen, n_new, n_unchanged, n_quarantined, run_id, error
from run_history
order by started_at desc, run_id
limit 30;

-- name: total_articles
select count(*) from articles;

-- name: total_sentences
select count(*) from sentences;

-- name: total_entities
select count(*) from entities;

-- name: total_languages
select count(distinct lang) from articles;

-- name: total_outlets
select count(distinct coalesce(outlet, outlet_name)) from articles;

-- name: schema_version
select max(version) from schema_version;

-- name: latest_run
select started_at, status, n_seen, n_new, n_unchanged, n_quarantined
from run_history
order by started_at desc, run_id
limit 1;

-- name: top_languages
select lang, sum(n_articles)::bigint as n
from articles_per_day_lang
group by lang
order by n desc, lang
limit 10;
