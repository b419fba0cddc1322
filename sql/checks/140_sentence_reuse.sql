-- runs: after the run
-- Passage fingerprints whose sentence or quotation does not exist or that hold no words, and
-- reuse rows that count no other article or name a first appearance later than their own.
select f.article_id, f.start_char, 'fingerprint of a passage that does not exist' as problem
from stg_sentence_appearances as f
where f.text is null
union all
select f.article_id, f.start_char, 'passage of no words'
from sentence_fingerprints as f
where f.n_words < 1 or f.end_char <= f.start_char
union all
select r.article_id, r.sent_idx, 'reuse without another article, or first after itself'
from sentence_reuse as r
join stg_article_corpus as c using (article_id)
where r.n_other_articles < 1 or r.first_appeared_at > c.appeared_at
