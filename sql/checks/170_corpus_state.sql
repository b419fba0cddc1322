-- runs: after the run
-- Corpus state of articles that no longer exist: every run removes it, so any left is a bug.
select 'article_fingerprints' as tbl, article_id from article_fingerprints
where article_id not in (select article_id from articles)
union all
select 'minhash_bands', article_id from minhash_bands
where article_id not in (select article_id from article_fingerprints)
union all
select 'story_terms', article_id from story_terms
where article_id not in (select article_id from article_fingerprints)
