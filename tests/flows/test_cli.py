"""The command line as a user meets it: JSON lines out, one-line errors, exit codes."""

from __future__ import annotations

import json

import pytest

from newsflow.flows.cli import main
from newsflow.tasks.warehouse.lock import run_lock
from tests.conftest import SEEDS

SEED = sorted(SEEDS.glob("*.txt"))[4]


def test_clean_prints_one_json_object_per_file(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["clean", str(SEED), str(empty), "--jsonl"]) == 0
    first, second = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert set(first) == {"path", "title", "byline", "body", "removed", "flags"}
    assert first["removed"] and {"line_no", "text", "reason"} == set(first["removed"][0])
    assert second == {"path": str(empty), "error": "empty"}


def test_annotate_offsets_index_the_annotated_body(capsys):
    assert main(["annotate", str(SEED), "--jsonl", "--no-clean"]) == 0
    out = json.loads(capsys.readouterr().out)
    raw = SEED.read_text(encoding="utf-8")
    assert out["body"] == raw and out["lang"] == "en"
    for item in out["sentences"] + out["entities"] + out["quotes"]:
        assert raw[item["start"]:item["end"]] == item["text"]
    assert any(e["key"] == "person:antony-blinken" for e in out["entities"])


def test_annotate_reads_standard_input(capsys, monkeypatch):
    import io
    import sys

    text = "Angela Merkel visited Paris on Monday. She met the French president."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["annotate", "-", "--jsonl", "--no-clean"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["path"] == "-" and len(out["sentences"]) == 2


def test_missing_input_is_one_line_and_exit_2(capsys, tmp_path):
    assert main(["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "w.duckdb")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"newsflow: error: input path does not exist: {tmp_path / 'nope'}"


def run_cli(*args):
    """The command in a fresh process, as a user runs it."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "newsflow.flows.cli", *args], capture_output=True, text=True,
                          cwd=SEEDS.parent.parent, timeout=120)


def test_second_ingest_refuses_while_one_runs(tmp_path):
    db = tmp_path / "w.duckdb"
    with run_lock(db.with_name("w.duckdb.lock")):
        result = run_cli("ingest", str(SEED), "--db", str(db), "--export", str(tmp_path / "e"))
    assert result.returncode == 2
    err = result.stderr.strip().splitlines()
    assert len(err) == 1 and "another ingest is running" in err[0]


def test_sql_reads_the_snapshot_and_reports_bad_sql(capsys, tmp_path):
    db = tmp_path / "w.duckdb"
    assert main(["ingest", str(SEED), "--db", str(db), "--export", str(tmp_path / "e")]) == 0
    capsys.readouterr()
    assert main(["sql", "select count(*) as n from articles", "--db", str(db), "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["n", "1"]
    assert main(["sql", "selec nonsense", "--db", str(db)]) == 1
    assert capsys.readouterr().err.startswith("newsflow: error: Parser Error")
    assert main(["report", "--db", str(db), "--out", str(tmp_path / "report.html")]) == 0
    page = (tmp_path / "report.html").read_text()
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page


@pytest.mark.parametrize("argv", [["ingest", "--workers", "two"], ["clean", "x.txt"], ["frobnicate"]])
def test_bad_arguments_exit_2(argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2


def hold_database(db):
    """A process that keeps the warehouse open for writing until its stdin closes."""
    import subprocess
    import sys
    import textwrap

    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys
        con = duckdb.connect({str(db)!r})
        print("ready", flush=True)
        sys.stdin.read()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    return holder


def test_warehouse_held_by_another_writer(capsys, tmp_path):
    db = tmp_path / "w.duckdb"
    assert main(["ingest", str(SEED), "--db", str(db), "--export", str(tmp_path / "e")]) == 0
    capsys.readouterr()
    holder = hold_database(db)
    try:
        result = run_cli("ingest", str(SEED), "--db", str(db), "--export", str(tmp_path / "e"))
        assert result.returncode == 2
        err = result.stderr.strip().splitlines()
        assert len(err) == 1 and "in use by another process" in err[0]
        # queries go to the snapshot, so they work while the live file is held
        assert main(["sql", "select count(*) from articles", "--db", str(db), "--format", "csv"]) == 0
        assert capsys.readouterr().out.split()[-1] == "1"
    finally:
        holder.communicate("")
