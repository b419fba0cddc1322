select * from entities
