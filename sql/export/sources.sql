select * from sources
