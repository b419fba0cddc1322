-- Sentences and quotations (with the sentence each starts in) of the articles whose passages
-- are computed in the load: those the workers did not stage (tasks/corpus.py).
select article_id, sent_idx, start_char, end_char, false as is_quote, text
from sentences
where article_id in (select article_id from corpus_computed)
union all
select q.article_id, s.sent_idx, q.start_char, q.end_char, true, q.text
from quotes as q
asof join sentences as s on s.article_id = q.article_id and q.start_char >= s.start_char
where q.article_id in (select article_id from corpus_computed)
order by article_id, is_quote, start_char
