"""Same-story groups: articles about one event, grouped by shared rare terms and entities
within a time window.

An article is a vector of its body words (in the singular) and entity names (labels dropped),
each weighted by (1 + ln count) x idf and cut to its strongest terms; two articles score the
cosine of their vectors, and only articles within the time window are compared. The idf
counts a prior of ``prior_docs`` unseen documents, so a small corpus (five versions of one
story) does not make the story's own words look common. Groups form by average linkage: two
groups join when the mean score over all their pairs reaches the threshold, which keeps a
chain of loosely related articles from collapsing into one giant group.

An article's words are counted where it is annotated (``body_terms``, tasks/corpus/features.py).
Incremental: ``story_terms`` holds every article's words and ``entity_mentions`` its
entities (each run counts document frequencies from them, so they never drift); a run scores only its new articles against stored
ones sharing a rare term (``story_pairs`` keeps the scores), then regroups only the stories
those pairs touch. A story keeps its id as it grows (see ``assign_story_ids``).
"""

from __future__ import annotations

from heapq import heapify, heappop, heappush
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

from newsflow.tasks.warehouse.sql import query
from newsflow.tasks.warehouse.store import registered

if TYPE_CHECKING:
    from newsflow.tasks.corpus.features import CorpusSettings


def average_linkage(clusters: list[list[str]], scores: dict[tuple[str, str], float],
                    threshold: float) -> list[list[str]]:
    """Greedily merge the two clusters with the highest mean pair score (a pair without a score
    counts 0) while that mean reaches ``threshold``. Returns every cluster, sorted."""
    cluster_of = {a: i for i, c in enumerate(clusters) for a in c}
    members = {i: list(c) for i, c in enumerate(clusters)}
    links: dict[int, dict[int, float]] = {i: {} for i in members}
    for (a, b), score in scores.items():
        i, j = cluster_of.get(a), cluster_of.get(b)
        if i is not None and j is not None and i != j:
            links[i][j] = links[j][i] = links[i].get(j, 0.0) + score

    def mean(i: int, j: int) -> float:
        return links[i][j] / (len(members[i]) * len(members[j]))

    heap = [(-mean(i, j), i, j) for i in links for j in links[i] if i < j]
    heapify(heap)
    while heap:
        negative, i, j = heappop(heap)
        if i not in members or j not in members or mean(i, j) != -negative:
            continue  # an entry from before one of the two grew
        if -negative < threshold:
            break
        members[i] += members.pop(j)
        for k, score in links.pop(j).items():
            del links[k][j]
            if k != i:
                links[i][k] = links[k][i] = links[i].get(k, 0.0) + score
        for k in links[i]:
            heappush(heap, (-mean(i, k), min(i, k), max(i, k)))
    return sorted(sorted(m) for m in members.values())


def assign_story_ids(groups: list[list[str]], old_story: dict[str, str], rank: dict[str, int],
                     taken: set[str]) -> dict[str, list[str]]:
    """Ids for the groups of two or more. A group keeps the old id most of its members carried,
    so a story that grows or absorbs another keeps its id; an old id goes to one group only.
    A new group is 'st_' + its first member (by ``rank``). ``taken``: ids in use elsewhere."""
    groups = [sorted(g, key=rank.__getitem__) for g in groups if len(g) > 1]
    claims = sorted((-sum(old_story.get(a) == story_id for a in g), rank[g[0]], story_id, gi)
                    for gi, g in enumerate(groups) for story_id in {old_story[a] for a in g if a in old_story})
    out: dict[str, list[str]] = {}
    used, done = set(taken), set()
    for _, _, story_id, gi in claims:
        if gi not in done and story_id not in used:
            out[story_id] = groups[gi]
            used.add(story_id)
            done.add(gi)
    for gi, g in enumerate(groups):
        if gi not in done:
            story_id = next((f"st_{a}" for a in g if f"st_{a}" not in used), f"st_{g[0]}_{gi}")
            out[story_id] = g
            used.add(story_id)
    return out


def regroup(con: duckdb.DuckDBPyConnection, threshold: float) -> None:
    """Regroup the run's scope: stories untouched by removals start whole, everything else
    alone; average linkage merges them; ids carry over where members did."""
    con.execute(query("stories/scope"))
    rank = dict(con.sql(query("stories/queries:scope_ranks")).fetchall())
    old = dict(con.sql(query("stories/queries:scope_stories")).fetchall())
    touched = {r[0] for r in con.sql(query("stories/queries:touched_stories")).fetchall()}
    scores = {(a, b): s for a, b, s in con.sql(query("stories/queries:scope_pairs")).fetchall()}
    start: dict[str, list[str]] = {}
    for a in sorted(rank, key=rank.__getitem__):
        story = old.get(a)
        start.setdefault(story if story is not None and story not in touched else a, []).append(a)
    groups = average_linkage(list(start.values()), scores, threshold)

    con.execute(query("stories/queries:forget_scope"))
    taken = {r[0] for r in con.sql(query("stories/queries:taken_ids")).fetchall()}
    assigned = assign_story_ids(groups, old, rank, taken)
    members = [(a, story_id) for story_id, g in assigned.items() for a in g]
    new_members = pa.table({"article_id": [m[0] for m in members], "story_id": [m[1] for m in members]})
    new_stories = pa.table({"story_id": pa.array(sorted(assigned), pa.string())})
    with registered(con, new_members=new_members, new_stories=new_stories):
        con.execute(query("stories/queries:insert_members"))
        con.execute(query("stories/groups"))  # labels the stories in new_stories


def update_stories(con: duckdb.DuckDBPyConnection, settings: CorpusSettings) -> None:
    """Score the batch against stored articles and regroup what that touches. Needs the
    batch's story_terms stored, and temp tables corpus_batch, corpus_story_seeds and
    corpus_story_touched."""
    con.execute(query("stories/terms"))
    n_docs = con.sql(query("stories/queries:n_articles")).fetchall()[0][0]
    con.execute(query("stories/df"), {"max_df": max(settings.story_min_df_cap, settings.story_max_df_share * n_docs)})
    con.execute(query("stories/queries:new_vectors"))
    weights = {"n_docs": n_docs, "prior_docs": settings.story_prior_docs, "top_terms": settings.story_top_terms}
    window = {"window_s": settings.story_window_days * 86400.0}
    con.execute(query("stories/vectors").format(scope="corpus_batch"), weights)
    con.execute(query("stories/candidates"), window)
    con.execute(query("stories/vectors").format(scope="corpus_story_candidates"), weights)
    con.execute(query("stories/pairs"), {**window, "floor": settings.story_pair_floor, "max_pairs": settings.story_max_pairs})
    regroup(con, settings.story_threshold)
