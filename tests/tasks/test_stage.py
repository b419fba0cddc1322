import json
from datetime import datetime, timezone

import pyarrow.parquet as pq
import pytest

from newsflow.tasks.staging.batch import process_batch
from newsflow.tasks.staging.pool import shutdown_pool
from newsflow.tasks.staging.rows import STAGED, STAGED_FEATURES
from newsflow.tasks.staging.worker import StageOptions
from tests.conftest import SEEDS, make_bad_inputs

OPTIONS = StageOptions("run-1", datetime(2026, 1, 1, tzinfo=timezone.utc), 10_000, "", "test")


def read(out, table):
    return pq.read_table(out / table).to_pylist()


def name(row):
    return row["source_path"].rsplit("/", 1)[1]


def test_every_file_becomes_a_document_and_a_source(tmp_path):
    expected = make_bad_inputs(tmp_path / "in", OPTIONS.max_file_bytes)
    paths = sorted(str(p) for p in (tmp_path / "in").iterdir())
    counts = process_batch(paths, str(tmp_path / "out"), "b0", OPTIONS, workers=1)
    assert counts["files"] == len(paths)
    docs = {name(row): row for row in read(tmp_path / "out", "documents")}
    assert {n: row["error"] for n, row in docs.items()} == expected
    assert len(read(tmp_path / "out", "sources")) == len(paths)
    ok = {n for n, reason in expected.items() if reason is None}
    assert {name(r) for r in read(tmp_path / "out", "articles")} == ok
    assert set(p.name for p in (tmp_path / "out").iterdir()) == set(STAGED) | set(STAGED_FEATURES)


def test_rows_are_consistent(tmp_path):
    paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))[:2]]
    process_batch(paths, str(tmp_path), "b0", OPTIONS, workers=1)
    articles = {a["article_id"]: a for a in read(tmp_path, "articles")}
    assert len(articles) == 2
    for s in read(tmp_path, "sentences"):
        assert articles[s["article_id"]]["body"][s["start_char"]:s["end_char"]] == s["text"]
        assert s["version_id"] == articles[s["article_id"]]["version_id"]
    for m in read(tmp_path, "entity_mentions"):
        assert articles[m["article_id"]]["body"][m["start_char"]:m["end_char"]] == m["text"]
    assert all(a["run_id"] == "run-1" and a["container"] == "file" for a in articles.values())
    records = read(tmp_path, "records")
    assert sorted(r["article_id"] for r in records) == sorted(articles)


def test_containers_count_as_many_records_when_sizing_the_pool(tmp_path):
    from newsflow.tasks.staging.containers import estimated_records

    (tmp_path / "a.txt").write_text("x" * 50_000)
    (tmp_path / "feed.jsonl").write_text("x" * 50_000)
    assert estimated_records([str(tmp_path / "a.txt")]) == 1
    assert estimated_records([str(tmp_path / "feed.jsonl")]) == 10


def test_a_worker_process_imports_no_orchestration_or_storage_library():
    """Every annotation worker imports newsflow.tasks.staging.worker and runs its initializer: Prefect or
    DuckDB there would cost each worker a second of start-up and memory for nothing."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, newsflow.tasks.staging.worker; "
            "print(sorted(m for m in ('prefect', 'duckdb') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "[]"


def test_shares_of_a_chunk_stage_exactly_the_rows_of_the_whole_chunk(tmp_path):
    """The last chunk of a batch is shared out between workers (tasks/staging/batch.py); cleaning
    reads the chunk as a corpus, so each share cleans all of it and stages its own run."""
    from newsflow.tasks.reading.inputs import RawRecord
    from newsflow.tasks.staging.worker import process_records

    menu = "Subscribe to our daily briefing for the latest headlines\n"  # common to the chunk only
    seeds = [(SEEDS / n).read_text() for n in sorted(p.name for p in SEEDS.glob("*.txt"))]
    prose = ("The council met on {} to discuss the budget. Members argued about schools, roads "
             "and the cost of heating public buildings through the winter, and agreed to meet again.\n")
    texts = [menu + t for t in seeds] + [f"{menu}Council story {i}\n\n{prose.format(day)}"
                                         for i, day in enumerate(["Monday", "Tuesday", "Friday", "Sunday",
                                                                  "Saturday", "Thursday", "Wednesday"])]
    records = [RawRecord(f"/in/{i}.txt", f"d{i}", 0, "file", t.encode()) for i, t in enumerate(texts)]
    records.insert(2, RawRecord("/in/bad.txt", "dbad", 0, "file", b"\xff\xfe\x00\x00" * 10 + bytes(range(256))))
    records.append(RawRecord("/in/menu.txt", "dmenu", 0, "file", menu.encode()))
    whole = process_records(records, str(tmp_path / "whole"), "c0", OPTIONS)
    shared = [o for k in range(3) for o in process_records(records, str(tmp_path / "shared"), f"c0-s{k}",
                                                           OPTIONS, (k, 3))]
    assert sorted(shared, key=repr) == sorted(whole, key=repr) and len(whole) == len(records)
    assert {o.error for o in whole} >= {None, "no_body"}
    assert {r["reason"] for r in read(tmp_path / "whole", "removed_lines") if r["text"] == menu.strip()} == {"common_line"}
    for table in {**STAGED, **STAGED_FEATURES}:
        rows = sorted(map(repr, read(tmp_path / "whole", table)))
        assert sorted(map(repr, read(tmp_path / "shared", table))) == rows, table


def test_with_last_marks_only_the_final_item():
    from newsflow.tasks.staging.batch import with_last

    assert list(with_last([])) == []
    assert list(with_last(iter("a"))) == [("a", True)]
    assert list(with_last(iter("abc"))) == [("a", False), ("b", False), ("c", True)]


@pytest.mark.parametrize("step", ["decode", "clean", "annotate", "stage"])
def test_one_record_raising_in_a_worker_costs_only_that_record(tmp_path, monkeypatch, step):
    """A JSONL feed of six articles, one of which makes a step raise inside a worker process."""
    articles = [f"Story {n}\n\nThe council of town {n} met on Tuesday and approved the new cycle lanes. "
                f"The mayor of town {n} said the work would start in the spring." for n in range(6)]
    articles[3] = articles[3].replace("cycle lanes", "cycle lanes POISON")
    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    feed.write_text("".join(json.dumps({"text": text}) + "\n" for text in articles))
    monkeypatch.setenv("NEWSFLOW_RAISE_AT", f"{step}:POISON")
    shutdown_pool()  # workers read the environment when they start
    try:
        process_batch([str(feed)], str(tmp_path / "out"), "b0", OPTIONS, workers=2)
    finally:
        shutdown_pool()
    records = {r["record_no"]: r for r in read(tmp_path / "out", "records")}
    assert sorted(records) == [1, 2, 3, 4, 5, 6]
    bad = records.pop(4)
    assert (bad["status"], bad["error"]) == ("quarantined", "internal_error")
    assert bad["detail"].startswith(f"{step}: RuntimeError: injected failure")
    assert all(r["status"] == "ok" for r in records.values())
    bodies = sorted(r["body"] for r in read(tmp_path / "out", "articles"))
    assert len(bodies) == 5 and not any("POISON" in b for b in bodies)
    (doc,) = read(tmp_path / "out", "documents")
    assert doc["status"] == "ok"
