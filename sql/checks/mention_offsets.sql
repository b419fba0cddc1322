-- runs: each slice
-- Entity mentions whose offsets do not slice their article's body to their text.
select m.article_id, m.start_char, m.end_char, m.text
from entity_mentions as m
join articles as a using (article_id)
where m.end_char <= m.start_char
   or substring(a.body, m.start_char + 1, m.end_char - m.start_char) != m.text
