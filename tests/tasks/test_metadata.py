import json
import random
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsflow.tasks.cleaning.clean import clean_text
from newsflow.tasks.metadata.files import compile_path_pattern, read_manifest, read_sidecar
from newsflow.tasks.metadata.resolve import (FLAGS, SOURCES, Metadata, from_text, normalize_fields, parse_datetime,
                                             resolve)
from newsflow.tasks.metadata.urls import canonical_url, outlet_from_url

UTC = timezone.utc
NOW = datetime(2025, 1, 1, tzinfo=UTC)
MAY_30 = datetime(2024, 5, 30, tzinfo=UTC)
BODY = ("Ministers from twenty countries met in Berlin on Tuesday and agreed on a new budget.\n\n"
        "The talks will continue next month in Rome, officials said.")


# --- the seeds: what their text says, and nothing more ------------------------------------------

SEED_OUTLETS = {  # seed prefix -> (outlet_name, agency)
    "000": ("Sky News", None),       # "@Sky News" credit line, kept by the cleaner as the byline
    "001": (None, None),
    "002": (None, None),             # byline "MBS Staff": possibly an outlet, but not knowably one
    "003": (None, None),             # "AFP news agency quoted..." is prose, not a credit
    "004": ("Euronews", "AP"),       # byline "Euronews with AP"
}


def test_seed_texts_give_only_what_they_credit(seed_texts):
    assert sorted(name[:3] for name in seed_texts) == sorted(SEED_OUTLETS)
    for name, raw in seed_texts.items():
        cleaned = clean_text(raw)
        found = from_text(cleaned.title, cleaned.byline, cleaned.body)
        meta = resolve([("text", found)], NOW)
        outlet_name, agency = SEED_OUTLETS[name[:3]]
        assert (meta.outlet_name, found.get("agency")) == (outlet_name, agency), name
        assert meta.outlet == outlet_name and meta.outlet_source == ("text" if outlet_name else None)
        # Captions and body mention dates ("December 21, 2022", "July 14, 2022"): none is the
        # publication date, so none is taken.
        assert meta.published_at is None and meta.published_at_source is None, name
        assert meta.url is None and meta.flags == ()
        assert meta.title == cleaned.title and meta.title_source == ("text" if cleaned.title else None)


# --- from_text -------------------------------------------------------------------------------------

@pytest.mark.parametrize("byline, body, expected", [
    ("By Jane Doe", BODY, {}),                                   # a person is not an outlet
    ("Jane Doe, Reuters", BODY, {"agency": "Reuters"}),
    ("By Euronews with AP", BODY, {"outlet_name": "Euronews", "agency": "AP"}),
    ("Fox News Digital", BODY, {"outlet_name": "Fox News"}),
    ("By Jane Doe for The Washington Post", BODY, {"outlet_name": "The Washington Post"}),
    ("Latest News", BODY, {}),                                   # a section heading
    ("MBS Staff", BODY, {}),
    (None, "WASHINGTON (AP) — " + BODY, {"agency": "AP"}),
    (None, "LONDON, May 30 (Reuters) - " + BODY, {"agency": "Reuters"}),
    (None, "Berlin (dpa) - Die Regierung hat am Dienstag den Haushalt beschlossen.", {"agency": "dpa"}),
    ("Von Anna Müller", "Die Regierung hat am Dienstag den Haushalt beschlossen.", {}),
    (None, BODY + "\n\n@Sky News", {"outlet_name": "Sky News"}),
    (None, BODY + "\n\nCopyright 2024 The Associated Press. All rights reserved.", {"agency": "AP"}),
    (None, BODY + "\n\n© 2024 BBC News", {"outlet_name": "BBC News"}),
    (None, BODY + "\n\nSource: Reuters", {"agency": "Reuters"}),
    (None, BODY + "\n\n@JaneDoe", {}),
    (None, "President Joe Biden (R) and Jill Biden - in Washington.\n\n" + BODY, {}),
    (None, "He said the AFP news agency (AFP) had it first.\n\n" + BODY, {}),
])
def test_credits(byline, body, expected):
    found = from_text(None, byline, body)
    assert {k: v for k, v in found.items() if k in ("outlet_name", "agency")} == expected
    assert "published_at" not in found


def test_title_suffix_names_the_outlet():
    assert from_text("Leaders meet in Rome | BBC News", None, BODY)["outlet_name"] == "BBC News"
    assert from_text("Leaders meet in Rome - Reuters", None, BODY)["agency"] == "Reuters"
    assert "outlet_name" not in from_text("Biden allows Ukraine's use of US arms: reports", None, BODY)
    assert from_text("  Leaders meet  ", None, BODY)["title"] == "Leaders meet"
    assert "title" not in from_text(None, None, BODY) and "title" not in from_text(" ", None, BODY)


@pytest.mark.parametrize("byline, head, expected", [
    (None, "Published 30 May 2024", MAY_30),
    (None, "Updated: May 30, 2024 6:00 PM", MAY_30 + timedelta(hours=18)),
    (None, "Published: 30 May 2024, 18:00 BST", MAY_30 + timedelta(hours=17)),
    (None, "Updated 31 May 2024 | Published 30 May 2024", MAY_30),   # the publication, not the update
    (None, "Last updated 31 May 2024 Published on 30 May 2024", MAY_30),
    ("By Euronews with AP • Published 30 May 2024", "", MAY_30),
    (None, "Thursday, May 30, 2024", None),        # a bare date at the top is often the day of the scrape
    (None, "The report was published on 30 May 2024.", None),    # prose
    (None, "Published 3 hours ago", None),         # relative dates are not read
    (None, "Updated: 30/05/2024", None),           # day/month order is not knowable
])
def test_dates_near_the_headline(byline, head, expected):
    found = from_text("Leaders meet", byline, f"{head}\n\n{BODY}" if head else BODY)
    assert found.get("published_at") == expected


def test_a_date_below_the_first_lines_is_not_the_publication_date():
    body = "\n\n".join(["First paragraph here.", "Second paragraph.", "Third paragraph.", "Published 30 May 2024"])
    assert "published_at" not in from_text(None, None, body)


@pytest.mark.parametrize("head, place, agency", [
    ("CLEVELAND, Feb 26 - Acme Corp said its board declared a dividend.", "CLEVELAND", None),
    ("NEW YORK, March 3 (Reuters) - Shares fell on Monday.", "NEW YORK", "Reuters"),
    ("WASHINGTON (AP) — The Senate voted on Tuesday.", "WASHINGTON", "AP"),
    ("SPRINGFIELD, Ill., Jan 5 - The governor signed the bill.", "SPRINGFIELD, Ill.", None),
    ("BREAKING - The Senate voted on Tuesday.", None, None),        # no date, no agency: a label
    ("The EU, March 3 - said nothing.", None, None),                # a place is written in capitals
])
def test_a_wire_dateline_gives_its_place_and_agency(head, place, agency):
    found = from_text(None, None, f"HEADLINE IN CAPITALS\n    {head}\nmore text follows here.")
    assert found.get("dateline_place") == place and found.get("agency") == agency


@pytest.mark.parametrize("last, agency", [
    (" Reuter", "Reuters"), ("(AP)", "AP"), ("AFP", "AFP"), ("dpa", "dpa"),
    ("Reuters said.", None), ("ap", None), ("The end", None), (" REUTER\n&#3;", "Reuters"),
])
def test_a_sign_off_on_the_last_line_names_the_agency(last, agency):
    assert from_text(None, None, f"{BODY}\n{last}\n").get("agency") == agency


# --- URLs and outlets --------------------------------------------------------------------------------

@pytest.mark.parametrize("url, expected", [
    ("https://www.bbc.co.uk/news/world-123", "https://www.bbc.co.uk/news/world-123"),
    ("HTTPS://WWW.BBC.CO.UK/News/World-123", "https://www.bbc.co.uk/News/World-123"),   # path case kept
    ("https://example.com/a?utm_source=tw&utm_MEDIUM=x&id=7&fbclid=abc&gclid=1#comments",
     "https://example.com/a?id=7"),
    ("https://example.com/a?ref=home&mc_cid=1&mc_eid=2&cmpid=3&ocid=4&at_medium=RSS", "https://example.com/a"),
    ("https://example.com/a?b=2&a=1&c=3", "https://example.com/a?a=1&b=2&c=3"),
    ("https://example.com/a?tag=z&tag=a", "https://example.com/a?tag=z&tag=a"),   # repeated names keep order
    ("https://example.com/a?q=caf%C3%A9+bar", "https://example.com/a?q=caf%C3%A9+bar"),   # encoding kept
    ("http://example.com:80/a", "http://example.com/a"),
    ("https://example.com:443/a", "https://example.com/a"),
    ("https://example.com:8443/a", "https://example.com:8443/a"),
    ("https://example.com?#", "https://example.com/"),
    ("https://user:secret@example.com./a", "https://example.com/a"),
    ("  https://example.com/a  ", "https://example.com/a"),
    ("http://[2001:DB8::1]:8080/x", "http://[2001:db8::1]:8080/x"),
    ("https://münchen.de/stadt", "https://münchen.de/stadt"),
    ("ftp://example.com/a", None),
    ("mailto:news@example.com", None),
    ("example.com/a", None),
    ("https:///a", None),
    ("https://exa mple.com/a", None),
    ("https://example.com/a b", None),
    ("https://example.com:99999/", None),
    ("https://example.com:abc/", None),
    ("http://[::1/", None),
    ("https://exa..mple.com/", None),
    ("http://example.com\\@evil.com/", None),
    ("", None),
])
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://news.bbc.co.uk/x", "bbc.co.uk"),
    ("https://www.bbc.co.uk/news", "bbc.co.uk"),
    ("https://www.abc.net.au/news/2024", "abc.net.au"),
    ("https://www.news.com.au/world", "news.com.au"),
    ("https://edition.cnn.com/", "cnn.com"),
    ("https://someblog.blogspot.com/2024/05/x.html", "someblog.blogspot.com"),   # each blog its own outlet
    ("http://127.0.0.1:8000/a", None),
    ("http://[::1]/a", None),
    ("http://localhost/a", None),
    ("http://intranet.local/a", None),
    ("https://co.uk/", None),
    ("not a url", None),
])
def test_outlet_from_url(url, expected):
    assert outlet_from_url(url) == expected


# --- dates ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2024-05-30", MAY_30),
    ("2024-05-30T18:00:00Z", MAY_30 + timedelta(hours=18)),          # WARC-Date
    ("2024-05-30T18:00:00.123456789Z", MAY_30 + timedelta(hours=18, microseconds=123456)),
    ("2024-05-30T20:00:00+02:00", MAY_30 + timedelta(hours=18)),
    ("2024-05-30T02:00:00-0500", MAY_30 + timedelta(hours=7)),
    ("2024-05-30 18:00:00 UTC", MAY_30 + timedelta(hours=18)),
    ("2024-05-30T18:00:00", MAY_30 + timedelta(hours=18)),            # naive is UTC
    ("Thu, 30 May 2024 18:00:00 GMT", MAY_30 + timedelta(hours=18)),
    ("Thu, 30 May 2024 20:00:00 +0200", MAY_30 + timedelta(hours=18)),
    ("30 May 2024 14:00:00 EDT", MAY_30 + timedelta(hours=18)),
    ("May 30, 2024", MAY_30),
    ("30 May 2024", MAY_30),
    ("30th May 2024", MAY_30),
    ("Thursday 30 May 2024 19.00 BST", MAY_30 + timedelta(hours=18)),
    ("Sept. 3, 2024 at 6pm", datetime(2024, 9, 3, 18, tzinfo=UTC)),
    ("May 30, 2024 12:30 AM", MAY_30 + timedelta(minutes=30)),
    (1717092000, MAY_30 + timedelta(hours=18)),
    (1717092000.5, MAY_30 + timedelta(hours=18, milliseconds=500)),
    ("1717092000", MAY_30 + timedelta(hours=18)),
    (datetime(2024, 5, 30, 20, tzinfo=timezone(timedelta(hours=2))), MAY_30 + timedelta(hours=18)),
    (datetime(2024, 5, 30), MAY_30),
    ("30/05/2024", None), ("05/30/2024", None),         # slash dates: order not knowable
    ("20240530", None),                                  # neither ISO-extended nor epoch
    ("30 May 2024 18:00 IST", None),                     # ambiguous zone: India, Ireland, Israel
    ("30 Mai 2024", None), ("Published 30 May 2024", None), ("yesterday", None),
    ("30 February 2024", None), ("May 30, 2024 13:00 PM", None), ("30 May 2024 25:00", None),
    (1717092000000, None),                               # milliseconds: beyond year 9999 as seconds
    (float("nan"), None), (True, None), (None, None), ("", None), ("2024-05-30" + " " * 200 + "x", None),
])
def test_parse_datetime(value, expected):
    parsed = parse_datetime(value)
    assert parsed == expected
    assert parsed is None or parsed.tzinfo is UTC


# --- path patterns, sidecars, manifests --------------------------------------------------------------

def test_path_pattern_fields():
    match = compile_path_pattern("{outlet}/{published:%Y-%m-%d}/*.txt")
    assert match("www.bbc.co.uk/2024-05-30/story.txt") == {"outlet": "bbc.co.uk", "published_at": MAY_30}
    assert match("sky-news/2024-05-30/story.txt") == {"outlet": "sky-news", "published_at": MAY_30}
    assert match("bbc.co.uk/2024-05-30/deeper/story.txt") is None
    assert match("bbc.co.uk/2024-05-30/story.html") is None
    assert match("bbc.co.uk/not-a-date/story.txt") is None


def test_path_pattern_with_a_bad_date_keeps_the_rest():
    fields = compile_path_pattern("{outlet}/{published:%Y-%m-%d}/*.txt")("bbc.co.uk/2024-13-45/story.txt")
    assert fields["outlet"] == "bbc.co.uk" and "published_at" not in fields and "2024-13-45" in fields["_error"]
    assert resolve([("path", fields)], NOW).flags == ("path_error",)


def test_path_pattern_globs_and_other_fields():
    match = compile_path_pattern("**/{published:%Y/%m/%d}/{title}.txt")
    assert match("crawl/x/2024/05/30/leaders-meet.txt") == {"published_at": MAY_30, "title": "leaders-meet"}
    assert match("2024/05/30/leaders-meet.txt") == {"published_at": MAY_30, "title": "leaders-meet"}
    assert compile_path_pattern("{published:%Y%m%d%H%M%z}-*.txt")("202405302000+0200-a.txt") == \
        {"published_at": MAY_30 + timedelta(hours=18)}
    assert compile_path_pattern("{outlet}/**")("euronews.com/a/b/c.json") == {"outlet": "euronews.com"}
    assert compile_path_pattern("{url}.txt")("https%3A%2F%2Fbbc.co.uk%2Fnews%2F1.txt") == \
        {"url": "https://bbc.co.uk/news/1"}
    with pytest.raises(ValueError, match="unknown or repeated"):
        compile_path_pattern("{author}/*.txt")
    with pytest.raises(ValueError, match="unknown or repeated"):
        compile_path_pattern("{outlet}/{outlet}/*.txt")
    with pytest.raises(ValueError, match="unsupported"):
        compile_path_pattern("{published:%A}/*.txt")


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_sidecar(tmp_path):
    article = write(tmp_path / "a.txt", BODY)
    assert read_sidecar(article) is None
    write(tmp_path / "a.meta.json", json.dumps({"site_name": "BBC News", "date": "2024-05-30", "x": 1}))
    assert read_sidecar(article) == {"outlet_name": "BBC News", "published_at": "2024-05-30"}
    write(tmp_path / "a.json", json.dumps({"url": "https://www.bbc.co.uk/news/1", "source": "bbc.co.uk",
                                           "headline": "Leaders meet"}))
    assert read_sidecar(article) == {"url": "https://www.bbc.co.uk/news/1", "outlet": "bbc.co.uk",
                                     "title": "Leaders meet"}   # NAME.json comes first


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", "\udcff"])
def test_broken_sidecar_is_reported_not_raised(tmp_path, content):
    article = write(tmp_path / "a.txt", BODY)
    (tmp_path / "a.json").write_bytes(content.encode("utf-8", "surrogateescape"))
    assert set(read_sidecar(article)) == {"_error"}


def test_manifest_csv_with_relative_and_absolute_paths(tmp_path):
    elsewhere = write(tmp_path / "other" / "b.txt", BODY)
    manifest = write(tmp_path / "batch" / "manifest.csv",
                     "path,url,outlet,published_at,title\n"
                     "a.txt,https://euronews.com/x?utm_source=rss,,2024-05-30,Leaders meet\n"
                     f"{elsewhere},,Sky News,,\n")
    assert read_manifest(manifest) == {
        str((tmp_path / "batch" / "a.txt").resolve()): {
            "url": "https://euronews.com/x?utm_source=rss", "published_at": "2024-05-30", "title": "Leaders meet"},
        str(elsewhere.resolve()): {"outlet_name": "Sky News"},
    }


def test_manifest_jsonl(tmp_path):
    manifest = write(tmp_path / "m.jsonl",
                     '{"path": "sub/a.txt", "link": "https://abc.net.au/n", "pubDate": 1717092000}\n'
                     "\n"
                     '{"path": "b.txt", "publisher": {"name": "ABC News"}}\n')
    assert read_manifest(manifest) == {
        str((tmp_path / "sub" / "a.txt").resolve()): {"url": "https://abc.net.au/n", "published_at": 1717092000},
        str((tmp_path / "b.txt").resolve()): {"outlet_name": "ABC News"},
    }


@pytest.mark.parametrize("name, content, error", [
    ("m.jsonl", '{"path": "a.txt"}\n{oops\n', "m.jsonl:2"),
    ("m.jsonl", '["a.txt"]\n', "not a JSON object"),
    ("m.jsonl", '{"url": "https://x.com/"}\n', "no path"),
    ("m.csv", "path,url\na.txt,https://x.com/1\n./a.txt,https://x.com/2\n", "listed twice"),
    ("m.csv", "url\nhttps://x.com/1\n", "no path"),
    ("m.txt", "path\na.txt\n", ".csv or .jsonl"),
])
def test_broken_manifest_raises(tmp_path, name, content, error):
    with pytest.raises(ValueError, match=error):
        read_manifest(write(tmp_path / name, content))


def test_normalize_fields():
    raw = {"link": " https://x.com/a ", "datePublished": "2024-05-30", "date": "2020-01-01",
           "og:site_name": "Example News", "Headline": "Leaders  meet", "body": "..."}
    assert normalize_fields(raw) == {"url": "https://x.com/a", "published_at": "2024-05-30",
                                     "outlet_name": "Example News", "title": "Leaders meet"}
    assert normalize_fields({"url": "https://x.com/a", "canonical_url": "https://x.com/b"})["url"] == "https://x.com/b"
    assert normalize_fields({"pub_date": 1717092000, "site-name": "X News"}) == \
        {"published_at": 1717092000, "outlet_name": "X News"}
    assert normalize_fields({"source": "https://www.news.com.au/x", "sitename": "news.com.au"}) == \
        {"outlet": "news.com.au", "outlet_name": "news.com.au"}
    assert normalize_fields({"outlet": "Sky News"}) == {"outlet_name": "Sky News"}
    assert normalize_fields({"outlet": "Sky News", "outlet_name": "Sky"}) == {"outlet_name": "Sky"}
    assert normalize_fields({"title": "", "date": True, "url": ["https://x.com"], "publisher": {"x": 1}}) == {}


def test_normalize_fields_twice_changes_nothing():
    for raw in [{"source": "https://www.bbc.co.uk/news", "site_name": "BBC News", "date": 1717092000},
                {"outlet": "Sky News", "title": " A  title "}, {"_error": "a.json: not a JSON object"}]:
        once = normalize_fields(raw)
        assert normalize_fields(once) == once


def test_normalize_fields_with_a_field_map():
    raw = {"permalink": "https://x.com/a", "url": "https://x.com/ignored", "when": "2024-05-30"}
    assert normalize_fields(raw, {"url": ("permalink",), "published_at": ("when",)}) == \
        {"url": "https://x.com/a", "published_at": "2024-05-30"}
    with pytest.raises(ValueError, match="unknown metadata fields"):
        normalize_fields(raw, {"author": ("by",)})


# --- resolution ---------------------------------------------------------------------------------------

CANDIDATES = [
    ("text", {"title": "From the text", "outlet_name": "Euronews", "published_at": MAY_30 - timedelta(days=3)}),
    ("path", {"outlet": "euronews-dump", "published_at": MAY_30 - timedelta(days=2)}),
    ("manifest", {"url": "https://example.org/from-manifest", "title": "From the manifest"}),
    ("sidecar", {"url": "https://www.euronews.com/2024/05/30/biden?utm_source=rss#top",
                 "published_at": "2024-05-30", "outlet_name": "Euronews.com"}),
    ("record", {"published_at": "2031-01-01T00:00:00Z"}),
]


def test_seed_with_a_sidecar(seed_texts, tmp_path):
    name = next(name for name in seed_texts if name.startswith("004"))
    article = write(tmp_path / name, seed_texts[name])
    write(article.with_suffix(".json"), json.dumps({
        "url": "https://www.euronews.com/2024/05/30/biden-partly-lifts-ban?utm_source=newsletter",
        "pubDate": "Thu, 30 May 2024 18:00:00 GMT"}))
    cleaned = clean_text(seed_texts[name])
    meta = resolve([("text", from_text(cleaned.title, cleaned.byline, cleaned.body)),
                    ("sidecar", read_sidecar(article))], NOW)
    assert (meta.url, meta.url_source) == ("https://www.euronews.com/2024/05/30/biden-partly-lifts-ban", "sidecar")
    assert (meta.outlet, meta.outlet_source, meta.outlet_name) == ("euronews.com", "sidecar", "Euronews")
    assert (meta.published_at, meta.published_at_source) == (MAY_30 + timedelta(hours=18), "sidecar")
    assert meta.title_source == "text" and meta.flags == ()


def test_each_field_comes_from_the_highest_source_that_has_it():
    meta = resolve(CANDIDATES, NOW)
    assert meta == Metadata(
        url="https://www.euronews.com/2024/05/30/biden", url_source="sidecar",
        outlet="euronews.com", outlet_name="Euronews.com", outlet_source="sidecar",
        published_at=MAY_30, published_at_source="sidecar",   # the record's date is in the future
        title="From the manifest", title_source="manifest",
        flags=("future_date_rejected",))
    assert set(meta.flags) <= FLAGS and meta.url_source in SOURCES


def test_resolution_is_deterministic():
    expected = resolve(CANDIDATES, NOW)
    for seed in range(10):
        shuffled = CANDIDATES[:]
        random.Random(seed).shuffle(shuffled)
        assert resolve(shuffled, NOW) == expected


def test_unusable_values_fall_through_with_a_flag():
    meta = resolve([("record", {"url": "javascript:alert(1)", "published_at": "last Tuesday"}),
                    ("sidecar", {"_error": "a.json: Expecting value"}),
                    ("manifest", {"url": "https://bbc.co.uk/n", "published_at": "2099-01-01"}),
                    ("path", {"published_at": MAY_30})], NOW)
    assert (meta.url, meta.url_source, meta.outlet) == ("https://bbc.co.uk/n", "manifest", "bbc.co.uk")
    assert (meta.published_at, meta.published_at_source) == (MAY_30, "path")
    assert meta.flags == ("future_date_rejected", "invalid_url", "sidecar_error", "unparseable_date")


def test_outlet_without_a_usable_url_is_the_best_named_one():
    meta = resolve([("text", {"outlet_name": "Sky News"}), ("path", {"outlet": "sky-news"})], NOW)
    assert (meta.outlet, meta.outlet_source, meta.outlet_name) == ("sky-news", "path", "Sky News")
    meta = resolve([("record", {"url": "http://10.0.0.1/a"}), ("text", {"outlet_name": "Sky News"})], NOW)
    assert (meta.url, meta.outlet, meta.outlet_source) == ("http://10.0.0.1/a", "Sky News", "text")


def test_ties_within_a_source_go_to_the_earlier_candidate_and_nothing_is_invented():
    meta = resolve([("record", {"title": "Record line"}), ("record", {"title": "Page title", "outlet_name": "X"})],
                   NOW)
    assert (meta.title, meta.outlet_name) == ("Record line", "X")
    empty = resolve([("text", {"title": None, "published_at": ""}), ("record", {})], NOW)
    assert empty == Metadata(None, None, None, None, None, None, None, None, None, ())
    assert resolve([], NOW) == empty


def test_now_may_be_naive_and_sources_must_be_known():
    assert resolve([("record", {"published_at": "2024-12-31T23:00:00Z"})],
                   datetime(2024, 12, 31, 22)).flags == ("future_date_rejected",)
    with pytest.raises(ValueError, match="unknown metadata sources"):
        resolve([("html", {"title": "x"})], NOW)


# --- never a crash -----------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.text() | st.from_regex(r"https?://[\w.:@\[\]-]*(/[^#?]*)?(\?[\w=&%+.-]*)?(#.*)?", fullmatch=True))
def test_canonical_url_never_crashes_and_is_stable(text):
    url = canonical_url(text)
    assert url is None or canonical_url(url) == url
    assert outlet_from_url(text) is None or url is not None


@settings(max_examples=300, deadline=None)
@given(st.text() | st.integers() | st.floats() | st.datetimes(timezones=st.none() | st.timezones())
       | st.from_regex(r"(Mon, )?\d{1,2} [A-Z][a-z]{2} \d{4}( \d{1,2}[:.]\d{2}( ?[AP]M)?( [A-Z]{3}| [+-]\d{4})?)?",
                       fullmatch=True))
def test_parse_datetime_never_crashes(value):
    parsed = parse_datetime(value)
    assert parsed is None or parsed.tzinfo is UTC


@settings(max_examples=200, deadline=None)
@given(st.text(), st.none() | st.text(), st.text())
def test_from_text_never_crashes(title, byline, body):
    found = from_text(title, byline, body)
    assert set(found) <= {"title", "outlet_name", "agency", "published_at"}
