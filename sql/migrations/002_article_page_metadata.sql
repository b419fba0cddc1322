-- What an HTML page says about itself: where the article came from and when it was published.
alter table articles add column source_format varchar;   -- 'text' or 'html'
alter table articles add column published_at timestamptz; -- null unless the input states it
alter table articles add column site_name varchar;        -- the page's own name for its site
