"""Same-story groups: articles about one event, grouped by shared rare terms and entities
within a time window.

An article is a vector of its body words (in the singular) and entity names (labels dropped),
each weighted by (1 + ln count) x idf and cut to its strongest terms; two articles score the
cosine of their vectors, and only articles within the time window are compared. The idf
counts a prior of ``prior_docs`` unseen documents, so a small corpus (five versions of one
story) does not make the story's own words look common. Groups form by average linkage: two
groups join when the mean score over all their pairs reaches the threshold, which keeps a
chain of loosely related articles from collapsing into one giant group.

Incremental: ``story_terms`` holds every article's words and ``entity_mentions`` its
entities (each run counts document frequencies from them, so they never drift); a run scores only its new articles against stored
ones sharing a rare term (``story_pairs`` keeps the scores), then regroups only the stories
those pairs touch. A story keeps its id as it grows (see ``assign_story_ids``).
"""

from __future__ import annotations

from collections import Counter
from heapq import heapify, heappop, heappush
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

if TYPE_CHECKING:
    from tasks.corpus import CorpusSettings

# English function words; other languages lean on idf alone.
STOPWORDS = frozenset("""
about above after again against all also and any are because been before being below between
both but can could did does doing down during each few for from further had has have having her
here hers herself him himself his how into its itself just more most mrs not now off once only
other our ours out over own same she should some such than that the their theirs them then there
these they this those through too under until very was were what when where which while who whom
why will with would you your yours said says say told one two three new year years last first
like make made get got many much may might must per also still even back well
""".split())


def singular(word: str) -> str:
    """Harman's S-stemmer: plurals and possessives fold ("strikes" and "strike"; "Ukraine's",
    normalized to "ukraines", and "Ukraine"), the same way on both sides of a comparison."""
    if word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def body_terms(normalized: str) -> Counter[str]:
    """Counts of a normalized body's content words as 't:word' terms (entities are 'e:slug'):
    letters only, as numbers and dates say little about which event it is."""
    words = (singular(w) for w in normalized.split() if len(w) > 2 and w.isalpha() and w not in STOPWORDS)
    return Counter("t:" + w for w in words if w not in STOPWORDS)


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


# The terms of every article processed so far (this slice included; a run's later slices are
# not yet): its stored words, and its entities as they are now (the load may merge entity
# keys across the corpus later), the label dropped: the same place is tagged GPE in one
# article and PERSON in the next.
TERMS_SQL = """
create or replace temp view corpus_story_terms as
select article_id, term, n from story_terms
union all
select article_id, 'e:' || regexp_replace(entity_key, '^[^:]*:', '') as term, count(*) as n
from entity_mentions
where article_id in (select article_id from article_fingerprints)
group by all
"""

# Rare-enough terms and how many articles hold each: a term in more articles says nothing
# about one event, and leaving it out keeps the pair join small.
DF_SQL = """
create or replace temp table corpus_story_df as
select term, count(*) as n_articles
from corpus_story_terms
group by term
having count(*) <= $max_df
"""

# Unit vectors of the strongest terms of the articles in {scope} (not computed yet this run).
VECTORS_SQL = """
insert into corpus_story_vectors
with scoped as (
    select t.article_id, t.term, t.n, df.n_articles
    from corpus_story_terms as t
    join corpus_story_df as df using (term)
    where t.article_id in (select article_id from {scope})
      and t.article_id not in (select article_id from corpus_story_vectors)
),

weighted as (
    select article_id, term, (1 + ln(n)) * ln(($n_docs + $prior_docs) / (n_articles + 1)) as weight
    from scoped
    qualify row_number() over (partition by article_id order by weight desc, term) <= $top_terms
)

select article_id, term, weight / sqrt(sum(weight * weight) over (partition by article_id)) as weight
from weighted
"""

# Stored articles that share a vector term with the batch and appeared within the window.
CANDIDATES_SQL = """
create or replace temp table corpus_story_candidates as
with span as (
    select min(coalesce(published_at, ingested_at)) as first_at, max(coalesce(published_at, ingested_at)) as last_at
    from articles
    where article_id in (select article_id from corpus_batch)
)

select distinct t.article_id
from corpus_story_terms as t
join articles as a using (article_id)
cross join span
where t.term in (select term from corpus_story_vectors)
  and t.article_id not in (select article_id from corpus_batch)
  and coalesce(a.published_at, a.ingested_at) between span.first_at - to_seconds($window_s)
                                                   and span.last_at + to_seconds($window_s)
"""

# The batch's scored pairs: its strongest neighbours within the window, above the floor.
PAIRS_SQL = """
insert into story_pairs
with batch as (
    select article_id from corpus_batch
),

appeared as (
    select article_id, coalesce(published_at, ingested_at) as appeared_at
    from articles
    where article_id in (select article_id from corpus_story_vectors)
),

dots as (
    select new.article_id as new_id, old.article_id as old_id, sum(new.weight * old.weight) as score
    from corpus_story_vectors as new
    join corpus_story_vectors as old using (term)
    where new.article_id in (select article_id from batch)
      and old.article_id != new.article_id
      and (old.article_id not in (select article_id from batch) or old.article_id > new.article_id)
    group by all
),

kept as (
    select dots.*
    from dots
    join appeared as n on n.article_id = dots.new_id
    join appeared as o on o.article_id = dots.old_id
    where dots.score >= $floor
      and abs(epoch(n.appeared_at) - epoch(o.appeared_at)) <= $window_s
    qualify row_number() over (partition by new_id order by score desc, old_id) <= $max_pairs
)

-- rounded: parallel sums differ in the last bits from run to run
select least(new_id, old_id), greatest(new_id, old_id), round(least(score, 1.0), 9)
from kept
"""

# What a run may regroup: its articles, their neighbours, and every member of their stories
# and of stories that lost a member (corpus_story_seeds), ranked by first appearance.
SCOPE_SQL = """
create or replace temp table corpus_story_scope as
with batch as (
    select article_id from corpus_batch
),

seeds as (
    select article_id from corpus_story_seeds
    union select article_id from batch
    union select article_id_a from story_pairs where article_id_b in (select article_id from batch)
    union select article_id_b from story_pairs where article_id_a in (select article_id from batch)
),

stories as (
    select story_id from story_members where article_id in (select article_id from seeds)
)

select
    article_id,
    row_number() over (order by coalesce(published_at, ingested_at), article_id) as appearance_rank
from articles
where article_id in (select article_id from seeds)
   or article_id in (select article_id from story_members where story_id in (select story_id from stories))
"""

# A label for each rewritten story: the entities most of its members name (rarer first on a
# tie), else the first member's title.
GROUPS_SQL = """
insert into story_groups
with members as (
    select m.story_id, m.article_id, a.title, a.body, coalesce(a.published_at, a.ingested_at) as appeared_at
    from story_members as m
    join articles as a using (article_id)
    where m.story_id in (select story_id from new_stories)
),

firsts as (
    select story_id, arg_min(article_id, (appeared_at, article_id)) as first_article_id,
           arg_min(coalesce(title, left(body, 80)), (appeared_at, article_id)) as first_title
    from members
    group by story_id
),

names as (
    select m.story_id, e.name, count(distinct m.article_id) as n_members, min(e.n_articles) as n_corpus
    from members as m
    join entity_mentions as em using (article_id)
    join entities as e using (entity_key)
    group by m.story_id, e.name
    qualify row_number() over (partition by m.story_id order by n_members desc, n_corpus, e.name) <= 3
),

labels as (
    select story_id, string_agg(name, ', ' order by n_members desc, n_corpus, name) as label
    from names
    group by story_id
)

select f.story_id, coalesce(l.label, f.first_title), f.first_article_id
from firsts as f
left join labels as l using (story_id)
"""


def write_terms(con: duckdb.DuckDBPyConnection, texts: list[tuple[str, str]]) -> None:
    """The batch's body words, counted here from the normalized texts."""
    rows = [(a, term, n) for a, text in texts for term, n in body_terms(text).items()]
    new_terms = pa.table({"article_id": [r[0] for r in rows], "term": [r[1] for r in rows],
                          "n": pa.array([r[2] for r in rows], pa.int64())})
    con.execute("insert into story_terms by name select * from new_terms")


def regroup(con: duckdb.DuckDBPyConnection, threshold: float) -> None:
    """Regroup the run's scope: stories untouched by removals start whole, everything else
    alone; average linkage merges them; ids carry over where members did."""
    con.execute(SCOPE_SQL)
    rank = dict(con.sql("select article_id, appearance_rank from corpus_story_scope").fetchall())
    old = dict(con.sql("select article_id, story_id from story_members "
                       "where article_id in (select article_id from corpus_story_scope)").fetchall())
    touched = {r[0] for r in con.sql("select story_id from corpus_story_touched").fetchall()}
    scores = {(a, b): s for a, b, s in con.sql(
        "select article_id_a, article_id_b, score from story_pairs "
        "where article_id_a in (select article_id from corpus_story_scope) "
        "and article_id_b in (select article_id from corpus_story_scope)").fetchall()}
    start: dict[str, list[str]] = {}
    for a in sorted(rank, key=rank.__getitem__):
        story = old.get(a)
        start.setdefault(story if story is not None and story not in touched else a, []).append(a)
    groups = average_linkage(list(start.values()), scores, threshold)

    con.execute("delete from story_members where article_id in (select article_id from corpus_story_scope)")
    con.execute("delete from story_groups where story_id not in (select story_id from story_members)")
    taken = {r[0] for r in con.sql("select story_id from story_groups").fetchall()}
    assigned = assign_story_ids(groups, old, rank, taken)
    members = [(a, story_id) for story_id, g in assigned.items() for a in g]
    new_members = pa.table({"article_id": [m[0] for m in members], "story_id": [m[1] for m in members]})
    new_stories = pa.table({"story_id": pa.array(sorted(assigned), pa.string())})
    con.execute("insert into story_members by name select * from new_members")
    con.execute(GROUPS_SQL)  # labels the stories in new_stories


def update_stories(con: duckdb.DuckDBPyConnection, texts: list[tuple[str, str]],
                   settings: CorpusSettings) -> None:
    """Store the batch's terms, score it against stored articles, regroup what that touches.
    Needs temp tables corpus_batch, corpus_story_seeds and corpus_story_touched."""
    write_terms(con, texts)
    con.execute(TERMS_SQL)
    n_docs = con.sql("select count(*) from articles").fetchall()[0][0]
    con.execute(DF_SQL, {"max_df": max(settings.story_min_df_cap, settings.story_max_df_share * n_docs)})
    con.execute("create or replace temp table corpus_story_vectors "
                "(article_id varchar, term varchar, weight double)")
    weights = {"n_docs": n_docs, "prior_docs": settings.story_prior_docs, "top_terms": settings.story_top_terms}
    window = {"window_s": settings.story_window_days * 86400.0}
    con.execute(VECTORS_SQL.format(scope="corpus_batch"), weights)
    con.execute(CANDIDATES_SQL, window)
    con.execute(VECTORS_SQL.format(scope="corpus_story_candidates"), weights)
    con.execute(PAIRS_SQL, {**window, "floor": settings.story_pair_floor, "max_pairs": settings.story_max_pairs})
    regroup(con, settings.story_threshold)
