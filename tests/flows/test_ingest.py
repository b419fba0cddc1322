"""The ingest flow end to end: seeds, re-runs, changed files, bad input, failures."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest

from newsflow.flows.ingest import ingest_flow
from newsflow.tasks.errors import CheckFailed
from newsflow.tasks.warehouse.store import CheckResult
from tests.conftest import PAGE, SEEDS, make_bad_inputs

TABLES = ["documents", "sources", "articles", "sentences", "entity_mentions", "entities",
          "quotes", "removed_lines"]


def ingest(inputs, tmp_path, **kwargs):
    kwargs.setdefault("workers", 1)
    return ingest_flow(paths=[str(p) for p in inputs], db=str(tmp_path / "w.duckdb"),
                       export_dir=str(tmp_path / "export"), **kwargs)


def dump(tmp_path) -> dict[str, list]:
    """Every contract table's rows, sorted, for before/after comparisons."""
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        return {t: sorted(map(repr, con.execute(f"select * from {t}").fetchall())) for t in TABLES}


def query(tmp_path, sql):
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "raw"
    shutil.copytree(SEEDS, folder)
    return folder


def test_seeds_end_to_end(corpus, tmp_path):
    summary = ingest([corpus], tmp_path)
    c = summary.counts
    assert (c.n_seen, c.n_new, c.n_unchanged, c.n_quarantined) == (5, 5, 0, 0)
    assert query(tmp_path, "select count(*), count(distinct lang) from articles") == [(5, 1)]
    assert query(tmp_path, "select min(n_sentences) > 5 from articles") == [(True,)]
    assert query(tmp_path, "select status from runs") == [("ok",)]
    people = {r[0] for r in query(tmp_path, "select name from entities where label = 'PERSON'")}
    assert {"Joe Biden", "Antony Blinken"} <= people
    # the handoff: a manifest whose counts match the warehouse, Parquet any reader can open
    manifest = json.loads((tmp_path / "export" / "manifest.json").read_text())
    assert manifest["tables"]["articles"]["rows"] == 5
    assert manifest["tables"]["articles"]["partition_by"] == ["lang", "ingest_date"]
    articles = ds.dataset(tmp_path / "export" / "articles", format="parquet", partitioning="hive")
    assert articles.count_rows() == 5 and "lang" in articles.schema.names
    n_sentences = query(tmp_path, "select count(*) from sentences")[0][0]
    assert manifest["tables"]["sentences"]["rows"] == n_sentences
    assert (tmp_path / "w.snapshot.duckdb").exists()
    assert not list((tmp_path / "w.staging").glob("*"))  # staging cleaned up


def test_rerun_changes_nothing(corpus, tmp_path):
    ingest([corpus], tmp_path)
    before = dump(tmp_path)
    manifest_before = (tmp_path / "export" / "manifest.json").read_text()
    summary = ingest([corpus], tmp_path)
    assert (summary.counts.n_new, summary.counts.n_unchanged) == (0, 5)
    assert dump(tmp_path) == before
    assert (tmp_path / "export" / "manifest.json").read_text() == manifest_before
    assert query(tmp_path, "select count(*) from runs") == [(2,)]


def test_changed_file_replaces_exactly_its_rows(corpus, tmp_path):
    ingest([corpus], tmp_path)
    before = dump(tmp_path)
    target = sorted(corpus.glob("*.txt"))[1]
    old_article = query(tmp_path, f"select article_id from articles where source_path = '{target}'")[0][0]
    first, rest = target.read_text().split("\n", 1)
    target.write_text(first + "\nOfficials said the late paragraph was added to this story on Friday.\n" + rest)
    summary = ingest([corpus], tmp_path)
    assert (summary.counts.n_new, summary.counts.n_unchanged) == (1, 4)
    after = dump(tmp_path)
    assert query(tmp_path, "select count(*) from articles") == [(5,)]
    assert not query(tmp_path, f"select 1 from articles where article_id = '{old_article}'")
    untouched = [r for r in before["sentences"] if old_article not in r]
    assert set(untouched) <= set(after["sentences"])
    assert query(tmp_path, "select count(*) from sentences where text like '%late paragraph%'") == [(1,)]


def test_bad_input_folder(tmp_path):
    limit = 10_000
    expected = make_bad_inputs(tmp_path / "bad", limit)
    summary = ingest([tmp_path / "bad"], tmp_path, max_file_bytes=limit)
    c = summary.counts
    assert c.n_seen == len(expected) == c.n_new + c.n_unchanged + c.n_quarantined
    rows = dict(query(tmp_path, "select s.source_path, d.error from sources s join documents d using (doc_id)"))
    got = {Path(p).name: reason for p, reason in rows.items()}
    assert got == expected
    bodies = dict(query(tmp_path, "select source_path, body from articles"))
    latin = next(b for p, b in bodies.items() if p.endswith("latin1.txt"))
    assert "Bürgermeister" in latin


def test_failed_annotation_leaves_warehouse_as_before(corpus, tmp_path, monkeypatch):
    ingest([corpus], tmp_path)
    before = dump(tmp_path)
    (corpus / "new.txt").write_text(
        "Leaders meet in Rome for climate summit\n\n"
        "European leaders gathered in Rome on Monday to discuss new climate targets for 2030.\n\n"
        "The Italian prime minister said the talks would focus on energy prices and emissions.\n")
    first = sorted(corpus.glob("0*.txt"))[0]
    first.write_text(first.read_text().replace("Ukraine", "Ukraine's army"))

    def crash(*args, **kwargs):
        raise RuntimeError("worker killed")

    monkeypatch.setattr("newsflow.tasks.staging.batch.process_records", crash)
    with pytest.raises(RuntimeError, match="worker killed"):
        ingest([corpus], tmp_path)
    assert dump(tmp_path) == before
    monkeypatch.undo()
    summary = ingest([corpus], tmp_path)
    assert (summary.counts.n_new, summary.counts.n_unchanged) == (2, 4)
    assert query(tmp_path, "select count(*) from articles") == [(6,)]


def test_failing_check_rolls_the_load_back(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr("newsflow.tasks.warehouse.load.run_checks", lambda con, views=True, tables=True: [CheckResult("sentence_offsets", 1, [("x",)])])
    with pytest.raises(CheckFailed, match="sentence_offsets"):
        ingest([corpus], tmp_path)
    assert query(tmp_path, "select count(*) from articles") == [(0,)]
    assert query(tmp_path, "select status, error like '%sentence_offsets%' from runs") == [("failed", True)]
    assert not (tmp_path / "export").exists()


def test_parallel_workers_give_identical_rows(corpus, tmp_path):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    ingest([corpus], serial, workers=1, batch_size=100)
    ingest([corpus], parallel, workers=2, batch_size=2)

    def content(path):
        return {t: [r for r in rows if "run_id" not in t] for t, rows in dump(path).items()
                if t not in ("documents", "sources", "articles")}

    assert content(serial) == content(parallel)
    assert query(serial, "select article_id, body, lang from articles order by 1") == \
        query(parallel, "select article_id, body, lang from articles order by 1")


def test_html_pages_are_extracted_by_content(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "story.html").write_text(PAGE)
    (folder / "saved-page.txt").write_text(PAGE.replace("Monday", "Sunday"))  # the name says txt
    ingest([folder], tmp_path)
    rows = query(tmp_path, "select source_format, site_name, published_at::date::varchar, title, body "
                           "from articles order by source_path")
    assert [r[:3] for r in rows] == [("html", "Example News", "2024-05-30")] * 2
    assert all(r[3] == "Leaders meet in Rome for climate summit" for r in rows)
    assert all("<p>" not in r[4] and "Cookie" not in r[4] for r in rows)


def test_empty_folder_is_a_clean_noop(tmp_path):
    (tmp_path / "empty").mkdir()
    summary = ingest([tmp_path / "empty"], tmp_path)
    assert (summary.counts.n_seen, summary.counts.n_new) == (0, 0)
    assert (tmp_path / "w.snapshot.duckdb").exists() and (tmp_path / "export" / "manifest.json").exists()


def test_batches_run_in_a_window_so_the_flow_holds_a_bounded_number():
    """Prefect runs every submitted task at once; the flow submits a batch only when fewer
    than the window are unfinished, so its memory follows the worker count, not the corpus."""
    import threading
    import time

    from prefect import flow, task

    from newsflow.flows.ingest import _in_window

    lock, running, most = threading.Lock(), [0], [0]

    @task
    def batch(i: int) -> dict[str, int]:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return {"files": i}

    @flow
    def windowed() -> list[int]:
        return [r["files"] for r in _in_window(lambda i, b: batch.submit(i), [[]] * 9, 3)]

    assert sorted(windowed()) == list(range(9))
    assert most[0] == 3
