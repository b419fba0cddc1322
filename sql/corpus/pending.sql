-- The run's articles: those given, and any whose state is missing or from an older version.
select a.article_id
from articles as a
left join article_fingerprints as f using (article_id)
where a.article_id in (select article_id from given)
   or f.article_id is null
   or f.version_id is distinct from a.version_id
order by a.article_id
