"""What a shared folder holds besides articles, through a real `newsflow ingest` process:
special files (the FIFO and the socket are made here), odd names, a huge record, deep HTML,
millions of blank lines and a truncated gzip, next to normal articles."""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys

import duckdb
import pytest
from prefect.settings import PREFECT_API_URL

from tests.conftest import SEEDS

REPO = SEEDS.parent.parent


@pytest.fixture
def hostile(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    (root / "normal.txt").write_bytes(seeds[0].read_bytes())
    with open(os.fsencode(root) + b"/caf\xe9.txt", "wb") as fh:      # a name that is not UTF-8
        fh.write(seeds[1].read_bytes())
    (root / "new\nline.txt").write_bytes(seeds[2].read_bytes())
    os.mkfifo(root / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(root / "sock.txt"))
    (root / "zero.txt").symlink_to("/dev/zero")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    with (root / "big.jsonl").open("w") as fh:                        # a 15 MB record, then a good one
        fh.write(json.dumps({"text": "x " * 7_500_000}) + "\n")
        fh.write(json.dumps({"text": seeds[3].read_text()}) + "\n")
    (root / "nested.html").write_text("<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000)
    (root / "blank.txt").write_text("\n" * 2_000_000)
    packed = gzip.compress((json.dumps({"text": seeds[4].read_text()}) + "\n").encode() * 3)
    (root / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    yield root
    server.close()


def ingest(root, db, export):
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}
    return subprocess.run([sys.executable, "-m", "newsflow.flows.cli", "ingest", str(root), "--db", str(db),
                           "--export", str(export), "--workers", "1"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)


def test_a_hostile_folder_is_ingested_to_the_end(hostile, tmp_path):
    db, export = tmp_path / "w.duckdb", tmp_path / "export"
    done = ingest(hostile, db, export)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stdout + done.stderr
    assert "quarantined: not_regular_file 3" in done.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        run = con.execute("select n_seen, n_new, n_unchanged, n_quarantined from runs").fetchone()
        first = con.execute("select source_path, source_path_hex, doc_id from sources order by 1").fetchall()
        errors = dict(con.execute("select regexp_extract(source_path, '[^/]+$'), error from documents").fetchall())
        n_articles = con.execute("select count(*) from articles").fetchone()[0]
    assert run == (11, 4, 0, 7) and run[0] == sum(run[1:]) == len(os.listdir(hostile))
    assert errors == {"normal.txt": None, "caf\\xe9.txt": None, "new\\x0aline.txt": None, "big.jsonl": None,
                      "pipe.txt": "not_regular_file", "sock.txt": "not_regular_file",
                      "zero.txt": "not_regular_file", "loop.txt": "unreadable", "blank.txt": "empty",
                      "nested.html": "no_body", "cut.jsonl.gz": "no_good_records"}
    assert n_articles == 4   # every news text: the three files and the good record beside the huge one
    shown = {path.rsplit("/", 1)[1]: hex_ for path, hex_, _ in first}
    assert bytes.fromhex(shown["caf\\xe9.txt"]).endswith(b"/caf\xe9.txt")
    assert bytes.fromhex(shown["new\\x0aline.txt"]).endswith(b"/new\nline.txt")
    assert shown["normal.txt"] is None

    again = ingest(hostile, db, export)   # the same files get the same ids: nothing new
    assert again.returncode == 0, again.stderr[-2000:]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select n_new, n_unchanged from runs order by started_at desc limit 1").fetchone() == (0, 7)
        assert con.execute("select source_path, source_path_hex, doc_id from sources order by 1").fetchall() == first
