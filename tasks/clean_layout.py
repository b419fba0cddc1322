"""Where a line stands: decisions that need the neighbouring lines or the whole page.

The context rules follow jusText (Pomikálek, 2011): a line is first judged on its own as
good prose, near-good, short or bad; short and near-good lines then take the verdict of
their nearest decided neighbours, so a subheading between two paragraphs stays and a
lone menu entry between two menus goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from tasks.clean_lines import (
    LENGTH_LOW,
    LineShape,
    byline_name,
    is_author_label,
    is_author_stats,
    is_person_name,
)

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"

# A near-good line at least this long is prose by itself.
LENGTH_HIGH = 150
# Function-word densities for near-good and good prose with our compact stop-word lists.
STOP_LOW, STOP_HIGH = 0.25, 0.30
# Below this average density on long lines the page is in a language our lists do not
# cover (Chinese, Russian, Bengali...): fall back to sentence punctuation.
STOP_EVIDENCE = 0.06


def has_stopword_evidence(shapes: Sequence[LineShape]) -> bool:
    """Whether function-word density says anything about this page's language."""
    long_lines = [s for s in shapes if s.n_chars >= LENGTH_LOW]
    if not long_lines:
        return True
    return sum(s.stopword_density for s in long_lines) / len(long_lines) >= STOP_EVIDENCE


def shape_class(shape: LineShape | None, stop_evidence: bool) -> str:
    """Judge a line on its own: GOOD prose, NEAR-good, SHORT (undecided) or BAD."""
    if shape is None:
        return BAD
    if shape.n_separators >= 2 or shape.letter_share < 0.5:
        return BAD
    if shape.n_chars < LENGTH_LOW:
        return SHORT
    if stop_evidence:
        density = shape.stopword_density
    else:
        density = STOP_HIGH if shape.ends_sentence else STOP_LOW
    if density >= STOP_HIGH:
        return GOOD if shape.n_chars >= LENGTH_HIGH else NEAR
    return NEAR if density >= STOP_LOW else BAD


def _neighbour(classes: Sequence[str], i: int, step: int, skip_near: bool) -> str:
    """The nearest GOOD or BAD class from i in direction step; page edges count as BAD."""
    skipped = (SHORT, NEAR) if skip_near else (SHORT,)
    j = i + step
    while 0 <= j < len(classes):
        if classes[j] not in skipped:
            return classes[j]
        j += step
    return BAD


def resolve_by_context(classes: Sequence[str]) -> list[str]:
    """Turn every SHORT and NEAR line into GOOD or BAD from its neighbours (jusText rules)."""
    resolved = list(classes)
    for i, cls in enumerate(classes):
        if cls != NEAR:
            continue
        prev, nxt = _neighbour(classes, i, -1, True), _neighbour(classes, i, 1, True)
        resolved[i] = BAD if prev == BAD and nxt == BAD else GOOD
    for i, cls in enumerate(classes):
        if cls != SHORT:
            continue
        prev, nxt = _neighbour(resolved, i, -1, True), _neighbour(resolved, i, 1, True)
        if prev == nxt:
            resolved[i] = prev
        elif (prev == BAD and _neighbour(classes, i, -1, False) == NEAR) or (
            nxt == BAD and _neighbour(classes, i, 1, False) == NEAR
        ):
            resolved[i] = GOOD
        else:
            resolved[i] = BAD
    return resolved


def caption_pairs(texts: Sequence[str]) -> set[int]:
    """Indexes of photo captions given twice: a line, then the same line with a credit.

    Galleries render the caption, then caption plus credit, then often the credit alone.
    """
    found: set[int] = set()
    for i in range(len(texts) - 1):
        short, long = texts[i], texts[i + 1]
        if len(short) >= 20 and len(long) > len(short) and long.startswith(short):
            credit = long[len(short) :].strip()
            if len(credit) <= 160:
                found.update((i, i + 1))
                if i + 2 < len(texts) and texts[i + 2] == credit:
                    found.add(i + 2)
    return found


_TEASER_WORDS = 8


def teaser_duplicates(keys: Sequence[str], bullets: Sequence[bool]) -> set[int]:
    """Indexes of bullet teasers whose first words open a later line too."""
    opening = [tuple(key.split(maxsplit=_TEASER_WORDS)[:_TEASER_WORDS]) for key in keys]
    later: dict[tuple[str, ...], int] = {words: i for i, words in enumerate(opening)}
    return {
        i
        for i, (words, is_bullet) in enumerate(zip(opening, bullets))
        if is_bullet and len(words) == _TEASER_WORDS and later[words] > i
    }


_TITLE_SEPARATOR = re.compile(r" [|:·/–—-]{1,2} ")


def _headline_shaped(shape: LineShape) -> bool:
    return (
        (shape.n_words >= 3 or shape.n_chars >= 15)
        and shape.n_chars <= 250
        and not shape.ends_sentence
        and shape.letter_share >= 0.6
    )


def _segments(key_of: str, text: str) -> set[str]:
    """Keys of a title's parts around site-name separators ("Headline | Site")."""
    return {key_of(part) for part in _TITLE_SEPARATOR.split(text) if len(part.split()) >= 3}


def find_title(
    texts: Sequence[str],
    keys: Sequence[str],
    shapes: Sequence[LineShape | None],
    reasons: Sequence[str | None],
    key_of: Callable[[str], str],
) -> tuple[int | None, str | None, set[int]]:
    """The headline's index and text, and the indexes of its copies.

    The headline is the first headline-shaped line before the first prose paragraph. When
    a copy of it is a part of it ("Headline" below "Headline | Site"), the copy is the
    title and the longer line one of the copies.
    """
    title_at = None
    for i, shape in enumerate(shapes):
        if shape is None:
            continue
        if shape.n_chars >= LENGTH_LOW and shape.ends_sentence:
            break
        if reasons[i] is None and _headline_shaped(shape):
            title_at = i
            break
    if title_at is None:
        return None, None, set()
    wanted = {keys[title_at]} | _segments(key_of, texts[title_at])
    copies = {i for i, key in enumerate(keys) if i != title_at and key in wanted}
    shorter = [i for i in sorted(copies) if len(texts[i]) < len(texts[title_at])]
    if shorter:
        copies = (copies | {title_at}) - {shorter[0]}
        title_at = shorter[0]
    return title_at, texts[title_at], copies


def find_byline(
    texts: Sequence[str], keys: Sequence[str], reasons: Sequence[str | None]
) -> tuple[int | None, str | None, dict[int, str]]:
    """The byline's index and name, and reasons for the other lines it accounts for.

    A "By ..." line wins over an author box, which wins over an agency credit ("@Sky
    News"). Other byline-shaped lines are `metadata`; an author box's label, counters and
    bio (lines opening with the author's name) are `author_box`.
    """
    found: list[tuple[int, int, str]] = []  # (priority, index, name)
    extra: dict[int, str] = {}
    for i, text in enumerate(texts):
        if reasons[i] is not None:
            continue
        name = byline_name(text, keys[i])
        if name:
            found.append((0 if text[0] != "@" and " with " not in text else 2, i, name))
        elif is_author_label(keys[i]) and i + 1 < len(texts) and is_person_name(texts[i + 1]):
            extra[i] = "author_box"
            name = texts[i + 1]
            found.append((1, i + 1, name))
            for j in range(i + 2, min(i + 5, len(texts))):
                if is_author_stats(texts[j], keys[j]) or texts[j].startswith(name.split()[0] + " "):
                    extra[j] = "author_box"
    if not found:
        return None, None, extra
    _, at, name = min(found)
    extra.update({i: "metadata" for _, i, _ in found if i != at and i not in extra})
    return at, name, extra


# Span scores in characters of prose: what a boilerplate or menu line costs the span.
SHORT_COST = 40
BAD_COST = 60


def span_score(shape: LineShape | None, cls: str) -> float:
    """A line's worth to the article core: prose earns its length, boilerplate costs."""
    if cls == GOOD:
        return min(shape.n_chars, 1000)
    if cls == NEAR:
        return shape.n_chars / 2
    if cls == SHORT:
        # A short sentence is part of the text around it; a short label is not.
        return 0 if shape.ends_sentence and shape.n_words >= 3 else -SHORT_COST
    return -BAD_COST


def core_span(scores: Sequence[float]) -> tuple[int, int] | None:
    """The contiguous run of lines with the highest total score (Kadane), as [start, end)."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def span_from(scores: Sequence[float], start: int) -> tuple[int, int] | None:
    """The run of lines opening at `start` with the highest total score, as [start, end)."""
    best, best_end, total = 0.0, None, 0.0
    for i in range(start, len(scores)):
        total += scores[i]
        if total > best:
            best, best_end = total, i + 1
    return (start, best_end) if best_end is not None else None
