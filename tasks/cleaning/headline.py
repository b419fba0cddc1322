"""The headline and the byline: found among a page's lines and pulled out of its body.

The headline is the first headline-shaped line above the prose, or the copy of the page
title ("Headline | Site") that stands right above the article; the byline is a "By ..."
line, an author box or an agency credit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsflow.tasks.cleaning.layout import CLOSING, LineShape

# Scripts written without spaces between words (CJK) start here.
_CJK = "\u2e80"
_HEADLINE_MAX_WORDS = 25
# A headline copy covers at least this share of the page title ("Headline | Site").
_HEADLINE_SHARE = 0.4
_HEADLINE_MIN_CHARS = 8


def _headline_shaped(text: str, shape: LineShape, wire: bool = False) -> bool:
    """Whether a line reads as a headline; `wire`: a first line in capitals is one however
    short, as wire stories are headed ("COCOA REVIEW")."""
    min_words = 2 if wire and text.isupper() else 3
    return (
        # Menu entries are one or two words; scripts without spaces (CJK) are exempt.
        (min_words <= shape.n_words <= _HEADLINE_MAX_WORDS or (shape.n_chars >= 8 and text[0] >= _CJK))
        and shape.n_chars <= 250
        and shape.letter_share >= 0.6
        # Headlines may ask or exclaim, but do not end like a sentence or a label.
        and text.rstrip(CLOSING)[-1:] not in ".:;"
    )


def find_title(
    texts: Sequence[str],
    keys: Sequence[str],
    shapes: Sequence[LineShape | None],
    first_prose: int,
    byline_at: int | None,
) -> tuple[int | None, set[int], int | None]:
    """The title's index, the indexes of its copies, and the copy the article follows.

    The title is the first headline-shaped line before the first prose paragraph
    (`first_prose`), among lines not removed yet (those with a shape) and other than the
    byline. Scraped pages often open with the page title ("Headline | Site") and show
    the headline again above the article: a later line that is the title's beginning or
    end, and covers much of it, is that headline; it becomes the title and the page
    title a copy. The last copy before the prose marks where the article starts.
    """
    title_at = next(
        (
            i
            for i, shape in enumerate(shapes[:first_prose])
            if shape and i != byline_at and _headline_shaped(texts[i], shape, wire=i == 0)
        ),
        None,
    )
    if title_at is None:
        return None, set(), None
    title_key = keys[title_at]
    min_chars = max(_HEADLINE_MIN_CHARS, _HEADLINE_SHARE * len(title_key))
    parts = [
        i
        for i, key in enumerate(keys)
        if min_chars <= len(key) < len(title_key)
        and (title_key.startswith(key + " ") or title_key.endswith(" " + key))
    ]
    page_title = {title_at}
    if parts:
        before_prose = [i for i in parts if i < first_prose]
        title_at = before_prose[-1] if before_prose else parts[0]
        title_key = keys[title_at]
    copies = {i for i, key in enumerate(keys) if key == title_key or i in parts} | page_title
    copies.discard(title_at)
    return title_at, copies, max([title_at] + [i for i in copies if i < first_prose])


_NAME = r"[A-ZÀ-ÝŁŚŻŹĆ][\w.'’-]*(?:,? (?:and |und |y |et |i |e |with |mit |con |avec )?[\w.'’&-]+){0,7}"
_BYLINE = re.compile(
    rf"^(?:by|von|por|par|autor(?:in)?|author|text|written by|reporting by|posted by|"
    rf"geschrieben von|escrito por|publié par)\s*:? (?P<name>{_NAME})"
    rf"(?:(?: on| am| el| le| den| updated| aktualisiert| veröffentlicht)\b.*|(?:,? \d| [|•·–—-]).*)?$",
    re.IGNORECASE,
)
_BYLINE_OPENERS = frozenset(
    "by von por par autor autorin author text written reporting posted geschrieben escrito "
    "publié".split()
)
# Agency credits: "@Sky News", or "Euronews with AP" without a "By".
_CREDIT = re.compile(
    r"^@(?P<name>[A-ZÀ-Ý][\w.&' -]{1,40})$|"
    r"^(?P<desk>[A-ZÀ-Ý][\w.&' -]{1,40} (?:with|mit|con|avec|z) "
    r"(?:AP|AFP|Reuters|dpa|EFE|PAP|AAP|ANSA|KNA|epd))$"
)
_AGENCIES = frozenset("ap afp reuters dpa efe pap aap ansa kna epd".split())
_BYLINE_MAX_CHARS = 120
_AUTHOR_LABELS = frozenset(
    "avatar|avatar photo|author|autor|autorin|about the author|über den autor|"
    "über die autorin|sobre el autor|à propos de l auteur|o autorze|written by".split("|")
)
_AUTHOR_STATS = frozenset("articles posts beiträge artikel artículos entradas wpisy".split())
# A name of one to four capitalised words, at most 40 characters.
_PERSON = re.compile(r"^(?=.{1,40}$)[A-ZÀ-ÝŁŚŻŹĆ][\w.'’-]+(?: [A-ZÀ-ÝŁŚŻŹĆ][\w.'’-]+){0,3}$")
_AUTHOR_BOX_LINES = 3


def _byline_name(line: str, key: str) -> tuple[int, str] | None:
    """(precedence, name) for a "By ..." line (0) or an agency credit (2)."""
    if key.partition(" ")[0] in _BYLINE_OPENERS:
        match = _BYLINE.match(line)
        if match and match.group("name")[0].isupper():
            return 0, match.group("name").strip(" ,")
    elif line[0] == "@" or key.rpartition(" ")[2] in _AGENCIES:
        match = _CREDIT.match(line)
        if match:
            return 2, (match.group("name") or match.group("desk")).strip()
    return None


def find_byline(
    texts: Sequence[str], keys: Sequence[str], reasons: Sequence[str | None]
) -> tuple[int | None, str | None, dict[int, str]]:
    """The byline's index and name, and reasons for other lines that go with it.

    A "By ..." line wins over an author box ("Avatar photo" / name / "Articles: 7166"),
    which wins over an agency credit ("@Sky News"). Other byline lines are `metadata`;
    an author box's label, counters and bio (lines opening with the author's name) are
    `author_box`. Lines common to the corpus count too: a source's bylines repeat.
    """
    found: list[tuple[int, int, str]] = []  # (precedence, index, name)
    extra: dict[int, str] = {}
    for i, text in enumerate(texts):
        if reasons[i] not in (None, "common_line") or len(text) > _BYLINE_MAX_CHARS or not keys[i]:
            continue
        byline = _byline_name(text, keys[i]) if keys[i] not in _AUTHOR_LABELS else None
        if byline:
            found.append((byline[0], i, byline[1]))
        elif keys[i] in _AUTHOR_LABELS and i + 1 < len(texts) and _PERSON.match(texts[i + 1]):
            name = texts[i + 1]
            found.append((1, i + 1, name))
            extra[i] = "author_box"
            for j in range(i + 2, min(i + 2 + _AUTHOR_BOX_LINES, len(texts))):
                stats = keys[j] in _AUTHOR_STATS and texts[j][-1:].isdigit()
                if stats or texts[j].startswith(name.split()[0] + " "):
                    extra[j] = "author_box"
    if not found:
        return None, None, extra
    _, at, name = min(found)
    extra.update({i: "metadata" for _, i, _ in found if i != at and i not in extra})
    return at, name, extra
