-- The run's sentences, and its quotations with the sentence each starts in.
select article_id, sent_idx, start_char, end_char, false as is_quote, text
from sentences
where article_id in (select article_id from corpus_batch)
union all
select q.article_id, s.sent_idx, q.start_char, q.end_char, true, q.text
from quotes as q
asof join sentences as s on s.article_id = q.article_id and q.start_char >= s.start_char
where q.article_id in (select article_id from corpus_batch)
order by article_id, is_quote, start_char
