from tasks.html import clean_input, looks_like_html
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
