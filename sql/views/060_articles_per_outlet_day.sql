-- Articles per outlet and publication day (null day: the inputs do not say when).
create or replace view articles_per_outlet_day as
with source as (
    select * from articles
),

renamed as (
    select
        coalesce(outlet, outlet_name) as outlet,
        outlet_name,
        cast(published_at as date) as published_on,
        n_words
    from source
)

select
    outlet,
    any_value(outlet_name) as outlet_name,
    published_on,
    count(*) as n_articles,
    sum(n_words)::bigint as n_words
from renamed
group by outlet, published_on
order by published_on nulls last, n_articles desc, outlet;
