-- What a run's output depends on besides its input, recorded with the run (and, for the run
-- whose data a handoff holds, in the handoff's manifest.json).
alter table runs add column settings json;
comment on column runs.settings is 'The settings that change output, as JSON: package_version (the installed newsflow distribution), spacy_model and spacy_model_version, spacy_version, langdetect_version and langdetect_seed, the file limits, and the corpus pass thresholds (corpus).';
