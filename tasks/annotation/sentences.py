"""Split article text into sentences with exact character offsets (issue #5, part 2).

One compiled regex finds candidate boundaries: runs of terminal punctuation with the closing
quotes and brackets after them, line breaks, and list bullets inside a line. Whether a run of
full stops ends the sentence is ``full_stops.run_cut``'s decision (abbreviations, initials,
ordinals, ellipses; the per-language knowledge is ``sentence_rules``); inline enumerations
("1. Mix 2. Bake") are ``inline_lists``'s; line breaks end a sentence here unless the line goes on.
Standard library only, and every regex is free of nested ambiguity, so the cost is linear in
the text length even for a megabyte with no punctuation.
"""

from __future__ import annotations

import re

from newsflow.tasks.annotation.full_stops import run_cut
from newsflow.tasks.annotation.inline_lists import ListState, append_stripped
from newsflow.tasks.annotation.sentence_rules import CJK_STOPS, CLOSING, RULES, Rules, STOPS

# Closing quotes and brackets belong to the sentence they close: 'He said "stop." Then'.
# French puts a space before »; a footnote marker like ".[1]" also stays with its sentence.
_CLOSERS = rf"(?:[{re.escape(CLOSING)}]|[\ \u00a0\u202f](?=[»›])|\[\d{{1,3}}\])*"

_CANDIDATE = re.compile(
    rf"""
      (?P<cjk>[{CJK_STOPS}]+{_CLOSERS})
    | (?P<run>[{STOPS}]+(?:\ \.+)*){_CLOSERS}  # "?!", "...", ". . . ." as one run
    | (?P<blank>\n[^\S\n]*\n\s*)               # a blank line always ends a sentence
    | (?P<newline>\n)
    | (?P<bullet>[^\S\n](?=[•‣⁃◦▪]|\d{{1,2}}\.?\)\s))  # "• 9. a • 10. b", "1.) a 2.) b"
    | (?P<colon>:(?=[^\S\n]+\(?[1aAiI](?:\.\)?|\))\s))  # "Steps: 1. Mix 2. Bake": a list?
    """,
    re.VERBOSE,
)

# A lowercase list item opening a line ("a) item", "iv. item"), unlike a wrapped sentence.
_NEXT_LINE = re.compile(r"[^\S\n]*(?:(?P<item>\(?(?:[a-z]|[ivx]+)[.)]\s)|(?P<first>\S?))")
_FINAL_PUNCTUATION = frozenset(STOPS + CJK_STOPS + CLOSING + ":;")


def split_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """Sentence spans as (start, end) character offsets into text, in order, non-overlapping,
    each span stripped of surrounding whitespace and non-empty: text[start:end] is the sentence.

    `lang` picks the abbreviation set ("pt-BR" and "pt_BR" use "pt"); unknown languages use English rules,
    and the punctuation of every script is recognised whatever the language.
    """
    rules = RULES.get(lang.lower().replace("_", "-").partition("-")[0], RULES["en"])
    spans: list[tuple[int, int]] = []
    start = 0
    lists = ListState(text)
    lists.opened(0, "blank")
    for match in _CANDIDATE.finditer(text):
        while lists.next_item is not None and lists.next_item < match.start():
            start = lists.cut(spans, start)  # "1. Mix the flour| 2. Bake it"
        if match.lastgroup == "colon":  # "Steps:| 1. Mix 2. Bake", but "The score: 1. The"
            cut = match.end() if lists.follows_at(match.end()) else None
        else:
            cut = _cut(text, match, start, rules)
        if cut is not None:
            append_stripped(spans, text, start, cut)
            start = cut
            lists.opened(cut, match.lastgroup)
    while lists.next_item is not None:
        start = lists.cut(spans, start)
    append_stripped(spans, text, start, len(text))
    return spans


def _cut(text: str, match: re.Match[str], sentence_start: int, rules: Rules) -> int | None:
    """Where the candidate ends the sentence, or None when it does not."""
    kind = match.lastgroup
    if kind == "run":
        return run_cut(text, match, sentence_start, rules)
    if kind == "cjk":
        return match.end()
    if kind == "newline" and not _line_break_ends(text, match.start()):
        return None
    return match.start()  # blank line, ending line break, or bullet inside a line


def _line_break_ends(text: str, index: int) -> bool:
    """A single line break ends a sentence unless the next line continues it in lowercase
    (a wrapped line, "It was a cold\\nnight") after a line that does not look like a heading."""
    next_line = _NEXT_LINE.match(text, index + 1)
    if next_line["item"] or not next_line["first"].islower():
        return True
    line = text[text.rfind("\n", 0, index) + 1 : index].strip()
    return _looks_like_heading(line)


def _looks_like_heading(line: str) -> bool:
    """No final punctuation, and either a few words ("contact manager") or Title Case."""
    if not line or line[-1] in _FINAL_PUNCTUATION:
        return False
    words = line.split()
    return len(words) <= 3 or all(word[0].isupper() for word in words if len(word) > 3)
