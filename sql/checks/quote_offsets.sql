-- runs: each slice
-- Quotes whose offsets do not slice their article's body to their text.
select q.article_id, q.start_char, q.end_char
from quotes as q
join articles as a using (article_id)
where q.end_char <= q.start_char
   or substring(a.body, q.start_char + 1, q.end_char - q.start_char) != q.text
