"""How lines are compared: the case-folded word key a line is matched on, and its opening
(the first ``OPENING_CHARS``), so that "Share this" and "SHARE THIS »" are one line and a 10 MB
line costs no more than a page; and what makes a line a full sentence of prose."""

from __future__ import annotations

import re


_NON_LETTERS = re.compile(r"[\W\d_]+")

# How much of a line its key looks at: long paragraphs differ in their opening already,
# and a 10 MB line then costs no more than a page.
OPENING_CHARS = 500

# Boilerplate repeated across a corpus is labels, menus and one-line notices: a longer line
# found in several files is article text (syndication), so it is never counted as common.
COMMON_MAX_CHARS = 200

# A sentence of this many words is prose, whatever repeats it.
PROSE_MIN_WORDS = 5
_PROSE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")


def is_prose_sentence(line: str) -> bool:
    """Whether a line is a full sentence of prose: enough words, closing punctuation."""
    return line.count(" ") + 1 >= PROSE_MIN_WORDS and bool(_PROSE_END.search(line))


def collapse_whitespace(line: str) -> str:
    """Collapse whitespace runs (NBSP included) to one space and strip the ends."""
    return " ".join(line.split())


def line_key(line: str) -> str:
    """A line's words, case-folded, without punctuation or numbers: the form for matching.

    "Comments (36)" and "36 comments", or "Biden’s" and "Biden's", get the same key; a
    line without letters gets "".
    """
    return _NON_LETTERS.sub(" ", line.casefold()).strip()


def opening_key(line: str) -> str:
    """`line_key` of the line's first `OPENING_CHARS` characters."""
    return line_key(line[:OPENING_CHARS])


def phrase_table(phrases_by_kind: dict[str, str]) -> dict[str, str]:
    """Phrase in key form -> kind, from kind -> phrases separated by ';'."""
    return {
        line_key(phrase): kind
        for kind, phrases in phrases_by_kind.items()
        for phrase in phrases.split(";")
    }
