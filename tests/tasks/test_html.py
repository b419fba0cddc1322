from datetime import datetime, timezone

from tasks.html import clean_input, looks_like_html, parse_date
from tests.conftest import PAGE


def test_html_is_recognised_by_content():
    assert looks_like_html(PAGE)
    assert looks_like_html("  <html lang='en'><body><p>x</p></body></html>")
    assert not looks_like_html("He wrote <p> in the text and <b>bold</b> once.")
    assert not looks_like_html("An ordinary article about HTML and the web.\n\nSecond paragraph.")


def test_page_is_extracted_then_cleaned():
    cleaned, page = clean_input(PAGE)
    assert page.site_name == "Example News" and page.byline == "Jane Doe"
    assert page.published_at == datetime(2024, 5, 30, tzinfo=timezone.utc)
    assert "European leaders gathered in Rome" in cleaned.body
    assert "Delegations from twenty countries" in cleaned.body
    for boilerplate in ["Home", "Cookie settings", "<p>"]:
        assert boilerplate not in cleaned.body


def test_page_without_text_has_no_body():
    cleaned, _ = clean_input("<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert cleaned.body == "" and "no_body" in cleaned.flags


def test_dates():
    now = datetime(2025, 1, 1, tzinfo=timezone.utc)
    assert parse_date("2024-05-30", now) == datetime(2024, 5, 30, tzinfo=timezone.utc)
    assert parse_date("2024-05-30T20:00:00+02:00", now) == datetime(2024, 5, 30, 18, tzinfo=timezone.utc)
    assert parse_date("2031-01-01", now) is None   # a date after the ingest is rejected
    assert parse_date("yesterday", now) is None
    assert parse_date(None, now) is None
