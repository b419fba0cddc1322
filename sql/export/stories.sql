select * from stories
