-- The slice's story terms and passages, staged by the workers or computed by the pass, both
-- with tasks/corpus/features.py (tasks/corpus/passes.py). The passages go last: the count this returns is
-- theirs.
insert into story_terms by name
select article_id, unnest(terms) as term, unnest(term_counts) as n
from corpus_features;

insert into sentence_fingerprints by name
select * from corpus_passages;
