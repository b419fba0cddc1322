"""End-to-end ingest figures: wall time and rows per table, as a user runs it.

    python bench/ingest.py [--workers N] [--skip-bbc]

Runs `newsflow ingest` in a fresh process (Prefect's temporary server included, as a user
pays for it) on the bundled seeds and on ../shared/corpora/bbc when present, each into a new
warehouse in a temporary folder, then once more with nothing new.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parent.parent
BBC = REPO.parent / "shared" / "corpora" / "bbc"
TABLES = ["documents", "sources", "articles", "sentences", "entity_mentions", "entities",
          "quotes", "removed_lines", "runs"]


def ingest(inputs: Path, work: Path, workers: int | None) -> float:
    cmd = [sys.executable, "-m", "flows.cli", "ingest", str(inputs),
           "--db", str(work / "w.duckdb"), "--export", str(work / "export")]
    if workers:
        cmd += ["--workers", str(workers)]
    started = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def report(name: str, inputs: Path, workers: int | None) -> None:
    n_files = sum(1 for p in inputs.rglob("*") if p.is_file() and not p.name.startswith("."))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        first = ingest(inputs, work, workers)
        rerun = ingest(inputs, work, workers)
        with duckdb.connect(str(work / "w.duckdb"), read_only=True) as con:
            counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
            quarantined = con.execute(
                "select error, count(*) from documents where status = 'quarantined' group by 1").fetchall()
    print(f"\n{name}: {n_files:,} files")
    print(f"  ingest wall time          {first:8.1f} s   ({n_files / first:,.1f} files/s incl. start-up)")
    print(f"  re-run with nothing new   {rerun:8.1f} s")
    for table, n in counts.items():
        print(f"  {table:24} {n:10,}")
    if quarantined:
        print("  quarantined: " + ", ".join(f"{reason} {n}" for reason, n in quarantined))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, help="annotation processes (default: all cores)")
    parser.add_argument("--skip-bbc", action="store_true")
    args = parser.parse_args()
    report("seeds (data/raw)", REPO / "data" / "raw", args.workers)
    if args.skip_bbc:
        return
    if not BBC.is_dir():
        print(f"\n{BBC} not found: BBC figures skipped")
        return
    report("BBC corpus (../shared/corpora/bbc)", BBC, args.workers)


if __name__ == "__main__":
    main()
