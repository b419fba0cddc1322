select * from story_members
