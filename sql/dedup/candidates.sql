-- Stored articles that share a band with a batch article and differ in normalized body.
select distinct
    least(new.article_id, old.article_id) as article_id_a,
    greatest(new.article_id, old.article_id) as article_id_b
from minhash_bands as new
join minhash_bands as old
    on old.band_idx = new.band_idx and old.band_hash = new.band_hash and old.article_id != new.article_id
join article_fingerprints as fa on fa.article_id = new.article_id
join article_fingerprints as fb on fb.article_id = old.article_id
where new.article_id in (select article_id from corpus_batch) and fa.body_hash != fb.body_hash
