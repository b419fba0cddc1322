-- runs: after the run
-- Duplicates that break the rules of a cluster: the article or its canonical is gone, the
-- canonical is itself someone's duplicate, an 'exact' duplicate's body differs from its
-- canonical's, a kind or similarity out of range; and rates that are no shares.
select d.article_id, d.canonical_id, 'article or canonical does not exist' as problem
from duplicates as d
where d.article_id not in (select article_id from articles)
   or d.canonical_id not in (select article_id from articles)
union all
select d.article_id, d.canonical_id, 'canonical is itself a duplicate'
from duplicates as d
where d.canonical_id in (select article_id from duplicates) or d.canonical_id = d.article_id
union all
select d.article_id, d.canonical_id, 'exact duplicate with another normalized body'
from duplicates as d
join article_fingerprints as f on f.article_id = d.article_id
join article_fingerprints as c on c.article_id = d.canonical_id
where d.kind = 'exact' and f.body_hash != c.body_hash
union all
select article_id, canonical_id, 'kind or similarity out of range'
from duplicates
where kind not in ('exact', 'near') or similarity is null or similarity < 0 or similarity > 1
   or (kind = 'exact' and similarity != 1)
union all
select outlet, lang, 'rate is no share'
from duplicate_rates
where n_exact_duplicates + n_near_duplicates > n_articles or duplicate_rate < 0 or duplicate_rate > 1
