
import duckdb
import pyarrow.parquet as pq

from newsflow.tasks.staging.parquet import arrow_schema, to_arrow, write_parquet
from newsflow.tasks.staging.rows import STAGED, SentenceRow, article_identity
from newsflow.tasks.warehouse.store import migrate

DUCK_TO_ARROW = {"VARCHAR": "string", "BIGINT": "int64", "DOUBLE": "double", "BOOLEAN": "bool",
                 "TIMESTAMP WITH TIME ZONE": "timestamp[us, tz=UTC]", "VARCHAR[]": "list<item: string>"}


def test_every_staged_schema_matches_its_table():
    con = duckdb.connect()
    migrate(con)
    for table, row_type in STAGED.items():
        columns = con.execute(f"describe {table}").fetchall()
        sql_types = {name: DUCK_TO_ARROW[kind] for name, kind, *_ in columns}
        arrow = {f.name: str(f.type) for f in arrow_schema(row_type)}
        assert arrow == sql_types, table
        not_null = {name for name, _, null, *_ in columns if null == "NO"}
        assert {f.name for f in arrow_schema(row_type) if not f.nullable} == not_null, table


def test_ids_are_derived_from_content_or_url():
    body = "Ministers met on Tuesday.\n\nThey agreed."
    by_body, version = article_identity(None, body)
    assert article_identity(None, body.replace("\n\n", " "))[0] == by_body  # whitespace folded
    assert article_identity(None, body.replace("\n\n", " "))[1] != version     # but a new version
    by_url, same_version = article_identity("https://example.com/a", body)
    assert by_url != by_body and same_version == version
    assert article_identity("https://example.com/a", body + " More.")[0] == by_url
    assert len(by_url) == 32 and len(version) == 64


def test_parquet_round_trip(tmp_path):
    rows = [SentenceRow("a1", 0, "Hello.", 0, 6), SentenceRow("a1", 1, "Bye.", 7, 11)]
    assert write_parquet(rows, SentenceRow, tmp_path / "s.parquet") == 2
    assert pq.read_table(tmp_path / "s.parquet").to_pylist()[1]["text"] == "Bye."
    assert to_arrow([], SentenceRow).num_rows == 0
    assert not list(tmp_path.glob("*.tmp"))
