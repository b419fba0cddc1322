-- The six tables that grow by rows per sentence, mention, quote or article pair keep their
-- natural keys without a DuckDB primary-key index. Such an index (an ART) is held in memory
-- by the writer and grows with the corpus: at ten copies of the BBC corpus these six used
-- 120 MiB of the load transaction's 350 MiB. The loader writes each key once (it deletes an
-- article's rows before inserting its new version) and sql/checks/duplicate_keys.sql checks
-- every key before each slice commits. DuckDB cannot drop a constraint, so each table is
-- rebuilt with the same columns and the comments of 004 and 005.

create table sentences__rebuilt (
    article_id varchar not null,
    sent_idx   bigint not null,
    text       varchar not null,
    start_char bigint not null,
    end_char   bigint not null,
    version_id varchar
);

create table entity_mentions__rebuilt (
    article_id varchar not null,
    start_char bigint not null,
    end_char   bigint not null,
    sent_idx   bigint not null,
    text       varchar not null,
    label      varchar not null,
    entity_key varchar not null,
    version_id varchar
);

create table quotes__rebuilt (
    article_id  varchar not null,
    start_char  bigint not null,
    end_char    bigint not null,
    text        varchar not null,
    speaker     varchar,
    speaker_key varchar,
    version_id  varchar
);

create table near_duplicate_pairs__rebuilt (
    article_id_a varchar not null,
    article_id_b varchar not null,
    similarity   double not null
);

create table story_pairs__rebuilt (
    article_id_a varchar not null,
    article_id_b varchar not null,
    score        double not null
);

create table sentence_fingerprints__rebuilt (
    article_id  varchar not null,
    sent_idx    bigint not null,
    start_char  bigint not null,
    end_char    bigint not null,
    is_quote    boolean not null,
    fingerprint ubigint not null,
    n_words     bigint not null
);

insert into sentences__rebuilt by name from sentences;
insert into entity_mentions__rebuilt by name from entity_mentions;
insert into quotes__rebuilt by name from quotes;
insert into near_duplicate_pairs__rebuilt by name from near_duplicate_pairs;
insert into story_pairs__rebuilt by name from story_pairs;
insert into sentence_fingerprints__rebuilt by name from sentence_fingerprints;

drop table sentences;
drop table entity_mentions;
drop table quotes;
drop table near_duplicate_pairs;
drop table story_pairs;
drop table sentence_fingerprints;

alter table sentences__rebuilt rename to sentences;
alter table entity_mentions__rebuilt rename to entity_mentions;
alter table quotes__rebuilt rename to quotes;
alter table near_duplicate_pairs__rebuilt rename to near_duplicate_pairs;
alter table story_pairs__rebuilt rename to story_pairs;
alter table sentence_fingerprints__rebuilt rename to sentence_fingerprints;

comment on table sentences is 'Sentences of each article''s current version.';
comment on column sentences.article_id is 'Article (articles.article_id).';
comment on column sentences.sent_idx is 'Position of the sentence in the body, from 0.';
comment on column sentences.text is 'The sentence: body[start_char:end_char].';
comment on column sentences.start_char is 'Offset of the first character in body (Python code points, from 0).';
comment on column sentences.end_char is 'Offset after the last character in body.';
comment on column sentences.version_id is 'Version of the article the offsets belong to.';
comment on table entity_mentions is 'Named-entity mentions in each article''s current version.';
comment on column entity_mentions.article_id is 'Article (articles.article_id).';
comment on column entity_mentions.start_char is 'Offset of the mention in body.';
comment on column entity_mentions.end_char is 'Offset after the mention in body.';
comment on column entity_mentions.sent_idx is 'Sentence the mention starts in (sentences.sent_idx).';
comment on column entity_mentions.text is 'The mention as written: body[start_char:end_char].';
comment on column entity_mentions.label is 'Entity type: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE.';
comment on column entity_mentions.entity_key is 'Canonical key of the entity (entities.entity_key), e.g. person:joe-biden.';
comment on column entity_mentions.version_id is 'Version of the article the offsets belong to.';
comment on table quotes is 'Direct quotations in each article''s current version.';
comment on column quotes.article_id is 'Article (articles.article_id).';
comment on column quotes.start_char is 'Offset of the opening quote mark in body.';
comment on column quotes.end_char is 'Offset after the closing quote mark in body.';
comment on column quotes.text is 'The quotation with its quote marks: body[start_char:end_char].';
comment on column quotes.speaker is 'Who said it, as the attribution names them; null when unknown.';
comment on column quotes.speaker_key is 'entity_key of the speaker when a named person; else null.';
comment on column quotes.version_id is 'Version of the article the offsets belong to.';
comment on table near_duplicate_pairs is 'Pairs of articles whose shingle sets have a Jaccard similarity at or above the threshold (0.8), verified exactly.';
comment on column near_duplicate_pairs.article_id_a is 'The smaller article id of the pair.';
comment on column near_duplicate_pairs.article_id_b is 'The larger article id of the pair.';
comment on column near_duplicate_pairs.similarity is 'Jaccard similarity of the two shingle sets (0 to 1).';
comment on table story_pairs is 'Scored evidence that two articles tell one story (score at least 0.15, within the time window).';
comment on column story_pairs.article_id_a is 'The smaller article id of the pair.';
comment on column story_pairs.article_id_b is 'The larger article id of the pair.';
comment on column story_pairs.score is 'Cosine similarity of the two articles'' weighted term and entity vectors (0 to 1).';
comment on table sentence_fingerprints is 'Sentences and the quotations inside them, of six words or more, fingerprinted to find them in other articles.';
comment on column sentence_fingerprints.article_id is 'Article (articles.article_id).';
comment on column sentence_fingerprints.sent_idx is 'The sentence, or the one the quotation starts in.';
comment on column sentence_fingerprints.start_char is 'Start of the passage in the body.';
comment on column sentence_fingerprints.end_char is 'End of the passage in the body (exclusive).';
comment on column sentence_fingerprints.is_quote is 'A quotation (quotes table) rather than a whole sentence.';
comment on column sentence_fingerprints.fingerprint is 'Hash of the normalized passage: equal passages share it.';
comment on column sentence_fingerprints.n_words is 'Words in the normalized passage.';
