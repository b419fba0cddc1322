-- A wire story's dateline ("CLEVELAND, Feb 26 -", "LONDON (Reuters) -") names the place it was
-- filed from. The dateline stays in the body; its place is kept here as written.
alter table articles add column dateline_place varchar;
comment on column articles.dateline_place is 'Place named by the dateline that opens a wire story ("CLEVELAND, Feb 26 -" gives CLEVELAND), as written; null without one.';
