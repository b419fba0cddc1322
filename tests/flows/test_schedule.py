"""Scheduling: the served deployment and the prefect.yaml one point at the real flow."""

from __future__ import annotations

import pytest
import yaml
from prefect.flows import load_flow_from_entrypoint

from newsflow.flows.ingest import build_deployment, ingest_flow
from newsflow.tasks.errors import ConfigError
from tests.conftest import REPO


def test_served_deployment_runs_ingest_hourly():
    deployment = build_deployment("0 * * * *", ["data/raw"], "w.duckdb", "export")
    assert deployment.flow_name == ingest_flow.name
    assert [s.schedule.cron for s in deployment.schedules] == ["0 * * * *"]
    assert deployment.parameters == {"paths": ["data/raw"], "db": "w.duckdb", "export_dir": "export"}


def test_bad_cron_is_a_config_error():
    with pytest.raises(ConfigError, match="not a cron schedule"):
        build_deployment("every hour")


def test_prefect_yaml_deploys_the_ingest_flow(monkeypatch):
    monkeypatch.chdir(REPO)
    config = yaml.safe_load((REPO / "prefect.yaml").read_text())
    (deployment,) = config["deployments"]
    flow = load_flow_from_entrypoint(deployment["entrypoint"])
    assert flow.name == ingest_flow.name
    assert deployment["schedules"][0]["cron"] == "0 * * * *"
    assert set(deployment["parameters"]) <= set(flow.parameters.properties)
