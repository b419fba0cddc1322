"""Sources and metadata end to end: sidecars, a manifest, a path pattern, JSONL and WARC."""

from __future__ import annotations

import json

import duckdb

from newsflow.flows.ingest import ingest_flow
from tests.conftest import PAGE, SEEDS, write_warc


def article(headline: str, city: str) -> str:
    return (f"{headline}\n\n"
            f"Officials in {city} said on Tuesday that the new rail line would open next spring. "
            f"The project has cost more than two billion euros and taken nine years to build.\n\n"
            f"Residents of {city} welcomed the news, although some worried about noise from the trains.\n")


def build_corpus(root):
    (root / "sidecar").mkdir(parents=True)
    (root / "sidecar" / "rail.txt").write_text(article("Rail line to open in Lyon", "Lyon"))
    (root / "sidecar" / "rail.json").write_text(json.dumps({
        "url": "https://www.bbc.co.uk/news/world-1?utm_source=twitter#top",
        "published_at": "2024-05-30T10:00:00Z", "site_name": "BBC News"}))
    (root / "listed").mkdir()
    (root / "listed" / "bridge.txt").write_text(article("Bridge reopens in Porto", "Porto"))
    (root / "manifest.csv").write_text(
        "path,url,outlet,published_at,title\n"
        "listed/bridge.txt,https://www.publico.pt/2024/05/29/bridge?ref=home,Público,2024-05-29,Bridge reopens\n")
    (root / "nbcnews.com" / "2024-05-28").mkdir(parents=True)
    (root / "nbcnews.com" / "2024-05-28" / "tram.txt").write_text(article("Tram plan approved in Leeds", "Leeds"))
    records = [json.dumps({"text": article("Metro expands in Madrid", "Madrid"),
                           "url": "https://elpais.com/a?utm_medium=x", "date": "2024-05-27"}),
               '{"text": "a record cut in half',
               json.dumps({"html": PAGE, "link": "https://example-news.com/rome", "source": "Example News"})]
    records += [records[0], records[0]]   # repeats of an identical record: read once
    (root / "feed.jsonl").write_text("\n".join(records) + "\n")
    write_warc(root / "crawl.warc.gz", [
        ("https://www.lemonde.fr/ville/bus.html?xtor=RSS", "text/html", PAGE.replace("Rome", "Nantes")),
        ("https://www.lemonde.fr/logo.png", "image/png", "PNG")])


def test_every_article_gets_outlet_url_and_date(tmp_path):
    root = tmp_path / "in"
    build_corpus(root)
    summary = ingest_flow(paths=[str(root)], db=str(tmp_path / "w.duckdb"),
                          export_dir=str(tmp_path / "export"), workers=1,
                          path_pattern="{outlet}/{published:%Y-%m-%d}/*.txt")
    c = summary.counts
    assert (c.n_seen, c.n_new, c.n_quarantined) == (5, 5, 0)
    assert (c.n_records, c.n_records_quarantined, c.n_records_skipped, c.n_records_unchanged) == (7, 1, 1, 2)
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("select n_records_unchanged, n_records_skipped from runs").fetchone() == (2, 1)
        rows = con.execute("""
            select container, outlet, outlet_source, url, published_at::date::varchar, published_at_source
            from articles order by url nulls first""").fetchall()
        bad = con.execute("select record_no, error from records where status = 'quarantined'").fetchall()
    assert rows == [
        ("file", "nbcnews.com", "path", None, "2024-05-28", "path"),
        ("jsonl", "elpais.com", "record", "https://elpais.com/a", "2024-05-27", "record"),
        ("jsonl", "example-news.com", "record", "https://example-news.com/rome", "2024-05-30", "record"),
        ("file", "bbc.co.uk", "sidecar", "https://www.bbc.co.uk/news/world-1", "2024-05-30", "sidecar"),
        ("warc", "lemonde.fr", "record", "https://www.lemonde.fr/ville/bus.html", "2024-05-30", "record"),
        ("file", "publico.pt", "manifest", "https://www.publico.pt/2024/05/29/bridge", "2024-05-29", "manifest"),
    ]
    assert bad == [(2, "invalid_json")]
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        coverage = con.execute("select container, n_articles, share_with_outlet, share_with_published_at "
                               "from metadata_coverage").fetchall()
        per_day = con.execute("select count(*), sum(n_articles) from articles_per_outlet_day").fetchone()
        firsts = con.execute("select count(distinct story_id) from story_first_appearance").fetchone()
    assert coverage == [("file", 3, 1.0, 1.0), ("jsonl", 2, 1.0, 1.0), ("warc", 1, 1.0, 1.0)]
    assert per_day == (6, 6) and firsts == (6,)


def test_seeds_name_their_credits_and_guess_no_dates(tmp_path):
    ingest_flow(paths=[str(SEEDS)], db=str(tmp_path / "w.duckdb"), export_dir=str(tmp_path / "e"), workers=1)
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        rows = dict(con.execute("select regexp_extract(source_path, '(\\d{3})_', 1), "
                                "[outlet_name, agency, outlet_source, published_at::varchar] from articles").fetchall())
    assert rows["000"] == ["Sky News", None, "text", None]
    assert rows["004"] == ["Euronews", "AP", "text", None]
    assert all(rows[k] == [None, None, None, None] for k in ("001", "002", "003"))


def test_same_url_twice_is_two_versions_of_one_article(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    first = {"url": "https://example.com/story", "text": article("Rail line to open", "Lyon")}
    second = {"url": "https://example.com/story?utm_source=x",
              "text": article("Rail line to open", "Lyon") + "\nThe city council said on Wednesday that "
                      "the opening had been moved to June because of delays at the main station.\n"}
    (root / "crawl-1.jsonl").write_text(json.dumps(first) + "\n")
    (root / "crawl-2.jsonl").write_text(json.dumps(second) + "\n")
    ingest_flow(paths=[str(root)], db=str(tmp_path / "w.duckdb"), export_dir=str(tmp_path / "e"), workers=1)
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        n_articles, n_versions = con.execute(
            "select count(distinct article_id), count(distinct version_id) from records where status = 'ok'").fetchone()
        body = con.execute("select body from articles").fetchall()
    assert (n_articles, n_versions) == (1, 2)
    assert len(body) == 1 and "moved to June" in body[0][0]  # the later crawl is current
