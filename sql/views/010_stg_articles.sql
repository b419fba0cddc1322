-- Staging view: one row per article with the columns reports group by.
create or replace view stg_articles as
with source as (
    select * from articles
),

renamed as (
    select
        article_id,
        doc_id,
        source_path,
        title,
        lang,
        n_words,
        n_sentences,
        flags,
        is_entity_annotated,
        cast(ingested_at as date) as ingested_on,
        run_id
    from source
)

select * from renamed;
