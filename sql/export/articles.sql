select *, cast(ingested_at as date) as ingest_date
from articles
