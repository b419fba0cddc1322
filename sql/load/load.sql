-- Load one slice of a run's staged Parquet into the warehouse. Runs inside the slice's
-- transaction, opened by tasks/warehouse/load.py after sql/load/staged.sql, with getvariable('parts')
-- set to the slice's parts.

-- Documents are content-addressed: a stored doc_id keeps its first_seen_at.
insert into documents by name
select * from staged_documents
qualify row_number() over (partition by doc_id order by source_path) = 1
on conflict do nothing;

insert or replace into records by name
select * from staged_records;

delete from removed_lines where doc_id in (select doc_id from staged_documents);
insert into removed_lines by name
select * from read_parquet(staged_files('removed_lines'))
qualify row_number() over (partition by doc_id, record_no, line_no) = 1;

-- One version per article is current: the most recently fetched (or, unknown, ingested). A
-- staged version replaces the stored one only when it is at least as recent, so loading an
-- old crawl after a new one keeps the new text. Every staged version of an article is in
-- the same slice (tasks/warehouse/load.py).
create or replace temp table winners as
with newest_staged as (
    select *
    from staged_articles
    qualify row_number() over (
        partition by article_id
        order by coalesce(fetched_at, ingested_at) desc, version_id desc, doc_id, record_no
    ) = 1
)

select staged.article_id, staged.version_id, staged.doc_id, staged.record_no
from newest_staged as staged
left join articles as stored using (article_id)
where stored.article_id is null
   or coalesce(staged.fetched_at, staged.ingested_at) >= coalesce(stored.fetched_at, stored.ingested_at);

delete from sentences where article_id in (select article_id from winners);
delete from entity_mentions where article_id in (select article_id from winners);
delete from quotes where article_id in (select article_id from winners);
delete from articles where article_id in (select article_id from winners);

insert into articles by name
select staged.*
from staged_articles as staged
join winners using (article_id, version_id, doc_id, record_no);

-- Children of the winning version; equal versions from two containers gave equal rows.
insert into sentences by name
select staged.*
from read_parquet(staged_files('sentences')) as staged
join winners using (article_id, version_id)
qualify row_number() over (partition by article_id, sent_idx) = 1;
insert into entity_mentions by name
select staged.*
from read_parquet(staged_files('entity_mentions')) as staged
join winners using (article_id, version_id)
qualify row_number() over (partition by article_id, start_char) = 1;
insert into quotes by name
select staged.*
from read_parquet(staged_files('quotes')) as staged
join winners using (article_id, version_id)
qualify row_number() over (partition by article_id, start_char) = 1;

-- Paths: only rows that changed are written, so a re-run with nothing new changes nothing.
insert or replace into sources by name
select staged.*
from staged_sources as staged
left join sources as stored using (source_path)
where stored.source_path is null
   or (stored.doc_id, stored.size_bytes, stored.mtime_ns)
      is distinct from (staged.doc_id, staged.size_bytes, staged.mtime_ns);

-- Garbage collection. Content no path points at any more (its file changed) goes, with what
-- was derived from it.
create or replace temp table orphaned as
select doc_id from documents
where doc_id not in (select doc_id from sources);

-- An article whose current version now has no record left: if other versions remain, their
-- files are forgotten so that the next run reads them again and rebuilds the article.
create or replace temp table lost_articles as
select article_id from articles as a
where not exists (
    select 1 from records as r
    where r.article_id = a.article_id and r.version_id = a.version_id and r.status = 'ok'
      and r.doc_id not in (select doc_id from orphaned)
);

insert into orphaned
select distinct doc_id from records
where article_id in (select article_id from lost_articles)
  and doc_id not in (select doc_id from orphaned);
delete from sources where doc_id in (select doc_id from orphaned);

delete from records where doc_id in (select doc_id from orphaned);
delete from removed_lines where doc_id in (select doc_id from orphaned);
delete from documents where doc_id in (select doc_id from orphaned);
delete from sentences where article_id in (select article_id from lost_articles);
delete from entity_mentions where article_id in (select article_id from lost_articles);
delete from quotes where article_id in (select article_id from lost_articles);
delete from articles where article_id in (select article_id from lost_articles);

-- An article whose current version survives in another container points at that one now.
update articles set doc_id = r.doc_id, record_no = r.record_no, source_path = r.source_path
from (
    select article_id, version_id, doc_id, record_no, source_path
    from records
    where status = 'ok'
    qualify row_number() over (partition by article_id, version_id order by doc_id, record_no) = 1
) as r
where articles.article_id = r.article_id and articles.version_id = r.version_id
  and articles.doc_id not in (select doc_id from documents);
