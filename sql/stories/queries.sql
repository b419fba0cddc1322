-- The short queries of tasks/corpus/stories.py, one per "-- name:" line (the longer ones have files of
-- their own). The regrouping reads the scope sql/stories/scope.sql builds.

-- name: scope_ranks
select article_id, appearance_rank from corpus_story_scope;

-- name: scope_stories
-- The story each article of the scope was in before this pass.
select article_id, story_id
from story_members
where article_id in (select article_id from corpus_story_scope);

-- name: touched_stories
select story_id from corpus_story_touched;

-- name: scope_pairs
select article_id_a, article_id_b, score
from story_pairs
where article_id_a in (select article_id from corpus_story_scope)
    and article_id_b in (select article_id from corpus_story_scope);

-- name: forget_scope
-- The scope's memberships go (the pass writes them again), and stories left without members.
delete from story_members where article_id in (select article_id from corpus_story_scope);
delete from story_groups where story_id not in (select story_id from story_members);

-- name: taken_ids
select story_id from story_groups;

-- name: n_articles
select count(*) from articles;

-- name: new_vectors
create or replace temp table corpus_story_vectors (article_id varchar, term varchar, weight double);

-- name: insert_members
insert into story_members by name select * from new_members;
