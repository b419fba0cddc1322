"""Row dataclasses as Arrow tables and Parquet part files.

The schema is derived from the dataclass: each field's type maps to one Arrow type
(``UInt64`` marks a 64-bit hash), and ``X | None`` fields are the only nullable ones. A part is
written under a temporary name and renamed, so a reader never sees half a file."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import datetime
from pathlib import Path
from typing import Iterable, NewType

import pyarrow as pa
import pyarrow.parquet as pq


UInt64 = NewType("UInt64", int)   # a 64-bit hash: Arrow's uint64, DuckDB's ubigint

_ARROW_TYPES: dict[object, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    datetime: pa.timestamp("us", tz="UTC"),
    list[str]: pa.list_(pa.string()),
    list[int]: pa.list_(pa.int64()),
    UInt64: pa.uint64(),
}


def arrow_schema(row_type: type) -> pa.Schema:
    """Arrow schema of a row dataclass; ``X | None`` fields are nullable, others are not."""
    hints = typing.get_type_hints(row_type)
    fields = []
    for field in dataclasses.fields(row_type):
        hint = hints[field.name]
        args = typing.get_args(hint)
        nullable = isinstance(hint, types.UnionType) and type(None) in args
        base = next(a for a in args if a is not type(None)) if nullable else hint
        fields.append(pa.field(field.name, _ARROW_TYPES[base], nullable=nullable))
    return pa.schema(fields)


def to_arrow(rows: Iterable[object], row_type: type) -> pa.Table:
    """Column-wise Arrow table from rows of one dataclass type (empty rows give an empty table)."""
    rows = list(rows)
    names = [f.name for f in dataclasses.fields(row_type)]
    columns = {name: [getattr(r, name) for r in rows] for name in names}
    return pa.Table.from_pydict(columns, schema=arrow_schema(row_type))


def write_parquet(rows: Iterable[object], row_type: type, path: Path) -> int:
    """Write rows to one Parquet file atomically (temp name, then rename); returns the row count."""
    table = to_arrow(rows, row_type)
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(table, tmp, compression="zstd")
    tmp.replace(path)
    return table.num_rows
