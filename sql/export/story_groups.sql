select * from story_groups
