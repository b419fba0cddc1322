"""Exact and near duplicates: normalized bodies, word shingles, MinHash signatures, LSH bands.

The per-article parts (normalized body, shingles, signature) live in tasks/corpus/features.py: the
workers compute them. Incremental design: an article's MinHash signature is cut into the bands
that datasketch's ``MinHashLSH`` chooses for the threshold, and each band's hash is a row of
``minhash_bands``. A run finds the candidates of its new articles with one SQL join on
(band_idx, band_hash) against everything stored: the LSH index lives in the warehouse, so a
later process continues from it, and a run costs in proportion to its batch, where rebuilding
an in-memory ``MinHashLSH`` from stored signatures would cost the whole corpus every run.
Every candidate is verified with the exact Jaccard similarity of the two shingle sets before
it becomes a pair; the bands are cut for a lower similarity than the threshold, for recall.

Arrow tables go to DuckDB by name: a query that reads ``new_pairs`` reads the local Python
variable of that name (a DuckDB replacement scan), in bulk.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable

import duckdb
import numpy as np
import pyarrow as pa
from datasketch import MinHashLSH

from newsflow.tasks.corpus.features import normalize_text
from newsflow.tasks.corpus.minhash import shingles
from newsflow.tasks.warehouse.sql import query
from newsflow.tasks.warehouse.store import registered


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """|a ∩ b| / |a ∪ b| of two sorted distinct arrays; two empty sets share nothing, so 0."""
    if not len(a) and not len(b):
        return 0.0
    common = np.intersect1d(a, b, assume_unique=True).size
    return common / (len(a) + len(b) - common)


def band_ranges(threshold: float, num_perm: int) -> list[tuple[int, int]]:
    """The signature slices LSH bands over, as datasketch optimizes them for ``threshold``."""
    return list(MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges)


def band_hashes(signature: np.ndarray, ranges: list[tuple[int, int]]) -> list[int]:
    """One 64-bit hash per band: equal bands give equal hashes in any process."""
    data = signature.astype("<u4")
    return [int.from_bytes(hashlib.blake2b(data[start:end].tobytes(), digest_size=8).digest(), "little")
            for start, end in ranges]


@dataclass(frozen=True)
class Fingerprint:
    article_id: str
    body_hash: str
    n_shingles: int
    signature: np.ndarray
    shingles: np.ndarray | None = None   # None when staged: recomputed if a candidate needs them


def components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components (union-find), each sorted, in order of their smallest node."""
    parent = {n: n for n in nodes}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for n in parent:
        groups.setdefault(root(n), []).append(n)
    return sorted(sorted(g) for g in groups.values())


def cluster_duplicates(rank: dict[str, int], body_hash: dict[str, str],
                       near_pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """Clusters of articles joined by an equal normalized body or a near-duplicate pair; in
    each, the article first in ``rank`` is canonical and every other one is its duplicate:
    (article_id, canonical_id, kind), kind 'exact' when its body equals the canonical's."""
    by_hash: dict[str, str] = {}
    edges = list(near_pairs)
    for article_id in sorted(rank, key=rank.__getitem__):
        first = by_hash.setdefault(body_hash[article_id], article_id)
        if first != article_id:
            edges.append((first, article_id))
    out = []
    for members in components(rank, edges):
        canonical = min(members, key=rank.__getitem__)
        out += [(a, canonical, "exact" if body_hash[a] == body_hash[canonical] else "near")
                for a in members if a != canonical]
    return out


def load_shingles(con: duckdb.DuckDBPyConnection, ids: set[str], size: int) -> dict[str, np.ndarray]:
    """Shingle sets of stored articles, recomputed from their bodies in one read."""
    with registered(con, wanted=pa.table({"article_id": pa.array(sorted(ids), pa.string())})):
        rows = con.sql(query("dedup/queries:bodies")).fetchall()
    return {a: shingles(normalize_text(body), size) for a, body in rows}


def write_fingerprints(con: duckdb.DuckDBPyConnection, prints: list[Fingerprint],
                       ranges: list[tuple[int, int]]) -> None:
    n_perm = len(prints[0].signature) if prints else 0
    new_prints = pa.table({
        "article_id": [p.article_id for p in prints],
        "body_hash": [p.body_hash for p in prints],
        "n_shingles": pa.array([p.n_shingles for p in prints], pa.int64()),
        "minhash": pa.ListArray.from_arrays(
            pa.array(np.arange(len(prints) + 1, dtype=np.int32) * n_perm),
            pa.array(np.concatenate([p.signature for p in prints]) if prints else [], pa.uint32())),
    })
    banded = [p for p in prints if p.n_shingles]  # empty texts would all share every band
    new_bands = pa.table({
        "article_id": [p.article_id for p in banded for _ in ranges],
        "band_idx": pa.array([i for _ in banded for i in range(len(ranges))], pa.int32()),
        "band_hash": pa.array([h for p in banded for h in band_hashes(p.signature, ranges)], pa.uint64()),
    })
    with registered(con, new_prints=new_prints, new_bands=new_bands):
        con.execute(query("dedup/queries:insert_fingerprints"))


def update_duplicates(con: duckdb.DuckDBPyConnection, prints: list[Fingerprint], shingle_size: int,
                      num_perm: int, lsh_threshold: float, threshold: float) -> int:
    """Store the batch's fingerprints, add its verified near-duplicate pairs and rewrite the
    duplicate clusters it touches. Needs temp tables corpus_batch and corpus_dedup_seeds.
    Returns the number of new pairs."""
    write_fingerprints(con, prints, band_ranges(lsh_threshold, num_perm))
    sets = {p.article_id: p.shingles for p in prints if p.shingles is not None}
    candidates = con.sql(query("dedup/candidates")).fetchall()
    sets |= load_shingles(con, {i for pair in candidates for i in pair} - sets.keys(), shingle_size)
    pairs = [(a, b, s) for a, b in candidates if (s := jaccard(sets[a], sets[b])) >= threshold]
    new_pairs = pa.table({"article_id_a": [p[0] for p in pairs], "article_id_b": [p[1] for p in pairs],
                          "similarity": pa.array([p[2] for p in pairs], pa.float64())})
    with registered(con, new_pairs=new_pairs):
        con.execute(query("dedup/queries:insert_pairs"))

    con.execute(query("dedup/scope"))
    scope = con.sql(query("dedup/queries:scope")).fetchall()
    near = con.sql(query("dedup/queries:scope_pairs")).fetchall()
    found = cluster_duplicates({a: r for a, _, r in scope}, {a: h for a, h, _ in scope}, near)
    sets |= load_shingles(con, {i for a, c, kind in found if kind == "near" for i in (a, c)} - sets.keys(),
                          shingle_size)
    rows = [(a, c, kind, 1.0 if kind == "exact" else jaccard(sets[a], sets[c])) for a, c, kind in found]
    new_duplicates = pa.table({"article_id": [r[0] for r in rows], "canonical_id": [r[1] for r in rows],
                               "kind": [r[2] for r in rows], "similarity": pa.array([r[3] for r in rows], pa.float64())})
    with registered(con, new_duplicates=new_duplicates):
        con.execute(query("dedup/queries:replace_duplicates"))
    return len(pairs)
