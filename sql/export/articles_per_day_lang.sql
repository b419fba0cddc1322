select * from articles_per_day_lang
