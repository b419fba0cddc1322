"""Ingest throughput by input container: the same articles as .txt files, one JSONL file,
.html pages and one WARC file of those pages.

    python bench/inputs.py [--limit N] [--workers N]

Builds the four inputs from ../shared/corpora/bbc in a temporary folder (never in the repo),
then runs the ingest flow on each in one process (one Prefect start-up for all), each into a
new warehouse, and prints articles/s and the ratio to the plain-file input of the same kind.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
BBC = REPO.parent / "shared" / "corpora" / "bbc" / "bbc"


def load_articles(limit: int) -> list[tuple[str, str]]:
    paths = sorted(BBC.glob("*/*.txt"))[:limit]
    return [(f"https://www.bbc.co.uk/news/{p.parent.name}-{p.stem}",
             p.read_bytes().decode("utf-8", errors="replace")) for p in paths]


def as_page(text: str) -> str:
    title, _, rest = text.partition("\n")
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in rest.split("\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{html.escape(title)}</h1>"
            f"{paragraphs}</article><footer>Share this article</footer></body></html>")


def build(root: Path, articles: list[tuple[str, str]]) -> dict[str, Path]:
    from tests.conftest import write_warc

    txt, pages = root / "txt", root / "html"
    txt.mkdir()
    pages.mkdir()
    for i, (_, text) in enumerate(articles):
        (txt / f"{i:05d}.txt").write_text(text)
        (pages / f"{i:05d}.html").write_text(as_page(text))
    (root / "jsonl").mkdir()
    with (root / "jsonl" / "feed.jsonl").open("w") as fh:
        for url, text in articles:
            fh.write(json.dumps({"url": url, "text": text}) + "\n")
    (root / "warc").mkdir()
    write_warc(root / "warc" / "crawl.warc.gz", [(url, "text/html", as_page(text)) for url, text in articles])
    return {"txt": txt, "jsonl": root / "jsonl", "html": pages, "warc": root / "warc"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2225)
    parser.add_argument("--workers", type=int, default=0)
    args = parser.parse_args()
    if not BBC.is_dir():
        print(f"{BBC} not found: nothing to measure")
        return
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from newsflow.flows.ingest import ingest_flow

    articles = load_articles(args.limit)
    rates = {}
    with tempfile.TemporaryDirectory() as tmp:
        inputs = build(Path(tmp), articles)
        ingest_flow(paths=[str(inputs["txt"])], db=str(Path(tmp) / "warm.duckdb"),
                    export_dir=str(Path(tmp) / "warm-export"), workers=args.workers or None)
        for name, folder in inputs.items():
            started = time.perf_counter()
            summary = ingest_flow(paths=[str(folder)], db=str(Path(tmp) / f"{name}.duckdb"),
                                  export_dir=str(Path(tmp) / f"{name}-export"), workers=args.workers or None)
            seconds = time.perf_counter() - started
            n = summary.counts.n_records or summary.counts.n_new
            rates[name] = n / seconds
            print(f"{name:6} {n:6,} records  {seconds:7.1f} s  {rates[name]:7.1f} articles/s")
    print(f"jsonl / txt  = {rates['jsonl'] / rates['txt']:.2f}")
    print(f"warc  / html = {rates['warc'] / rates['html']:.2f}")
    print(f"warc  / txt  = {rates['warc'] / rates['txt']:.2f}  (different work: a WARC holds HTML pages)")


if __name__ == "__main__":
    main()
