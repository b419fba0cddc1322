from pathlib import Path

import pytest

from newsflow.tasks.config import load_settings
from newsflow.tasks.errors import ConfigError


def test_precedence_arguments_over_environment_over_file_over_defaults(tmp_path):
    config = tmp_path / "newsflow.toml"
    config.write_text('[newsflow]\nbatch_size = 50\nworkers = 3\ndb = "from-file.duckdb"\n')
    env = {"NEWSFLOW_WORKERS": "2", "NEWSFLOW_DB": "from-env.duckdb"}
    settings = load_settings({"db": "from-arg.duckdb", "batch_size": None}, env, config)
    assert settings.db == Path("from-arg.duckdb")
    assert settings.workers == 2
    assert settings.batch_size == 50
    assert settings.max_file_bytes == 5_000_000


def test_derived_paths():
    settings = load_settings({"db": "x/w.duckdb"}, {}, Path("/nonexistent.toml"))
    assert settings.snapshot_path == Path("x/w.snapshot.duckdb")
    assert settings.lock_path == Path("x/w.duckdb.lock")


@pytest.mark.parametrize("overrides, env", [({"batch_size": "many"}, {}), ({}, {"NEWSFLOW_WORKERS": "two"}),
                                            ({"colour": "blue"}, {}), ({"batch_size": 0}, {}),
                                            ({}, {"NEWSFLOW_LOAD_SLICE_ARTICLES": "-5"}),
                                            ({"workers": -1}, {}), ({"max_file_bytes": 0}, {})])
def test_bad_settings_are_config_errors(overrides, env):
    with pytest.raises(ConfigError):
        load_settings(overrides, env, Path("/nonexistent.toml"))


def test_workers_follow_the_work(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    auto = load_settings({}, {}, Path("/nonexistent.toml"))
    assert [auto.workers_for(n) for n in (0, 5, 250, 10_000)] == [1, 1, 2, 4]
    assert load_settings({"workers": 3}, {}, Path("/nonexistent.toml")).workers_for(5) == 3
