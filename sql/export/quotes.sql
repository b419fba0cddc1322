select child.*, parent.lang, cast(parent.ingested_at as date) as ingest_date
from quotes as child
join articles as parent using (article_id)
