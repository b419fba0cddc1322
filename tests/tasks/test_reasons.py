"""The reason codes are one closed enumeration per kind, each member described."""

import duckdb
import pytest

from newsflow.tasks.annotation.annotate import FLAGS as ANNOTATION_FLAGS
from newsflow.tasks.cleaning.clean import FLAGS as CLEANING_FLAGS
from newsflow.tasks.cleaning.clean import REASONS
from newsflow.tasks.metadata.resolve import FLAGS as METADATA_FLAGS
from newsflow.tasks.reading.decode import QUARANTINE_REASONS
from newsflow.tasks.reading.inputs import RECORD_REASONS
from newsflow.tasks.reasons import KINDS, ArticleFlag, Quarantine, RecordError, RemovedLine, describe


def test_every_code_is_described_once():
    described = describe()
    assert set(described) == set(KINDS)
    for column, codes in described.items():
        assert all(meaning for _, meaning in codes), column
        assert len({code for code, _ in codes}) == len(codes)


def test_the_modules_sets_are_drawn_from_the_enumerations():
    assert CLEANING_FLAGS | METADATA_FLAGS | ANNOTATION_FLAGS | {ArticleFlag.NOT_ENTITY_ANNOTATED} == set(ArticleFlag)
    assert REASONS == set(RemovedLine) and QUARANTINE_REASONS == set(Quarantine)
    assert RECORD_REASONS == set(RecordError)
    with pytest.raises(ValueError):
        Quarantine("corrupt")   # closed: a code that is not listed does not exist


@pytest.fixture(scope="module")
def seeds_warehouse(tmp_path_factory):
    from pathlib import Path

    from newsflow.tasks.config import Settings
    from newsflow.tasks.staging.batch import process_batch
    from newsflow.tasks.staging.worker import StageOptions
    from newsflow.tasks.warehouse.load import LoadRun, load_staged
    from newsflow.tasks.warehouse.store import connect, migrate
    from datetime import datetime, timezone

    tmp = tmp_path_factory.mktemp("reasons")
    seeds = Path(__file__).resolve().parents[2] / "data" / "raw"
    started = datetime(2026, 1, 1, tzinfo=timezone.utc)
    paths = sorted(str(p) for p in seeds.glob("*.txt"))
    process_batch(paths, str(tmp / "staging"), "b00000", StageOptions("run-1", started, 10_000_000, "", "test"), workers=1)
    db = tmp / "w.duckdb"
    con = connect(db)
    migrate(con)
    con.close()
    load_staged(LoadRun("run-1", started, Settings(db=db), "test"), tmp / "staging", len(paths))
    return db


def test_what_the_warehouse_holds_is_in_the_enumerations(seeds_warehouse):
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        removed = {r[0] for r in con.sql("select distinct reason from removed_lines").fetchall()}
        flags = {r[0] for r in con.sql("select distinct unnest(flags) from articles").fetchall()}
    assert removed and removed <= set(RemovedLine)
    assert flags <= set(ArticleFlag)
