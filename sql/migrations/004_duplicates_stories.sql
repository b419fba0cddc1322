-- Corpus-level passes (tasks/corpus/passes.py): exact and near duplicates, same-story groups and
-- sentence fingerprints, with the state that lets a run compare only its new articles against
-- what is stored, in this process or a later one.

-- The settings the stored state was computed with; when they change, the state is rebuilt.
create table corpus_settings (
    name  varchar primary key,
    value varchar not null
);

-- One row per article whose corpus state is stored: the registry the other tables follow.
-- A row whose version_id differs from the article's is stale and is recomputed.
create table article_fingerprints (
    article_id  varchar primary key,
    version_id  varchar,
    body_hash   varchar not null,     -- sha256 of the normalized body: equal hashes are exact duplicates
    n_shingles  bigint not null,      -- distinct word 5-grams of the normalized body
    minhash     uinteger[] not null,  -- datasketch signature, kept so bands can be re-cut without bodies
    computed_at timestamptz not null
);

-- The LSH index as rows: two articles are near-duplicate candidates when they share a band.
create table minhash_bands (
    article_id varchar not null,
    band_idx   integer not null,
    band_hash  ubigint not null       -- 64-bit hash of the band's signature values
);

create table near_duplicate_pairs (
    article_id_a varchar not null,    -- article_id_a < article_id_b
    article_id_b varchar not null,
    similarity   double not null,     -- exact Jaccard similarity of the shingle sets
    primary key (article_id_a, article_id_b)
);

-- Every article that is not the canonical one of its duplicate cluster, with that canonical.
create table duplicates (
    article_id   varchar primary key,
    canonical_id varchar not null,
    kind         varchar not null,    -- 'exact': same normalized body as the canonical; else 'near'
    similarity   double not null      -- Jaccard similarity with the canonical (1 when exact)
);

-- What stories are compared on besides entities (read from entity_mentions at each run): body
-- words ('t:word'), with counts. Document frequencies are counted from it, so never drift.
create table story_terms (
    article_id varchar not null,
    term       varchar not null,
    n          bigint not null
);

-- Scored evidence that two articles tell one story (kept above a floor, within the time window).
create table story_pairs (
    article_id_a varchar not null,    -- article_id_a < article_id_b
    article_id_b varchar not null,
    score        double not null,     -- cosine of the articles' weighted term and entity vectors
    primary key (article_id_a, article_id_b)
);

create table story_members (
    article_id varchar primary key,
    story_id   varchar not null
);

create table story_groups (
    story_id         varchar primary key,   -- 'st_' + the first member's id when the group formed
    label            varchar not null,
    first_article_id varchar not null
);

-- Passages that can appear in other articles: every sentence, and every quotation inside one
-- (outlets wrap the same quote in their own attribution), of at least a few words.
create table sentence_fingerprints (
    article_id  varchar not null,
    sent_idx    bigint not null,      -- the sentence, or the one the quotation starts in
    start_char  bigint not null,      -- the passage's offsets into the body
    end_char    bigint not null,
    is_quote    boolean not null,     -- a quotation from quotes, not a whole sentence
    fingerprint ubigint not null,     -- hash of the normalized passage
    n_words     bigint not null,      -- words of the normalized passage
    primary key (article_id, start_char, is_quote)
);

comment on table corpus_settings is 'Settings the corpus state was computed with (tasks/corpus/passes.py CorpusSettings); other settings rebuild it.';
comment on column corpus_settings.name is 'Setting name.';
comment on column corpus_settings.value is 'Its value (Python repr).';

comment on table article_fingerprints is 'Per article: the normalized-body hash and MinHash signature the duplicate passes compare.';
comment on column article_fingerprints.article_id is 'Article (articles.article_id).';
comment on column article_fingerprints.version_id is 'Version the fingerprint was computed from; another version is recomputed.';
comment on column article_fingerprints.body_hash is 'sha256 of the normalized body (case, whitespace, quotes and punctuation folded): equal hashes are exact duplicates.';
comment on column article_fingerprints.n_shingles is 'Distinct word 5-grams of the normalized body.';
comment on column article_fingerprints.minhash is 'MinHash signature (datasketch, fixed seed) of the shingles.';
comment on column article_fingerprints.computed_at is 'When it was computed (UTC).';

comment on table minhash_bands is 'LSH index: one row per band of each signature; articles sharing a band are near-duplicate candidates.';
comment on column minhash_bands.article_id is 'Article (articles.article_id).';
comment on column minhash_bands.band_idx is 'Band number.';
comment on column minhash_bands.band_hash is '64-bit hash of the band''s signature values.';

comment on table near_duplicate_pairs is 'Pairs of articles whose shingle sets have a Jaccard similarity at or above the threshold (0.8), verified exactly.';
comment on column near_duplicate_pairs.article_id_a is 'The smaller article id of the pair.';
comment on column near_duplicate_pairs.article_id_b is 'The larger article id of the pair.';
comment on column near_duplicate_pairs.similarity is 'Jaccard similarity of the two shingle sets (0 to 1).';

comment on table duplicates is 'Articles that duplicate an earlier one: each with the canonical article of its cluster.';
comment on column duplicates.article_id is 'The duplicate (articles.article_id).';
comment on column duplicates.canonical_id is 'Canonical article of the cluster: earliest published, else earliest ingested, then smallest id.';
comment on column duplicates.kind is 'exact when its normalized body equals the canonical''s, else near.';
comment on column duplicates.similarity is 'Jaccard similarity of its shingles with the canonical''s (1 when exact).';

comment on table story_terms is 'Per article: the body words same-story grouping compares (with the entities of entity_mentions), with counts.';
comment on column story_terms.article_id is 'Article (articles.article_id).';
comment on column story_terms.term is 't: and a body word in the singular.';
comment on column story_terms.n is 'Occurrences in the article.';

comment on table story_pairs is 'Scored evidence that two articles tell one story (score at least 0.15, within the time window).';
comment on column story_pairs.article_id_a is 'The smaller article id of the pair.';
comment on column story_pairs.article_id_b is 'The larger article id of the pair.';
comment on column story_pairs.score is 'Cosine similarity of the two articles'' weighted term and entity vectors (0 to 1).';

comment on table story_members is 'Articles in a same-story group (two or more articles).';
comment on column story_members.article_id is 'Article (articles.article_id); in one story at most.';
comment on column story_members.story_id is 'Its story (story_groups.story_id).';

comment on table story_groups is 'Same-story groups.';
comment on column story_groups.story_id is 'st_ and the id of the article that started the group; kept as the group grows.';
comment on column story_groups.label is 'The entities most members name, else the first article''s title.';
comment on column story_groups.first_article_id is 'The member that appeared first.';

comment on table sentence_fingerprints is 'Sentences and the quotations inside them, of six words or more, fingerprinted to find them in other articles.';
comment on column sentence_fingerprints.article_id is 'Article (articles.article_id).';
comment on column sentence_fingerprints.sent_idx is 'The sentence, or the one the quotation starts in.';
comment on column sentence_fingerprints.start_char is 'Start of the passage in the body.';
comment on column sentence_fingerprints.end_char is 'End of the passage in the body (exclusive).';
comment on column sentence_fingerprints.is_quote is 'A quotation (quotes table) rather than a whole sentence.';
comment on column sentence_fingerprints.fingerprint is 'Hash of the normalized passage: equal passages share it.';
comment on column sentence_fingerprints.n_words is 'Words in the normalized passage.';
