"""Corpus passes (duplicates, near duplicates, stories, sentence fingerprints): speed and quality.

    python bench/dedup.py [--articles 20000] [--batches 10] [--seed 7]
                          [--warehouse W.duckdb] [--sample 30]

1. Speed: builds a warehouse-like set of ``--articles`` articles (the BBC bodies of
   ../shared/corpora/bbc repeated with small random edits, seeded; synthetic text when the corpus
   is absent), loads it in ``--batches`` batches calling ``update_corpus_tables`` after each, as
   the load does, then all at once into a fresh warehouse; prints times, pairs and groups, and
   checks the two agree. Entities are capitalized word runs (spaCy would dominate the time).
2. Quality, with ``--warehouse`` (a warehouse ingested by ``newsflow ingest``, copied first):
   exact-duplicate groups against a brute-force GROUP BY on bodies normalized in SQL,
   near-duplicate pairs against brute-force Jaccard over all pairs, ``--sample`` near pairs
   printed for reading by hand, and the story group sizes with a sample of groups.
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import hashlib
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsflow.tasks.corpus.passes import CorpusSettings, update_corpus_tables  # noqa: E402
from newsflow.tasks.corpus.dedup import jaccard, normalize_text, shingles  # noqa: E402
from newsflow.tasks.warehouse.store import migrate  # noqa: E402

BBC = REPO.parent / "shared" / "corpora" / "bbc"
OUTLETS = [f"outlet-{c}" for c in "abcdefghijkl"]
T0 = datetime(2024, 1, 1, tzinfo=timezone.utc)
_SENTENCE = re.compile(r"\S[^.!?\n]*(?:[.!?]+|$)", re.M)
_NAME = re.compile(r"\b[A-Z][a-zA-Z]+(?: [A-Z][a-zA-Z]+)*")


def base_texts(rng: random.Random) -> list[tuple[str, str]]:
    """(title, body) of every BBC file, or synthetic ones when the corpus is absent."""
    files = sorted(BBC.rglob("*.txt"))
    files = [f for f in files if f.name != "README.TXT"]
    if files:
        out = []
        for f in files:
            title, _, body = f.read_bytes().decode("utf-8", "replace").partition("\n")
            out.append((title.strip(), body.strip()))
        return out
    vocab = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)) for _ in range(5000)]
    return [(f"Story {i}", " ".join(" ".join(rng.choice(vocab) for _ in range(12)).capitalize() + "."
                                    for _ in range(30))) for i in range(2200)]


def edited(body: str, rng: random.Random, donor: str) -> str:
    """A copy as another outlet or a re-scrape would carry it."""
    words = body.split(" ")
    kind = rng.random()
    if kind < 0.15:  # typography only: an exact duplicate once normalized
        return "  ".join(w.upper() if rng.random() < 0.05 else w for w in words).replace("'", "’")
    if kind < 0.65:  # a few words changed
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(words))
            words[i:i + 1] = rng.choice([[], [rng.choice(words)], [words[i], rng.choice(words)]])
        return " ".join(words)
    if kind < 0.85:  # heavily edited
        return " ".join(rng.choice(words) if rng.random() < 0.2 else w for w in words)
    paragraphs = body.split("\n")  # paragraphs dropped, one from another story added
    kept = [p for p in paragraphs if rng.random() > 0.2] or paragraphs[:1]
    return "\n".join(kept + [rng.choice(donor.split("\n"))])


def build_articles(n: int, seed: int) -> tuple[list[dict], list[tuple[str, str]]]:
    rng = random.Random(seed)
    bases = base_texts(rng)
    first: dict[str, int] = {}  # the corpus holds some bodies twice: those count as one
    same = [first.setdefault(normalize_text(body), b) for b, (_, body) in enumerate(bases)]
    dates = [T0 + timedelta(days=rng.uniform(0, 120)) for _ in bases]
    articles = []
    for i in range(n):
        b = i % len(bases)
        title, body = bases[b]
        if i >= len(bases):
            body = edited(body, rng, bases[rng.randrange(len(bases))][1])
        articles.append({"article_id": hashlib.sha1(f"bench-{i}".encode()).hexdigest()[:32], "base": same[b],
                         "title": title, "body": body, "outlet": rng.choice(OUTLETS),
                         "published_at": dates[b] + timedelta(hours=rng.uniform(0, 48) if i >= len(bases) else 0)})
    return sorted(articles, key=lambda a: a["published_at"]), bases


def load(con: duckdb.DuckDBPyConnection, batch: list[dict]) -> None:
    """Articles, sentences and capitalized-run 'entities' in bulk, then entities as the load derives them."""
    sentences, mentions = defaultdict(list), defaultdict(list)
    for a in batch:
        spans = [m.span() for m in _SENTENCE.finditer(a["body"])]
        starts = [s for s, _ in spans]
        for idx, (s, e) in enumerate(spans):
            for col, value in zip(("article_id", "sent_idx", "text", "start_char", "end_char"),
                                  (a["article_id"], idx, a["body"][s:e], s, e)):
                sentences[col].append(value)
        for m in _NAME.finditer(a["body"]):
            if m.start() in starts and " " not in m.group():
                continue  # a capitalized first word of a sentence
            values = (a["article_id"], m.start(), m.end(), bisect.bisect_right(starts, m.start()) - 1,
                      m.group(), "ORG", "org:" + m.group().lower().replace(" ", "-"))
            for col, value in zip(("article_id", "start_char", "end_char", "sent_idx", "text", "label",
                                   "entity_key"), values):
                mentions[col].append(value)
    n_sentences = Counter(sentences["article_id"])
    con.register("bench_articles", pa.table({
        "article_id": [a["article_id"] for a in batch], "doc_id": [a["article_id"] for a in batch],
        "source_path": ["bench"] * len(batch), "title": [a["title"] for a in batch],
        "body": [a["body"] for a in batch], "lang": ["en"] * len(batch), "lang_score": [1.0] * len(batch),
        "n_words": [len(a["body"].split()) for a in batch],
        "n_sentences": [n_sentences[a["article_id"]] for a in batch],
        "flags": pa.array([[]] * len(batch), pa.list_(pa.string())), "is_entity_annotated": [True] * len(batch),
        "ingested_at": [a["published_at"] + timedelta(hours=1) for a in batch], "run_id": ["bench"] * len(batch),
        "pipeline_version": ["bench"] * len(batch), "version_id": [a["article_id"] for a in batch],
        "outlet": [a["outlet"] for a in batch], "published_at": [a["published_at"] for a in batch]}))
    con.register("bench_sentences", pa.table(dict(sentences)))
    con.register("bench_mentions", pa.table(dict(mentions)))
    con.execute("insert into articles by name select * from bench_articles")
    con.execute("insert into sentences by name select * from bench_sentences")
    con.execute("insert into entity_mentions by name select * from bench_mentions")
    con.execute("delete from entities")
    con.execute("insert into entities select entity_key, min(text), 'ORG', count(*), count(distinct article_id) "
                "from entity_mentions group by entity_key")


def run(con, ids, settings) -> tuple[dict, float]:
    started = time.perf_counter()
    con.execute("begin")
    counts = update_corpus_tables(con, ids, settings)
    con.execute("commit")
    return counts, time.perf_counter() - started


def snapshot(con) -> dict:
    return {"pairs": set(con.sql("select article_id_a, article_id_b from near_duplicate_pairs").fetchall()),
            "duplicates": set(con.sql("select article_id, canonical_id, kind from duplicates").fetchall()),
            "stories": {frozenset(g) for (g,) in con.sql("select list(article_id) from story_members group by story_id").fetchall()}}


def speed(args, settings) -> None:
    articles, bases = build_articles(args.articles, args.seed)
    base = {a["article_id"]: a["base"] for a in articles}
    print(f"{len(articles):,} articles from {len(set(base.values())):,} bodies ({'BBC' if BBC.is_dir() else 'synthetic'})")
    with tempfile.TemporaryDirectory() as tmp:
        con = duckdb.connect(str(Path(tmp) / "batches.duckdb"))
        migrate(con)
        size = -(-len(articles) // args.batches)
        total = 0.0
        for b in range(args.batches):
            batch = articles[b * size:(b + 1) * size]
            started = time.perf_counter()
            load(con, batch)
            loaded = time.perf_counter() - started
            counts, seconds = run(con, [a["article_id"] for a in batch], settings)
            total += seconds
            print(f"  batch {b + 1:2d}: {len(batch):,} articles, load {loaded:.1f}s, corpus passes {seconds:.1f}s: "
                  f"{counts['n_new_near_pairs']:,} new near pairs, {counts['n_exact_duplicates']:,} exact and "
                  f"{counts['n_near_duplicates']:,} near duplicates, {counts['n_stories']:,} stories")
        print(f"in {args.batches} batches: corpus passes {total:.1f}s in all")
        batched = snapshot(con)
        con.close()

        con = duckdb.connect(str(Path(tmp) / "once.duckdb"))
        migrate(con)
        load(con, articles)
        counts, seconds = run(con, [a["article_id"] for a in articles], settings)
        print(f"all at once: corpus passes {seconds:.1f}s: {counts}")
        once = snapshot(con)
        sizes = Counter(len(g) for g in once["stories"])
        print(f"story sizes (size: groups): {dict(sorted(sizes.items()))}")
        same_base = sum(base[a] == base[b] for g in once["stories"] for a in g for b in g if a < b)
        all_pairs = sum(len(g) * (len(g) - 1) // 2 for g in once["stories"])
        print(f"story co-member pairs from the same BBC body: {same_base:,} of {all_pairs:,}")
        cross = Counter(tuple(sorted((base[a], base[b]))) for a, b in once["pairs"] if base[a] != base[b])
        similar = sum(jaccard(*(shingles(normalize_text(bases[b][1]), settings.shingle_size) for b in pair)) >= 0.5
                      for pair in cross)
        print(f"near pairs across different BBC bodies: {sum(cross.values()):,} of {len(once['pairs']):,}, "
              f"between {len(cross)} pairs of bodies, {similar} of which are themselves similar (Jaccard >= 0.5)")
        for key in ("pairs", "duplicates", "stories"):
            print(f"batches vs all at once, {key}: {len(batched[key]):,} vs {len(once[key]):,}, "
                  f"{len(batched[key] & once[key]):,} identical")
        con.close()


def quality(args, settings) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copyfile(args.warehouse, Path(tmp) / "w.duckdb")
        con = duckdb.connect(str(Path(tmp) / "w.duckdb"))
        migrate(con)
        ids = [r[0] for r in con.sql("select article_id from articles").fetchall()]
        counts, seconds = run(con, ids, settings)
        print(f"{args.warehouse}: {len(ids):,} articles, corpus passes {seconds:.1f}s: {counts}")

        paths = dict(con.sql("select article_id, source_path from articles").fetchall())
        # the rules of normalize_text written again in SQL: lower case, quote marks and
        # apostrophes dropped, any other run of non-letters and non-digits one space
        brute = con.sql(r"""
            with normalized as (
                select
                    article_id,
                    trim(regexp_replace(regexp_replace(lower(body), '[''"`´‘’‚‛“”„‟′″«»]', '', 'g'),
                                        '[^\pL\pN]+', ' ', 'g')) as text
                from articles
            )
            select list(article_id order by article_id) from normalized group by text having count(*) > 1
        """).fetchall()
        found = con.sql("select list(article_id order by article_id) from article_fingerprints "
                        "group by body_hash having count(*) > 1").fetchall()
        brute, found = {tuple(g) for (g,) in brute}, {tuple(g) for (g,) in found}
        print(f"exact-duplicate groups: brute force {len(brute)}, found {len(found)}, "
              f"missed {len(brute - found)}, extra {len(found - brute)}")
        canonical = dict(con.sql("select article_id, cluster_id from stg_article_corpus").fetchall())
        for group in sorted(found):
            print(f"  {[paths[a].split('bbc/')[-1] for a in group]} -> one canonical: "
                  f"{len({canonical[a] for a in group}) == 1}")

        # end to end: files whose whole text normalizes equal (byte-identical copies included,
        # which the load stores as one document) must all end in one duplicate cluster
        files = con.sql("select s.source_path, r.article_id from sources as s "
                        "join records as r using (doc_id) where r.status = 'ok'").fetchall()
        by_text = defaultdict(list)
        for path, article_id in files:
            by_text[normalize_text(Path(path).read_bytes().decode("utf-8", "replace"))].append(article_id)
        copies = [ids for ids in by_text.values() if len(ids) > 1]
        split = [ids for ids in copies if len({canonical[a] for a in ids}) > 1]
        print(f"  {len(files):,} files; {len(copies)} groups of files with equal normalized text "
              f"({sum(map(len, copies))} files, {sum(len(set(ids)) > 1 for ids in copies)} of them "
              f"as several articles): {len(split)} groups split across duplicate clusters")

        bodies = dict(con.sql("select article_id, body from articles").fetchall())
        sets = {a: shingles(normalize_text(b), settings.shingle_size) for a, b in bodies.items()}
        index = defaultdict(list)  # every pair sharing a shingle, counted: no LSH, no sampling
        for a in sorted(sets):
            for sh in sets[a].tolist():
                index[sh].append(a)
        shared = Counter((x, y) for holders in index.values() for i, x in enumerate(holders) for y in holders[i + 1:])
        truth = {p for p, n in shared.items() if n / (len(sets[p[0]]) + len(sets[p[1]]) - n) >= settings.near_threshold
                 and normalize_text(bodies[p[0]]) != normalize_text(bodies[p[1]])}
        pairs = dict(((a, b), s) for a, b, s in con.sql("select * from near_duplicate_pairs").fetchall())
        print(f"near-duplicate pairs (Jaccard >= {settings.near_threshold}): brute force {len(truth)}, "
              f"found {len(pairs)}, missed {len(truth - pairs.keys())}, not in brute force {len(pairs.keys() - truth)}")
        close = sorted(n / (len(sets[a]) + len(sets[b]) - n) for (a, b), n in shared.items()
                       if n / (len(sets[a]) + len(sets[b]) - n) >= 0.3)
        print("  brute-force pairs by Jaccard: " + ", ".join(
            f">={t}: {sum(j >= t for j in close)}" for t in (0.3, 0.5, 0.6, 0.7, 0.8, 0.9)))

        titles = dict(con.sql("select article_id, coalesce(title, left(body, 60)) from articles").fetchall())
        sample = random.Random(args.seed).sample(sorted(pairs), min(args.sample, len(pairs)))
        for k, (a, b) in enumerate(sample, 1):
            print(f"\n[{k}] similarity {pairs[a, b]:.3f}\n  A {paths[a]}: {titles[a]}\n  B {paths[b]}: {titles[b]}")
            wa, wb = bodies[a].split(), bodies[b].split()
            diffs = [op for op in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes() if op[0] != "equal"]
            print(f"  {len(wa)} vs {len(wb)} words, {len(diffs)} differing runs, e.g.:")
            for tag, i1, i2, j1, j2 in diffs[:3]:
                print(f"    {tag}: {' '.join(wa[i1:i2])[:100]!r} -> {' '.join(wb[j1:j2])[:100]!r}")

        sizes = con.sql("select n_articles, count(*) from stories group by 1 order by 1").fetchall()
        print(f"\nstory sizes (size, groups): {sizes}; articles in a story: "
              f"{con.sql('select count(*) from story_members').fetchall()[0][0]:,} of {len(ids):,}")
        groups = con.sql("select story_id, label, n_articles from stories").fetchall()
        rng = random.Random(args.seed)
        for story_id, label, n in sorted(groups, key=lambda g: -g[2])[:3] + rng.sample(groups, min(12, len(groups))):
            members = con.sql("select coalesce(a.title, left(a.body, 50)) from story_members "
                              "join articles as a using (article_id) where story_id = ?", params=[story_id]).fetchall()
            print(f"  {n:3d} [{label[:40]}] " + " || ".join(t[:40] for (t,) in members[:6]))
        con.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--warehouse", type=Path, help="an ingested warehouse to check quality on")
    parser.add_argument("--sample", type=int, default=0, help="near-duplicate pairs to print for reading")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    settings = CorpusSettings()
    if not args.skip_speed:
        speed(args, settings)
    if args.warehouse:
        quality(args, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
