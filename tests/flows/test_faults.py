"""Runs killed at several points, and a handoff that cannot be written.

The killed run is a real process (SIGKILL at a failpoint, see tasks/faults.py) talking to the
session's Prefect test server; the run after it is checked against a run that was never
interrupted: same rows, nothing lost, nothing twice.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import duckdb
import pytest
from prefect.settings import PREFECT_API_URL

from newsflow.flows.ingest import ingest_flow
from newsflow.tasks.errors import ExportFailed
from tests.conftest import REPO, SEEDS
from tests.flows.test_ingest import TABLES

EXTRA = ("Leaders meet in Rome for climate summit\n\n"
         "European leaders gathered in Rome on Monday to discuss new climate targets for 2030.\n\n"
         "The Italian prime minister said the talks would focus on energy prices and emissions.\n")


def content(db) -> dict[str, list]:
    """Rows that do not depend on when or in which run they were written."""
    volatile = {"first_seen_at", "seen_at", "ingested_at", "run_id"}
    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for table in TABLES:
            columns = [c[0] for c in con.execute(f"describe {table}").fetchall() if c[0] not in volatile]
            out[table] = sorted(map(repr, con.execute(f"select {', '.join(columns)} from {table}").fetchall()))
    return out


def killed_ingest(corpus, db, export, failpoint: str) -> int:
    """An ingest killed at ``failpoint``; its four new files load in two slices of two."""
    env = {**os.environ, "NEWSFLOW_FAILPOINT": failpoint, "PREFECT_API_URL": PREFECT_API_URL.value(),
           "NEWSFLOW_LOAD_SLICE_ARTICLES": "2"}
    result = subprocess.run([sys.executable, "-m", "newsflow.flows.cli", "ingest", str(corpus), "--db", str(db),
                             "--export", str(export), "--workers", "1", "--batch-size", "2"],
                            cwd=REPO, env=env, capture_output=True, timeout=300)
    return result.returncode


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The warehouse an uninterrupted run builds from the seeds plus one more article."""
    tmp = tmp_path_factory.mktemp("reference")
    corpus = tmp / "raw"
    shutil.copytree(SEEDS, corpus)
    (corpus / "rome.txt").write_text(EXTRA)
    ingest_flow(paths=[str(corpus)], db=str(tmp / "w.duckdb"), export_dir=str(tmp / "export"), workers=1)
    return corpus, content(tmp / "w.duckdb")


@pytest.mark.parametrize("failpoint", ["annotate", "load", "load:2", "export"])
def test_killed_run_leaves_things_as_they_were_and_the_next_run_completes(failpoint, reference, tmp_path):
    corpus, expected = reference
    db, export = tmp_path / "w.duckdb", tmp_path / "export"
    first = tmp_path / "first"
    first.mkdir()
    for seed in sorted(corpus.glob("0*.txt"))[:2]:
        shutil.copy(seed, first / seed.name)
    ingest_flow(paths=[str(first)], db=str(db), export_dir=str(export), workers=1)
    before, manifest_before = content(db), (export / "manifest.json").read_text()

    # the second run sees the whole corpus, under the same file names as the reference
    shutil.rmtree(first)
    shutil.copytree(corpus, first)
    assert killed_ingest(first, db, export, failpoint) == -9
    if failpoint in ("annotate", "load"):
        assert content(db) == before
    if failpoint == "load:2":  # the first slice committed, the second did not
        assert len(before["articles"]) < len(content(db)["articles"]) < len(expected["articles"])
    assert (export / "manifest.json").read_text() == manifest_before   # the old handoff, whole

    summary = ingest_flow(paths=[str(first)], db=str(db), export_dir=str(export), workers=1)
    after = content(db)
    assert {t: len(rows) for t, rows in after.items()} == {t: len(rows) for t, rows in expected.items()}
    assert after["articles"] == [r.replace(str(corpus), str(first)) for r in expected["articles"]]
    assert summary.counts.n_seen == 6
    assert not list(tmp_path.glob(".export.tmp-*"))
    assert "rome.txt" in (export / "manifest.json").read_text() or summary.exported


def test_unwritable_handoff_fails_clearly_and_keeps_the_previous_one(tmp_path):
    db, export = tmp_path / "w.duckdb", tmp_path / "export"
    corpus = tmp_path / "raw"
    shutil.copytree(SEEDS, corpus)
    ingest_flow(paths=[str(corpus)], db=str(db), export_dir=str(export), workers=1)
    manifest = (export / "manifest.json").read_text()
    (corpus / "rome.txt").write_text(EXTRA)
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the export folder's parent should be")
    with pytest.raises(ExportFailed, match="previous handoff is unchanged"):
        ingest_flow(paths=[str(corpus)], db=str(db), export_dir=str(blocker / "export"), workers=1)
    assert (export / "manifest.json").read_text() == manifest
    # the warehouse did load; the next run to a writable folder brings the handoff up to date
    summary = ingest_flow(paths=[str(corpus)], db=str(db), export_dir=str(export), workers=1)
    assert summary.counts.n_new == 0 and summary.exported["articles"] == 6
