"""Batches on a real Dask cluster (two worker processes) give the same rows as a local run."""

from __future__ import annotations

import os

import pytest

from tests.conftest import REPO, SEEDS
from tests.flows.test_faults import content

distributed = pytest.importorskip("distributed")
pytest.importorskip("prefect_dask")


def test_dask_run_matches_local_run(tmp_path, monkeypatch):
    from newsflow.flows.ingest import ingest_flow, ingest_flow_for

    # worker processes import the project's modules as the test process does
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        ingest_flow_for(address)(paths=[str(SEEDS)], db=str(tmp_path / "dask.duckdb"),
                                 export_dir=str(tmp_path / "dask-export"), batch_size=2,
                                 dask_address=address, staging=str(tmp_path / "shared-staging"))
    ingest_flow(paths=[str(SEEDS)], db=str(tmp_path / "local.duckdb"),
                export_dir=str(tmp_path / "local-export"), workers=1)
    assert content(tmp_path / "dask.duckdb") == content(tmp_path / "local.duckdb")
