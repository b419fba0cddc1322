"""The lines a batch of pages repeats from page to page (menus, footers, notices), for
``clean_text(common_lines=...)``: one of the cleaner's few facts about the corpus rather than
the page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newsflow.tasks.cleaning.line_keys import COMMON_MAX_CHARS, is_prose_sentence, line_key
from newsflow.tasks.cleaning.paragraphs import split_lines


def common_lines(texts: Iterable[str], min_share: float = 0.002, min_count: int = 3) -> frozenset[str]:
    """Keys (`line_key`) of lines found in at least `min_count` and `min_share` of the files.

    Meant for one source's files, or one batch: menus, footers and notices repeat from
    page to page, article text does not. `min_share` keeps a large corpus from turning
    every subheading that three articles share ("Conclusion") into boilerplate. Each file
    counts a line once and identical files count once, so a page scraped twice does not
    turn its paragraphs into boilerplate. Lines of prose are left out, long ones
    (`COMMON_MAX_CHARS`) and full sentences alike: text shared between articles is
    syndication or quotation, which the duplicate tables show, not boilerplate.
    """
    seen_files: set[int] = set()
    counts: Counter[str] = Counter()
    for text in texts:
        if hash(text) not in seen_files:
            seen_files.add(hash(text))
            lines = set(split_lines(text))
            keys = {line_key(line) for line in lines if line and len(line) <= COMMON_MAX_CHARS
                    and not is_prose_sentence(line)}
            counts.update(keys - {""})
    threshold = max(min_count, min_share * len(seen_files))
    return frozenset(key for key, count in counts.items() if count >= threshold)
