-- Lines removed per outlet. Lines are removed per page (doc_id, record_no); the page's
-- record names its article. $unknown_outlet names articles without an outlet.
with outlets as (
    select article_id, coalesce(outlet, outlet_name, $unknown_outlet) as outlet
    from articles
),

removed as (
    select o.outlet, count(*) as n_lines
    from removed_lines as l
    join records as r using (doc_id, record_no)
    join outlets as o using (article_id)
    group by o.outlet
)

select o.outlet, count(*) as n_articles, coalesce(any_value(r.n_lines), 0) as n_lines
from outlets as o
left join removed as r using (outlet)
group by o.outlet
order by n_lines desc, o.outlet
