-- Corpus-wide entity key merges (tasks/annotation/keys.py) applied to every mention and speaker;
-- key_merges(variant, canonical) is registered by tasks/warehouse/load.py.
update entity_mentions set entity_key = m.canonical
from key_merges as m
where entity_mentions.entity_key = m.variant;

update quotes set speaker_key = m.canonical
from key_merges as m
where quotes.speaker_key = m.variant;
