-- runs: each slice
-- Sentences whose offsets do not slice their article's body to their text.
select s.article_id, s.sent_idx, s.start_char, s.end_char
from sentences as s
join articles as a using (article_id)
where s.start_char < 0
   or s.end_char <= s.start_char
   or substring(a.body, s.start_char + 1, s.end_char - s.start_char) != s.text
