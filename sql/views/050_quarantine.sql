-- Quarantined documents with their reason and every path that holds them.
create or replace view quarantine as
select
    d.doc_id,
    d.error as reason,
    s.source_path,
    d.size_bytes,
    d.first_seen_at,
    d.run_id
from documents as d
join sources as s using (doc_id)
where d.status = 'quarantined'
order by d.error, s.source_path;
