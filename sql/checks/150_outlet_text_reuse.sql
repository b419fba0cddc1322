-- runs: after the run
-- Outlet reuse figures that are no shares of the outlet's own text.
select outlet, 'share outside [0, 1] or reused words above the total' as problem
from outlet_text_reuse
where n_words_elsewhere > n_words
   or share_elsewhere not between 0 and 1
   or share_at_other_outlets not between 0 and 1
   or share_first_elsewhere not between 0 and 1
