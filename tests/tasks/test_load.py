"""The load in slices: whole batches per transaction, the same warehouse as one transaction,
and a failing slice that leaves the slices before it committed."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import newsflow.tasks.warehouse.load

from newsflow.tasks.config import Settings
from newsflow.tasks.errors import CheckFailed
from newsflow.tasks.staging.batch import process_batch
from newsflow.tasks.staging.worker import StageOptions
from newsflow.tasks.warehouse.load import LoadRun, load_staged
from newsflow.tasks.warehouse.slices import load_slices
from newsflow.tasks.warehouse.store import CheckResult, connect, migrate

from tests.conftest import SEEDS

T0 = datetime(2024, 5, 30, tzinfo=timezone.utc)
TABLES = {  # table: its key, to compare row sets in a fixed order
    "documents": "doc_id", "sources": "source_path", "records": "doc_id, record_no",
    "articles": "article_id", "sentences": "article_id, sent_idx",
    "entity_mentions": "article_id, start_char", "entities": "entity_key",
    "quotes": "article_id, start_char", "removed_lines": "doc_id, record_no, line_no",
    "duplicates": "article_id", "story_members": "article_id",
    "sentence_fingerprints": "article_id, start_char, is_quote",
}


@pytest.fixture(scope="module")
def staging(tmp_path_factory):
    """The seeds staged in two batches: three files, then two."""
    root = tmp_path_factory.mktemp("staging")
    options = StageOptions("run-1", T0, 10_000_000, "", "test")
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    process_batch(paths[:3], str(root), "b00000", options, workers=1)
    process_batch(paths[3:], str(root), "b00001", options, workers=1)
    return root


def warehouse(path):
    with connect(path) as con:
        migrate(con)
    return path


def rows(db) -> dict[str, list]:
    with connect(db, read_only=True) as con:
        return {t: con.sql(f"select * from {t} order by {key}").fetchall() for t, key in TABLES.items()}


def test_slices_are_whole_batches_of_about_the_size_given(staging):
    assert load_slices(staging, max_articles=100) == [
        ["b00000-c0000", "b00000-files", "b00001-c0000", "b00001-files"]]
    # three articles in the first batch: a slice of two still holds the whole batch
    assert load_slices(staging, max_articles=2) == [
        ["b00000-c0000", "b00000-files"], ["b00001-c0000", "b00001-files"]]


def test_a_short_tail_joins_the_slice_before_it(tmp_path):
    options = StageOptions("run-1", T0, 10_000_000, "", "test")
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    process_batch(paths[:4], str(tmp_path), "b00000", options, workers=1)
    process_batch(paths[4:], str(tmp_path), "b00001", options, workers=1)
    everything = ["b00000-c0000", "b00000-files", "b00001-c0000", "b00001-files"]
    assert load_slices(tmp_path, max_articles=4) == [everything]   # a tail of 1 < 4 / 2
    assert load_slices(tmp_path, max_articles=2) == [everything[:2], everything[2:]]


def test_slices_load_what_one_transaction_loads(staging, tmp_path, monkeypatch):
    whole = warehouse(tmp_path / "whole.duckdb")
    load_staged(LoadRun("run-1", T0, Settings(db=whole), "test"), staging, 5)
    sliced = warehouse(tmp_path / "sliced.duckdb")
    counts = load_staged(LoadRun("run-1", T0, Settings(db=sliced, load_slice_articles=2), "test"), staging, 5)
    expected = rows(whole)
    assert len(expected["articles"]) == 5 and len(expected["story_members"]) == 5
    assert rows(sliced) == expected
    assert (counts.n_new, counts.n_unchanged, counts.n_quarantined) == (5, 0, 0)


def test_a_failing_slice_leaves_the_slices_before_it(staging, tmp_path, monkeypatch):
    db = warehouse(tmp_path / "w.duckdb")
    calls = []
    real_checks = newsflow.tasks.warehouse.load.run_checks

    def second_slice_fails(con, views=True, tables=True):
        calls.append((views, tables))
        if len(calls) == 2:
            con.execute("update articles set n_sentences = -1")  # rolled back with the slice
            raise CheckFailed("check sentence_sequence: 1 rows")
        return real_checks(con, views, tables)

    monkeypatch.setattr(newsflow.tasks.warehouse.load, "run_checks", second_slice_fails)
    with pytest.raises(CheckFailed):
        load_staged(LoadRun("run-1", T0, Settings(db=db, load_slice_articles=2), "test"), staging, 5)
    with connect(db, read_only=True) as con:
        assert con.execute("select count(*), min(n_sentences) > 0 from articles").fetchone() == (3, True)
        assert con.execute("select count(*) from sources").fetchone() == (3,)
        status, error = con.execute("select status, error from runs").fetchone()
    assert status == "failed" and "(1 of 2 slices loaded)" in error
    assert calls == [(False, True)] * 2   # tables only: the views are checked after the last slice



def test_reporting_views_are_checked_once_after_the_last_slice_commits(staging, tmp_path, monkeypatch):
    db = warehouse(tmp_path / "w.duckdb")
    calls = []

    def views_fail(con, views=True, tables=True):
        calls.append((views, tables))
        return [CheckResult("130_stories", 1, [("st_x",)])] if views else []

    monkeypatch.setattr(newsflow.tasks.warehouse.load, "run_checks", views_fail)
    with pytest.raises(CheckFailed, match="reporting views"):
        load_staged(LoadRun("run-1", T0, Settings(db=db, load_slice_articles=2), "test"), staging, 5)
    assert calls == [(False, True), (False, True), (True, False)]
    with connect(db, read_only=True) as con:   # the tables passed their checks: they are kept
        assert con.execute("select count(*) from articles").fetchone() == (5,)
        status, error = con.execute("select status, error from runs").fetchone()
    assert status == "failed" and "130_stories" in error and "(2 of 2 slices loaded)" in error
