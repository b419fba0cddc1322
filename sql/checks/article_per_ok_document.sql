-- runs: each slice
-- Accounting: an 'ok' document has at least one record that became an article; a quarantined
-- one has none and a reason; every ok record points at an article that exists.
with record_counts as (
    select d.doc_id, d.status, d.error, count(r.record_no) filter (r.status = 'ok') as n_ok_records
    from documents as d
    left join records as r using (doc_id)
    group by all
)

select doc_id, status, error, n_ok_records, 'document' as problem
from record_counts
where (status = 'ok' and (n_ok_records = 0 or error is not null))
   or (status = 'quarantined' and (n_ok_records != 0 or error is null))
union all
select r.doc_id, r.status, r.error, null, 'record without its article'
from records as r
where r.status = 'ok' and r.article_id not in (select article_id from articles)
union all
select r.doc_id, r.status, r.error, null, 'quarantined record without a reason'
from records as r
where r.status = 'quarantined' and r.error is null
