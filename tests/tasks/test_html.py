from newsflow.tasks.cleaning.clean import clean_text
from newsflow.tasks.reading.html import COMMON_MIN_RECORDS, clean_input, clean_inputs, looks_like_html
from tests.conftest import PAGE


def test_html_is_recognised_by_content():
    assert looks_like_html(PAGE)
    assert looks_like_html("  <html lang='en'><body><p>x</p></body></html>")
    assert not looks_like_html("He wrote <p> in the text and <b>bold</b> once.")
    assert not looks_like_html("An ordinary article about HTML and the web.\n\nSecond paragraph.")


def test_page_is_extracted_then_cleaned():
    cleaned, page = clean_input(PAGE)
    assert page.site_name == "Example News" and page.byline == "Jane Doe"
    assert page.published_at == "2024-05-30"
    assert "European leaders gathered in Rome" in cleaned.body
    assert "Delegations from twenty countries" in cleaned.body
    for boilerplate in ["Home", "Cookie settings", "<p>"]:
        assert boilerplate not in cleaned.body


def test_page_without_text_has_no_body():
    cleaned, _ = clean_input("<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert cleaned.body == "" and "no_body" in cleaned.flags


TOWNS = ["Leeds", "Bristol", "Cardiff", "Dundee", "Exeter", "Norwich", "Oxford", "Bath", "York", "Derby", "Hull"]
TOPICS = ["buses", "schools", "parks", "housing", "libraries", "bridges", "markets", "water", "rail", "art", "ports"]


def _site_pages(n: int) -> list[str]:
    """Pages of one site: each its own story, all with the same promotional line."""
    return [f"{TOWNS[i]} votes on {TOPICS[i]}\n\nThe council of {TOWNS[i]} voted on its {TOPICS[i]} on "
            f"Monday, after a long debate about the budget and what {TOPICS[i]} cost the town.\n\n"
            "Sign up to the Daily Digest for more\n" for i in range(n)]


def test_lines_repeated_across_a_chunk_are_boilerplate():
    results = clean_inputs(_site_pages(COMMON_MIN_RECORDS))
    for i, (cleaned, page) in enumerate(results):
        assert page is None and f"The council of {TOWNS[i]} voted" in cleaned.body
        assert "Daily Digest" not in cleaned.body
        assert ("Sign up to the Daily Digest for more", "common_line") in [(r.text, r.reason) for r in cleaned.removed]


def test_a_small_chunk_is_cleaned_file_by_file():
    pages = _site_pages(COMMON_MIN_RECORDS - 1)
    assert [cleaned for cleaned, _ in clean_inputs(pages)] == [clean_text(page) for page in pages]
    assert "common_line" not in {r.reason for cleaned, _ in clean_inputs(pages) for r in cleaned.removed}
