"""Corpus-level passes over the warehouse, run inside the load transaction: exact and near
duplicates (tasks/corpus/dedup.py), same-story groups (tasks/corpus/stories.py) and sentence fingerprints.

Incremental. ``article_fingerprints`` registers every article whose corpus state is stored;
a run processes the articles it is given plus any the registry lacks or holds in an older
version, and first forgets the state of articles that are gone or being reprocessed. Each
pass then compares only those articles against what is stored and rewrites only the
duplicate clusters and stories they touch. When the settings change, the state is rebuilt.
"""

from __future__ import annotations

from typing import Sequence

import duckdb
import numpy as np
import pyarrow as pa

from newsflow.tasks.config import Settings
from newsflow.tasks.corpus.dedup import Fingerprint, update_duplicates
from newsflow.tasks.corpus.features import STAGED_SETTINGS, CorpusSettings, features_of
from newsflow.tasks.corpus.stories import update_stories
from newsflow.tasks.staging.parquet import to_arrow
from newsflow.tasks.staging.rows import FeatureRow, PassageRow
from newsflow.tasks.warehouse.sql import query
from newsflow.tasks.warehouse.store import registered

STATE_TABLES = ("article_fingerprints", "minhash_bands", "near_duplicate_pairs", "duplicates",
                "story_terms", "story_pairs", "story_members", "story_groups", "sentence_fingerprints")


def compute_features(con: duckdb.DuckDBPyConnection, settings: CorpusSettings,
                     ) -> tuple[pa.Table, pa.Table, dict[str, np.ndarray]]:
    """Features (``features_of``, as the workers compute them) of the articles in
    corpus_computed, from their stored body, sentences and quotations: for stored articles a
    pass processes again, and for all of them when the settings are not the staged ones. Also
    their shingle sets, which a pass needs to verify candidates."""
    articles = con.sql(query("corpus/queries:computed_articles")).fetchall()
    sentences = _by_article(con.sql(query("corpus/queries:computed_sentences")))
    quotes = _by_article(con.sql(query("corpus/queries:computed_quotes")))
    features, passages, shingle_sets = features_of(
        ((a, v, body, sentences.get(a, []), quotes.get(a, [])) for a, v, body in articles), settings)
    return (to_arrow(features, FeatureRow), to_arrow(passages, PassageRow),
            {a: shingle_set for (a, _, _), shingle_set in zip(articles, shingle_sets)})


def _by_article(relation: duckdb.DuckDBPyRelation) -> dict[str, list[tuple]]:
    """Rows (article_id, ...) grouped by article, the rest of each row as a tuple."""
    grouped: dict[str, list[tuple]] = {}
    for article_id, *rest in relation.fetchall():
        grouped.setdefault(article_id, []).append(tuple(rest))
    return grouped


def reset_if_settings_changed(con: duckdb.DuckDBPyConnection, settings: CorpusSettings) -> bool:
    """State computed with other settings is not comparable: drop it (every article is then
    reprocessed) and record the new settings. True when it was dropped."""
    stored = dict(con.sql(query("corpus/queries:stored_settings")).fetchall())
    wanted = dict(settings.as_rows())
    if stored == wanted:
        return False
    for table in STATE_TABLES + ("corpus_settings",):
        con.execute(f"delete from {table}")
    with registered(con, new_settings=pa.table({"name": list(wanted), "value": list(wanted.values())})):
        con.execute(query("corpus/queries:insert_settings"))
    return bool(stored)


def pending_articles(con: duckdb.DuckDBPyConnection, given_ids: Sequence[str]) -> list[str]:
    """The articles a corpus pass must process: those given, and any the registry lacks or
    holds in an older version (state dropped by a settings change, or never computed)."""
    with registered(con, given=pa.table({"article_id": pa.array(list(given_ids), pa.string())})):
        return [row[0] for row in con.execute(query("corpus/pending")).fetchall()]


def slices_of(ids: Sequence[str], size: int) -> list[Sequence[str]]:
    """``ids`` in slices of ``size``; a last slice of fewer than half that joins the one
    before it (a pass has a fixed cost: 90 articles after 2,000 cost a quarter second).
    No ids make one empty slice: a pass also removes the rows of deleted articles."""
    bounds = list(range(0, len(ids), size)) or [0]
    if len(bounds) > 1 and len(ids) - bounds[-1] < size / 2:
        bounds.pop()
    return [ids[start:end] for start, end in zip(bounds, [*bounds[1:], len(ids)])]


def update_corpus_tables(con: duckdb.DuckDBPyConnection, new_article_ids: Sequence[str],
                         settings: CorpusSettings = CorpusSettings(), slice_size: int = Settings.load_slice_articles,
                         staged: bool = False) -> dict[str, int]:
    """Run inside the load transaction (after articles, sentences and mentions are loaded,
    before the checks): update the duplicate, near-duplicate, story-group and sentence
    fingerprint tables for the new or replaced articles, incrementally, in slices of
    ``slice_size`` articles, and remove the rows of articles that no longer exist. Returns
    counts for the run summary.

    ``staged``: temp tables slice_features and slice_passages (sql/load/features.sql) hold
    what the workers computed for the articles the load stores; those are inserted as they
    are, the rest is computed here with the same function (``compute_features``)."""
    reset_if_settings_changed(con, settings)
    pending = pending_articles(con, new_article_ids)
    counts = {"n_articles_processed": 0, "n_articles_removed": 0, "n_new_near_pairs": 0,
              "n_passages_fingerprinted": 0}
    for ids in slices_of(pending, slice_size):
        for name, n in _update_slice(con, ids, settings, staged and settings == STAGED_SETTINGS).items():
            counts[name] += n
    totals = con.sql(query("corpus/totals")).to_arrow_table().to_pylist()[0]
    return {**counts, **totals}


def _update_slice(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str],
                  settings: CorpusSettings, staged: bool = False) -> dict[str, int]:
    """One pass over exactly ``article_ids``, against everything stored."""
    with registered(con, batch=pa.table({"article_id": pa.array(list(article_ids), pa.string())})):
        con.execute(query("corpus/queries:new_batch"))
    con.execute(query("corpus/forget"))
    n_removed = con.sql(query("corpus/queries:n_removed")).fetchall()[0][0]
    con.execute(query("corpus/queries:computed_unstaged" if staged else "corpus/queries:computed_all"))
    computed_features, computed_passages, shingle_sets = compute_features(con, settings)
    with registered(con, computed_features=computed_features, computed_passages=computed_passages):
        con.execute(query("corpus/queries:slice_features"))
    if staged:
        con.execute(query("corpus/queries:add_staged_features"))

    prints = batch_fingerprints(con, settings.num_perm, shingle_sets)
    n_new_pairs = update_duplicates(con, prints, settings.shingle_size, settings.num_perm,
                                    settings.lsh_threshold, settings.near_threshold)
    n_passages = con.execute(query("corpus/features")).fetchall()[0][0]
    update_stories(con, settings)

    for name in ("batch", "stale", "computed", "features", "passages", "dedup_seeds", "dedup_scope",
                 "story_touched", "story_seeds", "story_df", "story_vectors", "story_candidates", "story_scope"):
        con.execute(f"drop table if exists corpus_{name}")
    con.execute("drop view if exists corpus_story_terms")
    return {"n_articles_processed": len(prints), "n_articles_removed": n_removed,
            "n_new_near_pairs": n_new_pairs, "n_passages_fingerprinted": n_passages}


def batch_fingerprints(con: duckdb.DuckDBPyConnection, num_perm: int,
                       shingle_sets: dict[str, np.ndarray]) -> list[Fingerprint]:
    """The slice's fingerprints, staged or computed; with the shingle sets known (the staged
    ones are recomputed only for candidates)."""
    read = con.sql(query("corpus/queries:fingerprints")).to_arrow_table()
    minhash = read["minhash"].combine_chunks().flatten().to_numpy().astype(np.uint32).reshape(-1, num_perm)
    return [Fingerprint(a, h, n, signature, shingle_sets.get(a)) for a, h, n, signature in
            zip(read["article_id"].to_pylist(), read["body_hash"].to_pylist(),
                read["n_shingles"].to_pylist(), minhash)]
