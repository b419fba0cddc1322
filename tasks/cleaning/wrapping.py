"""Whether a raw text is hard-wrapped, and where its paragraphs break (for paragraphs.py).

A text is read as hard-wrapped only on evidence of the whole text: its line lengths stop at
one width (hardly any line is longer), and lines that fill that width run on into the next.
Then a line that fills the width joins the next one unless the next starts a paragraph of its
own (deeper indented, blank line between, a list item, after a headline in capitals). A text
of sentences, one per line, in blank-line blocks, has each block joined. Anything else, a
scraped page above all, keeps one paragraph per line: nothing breaks differently there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from newsflow.tasks.cleaning.layout import STOPWORDS
from newsflow.tasks.metadata.text import signoff_agency


# Wrapped text is wrapped narrower than this; a page whose lines run longer is not wrapped.
MAX_WRAP_WIDTH = 160
# A line filling this share of the width (with the next line's first word) was wrapped.
FILL = 0.85
# Lines longer than the width by this factor are few in wrapped text (a URL, a table row).
_OVER_WIDTH = 1.25
_MAX_OVER_WIDTH_SHARE = 0.02
# Share of the lines filling the width that must run on mid-sentence, so that long labels
# or table rows in a row do not make a text wrapped.
_MIN_WRAP_SHARE = 0.25
# One sentence per line: this share of lines end a sentence, this share stand in blocks.
_SENTENCE_LINE_SHARE = 0.8
_BLOCK_LINE_SHARE = 0.5
# Sentences run longer than this on average; list items and labels do not.
_SENTENCE_MIN_CHARS = 60

_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*[\x00-\x1f]*$")
_BULLETS = "•·▪►▸‣◦○●■□➤➔→"
_LIST_ITEM = re.compile(r"^\s*(?:[•·▪►▸‣◦○●■□➤➔→*+–—-]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s")

_SIGNOFF_MAX_CHARS = 40  # a longer line is no sign-off ("Reuter", "(AP)"): not looked at


def paragraph_breaks(numbered: Sequence[tuple[int, str]]) -> list[bool] | None:
    """Where paragraphs end between consecutive non-blank lines, or None: one per line."""
    n_adjacent = sum(1 for (no, _), (next_no, _) in zip(numbered, numbered[1:]) if next_no == no + 1)
    if not n_adjacent:  # a blank line between every two lines: nothing to join
        return None
    width = wrap_width([_columns(raw.rstrip()) for _, raw in numbered])
    breaks = _wrap_breaks(numbered, width) if width is not None else None
    # Sentence lines stand in blocks: half the lines need a neighbour, so pairs for a quarter.
    if breaks is None and n_adjacent >= _BLOCK_LINE_SHARE / 2 * len(numbered) and _sentence_lines(numbered):
        breaks = [b - a > 1 for (a, _), (b, _) in zip(numbered, numbered[1:])]
    return breaks


def wrap_width(lengths: Sequence[int]) -> int | None:
    """The width a text is hard-wrapped at, or None when its lengths show no such edge."""
    ordered = sorted(lengths)
    width = ordered[round(0.95 * (len(ordered) - 1))]
    if width > MAX_WRAP_WIDTH or width < 20:
        return None
    over = len(ordered) - bisect_right(ordered, int(width * _OVER_WIDTH))
    if over > max(1, _MAX_OVER_WIDTH_SHARE * len(ordered)):
        return None
    return width


def _columns(line: str) -> int:
    return len(line.expandtabs()) if "\t" in line else len(line)


def _indent(raw: str) -> int:
    if "\t" in raw:
        raw = raw.expandtabs()
    return len(raw) - len(raw.lstrip())


def _starts_paragraph(line: str, following: str) -> bool:
    """Whether `following` opens a paragraph of its own after `line` (both raw), whatever
    the text's layout: deeper indented, a list item, a sign-off, after a headline in capitals."""
    return (
        _indent(following) > _indent(line)
        or (line.isupper() and not following.isupper())
        or _opens_list_item(line, following)
        or (len(following) <= _SIGNOFF_MAX_CHARS and signoff_agency(following) is not None
            and bool(_SENTENCE_END.search(line.rstrip())))
    )


def _opens_list_item(line: str, following: str) -> bool:
    """Whether `following` is a list item. A bullet always is; a dash, a number or a letter
    only after a sentence, a colon or another item: wrapped prose puts them at a line's
    start too ("- means that", "(44) publish them")."""
    if not _LIST_ITEM.match(following):
        return False
    if following.lstrip()[0] in _BULLETS:
        return True
    line = line.rstrip()
    return bool(_SENTENCE_END.search(line)) or line[-1:] in ":;" or bool(_LIST_ITEM.match(line))


def _wrap_breaks(numbered: Sequence[tuple[int, str]], width: int) -> list[bool] | None:
    """For each pair of consecutive non-blank lines, whether a paragraph ends between them;
    None when too few lines run on mid-sentence for the text to be read as wrapped.

    One-line paragraphs of similar length fill a width too, but end with a sentence, and
    the rows of a table start with a capital or a digit; a wrapped line ends mid-sentence
    (`_mid_sentence`). Once the text is read as wrapped, a line runs on when it fills the
    width, or when it stops mid-sentence before the width (a dateline's first line:
    "NEW YORK, Feb 26 - BP North America" / "Inc said"). Where paragraphs open with an
    indent and go on flush left (wire copy), every indented line opens a paragraph: the
    rows of a table stand alone.
    """
    lines = [raw.rstrip() for _, raw in numbered]
    indents = [_indent(line) for line in lines]
    adjacent = [next_no == no + 1 for (no, _), (next_no, _) in zip(numbered, numbered[1:])]
    filled = set()
    for i, is_adjacent in enumerate(adjacent):
        line, following = lines[i], lines[i + 1]
        if (is_adjacent and indents[i + 1] <= indents[i]
                and _columns(line) + 1 + len(following.split(maxsplit=1)[0]) >= FILL * width
                and line != following and not _starts_paragraph(line, following)):
            filled.add(i)
    # A list item running on is weak evidence: teasers and bullets stop mid-phrase too.
    n_mid_sentence = sum(1 for i in filled
                         if _mid_sentence(lines[i], lines[i + 1]) and not _LIST_ITEM.match(lines[i]))
    # The flush-left margin of the body: a headline above it may stand further out.
    base = min(indents[1:])
    # A paragraph opening indented and going on at the margin mid-sentence is wrapped wire
    # copy however short: "    NEW YORK, Feb 26 - BP North America" / "Inc said ...".
    indented_runs = [i for i, is_adjacent in enumerate(adjacent)
                     if is_adjacent and indents[i] > base == indents[i + 1] and _runs_on(lines[i], lines[i + 1])]
    if not indented_runs and (not n_mid_sentence or n_mid_sentence < _MIN_WRAP_SHARE * len(filled)):
        return None
    indented_starts = bool(indented_runs) or any(indents[i] > base and indents[i + 1] == base for i in filled)
    return [
        not is_adjacent
        or (indented_starts and indents[i + 1] > base)
        or (i not in filled and not _runs_on(lines[i], lines[i + 1]))
        for i, is_adjacent in enumerate(adjacent)
    ]


def _mid_sentence(line: str, following: str) -> bool:
    """Whether a line break falls inside a sentence: the next line goes on in lower case, or
    the line stops at a comma or a function word ("of", "the", "und")."""
    if _SENTENCE_END.search(line):
        return False
    last_word = line.rpartition(" ")[2].casefold()
    return following.lstrip()[:1].islower() or line[-1:] == "," or last_word in STOPWORDS


def _runs_on(line: str, following: str) -> bool:
    """Whether a line shorter than the width goes on in the next: it stops mid-sentence."""
    return (
        not _starts_paragraph(line, following)
        and line.count(" ") >= 2
        and not line.isupper()
        and not _SENTENCE_END.search(line)
        and line[-1:] not in ":;"
    )


def _sentence_lines(numbered: Sequence[tuple[int, str]]) -> bool:
    """Whether the text is one sentence per line, in blocks separated by blank lines.

    Without blank lines, sentences cannot be told from one-line paragraphs: each stays one.
    A block of short lines, or of list items, is a list and stays one item per line.
    """
    n = len(numbered)
    blocks: list[list[str]] = [[numbered[0][1]]]
    for (no, _), (next_no, raw) in zip(numbered, numbered[1:]):
        if next_no - no > 1:
            blocks.append([raw])
        else:
            blocks[-1].append(raw)
    in_blocks = [line for block in blocks if len(block) > 1 for line in block]
    # Cheapest tests first: most texts fail on their blocks before a line is searched.
    return (
        len(in_blocks) >= _BLOCK_LINE_SHARE * n
        and len(blocks) > 1
        and sum(map(len, in_blocks)) >= _SENTENCE_MIN_CHARS * len(in_blocks)
        and sum(bool(_SENTENCE_END.search(raw.rstrip())) for _, raw in numbered) >= _SENTENCE_LINE_SHARE * n
        and not any(_LIST_ITEM.match(line) for line in in_blocks)
    )
