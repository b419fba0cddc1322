"""Clean scraped article text: keep the article, report every line taken out and why.

Works on plain text (no HTML) and decides per line from what the line looks like
(`tasks.clean_lines`), where it stands (`tasks.clean_layout`) and, optionally, which lines
repeat across the corpus (`common_lines`).

Reason codes (`REASONS`), one per removed line:
    machine_rewrite   an assistant's reply pasted in by a content-rewriting tool
    non_text          no letters or digits at all (separators, arrows, icons)
    caption           photo caption or picture credit, including caption-then-caption+credit pairs
    cookie_notice     cookie and consent banners
    comment_form      comment form labels and notices ("Leave a Reply", "Required fields...")
    subscription      newsletter, subscribe and sign-up prompts
    share_widget      share and social-media buttons
    navigation        menu entries, breadcrumbs, pagination, language switchers
    legal             copyright lines, imprint, privacy and terms links
    promo             promotional lines and ad labels ("Tap here", "Anzeige", "Read more")
    author_box        author box around the byline ("Avatar photo", "Articles: 7166", a bio)
    metadata          a date line, or a byline-shaped line other than the one kept as `byline`
    related_link      a line pointing to another article ("Read more: ...", "Lesen Sie auch: ...")
    repeated_title    a copy of the headline (also the page title with the site name)
    teaser_duplicate  a bullet teaser repeating the opening of a later paragraph
    duplicate         a paragraph already kept earlier in the body
    common_line       a line repeated across many files of the corpus (`common_lines`)
    tail_section      a tail section's heading (comments, related posts) and all after it
    head              short or non-prose line before the article core
    tail              short or non-prose line after the article core
    context           short or non-prose line between boilerplate inside the page

Flags (`FLAGS`):
    machine_rewrite_artifact  a `machine_rewrite` line was removed
    no_body                   nothing of the body is left
    very_short                the body has fewer than `VERY_SHORT_CHARS` characters
    mostly_non_letters        under half of the body's non-space characters are letters
    possibly_truncated        a prose paragraph stops mid-sentence (no closing punctuation)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from tasks import clean_lines as lines_
from tasks.clean_lines import COMMON_MAX_CHARS, line_key
from tasks.clean_layout import (
    BAD,
    GOOD,
    caption_pairs,
    core_span,
    span_from,
    span_score,
    find_byline,
    find_title,
    has_stopword_evidence,
    resolve_by_context,
    resolve_by_context,
    shape_class,
    teaser_duplicates,
)

REASONS = frozenset(
    {
        "machine_rewrite", "non_text", "caption", "cookie_notice", "comment_form",
        "subscription", "share_widget", "navigation", "legal", "promo", "author_box",
        "metadata", "related_link", "repeated_title", "teaser_duplicate", "duplicate", "common_line",
        "tail_section", "head", "tail", "context",
    }
)
FLAGS = frozenset(
    {"machine_rewrite_artifact", "no_body", "very_short", "mostly_non_letters", "possibly_truncated"}
)
VERY_SHORT_CHARS = 300
_MODE = "prefix"
_CONTEXT = ()
# A paragraph with this many words that ends without punctuation was cut off.
_TRUNCATION_MIN_WORDS = 20

_CUT_OFF = re.compile(r"[\w,;-]$")


@dataclass(frozen=True)
class RemovedLine:
    line_no: int  # 1-based, over lines split on \n, \r\n and \r
    text: str  # the line as it was, without its line ending
    reason: str  # one of REASONS


@dataclass(frozen=True)
class Cleaned:
    title: str | None
    byline: str | None
    body: str  # kept paragraphs joined with "\n\n"
    removed: tuple[RemovedLine, ...]
    flags: tuple[str, ...]  # sorted, from FLAGS


def split_lines(text: str) -> list[str]:
    """Split on \\n, \\r\\n and \\r like `str.splitlines`, but on nothing else."""
    if not text:
        return []
    parts = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return parts[:-1] if parts[-1] == "" else parts


def common_lines(texts: Iterable[str], min_share: float = 0.002, min_count: int = 3) -> frozenset[str]:
    """Keys of lines found in at least `min_count` files and `min_share` of the files.

    Each file counts a line once, and identical files count once, so a page scraped twice
    does not turn its own paragraphs into boilerplate. Lines longer than
    `COMMON_MAX_CHARS` are left out: a long paragraph found in several files is a
    syndicated article, which the cleaner must keep.
    """
    seen_files: set[int] = set()
    counts: Counter[str] = Counter()
    for text in texts:
        keys = frozenset(line_key(line) for line in split_lines(text) if line and len(line) <= COMMON_MAX_CHARS)
        if hash(keys) not in seen_files:
            seen_files.add(hash(keys))
            counts.update(keys - {""})
    threshold = max(min_count, min_share * len(seen_files))
    return frozenset(key for key, count in counts.items() if count >= threshold)


def _tail_start(texts: list[str], keys: list[str], classes: list[str]) -> int | None:
    """Index of the heading that ends the article, if one follows its prose."""
    good_chars = [len(t) if c == GOOD else 0 for t, c in zip(texts, classes)]
    before, after = 0, sum(good_chars)
    for i, text in enumerate(texts):
        before, after = before + good_chars[i], after - good_chars[i]
        # A comments or related-posts heading above the article is a sidebar, not its end.
        if before and before * 2 >= after and lines_.is_tail_marker(keys[i]):
            return i
    return None


def _flags(paragraphs: list[str], keys: list[str], reasons: list[str | None]) -> tuple[str, ...]:
    """Flags from FLAGS for a body made of `paragraphs` (with their `keys`)."""
    flags = set()
    if "machine_rewrite" in reasons:
        flags.add("machine_rewrite_artifact")
    if not paragraphs:
        flags.add("no_body")
        return tuple(sorted(flags))
    if sum(map(len, paragraphs)) + 2 * (len(paragraphs) - 1) < VERY_SHORT_CHARS:
        flags.add("very_short")
    letters = sum(len(k) - k.count(" ") for k in keys)
    if letters * 2 < sum(len(p) - p.count(" ") for p in paragraphs):
        flags.add("mostly_non_letters")
    if any(_CUT_OFF.search(p[-1:]) and p.count(" ") + 1 >= _TRUNCATION_MIN_WORDS for p in paragraphs):
        flags.add("possibly_truncated")
    return tuple(sorted(flags))


def clean_text(text: str, *, common_lines: frozenset[str] = frozenset()) -> Cleaned:
    """Split a scraped page into title, byline and body; account for every other line."""
    page = [
        (no, raw, collapsed)
        for no, raw in enumerate(split_lines(text), 1)
        if raw and not raw.isspace() and (collapsed := lines_.collapse_whitespace(raw))
    ]
    texts = [collapsed for _, _, collapsed in page]
    keys = [lines_.opening_key(t) for t in texts]
    reasons = [lines_.line_kind(t, k, common_lines) for t, k in zip(texts, keys)]
    for i in caption_pairs(texts):
        reasons[i] = "caption"
    # Only lines not yet removed need measuring.
    shapes = [None if r else lines_.line_shape(t, k) for t, k, r in zip(texts, keys, reasons)]

    byline_at, byline, box = find_byline(texts, keys, reasons)
    for i, reason in box.items():
        reasons[i] = reason
    title_at, title, copies = find_title(texts, keys, shapes, reasons, line_key)
    for i in copies:
        reasons[i] = "repeated_title"
    metadata_lines = {byline_at, title_at} - {None}

    stop_evidence = has_stopword_evidence([s for s in shapes if s])
    own_class = [
        BAD if reasons[i] or i in metadata_lines else shape_class(s, stop_evidence)
        for i, s in enumerate(shapes)
    ]
    tail_at = _tail_start(texts, keys, own_class)
    if tail_at is not None:
        for i in range(tail_at, len(texts)):
            if i not in metadata_lines:
                reasons[i] = "tail_section"
                own_class[i] = BAD
    scores = [span_score(s, c) for s, c in zip(shapes, own_class)]
    span = core_span(scores) or (0, 0)
    # The headline stands right above its article: what lies between belongs to it.
    if title_at is not None and title_at < span[0]:
        if _MODE == "prefix" and any(i < title_at for i in copies):
            span = span_from(scores, title_at + 1) or span
        elif _MODE == "extend" or (_MODE == "prefix_or_extend"):
            span = (title_at + 1, span[1])
    resolved = resolve_by_context(own_class)
    for i in range(len(texts)):
        if reasons[i] is None and i not in metadata_lines and not span[0] <= i < span[1]:
            reasons[i] = "head" if i < span[0] else "tail"
        elif reasons[i] is None and i not in metadata_lines and resolved[i] == BAD and own_class[i] in _CONTEXT:
            reasons[i] = "context"

    kept = [i for i in range(len(texts)) if reasons[i] is None and i not in metadata_lines]
    for j in teaser_duplicates([keys[i] for i in kept], [shapes[i].is_bullet for i in kept]):
        reasons[kept[j]] = "teaser_duplicate"
    seen: set[str] = set()
    for i in kept:
        if reasons[i] is None:
            if keys[i] in seen:
                reasons[i] = "duplicate"
            seen.add(keys[i])

    kept = [i for i in kept if reasons[i] is None]
    paragraphs = [texts[i] for i in kept]
    removed = tuple(
        RemovedLine(no, raw, reason) for (no, raw, _), reason in zip(page, reasons) if reason
    )
    return Cleaned(
        title, byline, "\n\n".join(paragraphs), removed,
        _flags(paragraphs, [keys[i] for i in kept], reasons),
    )
