"""Whether a run of terminal punctuation ends a sentence, for the sentence splitter.

Decided from the word before a full stop (abbreviation, initial, ordinal, list number) and the
text after it (lowercase, digit, a sentence starter, a title after an abbreviation that closes a
phrase: "at 6 p.m. Mr. Smith"), and for ellipses by the usual conventions: "...." and
" . . . ." end a sentence before a capital, a spaced " . . . " does not, and "word. . . . The" is
a full stop followed by an omission that opens the next sentence."""

from __future__ import annotations

import re

from newsflow.tasks.annotation.inline_lists import LIST_MARKER
from newsflow.tasks.annotation.sentence_rules import CLOSING, OPENING, Rules


# What follows a candidate: the gap, any opening quotes, then the next word (may be empty).
_AFTER = re.compile(rf"(?P<gap>\s*)[{re.escape(OPENING)}]*(?P<word>\w*)")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # U.S, e.g, a.m, U.S.A

# Characters that cannot open a sentence: "voila! -- you have cake", "(Ae Fond Kiss... )."
_CONTINUATIONS = frozenset(",;:-–—)]}")

# Where a clause starts (see _introductory), and what may stand in an introductory time phrase.
_CLAUSE_OPENERS = frozenset(
    "that and but or so then when while because if as though although whereas where".split()
)
_MODIFIERS = frozenset("the a an about around early late just shortly exactly roughly some".split())


def run_cut(text: str, match: re.Match[str], sentence_start: int, rules: Rules) -> int | None:
    """Decide a run of terminal punctuation (with its closing quotes) found by _CANDIDATE:
    the end of the sentence, or None."""
    if not _run_ends_sentence(text, match, sentence_start, rules):
        return None
    start, stops = match.start(), match["run"]
    if (
        stops == ". . . ."
        and start > 0
        and not text[start - 1].isspace()
        and match.end() == match.end("run")
        and _AFTER.match(text, match.end())["word"]
    ):
        # "compounds. . . . The practice": a full stop on the word, then an omission that opens
        # the next sentence (unlike "a period . . . . Next", an omission then the full stop).
        return start + 1
    return match.end()


def _run_ends_sentence(
    text: str, match: re.Match[str], sentence_start: int, rules: Rules
) -> bool:
    """Whether the run of terminal punctuation ends a sentence."""
    start, end, stops = match.start(), match.end(), match["run"]
    after = _AFTER.match(text, end)
    if end < len(text) and not after["gap"]:
        return False  # "3.5", "end.Next", "www.example.com", "Jr.'s", "...see"
    first = text[after.start("word") : after.start("word") + 1]
    if not first:
        return True
    if first.islower() or first in _CONTINUATIONS:
        return False  # '"This is great." she said', "Yahoo! in", "Wait... what?"
    if stops.strip(". …"):
        return True  # a question or exclamation mark, danda, Arabic question mark
    if stops != ".":
        return _ellipsis_ends_sentence(text, start, stops)
    word = _word_before(text, start)
    if 0 < start - sentence_start <= 8 and LIST_MARKER.fullmatch(text, sentence_start, start):
        return False  # "1.) The first item", "• 9. The first item", "ii. The second item"
    if first.isdigit():
        return not _is_abbreviation(word, rules)  # "p. 55", "Jan. 5", "No. 10"
    if _is_abbreviation(word, rules):
        # "Co. It closed" but "U.S. Government"; "at 6 p.m. Mr. Smith" but "the Rev. Dr. King"
        return after["word"] in rules.starters or _abbreviation_ends_before(
            text, word, after["word"], sentence_start, start, rules
        )
    return True


def _abbreviation_ends_before(
    text: str, word: str, next_word: str, sentence_start: int, start: int, rules: Rules
) -> bool:
    """Whether the abbreviation `word` ends its sentence before the capitalised `next_word`
    (see Rules): a terminal abbreviation, or a phrase-closing one before a title."""
    key, following = word.lower(), next_word.lower()
    if key in rules.terminal:
        return True
    if following in rules.titles:
        ends = key in rules.enders or (word.isupper() and key not in rules.abbreviations)
    elif following in rules.offices:
        ends = key in rules.enders
    else:
        return False
    if not ends:
        return False
    return not _introductory(text, sentence_start, start, rules)


def _introductory(text: str, sentence_start: int, start: int, rules: Rules) -> bool:
    """Whether the abbreviation ending at start closes an introductory phrase of its clause,
    so that the name after it is the subject: "At 5 a.m. Mr. Smith went", "He said that by
    7 p.m. Dr. Ng had left", "On Monday at 9 a.m. Mr. Lee". Going back from the abbreviation to
    the start of the clause (the sentence start, a comma, or a word like "that" or "and"), the
    phrase holds a preposition (`fronted`) and otherwise only numbers, capitalised words and
    small modifiers; a verb or any other lowercase word ("He left the bank at 6 P.M.") makes it
    the end of a clause. Only the last 80 characters are read, so the cost stays bounded."""
    window_start = max(sentence_start, start - 80)
    words = text[window_start:start].split()[:-1]  # without the abbreviation itself
    if window_start > sentence_start and words:
        words = words[1:]  # may be cut in two, and is not the start of the sentence
    saw_preposition = False
    for word in reversed(words):
        bare = word.strip(OPENING + CLOSING)
        if not bare or bare[-1] in ",;:" or bare in "-–—" or bare.lower() in _CLAUSE_OPENERS:
            return saw_preposition  # the clause starts after this word
        if bare.lower() in rules.fronted:
            saw_preposition = True
        elif not (bare[0].isupper() or bare[0].isdigit() or bare.lower() in _MODIFIERS):
            return False
    return saw_preposition and window_start == sentence_start


def _ellipsis_ends_sentence(text: str, start: int, stops: str) -> bool:
    """An ellipsis before a capital ends the sentence, except an omission: "[...]" inside a
    quotation, or a spaced three-dot ". . . I didn't" (four dots are omission plus full stop)."""
    if start > 0 and text[start - 1] in "[(":
        return False
    return not (" " in stops and stops.count(".") == 3)


def _word_before(text: str, index: int) -> str:
    """The token ending at index, without opening quotes or brackets ("" after a space)."""
    window = text[max(0, index - 40) : index]
    if not window or window[-1].isspace():
        return ""
    return window.split()[-1].lstrip(OPENING)


def _is_abbreviation(word: str, rules: Rules) -> bool:
    """Abbreviations, dotted acronyms, single-letter initials, and ordinals where they exist."""
    return (
        word.lower() in rules.abbreviations
        or (len(word) == 1 and word.isalpha())
        or _DOTTED.fullmatch(word) is not None
        or (rules.ordinals and word.isdigit() and len(word) <= 3)
    )
