select
    (select count(*) from duplicates where kind = 'exact') as n_exact_duplicates,
    (select count(*) from duplicates where kind = 'near') as n_near_duplicates,
    (select count(*) from near_duplicate_pairs) as n_near_pairs,
    (select count(*) from story_groups) as n_stories,
    (select count(*) from story_members) as n_story_articles
