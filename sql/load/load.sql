-- Load one run's staged Parquet into the warehouse. Runs inside one transaction opened by
-- tasks/load.py; getvariable('staging') is the run's staging folder.

create or replace temp view staged_documents as
select * from read_parquet(getvariable('staging') || '/documents/*.parquet');
create or replace temp view staged_sources as
select * from read_parquet(getvariable('staging') || '/sources/*.parquet');
create or replace temp view staged_articles as
select * from read_parquet(getvariable('staging') || '/articles/*.parquet');

-- Documents are content-addressed: a stored doc_id keeps its first_seen_at.
insert into documents by name
select * from staged_documents
qualify row_number() over (partition by doc_id order by source_path) = 1
on conflict do nothing;

-- Articles and their children are replaced whole: annotation is deterministic, and a new
-- pipeline version must overwrite what an older one wrote.
delete from sentences where article_id in (select article_id from staged_articles);
delete from entity_mentions where article_id in (select article_id from staged_articles);
delete from quotes where article_id in (select article_id from staged_articles);
delete from articles where article_id in (select article_id from staged_articles);
delete from removed_lines where doc_id in (select doc_id from staged_documents);

insert into articles by name select * from staged_articles;
insert into sentences by name
select * from read_parquet(getvariable('staging') || '/sentences/*.parquet');
insert into entity_mentions by name
select * from read_parquet(getvariable('staging') || '/entity_mentions/*.parquet');
insert into quotes by name
select * from read_parquet(getvariable('staging') || '/quotes/*.parquet');
insert into removed_lines by name
select * from read_parquet(getvariable('staging') || '/removed_lines/*.parquet');

-- Paths: only rows that changed are written, so a re-run with nothing new changes nothing.
insert or replace into sources by name
select staged.*
from staged_sources as staged
left join sources as stored using (source_path)
where stored.source_path is null
   or (stored.doc_id, stored.size_bytes, stored.mtime_ns)
      is distinct from (staged.doc_id, staged.size_bytes, staged.mtime_ns);

-- Content no path points at any more (its file changed) goes, with everything derived from it.
create or replace temp table orphaned as
select doc_id from documents
where doc_id not in (select doc_id from sources);

delete from sentences where article_id in
    (select article_id from articles where doc_id in (select doc_id from orphaned));
delete from entity_mentions where article_id in
    (select article_id from articles where doc_id in (select doc_id from orphaned));
delete from quotes where article_id in
    (select article_id from articles where doc_id in (select doc_id from orphaned));
delete from articles where doc_id in (select doc_id from orphaned);
delete from removed_lines where doc_id in (select doc_id from orphaned);
delete from documents where doc_id in (select doc_id from orphaned);

-- Entities are derived from all mentions; recomputing them is cheap and never drifts.
delete from entities;
insert into entities
with by_surface as (
    select entity_key, text, label, count(*) as n
    from entity_mentions
    group by all
),

names as (
    select
        entity_key,
        -- the fullest form names the entity: "Joe Biden", not the more frequent "Biden"
        first(text order by length(text) - length(replace(text, ' ', '')) desc, n desc, text) as name,
        first(label order by n desc, label) as label
    from by_surface
    group by entity_key
),

totals as (
    select entity_key, count(*) as n_mentions, count(distinct article_id) as n_articles
    from entity_mentions
    group by entity_key
)

select entity_key, name, label, n_mentions, n_articles
from names
join totals using (entity_key);
