-- Share of articles with a known outlet, date and URL, by input container.
create or replace view metadata_coverage as
select
    container,
    count(*) as n_articles,
    round(avg((coalesce(outlet, outlet_name) is not null)::int), 3) as share_with_outlet,
    round(avg((published_at is not null)::int), 3) as share_with_published_at,
    round(avg((url is not null)::int), 3) as share_with_url,
    count(*) filter (list_contains(flags, 'future_date_rejected')) as n_future_dates_rejected
from articles
group by container
order by container;
