select * from near_duplicate_pairs
