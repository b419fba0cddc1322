-- Descriptions of the reporting views' columns (applied after every view is created; the data
-- dictionary of the handoff is generated from these and the tables' comments).

comment on view articles_per_day_lang is 'Articles, words and sentences per ingest day and language.';
comment on column articles_per_day_lang.ingested_on is 'Day the articles were ingested (UTC).';
comment on column articles_per_day_lang.lang is 'ISO 639-1 language code, or und.';
comment on column articles_per_day_lang.n_articles is 'Articles ingested that day in that language.';
comment on column articles_per_day_lang.n_words is 'Words in those articles.';
comment on column articles_per_day_lang.n_sentences is 'Sentences in those articles.';

comment on view articles_per_outlet_day is 'Articles per outlet and publication day.';
comment on column articles_per_outlet_day.outlet is 'Outlet: registered domain, else the name a source gives; null when unknown.';
comment on column articles_per_outlet_day.outlet_name is 'Display name of the outlet, where known.';
comment on column articles_per_outlet_day.published_on is 'Publication day (UTC); null when no source states it.';
comment on column articles_per_outlet_day.n_articles is 'Articles of that outlet published that day.';
comment on column articles_per_outlet_day.n_words is 'Words in those articles.';

comment on view top_entities is 'Entities ranked by the number of articles that mention them.';
comment on column top_entities.entity_key is 'Canonical entity key.';
comment on column top_entities.name is 'Canonical name.';
comment on column top_entities.label is 'Entity type.';
comment on column top_entities.n_articles is 'Articles that mention the entity.';
comment on column top_entities.n_mentions is 'Mentions of the entity.';
comment on column top_entities.rank_in_label is 'Rank among entities of the same label, by articles then mentions.';

comment on view metadata_coverage is 'Share of articles with a known outlet, date and URL, by input container.';
comment on column metadata_coverage.container is 'file, jsonl or warc.';
comment on column metadata_coverage.n_articles is 'Articles whose current version came from that kind of container.';
comment on column metadata_coverage.share_with_outlet is 'Share with a known outlet (0 to 1).';
comment on column metadata_coverage.share_with_published_at is 'Share with a known publication time (0 to 1).';
comment on column metadata_coverage.share_with_url is 'Share with a known URL (0 to 1).';
comment on column metadata_coverage.n_future_dates_rejected is 'Articles whose stated publication date lay in the future and was rejected.';

comment on view run_history is 'One row per ingest run, newest first.';
comment on column run_history.run_id is 'The Prefect flow run id.';
comment on column run_history.started_at is 'When the run started (UTC).';
comment on column run_history.finished_at is 'When the run finished (UTC).';
comment on column run_history.duration_s is 'Run duration in seconds.';
comment on column run_history.status is 'ok or failed.';
comment on column run_history.n_seen is 'Input files discovered.';
comment on column run_history.n_new is 'Files whose content the run stored.';
comment on column run_history.n_unchanged is 'Files whose content was already stored.';
comment on column run_history.n_quarantined is 'Files the run quarantined.';
comment on column run_history.is_accounted is 'True when n_seen = n_new + n_unchanged + n_quarantined.';
comment on column run_history.pipeline_version is 'newsflow version of the run.';
comment on column run_history.error is 'Why the run failed; null when ok.';

comment on view quarantine is 'Quarantined documents with their reason and every path that holds them.';
comment on column quarantine.doc_id is 'Content id (documents.doc_id).';
comment on column quarantine.reason is 'Quarantine reason code.';
comment on column quarantine.source_path is 'A path holding this content.';
comment on column quarantine.size_bytes is 'Size in bytes.';
comment on column quarantine.first_seen_at is 'When the content was first seen (UTC).';
comment on column quarantine.run_id is 'Run that first saw it.';

comment on view story_first_appearance is 'For each story, the outlets that carried it and when each first did.';
comment on column story_first_appearance.story_id is 'Story id (here: the article id).';
comment on column story_first_appearance.outlet is 'Outlet that carried the story.';
comment on column story_first_appearance.first_appeared_at is 'Earliest publication, fetch or ingest time of the story at that outlet (UTC).';
comment on column story_first_appearance.appeared_at_source is 'Which time that is: published_at, fetched_at or first_seen_at.';
comment on column story_first_appearance.appearance_rank is '1 for the outlet that carried the story first.';
