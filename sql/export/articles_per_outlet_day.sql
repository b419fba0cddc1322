select * from articles_per_outlet_day
