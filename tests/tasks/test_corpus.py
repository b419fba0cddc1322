"""The corpus passes on the five seeds (built through stage and load, as an ingest would) and on
small hand-made warehouses for the incremental cases."""

import random
from datetime import datetime, timedelta, timezone

import duckdb
import pyarrow as pa
import pytest

from newsflow.tasks.corpus.passes import CorpusSettings, slices_of, update_corpus_tables
from newsflow.tasks.corpus.features import normalize_text, passage_fingerprint, passage_rows
from newsflow.tasks.config import Settings
from newsflow.tasks.warehouse.load import LoadRun, load_staged
from newsflow.tasks.staging.batch import process_batch
from newsflow.tasks.warehouse.store import checks, connect, failed_checks_message, migrate, run_checks
from newsflow.tasks.staging.worker import StageOptions
from tests.conftest import SEEDS

T0 = datetime(2024, 5, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    """The seed warehouse after one corpus run, and article ids by seed file number."""
    root = tmp_path_factory.mktemp("seeds")
    options = StageOptions("run-1", T0, 10_000_000, "", "test")
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    process_batch(paths, str(root / "stage"), "b0", options, workers=1)
    with connect(root / "w.duckdb") as con:
        migrate(con)
    load_staged(LoadRun("run-1", T0, Settings(db=root / "w.duckdb"), "test"), root / "stage", len(paths))
    con = connect(root / "w.duckdb")
    ids = {path.rsplit("/", 1)[1][:3]: a for a, path in con.sql("select article_id, source_path from articles").fetchall()}
    counts = in_transaction(con, list(ids.values()))
    yield con, ids, counts
    con.close()


def in_transaction(con, new_ids, settings=CorpusSettings()):
    con.execute("begin")
    counts = update_corpus_tables(con, new_ids, settings)
    con.execute("commit")
    return counts


def test_seeds_are_one_story_of_five_and_no_duplicates(seeds):
    con, ids, counts = seeds
    assert counts["n_articles_processed"] == 5 and counts["n_stories"] == 1
    (story_id, n_articles, first_article_id, label), = con.sql(
        "select story_id, n_articles, first_article_id, label from stories").fetchall()
    assert n_articles == 5 and story_id == "st_" + first_article_id and label
    assert con.sql("select count(*) from near_duplicate_pairs").fetchall() == [(0,)]
    assert con.sql("select count(*) from duplicates").fetchall() == [(0,)]
    assert failed_checks_message(run_checks(con)) is None


def test_seed_agency_versions_share_sentences_and_a_quote(seeds):
    con, ids, _ = seeds
    reuse = con.sql("select r.article_id, r.text, r.is_quote, o.article_id from sentence_reuse as r "
                    "join sentence_reuse as o using (fingerprint) where o.article_id != r.article_id").fetchall()
    by_pair = {(a, o): (text, is_quote) for a, text, is_quote, o in reuse}
    text, is_quote = by_pair[ids["000"], ids["004"]]
    assert text.startswith("Earlier this week, French President Emmanuel Macron and NATO chief Jens "
                           "Stoltenberg said that Western countries should not object") and not is_quote
    text, is_quote = by_pair[ids["001"], ids["003"]]
    assert text.startswith("“The president recently directed his team") and is_quote
    assert set(by_pair) <= {(ids[a], ids[b]) for a, b in [("000", "004"), ("004", "000"), ("001", "003"), ("003", "001")]}


def test_a_rerun_changes_nothing(seeds):
    con, ids, _ = seeds
    tables = ("story_members", "story_groups", "story_pairs", "sentence_fingerprints", "minhash_bands")
    before = {t: sorted(con.sql(f"select * from {t}").fetchall()) for t in tables}
    counts = in_transaction(con, list(ids.values()))
    assert counts["n_articles_processed"] == 5
    assert {t: sorted(con.sql(f"select * from {t}").fetchall()) for t in tables} == before
    assert in_transaction(con, [])["n_articles_processed"] == 0


def test_the_load_inserts_what_the_workers_staged_and_it_equals_what_it_would_compute(tmp_path, monkeypatch):
    """The workers compute each article's corpus features (tasks/corpus/features.py); the load only
    inserts them. Computed again in the load, from the stored bodies, sentences and quotations
    (as after a settings change), every table of corpus state comes out the same."""
    import newsflow.tasks.corpus.passes

    options = StageOptions("run-1", T0, 10_000_000, "", "test")
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    process_batch(paths, str(tmp_path / "stage"), "b0", options, workers=1)
    with connect(tmp_path / "w.duckdb") as con:
        migrate(con)

    def no_computing(articles, settings):
        if list(articles):
            raise AssertionError("the load computed a feature the workers staged")
        return [], [], []

    monkeypatch.setattr(newsflow.tasks.corpus.passes, "features_of", no_computing)
    load_staged(LoadRun("run-1", T0, Settings(db=tmp_path / "w.duckdb"), "test"), tmp_path / "stage", len(paths))
    monkeypatch.undo()

    state = {t: f"select * {'exclude (computed_at)' if t == 'article_fingerprints' else ''} from {t}"
             for t in newsflow.tasks.corpus.passes.STATE_TABLES}
    with connect(tmp_path / "w.duckdb") as con:
        staged = {t: sorted(con.sql(q).fetchall()) for t, q in state.items()}
        assert len(staged["article_fingerprints"]) == 5 and staged["story_terms"] and staged["sentence_fingerprints"]
        for table in newsflow.tasks.corpus.passes.STATE_TABLES:
            con.execute(f"delete from {table}")  # state lost: the next pass computes every article
        assert in_transaction(con, [])["n_articles_processed"] == 5
        assert {t: sorted(con.sql(q).fetchall()) for t, q in state.items()} == staged


def test_passages_are_long_sentences_and_the_quotations_inside_them():
    quote = "“We will fight on the beaches and in the hills,”"
    whole = '"A quotation that is the whole sentence, in ten words."'
    rows = [("a", 0, 0, 15, False, "Short one here."),
            ("a", 1, 16, 90, False, quote + " he said on Tuesday."),
            ("a", 1, 16, 66, True, quote),
            ("a", 2, 91, 146, False, whole),
            ("a", 2, 91, 146, True, whole)]
    out = passage_rows(rows, 6)
    assert [(r[1], r[4]) for r in out] == [(1, False), (1, True), (2, False)]
    assert out[1][5] == passage_fingerprint(normalize_text("we will fight on the beaches and in the hills"))
    assert out[1][6] == 10


# Hand-made warehouses: articles from word pools, so that texts share words only by design.
def words(seed: int, n: int, pool: str = "") -> list[str]:
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "da", "fe"]
    return [pool + "".join(rng.choice(syllables) for _ in range(3)) for _ in range(n)]


def body(ws: list[str]) -> str:
    return ". ".join(" ".join(ws[i:i + 12]).capitalize() for i in range(0, len(ws), 12)) + "."


@pytest.fixture
def con():
    con = duckdb.connect()
    migrate(con)
    return con


def add(con, article_id: str, text: str, published_at=None, ingested_at=T0, version="v1"):
    """An article and its sentences, as the load leaves them (replacing one with the same id)."""
    for table in ("sentences", "articles"):
        con.execute(f"delete from {table} where article_id = ?", [article_id])
    sentences, start = [], 0
    for part in text.split(". "):
        part = part if part.endswith(".") else part + "."
        start = text.index(part[:-1], start)
        sentences.append((article_id, len(sentences), part, start, start + len(part)))
        start += len(part)
    con.register("new_article", pa.table({
        "article_id": [article_id], "doc_id": ["d-" + article_id], "source_path": ["p"], "body": [text],
        "lang": ["en"], "lang_score": [1.0], "n_words": [len(text.split())], "n_sentences": [len(sentences)],
        "flags": pa.array([[]], pa.list_(pa.string())), "is_entity_annotated": [True],
        "ingested_at": [ingested_at], "run_id": ["r"], "pipeline_version": ["t"], "version_id": [version],
        "published_at": pa.array([published_at], pa.timestamp("us", "UTC"))}))
    con.register("new_sentences", pa.table({k: [s[i] for s in sentences] for i, k in enumerate(
        ["article_id", "sent_idx", "text", "start_char", "end_char"])}))
    con.execute("insert into articles by name select * from new_article")
    con.execute("insert into sentences by name select * from new_sentences")


def my_checks(con) -> list:
    return [(name, con.sql(text).fetchall()) for name, when, text in checks()
            if when == "after the run" and con.sql(text).fetchall()]


def test_typographic_copies_are_exact_duplicates_of_the_earliest(con):
    text = body(words(1, 60))
    add(con, "b", text.upper().replace(" ", "  "), published_at=T0)
    add(con, "a", text.replace(".", " !"), published_at=T0 + timedelta(days=1))
    add(con, "c", text, published_at=None, ingested_at=T0 - timedelta(days=9))
    in_transaction(con, ["a", "b", "c"])
    assert sorted(con.sql("select * from duplicates").fetchall()) == [("a", "b", "exact", 1.0), ("c", "b", "exact", 1.0)]
    assert con.sql("select count(*) from near_duplicate_pairs").fetchall() == [(0,)]
    assert my_checks(con) == []


def test_near_duplicates_are_verified_pairs_in_one_cluster(con):
    ws = words(2, 200)
    add(con, "orig", body(ws), published_at=T0)
    add(con, "edit", body(ws[:100] + ["changed"] + ws[101:]), published_at=T0 + timedelta(hours=1))
    add(con, "other", body(words(3, 200)))
    counts = in_transaction(con, ["orig", "edit", "other"])
    (a, b, similarity), = con.sql("select * from near_duplicate_pairs").fetchall()
    assert (a, b) == ("edit", "orig") and 0.9 < similarity < 1.0 and counts["n_near_pairs"] == 1
    assert con.sql("select * from duplicates").fetchall() == [("edit", "orig", "near", similarity)]
    assert my_checks(con) == []


def test_batches_find_what_one_run_finds(con, tmp_path):
    base = [words(10 + i, 150) for i in range(4)]
    texts = {f"a{i}": body(ws) for i, ws in enumerate(base)}
    texts |= {f"b{i}": body(ws[:70] + ["edit"] + ws[71:]) for i, ws in enumerate(base)}
    texts |= {f"c{i}": body(ws).lower() for i, ws in enumerate(base[:2])}
    tables = ("duplicates", "near_duplicate_pairs")
    # all at once
    for article_id, text in texts.items():
        add(con, article_id, text)
    in_transaction(con, list(texts))
    expected = {t: sorted(con.sql(f"select * from {t}").fetchall()) for t in tables}
    assert len(expected["near_duplicate_pairs"]) == 6 and len(expected["duplicates"]) == 6
    # in three runs, each in a new connection to a file: the state lives in the warehouse
    for batch in (["b0", "b1", "b2", "b3"], ["a0", "a1", "a2"], ["a3", "c0", "c1"]):
        with duckdb.connect(str(tmp_path / "w.duckdb")) as file_con:
            migrate(file_con)
            for article_id in batch:
                add(file_con, article_id, texts[article_id])
            in_transaction(file_con, batch)
    with duckdb.connect(str(tmp_path / "w.duckdb")) as file_con:
        assert {t: sorted(file_con.sql(f"select * from {t}").fetchall()) for t in tables} == expected
        assert my_checks(file_con) == []


def test_a_pass_works_in_slices_of_the_size_given(con, monkeypatch):
    """A run's articles, and those whose state is missing, are processed a slice at a time
    (memory follows the slice), each once, with the result of one pass."""
    import newsflow.tasks.corpus.passes

    base = [words(30 + i, 150) for i in range(3)]
    texts = {f"a{i}": body(ws) for i, ws in enumerate(base)}
    texts |= {f"b{i}": body(ws[:70] + ["edit"] + ws[71:]) for i, ws in enumerate(base)}
    texts["c0"] = body(base[0]).lower()
    for article_id, text in texts.items():
        add(con, article_id, text)
        # a person named often in a_i, b_i and c_i: articles of two slices share a strong term
        for start in range(0, 50, 10):
            con.execute("insert into entity_mentions values (?, ?, ?, 0, 'Kalo', 'PERSON', ?, 'v1')",
                        [article_id, start, start + 4, "PERSON:kalo" + article_id[1]])
    in_transaction(con, list(texts))
    tables = ("duplicates", "near_duplicate_pairs", "story_members", "sentence_fingerprints")
    expected = {t: sorted(con.sql(f"select * from {t}").fetchall()) for t in tables}

    for table in newsflow.tasks.corpus.passes.STATE_TABLES:
        con.execute(f"delete from {table}")   # state lost: every article is pending again
    slices, update_slice = [], newsflow.tasks.corpus.passes._update_slice
    monkeypatch.setattr(newsflow.tasks.corpus.passes, "_update_slice",
                        lambda c, ids, *rest: slices.append(list(ids)) or update_slice(c, ids, *rest))
    con.execute("begin")
    counts = update_corpus_tables(con, ["a0"], slice_size=3)
    con.execute("commit")
    assert [len(ids) for ids in slices] == [3, 4]   # a last slice under half a slice joins the one before
    assert sorted(sum(slices, [])) == sorted(texts) and counts["n_articles_processed"] == 7
    assert {t: sorted(con.sql(f"select * from {t}").fetchall()) for t in tables} == expected
    assert my_checks(con) == []


def test_removed_and_replaced_articles_leave_no_rows(con):
    ws = words(4, 150)
    add(con, "first", body(ws), published_at=T0)
    add(con, "copy", body(ws).upper(), published_at=T0 + timedelta(days=1))
    add(con, "near", body(ws[:75] + ["x"] + ws[76:]), published_at=T0 + timedelta(days=2))
    in_transaction(con, ["first", "copy", "near"])
    assert con.sql("select count(*) from duplicates where canonical_id = 'first'").fetchall() == [(2,)]
    con.execute("delete from sentences where article_id = 'first'")
    con.execute("delete from articles where article_id = 'first'")
    counts = in_transaction(con, [])
    assert counts["n_articles_removed"] == 1 and counts["n_articles_processed"] == 0
    assert con.sql("select * from duplicates").fetchall() == [("near", "copy", "near", pytest.approx(0.94, abs=0.05))]
    add(con, "near", body(words(5, 150)), version="v2")  # replaced by an unrelated text
    counts = in_transaction(con, ["near"])
    assert counts["n_articles_processed"] == 1
    assert con.sql("select count(*) from duplicates").fetchall() == [(0,)]
    assert con.sql("select count(*) from near_duplicate_pairs").fetchall() == [(0,)]
    assert my_checks(con) == []


def test_story_grows_under_its_id_and_settings_changes_rebuild(con):
    story = words(6, 20, "zor")  # an event's own words recur in every report of it
    add(con, "s1", body(story * 3 + words(7, 60)))
    add(con, "s2", body(story[5:] * 3 + words(8, 60)))
    add(con, "u1", body(words(9, 100, "qua") * 2))
    in_transaction(con, ["s1", "s2", "u1"])
    assert con.sql("select story_id, n_articles from stories").fetchall() == [("st_s1", 2)]
    add(con, "s0", body(story[:15] * 3 + words(11, 60)), ingested_at=T0 - timedelta(hours=5))
    add(con, "far", body(story * 3), ingested_at=T0 + timedelta(days=30))  # the same words a month later
    in_transaction(con, ["s0", "far"])
    assert con.sql("select story_id, n_articles, first_article_id from stories").fetchall() == [("st_s1", 3, "s0")]
    counts = in_transaction(con, [], CorpusSettings(story_threshold=0.99))
    assert counts["n_articles_processed"] == 5 and counts["n_stories"] == 0
    assert my_checks(con) == []


@pytest.mark.parametrize(("n", "size", "lengths"), [
    (0, 3, [0]), (2, 3, [2]), (6, 3, [3, 3]), (7, 3, [3, 4]), (8, 3, [3, 3, 2]), (2_090, 2_000, [2_090]),
])
def test_slices_cover_every_id_once_and_fold_a_short_tail(n, size, lengths):
    ids = [f"a{i}" for i in range(n)]
    slices = slices_of(ids, size)
    assert [len(s) for s in slices] == lengths and [a for s in slices for a in s] == ids
