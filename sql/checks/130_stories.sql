-- runs: after the run
-- Stories without members or with one, members without a story row or article, an article
-- in two stories, story pairs out of order or range, and report rows that contradict them.
with sizes as (
    select story_id, count(*) as n_members
    from story_members
    group by story_id
)

select g.story_id as story_id, null as article_id, 'story with fewer than two members' as problem
from story_groups as g
left join sizes as s using (story_id)
where coalesce(s.n_members, 0) < 2
union all
select m.story_id, m.article_id, 'member of a story that does not exist'
from story_members as m
where m.story_id not in (select story_id from story_groups)
union all
select m.story_id, m.article_id, 'member article does not exist'
from story_members as m
where m.article_id not in (select article_id from articles)
union all
select null, article_id, 'article in two stories'
from story_members
group by article_id
having count(*) > 1
union all
select null, article_id_a || ' ' || article_id_b, 'story pair out of order or range'
from story_pairs
where article_id_a >= article_id_b or score is null or score < 0 or score > 1
union all
select story_id, first_article_id, 'report row out of order'
from stories
where n_articles < 2 or first_appeared_at > last_appeared_at
