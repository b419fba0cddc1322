"""A digest per warehouse table, to prove that a change of code changed no row.

    python bench/digests.py WAREHOUSE.duckdb [OTHER.duckdb]

Prints each base table's row count and a sha256 over its rows in a fixed order, with the columns
that differ between two runs of the same input left out (run ids and timestamps). With two
warehouses, prints the tables whose digests differ and exits 1 if any does. Ingest the same
input with the old and the new code, then compare.
"""

from __future__ import annotations

import hashlib
import sys

import duckdb

# Set by the run, not by the input: two ingests of the same files differ only here.
VOLATILE = {"run_id", "first_seen_at", "seen_at", "ingested_at", "started_at", "finished_at",
            "exported_at", "created_at", "applied_at", "computed_at"}
SKIP_TABLES = {"runs", "schema_version"}


def digests(path: str) -> dict[str, tuple[int, str]]:
    with duckdb.connect(path, read_only=True) as con:
        tables = [r[0] for r in con.execute(
            "select table_name from information_schema.tables "
            "where table_schema = 'main' and table_type = 'BASE TABLE' order by 1").fetchall()]
        out = {}
        for table in tables:
            if table in SKIP_TABLES:
                continue
            columns = [r[0] for r in con.execute(f'describe "{table}"').fetchall() if r[0] not in VOLATILE]
            listed = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f'select {listed} from "{table}" order by all').fetchall()
            digest = hashlib.sha256()
            for row in rows:
                digest.update(repr(row).encode())
            out[table] = (len(rows), digest.hexdigest()[:16])
    return out


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    first = digests(argv[0])
    if len(argv) == 1:
        for table, (n, digest) in first.items():
            print(f"{table:24} {n:>10,}  {digest}")
        return 0
    second = digests(argv[1])
    differ = sorted(t for t in first.keys() | second.keys() if first.get(t) != second.get(t))
    for table in sorted(first.keys() | second.keys()):
        a, b = first.get(table, (0, "-")), second.get(table, (0, "-"))
        print(f"{table:24} {a[0]:>10,} {a[1]}  {b[0]:>10,} {b[1]}  {'DIFFERS' if table in differ else 'equal'}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
