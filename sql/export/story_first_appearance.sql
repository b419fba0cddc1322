select * from story_first_appearance
