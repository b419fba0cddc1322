"""What a shared folder holds besides articles, through a real ingest: special files and odd
names next to normal articles (the FIFO and the socket are made here)."""

from __future__ import annotations

import os
import socket

import duckdb

from flows.ingest import ingest_flow
from tests.conftest import SEEDS


def test_special_files_and_odd_names_beside_articles(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    (root / "normal.txt").write_bytes(seeds[0].read_bytes())
    with open(os.fsencode(root) + b"/caf\xe9.txt", "wb") as fh:      # not UTF-8
        fh.write(seeds[1].read_bytes())
    (root / "new\nline.txt").write_bytes(seeds[2].read_bytes())
    os.mkfifo(root / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(root / "sock.txt"))
    (root / "zero.txt").symlink_to("/dev/zero")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    db, export = str(tmp_path / "w.duckdb"), str(tmp_path / "export")
    try:
        c = ingest_flow(paths=[str(root)], db=db, export_dir=export, workers=1).counts
        assert (c.n_seen, c.n_new, c.n_unchanged, c.n_quarantined) == (7, 3, 0, 4)
        with duckdb.connect(db, read_only=True) as con:
            first = con.execute("select source_path, source_path_hex, doc_id from sources order by 1").fetchall()
            errors = con.execute("select error, count(*) from documents where status = 'quarantined' "
                                 "group by all order by 1").fetchall()
            n_articles = con.execute("select count(*) from articles").fetchone()[0]
        assert errors == [("not_regular_file", 3), ("unreadable", 1)] and n_articles == 3
        shown = {path.rsplit("/", 1)[1]: hex_ for path, hex_, _ in first}
        assert bytes.fromhex(shown["caf\\xe9.txt"]).endswith(b"/caf\xe9.txt")
        assert bytes.fromhex(shown["new\\x0aline.txt"]).endswith(b"/new\nline.txt")
        assert shown["normal.txt"] is None
        again = ingest_flow(paths=[str(root)], db=db, export_dir=export, workers=1).counts
        assert (again.n_seen, again.n_new, again.n_unchanged, again.n_quarantined) == (7, 0, 3, 4)
        with duckdb.connect(db, read_only=True) as con:
            assert con.execute("select source_path, source_path_hex, doc_id from sources order by 1").fetchall() == first
    finally:
        server.close()
