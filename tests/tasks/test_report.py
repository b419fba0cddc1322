import contextlib
import re
import shutil
import subprocess
from datetime import date, datetime, timezone
from html.parser import HTMLParser

import duckdb
import pytest

from newsflow.tasks.config import Settings
from newsflow.tasks.staging.batch import process_batch
from newsflow.tasks.staging.worker import StageOptions
from newsflow.tasks.warehouse.charts import columns, hbars, nice_ticks, stacked, time_buckets
from newsflow.tasks.warehouse.load import LoadRun, load_staged
from newsflow.tasks.warehouse.markup import Percent
from newsflow.tasks.warehouse.report import build_report, report_markdown, write_report
from newsflow.tasks.warehouse.sql import query
from newsflow.tasks.warehouse.store import migrate
from tests.conftest import SEEDS, make_bad_inputs

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)
HOSTILE = "<script>alert(1)</script>"
SECTIONS = ("over-time", "entities", "stories", "quality", "runs")
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """Two seed files and two bad inputs staged and loaded the way a run does, then a hostile
    title, outlet and entity, and a failed run, as scraped input could bring them."""
    tmp = tmp_path_factory.mktemp("report")
    make_bad_inputs(tmp / "bad", 10_000)
    paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))[:2]]
    paths += [str(tmp / "bad" / name) for name in ("empty.txt", "image.png")]
    started = datetime(2026, 1, 1, 8, 0, tzinfo=timezone.utc)
    process_batch(paths, str(tmp / "staging"), "b0", StageOptions("run-1", started, 10_000, "", "test"), 1)
    db = tmp / "w.duckdb"
    with contextlib.closing(duckdb.connect(str(db))) as con:
        migrate(con)
    load_staged(LoadRun("run-1", started, Settings(db=db), "test"), tmp / "staging", len(paths))
    with contextlib.closing(duckdb.connect(str(db))) as con:
        article_id = con.execute("select min(article_id) from articles").fetchall()[0][0]
        con.execute("update articles set title = ?, outlet = ? where article_id = ?",
                    [HOSTILE, "<img src=x onerror=alert(2)>", article_id])
        con.execute("insert into entities (entity_key, name, label, n_mentions, n_articles) "
                    "values ('person:x', ?, 'PERSON', 999, 999)", [HOSTILE])
        con.execute("insert into runs (run_id, started_at, finished_at, status, n_seen, n_new, n_unchanged, "
                    "n_quarantined, pipeline_version, error) values ('run-2', ?, ?, 'failed', 4, 0, 0, 0, "
                    "'test', ?)", [NOW, NOW, f"CheckFailed: {HOSTILE}"])
    return db


@pytest.fixture
def con(warehouse):
    with contextlib.closing(duckdb.connect(str(warehouse), read_only=True)) as con:
        yield con


@pytest.fixture
def copy(warehouse, tmp_path):
    """A writable copy, for tests that add or drop views."""
    shutil.copyfile(warehouse, tmp_path / "copy.duckdb")
    with contextlib.closing(duckdb.connect(str(tmp_path / "copy.duckdb"))) as con:
        yield con


class StrictParser(HTMLParser):
    """Fails on an end tag that closes anything but the open element: the page is hand-made."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()


def parse(page: str) -> StrictParser:
    parser = StrictParser()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    return parser


def section(page: str, anchor: str) -> str:
    return re.search(rf'<section id="{anchor}">(.*?)</section>', page, re.S).group(1)


def test_page_is_well_formed_with_a_chart_per_section(con):
    page = build_report(con, now=NOW)
    parser = parse(page)
    assert page.startswith("<!DOCTYPE html>") and "Generated 2026-01-01 12:00 UTC" in page
    assert [a["id"] for t, a in parser.tags if t == "section"] == list(SECTIONS)
    for anchor in SECTIONS:
        body = section(page, anchor)
        assert "<svg" in body and 'class="bar"' in body and "<table>" in body, anchor
    assert "Could not be read" not in page
    totals = dict(re.findall(r"<dt>([^<]*)</dt><dd>([^<]*)</dd>", page))
    assert totals["articles"] == "2" and totals["languages"] == "1"
    assert totals["schema version"] == con.execute("select max(version) from schema_version").fetchall()[0][0]


def test_bars_follow_the_data(con):
    page = build_report(con, now=NOW)
    quality = section(page, "quality")
    assert "empty (files)" in quality and "binary (files)" in quality  # the two bad inputs
    reasons = con.execute("select count(distinct reason) from removed_lines").fetchall()[0][0]
    removed_chart = re.search(r'aria-label="Removed lines by reason">(.*?)</svg>', quality, re.S).group(1)
    assert removed_chart.count('class="bar"') == reasons
    runs = section(page, "runs")
    assert "seen by a failed run" in runs and "failed" in runs and "error" in runs


def test_nothing_is_fetched_from_the_network(con):
    page = build_report(con, now=NOW)
    links = [value for _, attrs in parse(page).tags for name, value in attrs.items()
             if name in ("src", "href", "srcset", "action", "poster", "data")]
    assert links and all(link.startswith("#") for link in links)  # the table of contents only
    assert not re.search(r"https?://|@import|url\(|<script|<link|<iframe|<object", page, re.I)
    assert "default-src 'none'" in page  # and the browser is told to refuse any fetch


def test_scraped_text_is_escaped(con):
    page = build_report(con, now=NOW)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert HOSTILE not in report_markdown(con)


def test_optional_sections_say_not_computed_yet(copy):
    for view in ("stories", "story_first_appearance", "duplicate_rates"):
        copy.execute(f"drop view if exists {view}")
    stories = section(build_report(copy, now=NOW), "stories")
    assert stories.count("not computed yet") == 2 and "<svg" not in stories


def test_stories_fall_back_to_first_appearances(copy):
    copy.execute("drop view if exists stories")
    stories = section(build_report(copy, now=NOW), "stories")
    assert "story_first_appearance" in stories and 'class="bar"' in stories


def add_corpus_views(con, computed: bool):
    """Stand-ins with the columns of the corpus pass's report views, and its state table."""
    con.execute("""create or replace view stories as
        select * from (values ('st_1', '{HOSTILE}', 3, 2, ['bbc', 'dw'], 'a1', 'bbc', 'First', now(), now()),
                              ('st_2', 'Budget, Berlin', 2, 1, ['dw'], 'a2', 'dw', 'Second', now(), now()))
        as t(story_id, label, n_articles, n_outlets, outlets, first_article_id, first_outlet,
             first_title, first_appeared_at, last_appeared_at)""".format(HOSTILE=HOSTILE))
    con.execute("""create or replace view duplicate_rates as
        select * from (values ('bbc', 'en', 10, 1, 2), (null, 'de', 5, 0, 0))
        as t(outlet, lang, n_articles, n_exact_duplicates, n_near_duplicates)""")
    con.execute("create or replace table article_fingerprints as "
                f"select article_id from articles {'' if computed else 'where false'}")


def test_stories_and_duplicate_rates_when_computed(copy):
    add_corpus_views(copy, computed=True)
    stories = section(build_report(copy, now=NOW), "stories")
    assert "not computed yet" not in stories and "Largest stories (2 in all)" in stories
    assert "&lt;script&gt;" in stories and "<script" not in stories
    assert "1 exact (6.7 %) and 2 near duplicates (13.3 %) among 15 articles." in stories
    assert "outlet unknown" in stories and "30.0 %" in stories


def test_corpus_views_before_the_pass_has_run_are_not_read_as_zero(copy):
    add_corpus_views(copy, computed=False)
    stories = section(build_report(copy, now=NOW), "stories")
    assert "Largest stories" not in stories and "story_first_appearance" in stories
    assert 'Duplicate and near-duplicate rates</h3><p class="note">not computed yet' in stories


@pytest.mark.parametrize("migrated", [False, True])
def test_empty_warehouses_give_a_page_of_notes(migrated):
    con = duckdb.connect()
    if migrated:
        migrate(con)
    page = build_report(con, now=NOW)
    parse(page)
    assert 'class="bar"' not in page and page.count('class="note"') >= len(SECTIONS)
    assert ("No articles yet." in page) == migrated
    assert report_markdown(con).startswith("# newsflow report")


def test_an_older_schema_loses_only_the_panels_it_cannot_answer():
    con = duckdb.connect()
    con.execute(query("migrations/001_contract_tables"))  # no records, outlets or dates yet
    for view in ("010_stg_articles", "020_articles_per_day_lang", "050_quarantine"):
        con.execute(query(f"views/{view}"))
    con.execute("insert into articles values ('a1', 'd1', 'p', 'T', null, 'Body.', 'en', 0.9, 1, 1, "
                "['short'], true, now(), 'r', 'v')")
    con.execute("insert into removed_lines values ('d1', 0, 'Share this', 'share_widget')")
    page = build_report(con, now=NOW)
    parse(page)
    quality = section(page, "quality")
    assert "Could not be read from this warehouse" in quality  # removed lines have no record_no
    assert "Articles per quality flag" in quality and "<svg" in section(page, "over-time")
    assert re.search(r"<dt>outlets</dt><dd>–</dd>", page)


def test_same_data_and_time_give_the_same_page(warehouse, con):
    with contextlib.closing(duckdb.connect(str(warehouse), read_only=True)) as other:
        assert build_report(con, now=NOW) == build_report(other, now=NOW)


def test_write_report_is_atomic(warehouse, tmp_path, monkeypatch):
    out = tmp_path / "site" / "report.html"
    assert write_report(warehouse, out, now=NOW) == out
    first = out.read_text(encoding="utf-8")
    assert write_report(warehouse, out, now=NOW).read_text(encoding="utf-8") == first
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("newsflow.tasks.warehouse.report.os.replace", full_disk)
    with pytest.raises(OSError):
        write_report(warehouse, out, now=datetime(2027, 1, 1, tzinfo=timezone.utc))
    assert out.read_text(encoding="utf-8") == first  # the previous page, whole
    assert [p.name for p in out.parent.iterdir()] == ["report.html"]


def test_markdown_summary(con):
    summary = report_markdown(con)
    assert "| articles | sentences | entities | languages | outlets | schema version |" in summary
    assert "## Top entities" in summary and "&lt;script&gt;alert(1)&lt;/script&gt;" in summary
    assert "| empty | files | 1 |" in summary and "## Latest run" in summary


def test_time_buckets_fill_gaps_and_coarsen_long_spans():
    labels, key = time_buckets([date(2025, 3, 1), date(2025, 3, 4)])
    assert labels == ["2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04"]
    labels, key = time_buckets([date(2024, 11, 1), date(2025, 3, 1)])
    assert labels == ["2024-11", "2024-12", "2025-01", "2025-02", "2025-03"] and key(date(2025, 1, 9)) == "2025-01"
    assert time_buckets([date(1970, 1, 1), date(2025, 1, 1)])[0][:2] == ["1970", "1971"]


def test_stacked_keeps_the_busiest_series_and_puts_undated_last():
    points = [(date(2025, 3, 1), f"outlet{i}", 10 - i) for i in range(9)] + [(None, "outlet0", 4)]
    labels, series = stacked(points)
    assert labels == ["2025-03-01", "date unknown"]
    names = [name for name, _ in series]
    assert names == ["outlet0", "outlet1", "outlet2", "outlet3", "outlet4", "outlet5", "other"]
    assert dict(series)["other"] == [4 + 3 + 2, 0] and dict(series)["outlet0"] == [10, 4]


def test_charts_draw_one_bar_per_value():
    bars = hbars([("a", 3), ("b", 0), ("c", 1)], "x")
    assert bars.count('class="bar"') == 3 and 'width="0.0"' in bars  # a zero is drawn as nothing
    shares = hbars([("a", Percent(0.25))], "x", fmt=Percent, scale_max=1)
    assert "25.0 %" in shares
    chart = columns(["d1", "d2"], [("en", [2, 0]), ("de", [1, 5])], "x")
    assert chart.count('class="bar"') == 3 and 'class="legend"' in chart
    assert nice_ticks(7) == [0, 2, 4, 6, 8] and nice_ticks(0) == [0, 1] and nice_ticks(2090)[-1] >= 2090


def browser() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_a_headless_browser_renders_the_charts(warehouse, tmp_path):
    if browser() is None:
        pytest.skip("no headless browser installed")
    out = write_report(warehouse, tmp_path / "report.html", now=NOW)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([browser(), *flags, "--dump-dom", out.as_uri()], capture_output=True,
                         text=True, timeout=120, check=True).stdout
    source = out.read_text(encoding="utf-8")
    assert dom.count("<svg") == source.count("<svg") > 5
    assert dom.count("<rect") == source.count("<rect") > 20
    subprocess.run([browser(), *flags, "--window-size=1366,2400", f"--screenshot={tmp_path / 'page.png'}",
                    out.as_uri()], capture_output=True, timeout=120, check=True)
    assert (tmp_path / "page.png").stat().st_size > 10_000
