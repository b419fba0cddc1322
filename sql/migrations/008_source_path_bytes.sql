-- A file name need not be UTF-8 or printable (shares written by other systems, names with a
-- newline or a right-to-left mark). source_path holds a printable escaped form
-- (tasks/reading/files.py stored_path); this column holds the exact bytes whenever that form differs.
alter table sources add column source_path_hex varchar;
comment on column sources.source_path_hex is 'The path''s exact bytes in hex when source_path had to be escaped (bytes that are not UTF-8, control characters, direction marks); null when source_path is the path itself.';
