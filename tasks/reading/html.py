"""HTML input: recognise a page by its content and extract the article with trafilatura.

The extracted text then goes through the same cleaning and annotation as a text file; the
page's own metadata (title, author, publication date, site name) fills what the text lacks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsflow.tasks.cleaning.clean import Cleaned, clean_text
from newsflow.tasks.cleaning.corpus_lines import common_lines
from newsflow.tasks.reasons import ArticleFlag

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
    published_at: str | None     # as the page states it; tasks/metadata/resolve.py parses and checks it
    site_name: str | None

    def fields(self) -> dict[str, object]:
        """The page's own metadata, under the names tasks/metadata/resolve.py resolves."""
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


def text_to_clean(text: str) -> tuple[str | None, Page | None]:
    """What the cleaner reads: a decoded input as it is, or an HTML page's extracted article
    (None when the page holds no text), with the page."""
    if not looks_like_html(text):
        return text, None
    page = extract_page(text)
    return (page.text if page else None), page


def clean_source(source: str | None, common_lines: frozenset[str] = frozenset()) -> Cleaned:
    """Clean what ``text_to_clean`` gave. A page with no extractable text gives an empty
    body, which the pipeline quarantines as ``no_body``."""
    if source is None:
        return Cleaned(title=None, byline=None, body="", removed=(), flags=(ArticleFlag.NO_BODY,))
    return clean_text(source, common_lines=common_lines)


def clean_input(text: str, common_lines: frozenset[str] = frozenset()) -> tuple[Cleaned, Page | None]:
    """Clean a decoded input; an HTML page has its article extracted first."""
    source, page = text_to_clean(text)
    return clean_source(source, common_lines), page


# A chunk smaller than this is cleaned file by file: a handful of files on one story share
# real sentences, and three of five is no evidence of boilerplate.
COMMON_MIN_RECORDS = 10


def chunk_common_lines(sources: Sequence[str | None]) -> frozenset[str]:
    """Lines that repeat across a chunk's texts (menus, footers, one site's author boxes),
    once there are ``COMMON_MIN_RECORDS`` distinct texts (``newsflow.tasks.cleaning.corpus_lines.common_lines``)."""
    extracted = [source for source in sources if source is not None]
    return common_lines(extracted) if len(set(extracted)) >= COMMON_MIN_RECORDS else frozenset()


def clean_inputs(texts: Sequence[str]) -> list[tuple[Cleaned, Page | None]]:
    """Clean decoded inputs together, as the pipeline cleans a chunk of records: lines that
    repeat across them are boilerplate (``chunk_common_lines``)."""
    sources = [text_to_clean(text) for text in texts]
    common = chunk_common_lines([source for source, _ in sources])
    return [(clean_source(source, common), page) for source, page in sources]
