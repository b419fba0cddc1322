select * from top_entities
