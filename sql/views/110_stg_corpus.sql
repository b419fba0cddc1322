-- Staging views for the corpus-level reports: one row per article with its duplicate cluster
-- and story, and one row per fingerprinted passage (a sentence, or a quotation in one) with
-- where and when it appeared.
create or replace view stg_article_corpus as
with source as (
    select
        a.*,
        d.canonical_id,
        d.kind as duplicate_kind,
        d.similarity as duplicate_similarity,
        m.story_id
    from articles as a
    left join duplicates as d using (article_id)
    left join story_members as m using (article_id)
),

renamed as (
    select
        article_id,
        coalesce(outlet, outlet_name) as outlet,
        lang,
        title,
        n_words,
        -- when the article appeared: its stated publication date, else when it was ingested
        coalesce(published_at, ingested_at) as appeared_at,
        coalesce(canonical_id, article_id) as cluster_id,
        duplicate_kind,
        duplicate_similarity,
        duplicate_kind = 'exact' is true as is_exact_duplicate,
        duplicate_kind = 'near' is true as is_near_duplicate,
        story_id
    from source
)

select * from renamed;

create or replace view stg_sentence_appearances as
with source as (
    select f.*, coalesce(q.text, s.text) as text
    from sentence_fingerprints as f
    left join sentences as s on s.article_id = f.article_id and s.sent_idx = f.sent_idx and not f.is_quote
    left join quotes as q on q.article_id = f.article_id and q.start_char = f.start_char and f.is_quote
),

renamed as (
    select
        source.article_id,
        source.sent_idx,
        source.is_quote,
        source.start_char,
        source.fingerprint,
        source.n_words,
        source.text,
        c.outlet,
        c.appeared_at,
        c.cluster_id
    from source
    join stg_article_corpus as c using (article_id)
)

select * from renamed;

comment on view stg_article_corpus is 'Staging: one row per article with its outlet, appearance time, duplicate cluster and story.';
comment on column stg_article_corpus.article_id is 'Article id.';
comment on column stg_article_corpus.outlet is 'Outlet: registered domain, else the name a source gives; null when unknown.';
comment on column stg_article_corpus.lang is 'ISO 639-1 language code, or und.';
comment on column stg_article_corpus.title is 'Title.';
comment on column stg_article_corpus.n_words is 'Words in the body.';
comment on column stg_article_corpus.appeared_at is 'Publication date, else ingest time (UTC).';
comment on column stg_article_corpus.cluster_id is 'Canonical article of its duplicate cluster (itself when it is canonical or has no duplicate).';
comment on column stg_article_corpus.duplicate_kind is 'exact or near when the article is a duplicate of cluster_id; else null.';
comment on column stg_article_corpus.duplicate_similarity is 'Jaccard similarity with cluster_id (1 when exact); null when not a duplicate.';
comment on column stg_article_corpus.is_exact_duplicate is 'Its normalized body equals its canonical article''s.';
comment on column stg_article_corpus.is_near_duplicate is 'A near duplicate of its canonical article.';
comment on column stg_article_corpus.story_id is 'Its same-story group; null when in none.';

comment on view stg_sentence_appearances is 'Staging: one row per fingerprinted passage (a sentence, or a quotation in one) with where and when it appeared.';
comment on column stg_sentence_appearances.article_id is 'Article holding the passage.';
comment on column stg_sentence_appearances.sent_idx is 'Its sentence (for a quotation: the sentence it starts in).';
comment on column stg_sentence_appearances.is_quote is 'A quotation inside the sentence rather than the whole sentence.';
comment on column stg_sentence_appearances.start_char is 'Where the passage starts in the body.';
comment on column stg_sentence_appearances.fingerprint is 'Hash of the normalized passage.';
comment on column stg_sentence_appearances.n_words is 'Words in the normalized passage.';
comment on column stg_sentence_appearances.text is 'The passage as the article has it.';
comment on column stg_sentence_appearances.outlet is 'Outlet of the article; null when unknown.';
comment on column stg_sentence_appearances.appeared_at is 'Publication date, else ingest time of the article (UTC).';
comment on column stg_sentence_appearances.cluster_id is 'Canonical article of the article''s duplicate cluster.';
