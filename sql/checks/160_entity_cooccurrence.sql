-- runs: after the run
-- Entity pairs out of order, or seen together in more articles than either entity is in.
select c.entity_key_a, c.entity_key_b, 'pair not ordered, or more articles than an entity has' as problem
from entity_cooccurrence as c
join entities as a on a.entity_key = c.entity_key_a
join entities as b on b.entity_key = c.entity_key_b
where c.entity_key_a >= c.entity_key_b
   or c.n_articles < 2
   or c.n_articles > least(a.n_articles, b.n_articles)
