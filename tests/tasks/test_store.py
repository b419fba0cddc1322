import contextlib
import subprocess
import sys
import textwrap

import duckdb
import pytest

from newsflow.tasks.errors import WarehouseBusy
from newsflow.tasks.warehouse import sql
from newsflow.tasks.warehouse.store import checks, connect, failed_checks_message, migrate, run_checks


@pytest.fixture
def con():
    con = duckdb.connect()
    migrate(con)
    return con


def add_article(con, article_id="a1", doc_id="d1", body="Hello world. Bye."):
    con.execute("insert into documents values (?, 'p', 1, 'utf-8', 'ok', null, now(), 'r')", [doc_id])
    con.execute("insert into sources (source_path, doc_id, size_bytes, mtime_ns, seen_at, run_id) values ('p', ?, 1, 1, now(), 'r')", [doc_id])
    con.execute("insert into records (doc_id, record_no, source_path, container, status, article_id, "
                "version_id, first_seen_at, run_id) values (?, 0, 'p', 'file', 'ok', ?, 'v1', now(), 'r')",
                [doc_id, article_id])
    con.execute("insert into articles (article_id, doc_id, source_path, title, byline, body, lang, "
                "lang_score, n_words, n_sentences, flags, is_entity_annotated, ingested_at, run_id, "
                "pipeline_version, version_id) values (?, ?, 'p', null, null, ?, 'en', 0.9, 3, 2, [], true, "
                "now(), 'r', 'v', 'v1')", [article_id, doc_id, body])
    con.execute("insert into sentences (article_id, sent_idx, text, start_char, end_char) values (?, 0, 'Hello world.', 0, 12), (?, 1, 'Bye.', 13, 17)",
                [article_id, article_id])


def test_migrations_apply_once(con):
    assert migrate(con) == []
    n_files = len(sql.folder("migrations"))
    assert n_files >= 2 and con.execute("select count(*) from schema_version").fetchone()[0] == n_files


GROWING_TABLES = ["sentences", "entity_mentions", "quotes", "near_duplicate_pairs", "story_pairs",
                  "sentence_fingerprints"]


def test_rebuilding_the_growing_tables_without_indexes_keeps_rows_and_comments(monkeypatch):
    """Migration 006 on a warehouse that has rows: same rows, columns and comments, no index."""
    con = duckdb.connect()
    def migrations_before(stem: str):
        every = sql.folder
        return lambda folder: [(name, text) for name, text in every(folder)
                               if folder != "migrations" or name.rpartition("/")[2] < stem]

    with monkeypatch.context() as patch:
        patch.setattr(sql, "folder", migrations_before("006"))
        migrate(con)
    add_article(con)
    con.execute("insert into story_pairs values ('a1', 'a2', 0.5)")
    columns = "select table_name, column_name, data_type, is_nullable, comment from duckdb_columns() order by all"
    before = con.execute(columns).fetchall()
    with monkeypatch.context() as patch:
        patch.setattr(sql, "folder", migrations_before("007"))
        assert migrate(con) == ["006_keys_without_indexes"]
    assert con.execute(columns).fetchall() == before
    assert con.execute("select text from sentences order by sent_idx").fetchall() == [("Hello world.",), ("Bye.",)]
    assert con.execute("select * from story_pairs").fetchall() == [("a1", "a2", 0.5)]
    indexed = {t for t, in con.execute("select table_name from duckdb_constraints() "
                                       "where constraint_type = 'PRIMARY KEY'").fetchall()}
    assert "articles" in indexed and not indexed & set(GROWING_TABLES)


@pytest.mark.parametrize("table", GROWING_TABLES)
def test_a_repeated_key_in_a_table_without_an_index_fails_the_checks(con, table):
    add_article(con)
    rows = {"sentences": "('a1', 5, 'Bye.', 13, 17, null)",
            "entity_mentions": "('a1', 0, 5, 0, 'Hello', 'ORG', 'k', null)",
            "quotes": "('a1', 0, 5, 'Hello', null, null, null)",
            "near_duplicate_pairs": "('a1', 'a2', 0.9)",
            "story_pairs": "('a1', 'a2', 0.5)",
            "sentence_fingerprints": "('a1', 0, 0, 12, false, 42, 2)"}
    con.execute(f"insert into {table} values {rows[table]}, {rows[table]}")
    message = failed_checks_message(run_checks(con, views=False))
    assert "check duplicate_keys failed" in message and f"'{table}'" in message


def test_checks_pass_on_consistent_rows(con):
    add_article(con)
    assert failed_checks_message(run_checks(con)) is None


def test_check_catches_bad_sentence_offsets(con):
    add_article(con)
    con.execute("update sentences set start_char = 1 where sent_idx = 0")
    message = failed_checks_message(run_checks(con))
    assert "sentence_offsets" in message


def test_check_catches_orphans_and_accounting(con):
    add_article(con)
    con.execute("insert into sentences (article_id, sent_idx, text, start_char, end_char) values ('ghost', 0, 'x', 0, 1)")
    con.execute("insert into documents values ('d2', 'q', 1, null, 'quarantined', null, now(), 'r')")
    con.execute("insert into sources values ('q', 'd2', 1, 1, now(), 'r', null)")
    message = failed_checks_message(run_checks(con))
    assert "orphan_rows" in message and "article_per_ok_document" in message


def test_offsets_count_characters_not_bytes(con):
    body = "Zürich – “naïve” 😀 café. Next."
    add_article(con, body=body)
    con.execute("delete from sentences")
    first, second = "Zürich – “naïve” 😀 café.", "Next."
    for i, text in enumerate([first, second]):  # Python's code-point offsets
        start = body.index(text)
        con.execute("insert into sentences (article_id, sent_idx, text, start_char, end_char) values ('a1', ?, ?, ?, ?)", [i, text, start, start + len(text)])
    assert failed_checks_message(run_checks(con)) is None


def test_views_are_queryable(con):
    add_article(con)
    assert con.execute("select n_articles from articles_per_day_lang").fetchone()[0] == 1
    for view in ["top_entities", "run_history", "quarantine"]:
        con.execute(f"select * from {view}").fetchall()


def test_database_held_by_another_process_is_busy(tmp_path):
    db = tmp_path / "w.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(db)!r})
        print("ready", flush=True)
        sys.stdin.read()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(WarehouseBusy, match="in use by another process"):
            connect(db)
    finally:
        holder.communicate("")


def test_writer_memory_is_capped_and_the_cap_validated(tmp_path, monkeypatch):
    import contextlib

    from newsflow.tasks.errors import ConfigError

    from newsflow.tasks.config import load_settings

    with contextlib.closing(connect(tmp_path / "w.duckdb")) as con:  # the default, 256MB
        assert con.execute("select current_setting('memory_limit')").fetchall()[0][0].startswith("244")
    monkeypatch.setenv("NEWSFLOW_DUCKDB_MEMORY_LIMIT", "384MB")
    limit = load_settings().duckdb_memory_limit   # resolved once, passed to the connection
    with contextlib.closing(connect(tmp_path / "w.duckdb", memory_limit=limit)) as con:
        assert con.execute("select current_setting('memory_limit')").fetchall()[0][0].startswith("366")
    monkeypatch.setenv("NEWSFLOW_DUCKDB_MEMORY_LIMIT", "1GB'; drop table x; --")
    with pytest.raises(ConfigError, match="duckdb_memory_limit"):
        load_settings()


def test_named_queries_split_at_their_name_lines(monkeypatch, tmp_path):
    (tmp_path / "q.sql").write_text("-- a file comment\n\n-- name: first\nselect 1;\n\n"
                                    "-- name: second\n-- what it does\nselect $x;\n", encoding="utf-8")
    monkeypatch.setattr(sql, "SQL_DIR", tmp_path)
    for cached in (sql._files, sql._read, sql._parts):
        cached.cache_clear()
    try:
        assert (sql.query("q:first"), sql.query("q:second")) == ("select 1;", "-- what it does\nselect $x;")
        with contextlib.closing(duckdb.connect()) as con:
            assert con.execute(sql.query("q:second"), {"x": 2}).fetchall() == [(2,)]
        with pytest.raises(KeyError, match="third"):
            sql.query("q:third")
    finally:
        for cached in (sql._files, sql._read, sql._parts):
            cached.cache_clear()


def test_every_check_declares_when_it_runs():
    """Per slice or after the run is the check's own declaration, not its file name."""
    declared = {name: when for name, when, _ in checks()}
    assert declared["orphan_rows"] == "each slice" and declared["130_stories"] == "after the run"
    assert set(declared.values()) == {"each slice", "after the run"}
