-- The batch's story terms and passages as the workers computed them (tasks/features.py),
-- from the slice's temp tables (sql/load/features.sql). The passages go last: the count this
-- returns is theirs.
insert into story_terms by name
select article_id, unnest(terms) as term, unnest(term_counts) as n
from slice_features
where article_id in (select article_id from corpus_batch);

insert into sentence_fingerprints by name
select * from slice_passages
where article_id in (select article_id from corpus_batch);
