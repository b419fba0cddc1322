select * from entity_cooccurrence
