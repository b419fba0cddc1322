"""The analysts' handoff: every file opens in DuckDB, pyarrow and pandas with the documented
types, every column is described, and the snapshot opens as a database."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pyarrow.dataset as ds
import pytest

from newsflow.flows.ingest import ingest_flow
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def handoff(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("handoff")
    ingest_flow(paths=[str(SEEDS)], db=str(tmp / "w.duckdb"), export_dir=str(tmp / "export"), workers=1)
    return tmp / "export"


def test_every_table_opens_in_every_reader_with_its_documented_columns(handoff):
    manifest = json.loads((handoff / "manifest.json").read_text())
    assert {"articles", "sentences", "entity_mentions", "entities", "quotes", "documents", "records",
            "runs", "top_entities", "run_history"} <= set(manifest["tables"])
    for name, table in manifest["tables"].items():
        expected = [c["name"] for c in table["columns"]]
        glob = str(handoff / name / "**" / "*.parquet")
        if table["rows"] == 0:
            continue
        with duckdb.connect() as con:
            rel = con.sql(f"select * from read_parquet('{glob}', hive_partitioning = true)")
            assert sorted(rel.columns) == sorted(expected), name
            assert rel.count("*").fetchall()[0][0] == table["rows"], name
            duck_types = dict(zip(rel.columns, map(str, rel.types)))
        for column in table["columns"]:
            if column["name"] not in table["partition_by"]:
                assert duck_types[column["name"]] == column["type"], (name, column)
        dataset = ds.dataset(handoff / name, format="parquet", partitioning="hive")
        assert dataset.count_rows() == table["rows"] and set(dataset.schema.names) == set(expected)
        frame = pd.read_parquet(handoff / name)
        assert len(frame) == table["rows"] and set(frame.columns) == set(expected)
        for path, digest in table["files"].items():
            assert (handoff / path).exists() and len(digest) == 64


def test_every_column_is_described_in_the_data_dictionary(handoff):
    manifest = json.loads((handoff / "manifest.json").read_text())
    dictionary = (handoff / "DATA_DICTIONARY.md").read_text()
    for name, table in manifest["tables"].items():
        assert f"## {name}" in dictionary
        for column in table["columns"]:
            assert column["description"], (name, column["name"])
            assert f"| `{column['name']}` |" in dictionary


def test_snapshot_in_the_handoff_opens_read_only(handoff):
    with duckdb.connect(str(handoff / "newsflow.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == 5
