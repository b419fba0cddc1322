"""Clean scraped article text: keep the article, report every line taken out and why.

Works on plain text (no HTML), line by line: what a line says (`newsflow.tasks.cleaning.lines`:
phrases, captions, lines repeated across the corpus), what it looks like and where it
stands (`newsflow.tasks.cleaning.layout`: prose or label, inside the article core or around it),
which lines are the headline and byline (`newsflow.tasks.cleaning.headline`), and where the article
ends (`newsflow.tasks.cleaning.tail`: headings of comments and related posts).

Reason codes (`REASONS`, one per removed line) and flags (`FLAGS`): `newsflow.tasks.reasons`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsflow.tasks.cleaning.layout import (
    BAD,
    GOOD,
    NEAR,
    LineShape,
    caption_pairs,
    core_span,
    has_stopword_evidence,
    line_shape,
    shape_class,
    span_score,
    teaser_duplicates,
)
from newsflow.tasks.cleaning.headline import find_byline, find_title
from newsflow.tasks.cleaning.lines import line_kind
from newsflow.tasks.cleaning.line_keys import line_key, opening_key
from newsflow.tasks.cleaning.paragraphs import read_paragraphs
from newsflow.tasks.cleaning.tail import is_tail_heading, tail_start
from newsflow.tasks.metadata.text import signoff_agency
from newsflow.tasks.reasons import ArticleFlag, RemovedLine

REASONS = frozenset(RemovedLine)   # documented in tasks/reasons.py
FLAGS = frozenset({ArticleFlag.MACHINE_REWRITE_ARTIFACT, ArticleFlag.NO_BODY, ArticleFlag.VERY_SHORT,
                   ArticleFlag.MOSTLY_NON_LETTERS, ArticleFlag.POSSIBLY_TRUNCATED})
VERY_SHORT_CHARS = 300
# A paragraph this long (in words) that ends without punctuation was cut off.
_TRUNCATION_MIN_WORDS = 20
_CUT_OFF = re.compile(r"[\w,;-]")

__all__ = ["FLAGS", "REASONS", "Cleaned", "RemovedLine", "clean_text", "line_key"]


@dataclass(frozen=True)
class RemovedLine:
    line_no: int  # 1-based, over lines split on \n, \r\n and \r (see `split_lines`)
    text: str  # the line as it was, without its line ending
    reason: str  # one of REASONS


@dataclass(frozen=True)
class Cleaned:
    title: str | None  # the headline, None when the text opens with body text
    byline: str | None  # author or desk, without "By"
    body: str  # kept paragraphs joined with "\n\n"
    removed: tuple[RemovedLine, ...]  # every other non-blank line, in order
    flags: tuple[str, ...]  # sorted, from FLAGS


@dataclass
class _Page:
    """The paragraphs of one text, in parallel lists, and what is decided about them."""

    lines: list[tuple[tuple[int, str], ...]]  # each paragraph's raw lines and their numbers
    texts: list[str]  # paragraphs, whitespace collapsed
    keys: list[str]  # `opening_key` of each line
    shapes: list[LineShape | None]  # None for lines removed on sight
    reasons: list[str | None]  # why a line is removed; None while it is kept
    classes: list[str]  # GOOD, NEAR, SHORT or BAD


def clean_text(text: str, *, common_lines: frozenset[str] = frozenset()) -> Cleaned:
    """Split a scraped article into title, byline and body; account for every other line.

    Blank lines are separators and are not reported. `common_lines` (``corpus_lines.common_lines``,
    over the batch or source) marks lines that repeat across files.
    """
    page = _read(text, common_lines)
    byline_at, byline, title_at, article_after = _find_metadata(page)
    metadata = {title_at, byline_at} - {None}
    _remove_outside_article(page, metadata, article_after)
    _remove_repeats(page, metadata)
    kept = [i for i, reason in enumerate(page.reasons) if reason is None and i not in metadata]
    paragraphs = [page.texts[i] for i in kept]
    return Cleaned(
        title=page.texts[title_at] if title_at is not None else None,
        byline=byline,
        body="\n\n".join(paragraphs),
        removed=tuple(
            RemovedLine(no, raw, reason)
            for lines, reason in zip(page.lines, page.reasons)
            if reason
            for no, raw in lines
        ),
        flags=_flags(paragraphs, [page.shapes[i].letter_share for i in kept], page.reasons),
    )


def _read(text: str, common: frozenset[str]) -> _Page:
    """Rebuild the paragraphs, then measure and judge each one on its own."""
    paragraphs = read_paragraphs(text)
    # A page repeats lines (menus above and below the article): read each one once.
    read: dict[str, tuple[str, str | None, LineShape | None]] = {}
    facts = []
    for paragraph in paragraphs:
        fact = read.get(paragraph.text)
        if fact is None:
            key = opening_key(paragraph.text)
            kind = line_kind(paragraph.text, key, common)
            shape = line_shape(paragraph.text, key) if not kind else None
            fact = read[paragraph.text] = key, kind, shape
        facts.append(fact)
    texts = [paragraph.text for paragraph in paragraphs]
    keys, reasons, shapes = map(list, zip(*facts)) if facts else ([], [], [])
    # The sign-off ends the story; a separator or control code may still follow it.
    last = next((i for i in range(len(texts) - 1, -1, -1) if keys[i]), None)
    if last and signoff_agency(texts[last]):
        reasons[last], shapes[last] = "agency_signoff", None
    for i in caption_pairs(texts):
        reasons[i], shapes[i] = "caption", None
    stop_evidence = has_stopword_evidence([shape for shape in shapes if shape])
    classes = [shape_class(shape, stop_evidence) if shape else BAD for shape in shapes]
    return _Page([paragraph.lines for paragraph in paragraphs], texts, keys, shapes, reasons, classes)


def _find_metadata(page: _Page) -> tuple[int | None, str | None, int | None, int | None]:
    """Byline index and name, title index, and the index the article follows."""
    first_prose = page.classes.index(GOOD) if GOOD in page.classes else len(page.texts)
    byline_at, byline, byline_lines = find_byline(page.texts, page.keys, page.reasons)
    title_at, copies, article_after = find_title(page.texts, page.keys, page.shapes, first_prose, byline_at)
    decided = {**byline_lines, **dict.fromkeys(copies, "repeated_title")}
    for i, reason in decided.items():
        page.reasons[i], page.classes[i] = reason, BAD
    for i in {title_at, byline_at} - {None}:
        page.reasons[i], page.classes[i] = None, BAD
    return byline_at, byline, title_at, article_after


def _remove_outside_article(page: _Page, metadata: set[int], article_after: int | None) -> None:
    """Remove tail sections, then what lies outside the article core."""
    reasons, classes = page.reasons, page.classes
    prose_chars = [len(t) if c in (GOOD, NEAR) else 0 for t, c in zip(page.texts, classes)]
    tail = tail_start(page.texts, page.keys, prose_chars)
    for i in range(tail, len(reasons)):
        if i not in metadata:
            reasons[i], classes[i] = "tail_section", BAD
    for i in range(tail):  # higher up, a tail heading heads a sidebar or a box of links
        if reasons[i] is None and i not in metadata and is_tail_heading(page.texts[i], page.keys[i]):
            reasons[i], classes[i] = "tail_section", BAD
    start, end = core_span([span_score(*line) for line in zip(page.shapes, classes, reasons)])
    # The headline stands right above its article: what lies between belongs to it.
    if article_after is not None and article_after < start:
        start = article_after + 1
    end = _article_end(page, start, end)
    for i in range(len(reasons)):
        if reasons[i] is None and i not in metadata and not start <= i < end:
            reasons[i] = "head" if i < start else "tail"


# Boilerplate that stands under articles, in the widgets and link boxes of a page: past the
# article core, the first such line is where the page's own sections begin.
TAIL_EVIDENCE = frozenset({
    "comment_form", "related_link", "tail_section", "navigation", "legal", "subscription",
    "share_widget", "cookie_notice", "promo", "author_box", "common_line",
})


def _article_end(page: _Page, core_start: int, core_end: int) -> int:
    """Where the article ends: at the end of its core when boilerplate follows, else at the end.

    Lines after the core that are only shorter, denser in numbers or more list-like than
    prose (line-ups, results, price lists, credits) stay in the article unless the page
    shows that it goes on with sections of its own: a line known as boilerplate, a menu or
    breadcrumb, or a line of the page's header given again (footers repeat menus, articles
    do not repeat their page's header).
    """
    header = set(page.keys[:core_start])
    for i in range(core_end, len(page.reasons)):
        reason, shape = page.reasons[i], page.shapes[i]
        if reason in TAIL_EVIDENCE or (
            reason is None and (page.keys[i] in header or (shape and shape.n_separators >= 2))
        ):
            return core_end
    return len(page.reasons)


def _remove_repeats(page: _Page, metadata: set[int]) -> None:
    """Remove bullet teasers of later paragraphs, and paragraphs given twice."""
    kept = [i for i, reason in enumerate(page.reasons) if reason is None and i not in metadata]
    teasers = teaser_duplicates([page.texts[i] for i in kept], [page.keys[i] for i in kept])
    for j in teasers:
        page.reasons[kept[j]] = "teaser_duplicate"
    seen: set[str] = set()
    for i in kept:
        if page.reasons[i] is None and page.texts[i] in seen:
            page.reasons[i] = "duplicate"
        seen.add(page.texts[i])


def _flags(paragraphs: list[str], letter_shares: list[float], reasons: list[str | None]) -> tuple[str, ...]:
    """Flags (from FLAGS) for a body made of `paragraphs`."""
    flags = set()
    if "machine_rewrite" in reasons:
        flags.add(ArticleFlag.MACHINE_REWRITE_ARTIFACT)
    if not paragraphs:
        return tuple(sorted(flags | {"no_body"}))
    if sum(map(len, paragraphs)) + 2 * (len(paragraphs) - 1) < VERY_SHORT_CHARS:
        flags.add(ArticleFlag.VERY_SHORT)
    letters = sum(share * (len(p) - p.count(" ")) for share, p in zip(letter_shares, paragraphs))
    if letters * 2 < sum(map(len, paragraphs)):
        flags.add(ArticleFlag.MOSTLY_NON_LETTERS)
    if any(_CUT_OFF.match(p[-1:]) and p.count(" ") + 1 >= _TRUNCATION_MIN_WORDS for p in paragraphs):
        flags.add(ArticleFlag.POSSIBLY_TRUNCATED)
    return tuple(sorted(flags))
