"""HTML input: recognise a page by its content and extract the article with trafilatura.

The extracted text then goes through the same cleaning and annotation as a text file; the
page's own metadata (title, author, publication date, site name) fills what the text lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from tasks.clean import Cleaned, clean_text

HEAD_CHARS = 2048
_DOCTYPE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
                      re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?(?:html|head|body|div|p|span|a|meta|script|article|section|br|li|ul|h[1-6])\b",
                  re.IGNORECASE)
MIN_TAGS = 8   # a text that quotes one "<p>" is not a page


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    byline: str | None
    published_at: str | None     # as the page states it; tasks/metadata.py parses and checks it
    site_name: str | None

    def fields(self) -> dict[str, object]:
        """The page's own metadata, under the names tasks/metadata.py resolves."""
        return {"title": self.title, "outlet_name": self.site_name, "published_at": self.published_at}


def looks_like_html(text: str) -> bool:
    """True when the content is an HTML page, whatever the file is called."""
    head = text[:HEAD_CHARS]
    return bool(_DOCTYPE.match(head)) or len(_TAG.findall(head)) >= MIN_TAGS


def extract_page(html: str) -> Page | None:
    """The article of an HTML page with its metadata, or None when the page holds no text."""
    import trafilatura  # heavy import: only pages pay for it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, deduplicate=False)
    if doc is None or not (doc.text or "").strip():
        return None
    return Page(
        text=doc.text,
        title=doc.title or None,
        byline=doc.author or None,
        published_at=doc.date or None,
        site_name=doc.sitename or None,
    )


def clean_input(text: str) -> tuple[Cleaned, Page | None]:
    """Clean a decoded input; an HTML page has its article extracted first. A page with no
    extractable text gives an empty body, which the pipeline quarantines as ``no_body``."""
    if not looks_like_html(text):
        return clean_text(text), None
    page = extract_page(text)
    if page is None:
        return Cleaned(title=None, byline=None, body="", removed=(), flags=("no_body",)), None
    return clean_text(page.text), page
