"""Split article text into sentences with exact character offsets (issue #5, part 2).

One compiled regex finds candidate boundaries: runs of terminal punctuation with the closing
quotes and brackets after them, line breaks, and list bullets inside a line. A small decision
function accepts or rejects each candidate from the word before a full stop (abbreviation,
initial, ordinal, list number) and the text after it (lowercase, digit, a sentence starter).
Standard library only, and every regex is free of nested ambiguity, so the cost is linear in
the text length even for a megabyte with no punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_STOPS = ".!?…‼⁇⁈⁉।॥؟۔։።"  # Latin, Devanagari danda, Arabic and Urdu, Armenian, Ethiopic
_CJK_STOPS = "。！？｡"  # end a sentence with no space after them
_OPENING = "\"'“‘«‹([¿¡"
_CLOSING = "\"'”’»)]}›」』）"
# Closing quotes and brackets belong to the sentence they close: 'He said "stop." Then'.
# French puts a space before »; a footnote marker like ".[1]" also stays with its sentence.
_CLOSERS = rf"(?:[{re.escape(_CLOSING)}]|[\ \u00a0\u202f](?=[»›])|\[\d{{1,3}}\])*"

_CANDIDATE = re.compile(
    rf"""
      (?P<cjk>[{_CJK_STOPS}]+{_CLOSERS})
    | (?P<run>[{_STOPS}]+(?:\ \.+)*){_CLOSERS}  # "?!", "...", ". . . ." as one run
    | (?P<blank>\n[^\S\n]*\n\s*)               # a blank line always ends a sentence
    | (?P<newline>\n)
    | (?P<bullet>[^\S\n](?=[•‣⁃◦▪]|\d{{1,2}}\.?\)\s))  # "• 9. a • 10. b", "1.) a 2.) b"
    """,
    re.VERBOSE,
)
# What follows a candidate: the gap, any opening quotes, then the next word (may be empty).
_AFTER = re.compile(rf"(?P<gap>\s*)[{re.escape(_OPENING)}]*(?P<word>\w*)")
# A list number or letter opening the sentence: "1.) item", "• 9. item", "a. item".
_LIST_MARKER = re.compile(r"\s*(?:[-*•‣⁃◦▪]\s*)?\(?(?:\d{1,3}|[^\W\d_])")
# A lowercase list item opening a line ("a) item", "iv. item"), unlike a wrapped sentence.
_NEXT_LINE = re.compile(r"[^\S\n]*(?:(?P<item>\(?(?:[a-z]|[ivx]+)[.)]\s)|(?P<first>\S?))")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # U.S, e.g, a.m, U.S.A
_FINAL_PUNCTUATION = frozenset(_STOPS + _CJK_STOPS + _CLOSING + ":;")
# Characters that cannot open a sentence: "voila! -- you have cake", "(Ae Fond Kiss... )."
_CONTINUATIONS = frozenset(",;:-–—)]}")


@dataclass(frozen=True)
class _Rules:
    """Per-language knowledge: abbreviations (lowercase, without the final period), words that
    often open a sentence, and whether "3." is an ordinal ("am 3. Oktober")."""

    abbreviations: frozenset[str]
    starters: frozenset[str]
    ordinals: bool = False


def _rules(abbreviations: str, starters: str, ordinals: bool = False) -> _Rules:
    return _Rules(frozenset(abbreviations.split()), frozenset(starters.split()), ordinals)


# Kept small on purpose: dotted forms (U.S.A, e.g) and single letters are recognised by shape.
_RULES = {
    "en": _rules(
        "mr mrs ms messrs dr prof gen sen rep gov lt col maj capt sgt adm cmdr pres hon rev "
        "st mt ft ave blvd rd jr sr inc ltd co corp bros llc plc dept univ vs etc al approx "
        "ph.d jan feb mar apr jun jul aug sep sept oct nov dec no nos n° nr p pp vol fig ch",
        "A After Also And As At But By Did During For He Her His How However I If In It Its "
        "Meanwhile Millions More Now On One Our She So That The Their There These They This "
        "Those Thus To We What When Where While Why With Yet You",
    ),
    "de": _rules(
        "dr prof hr fr frl st str nr ca bzw usw vgl evtl ggf inkl zzgl abs tel geb gest jh "
        "mio mrd bspw sog u.a d.h z.b jan feb märz apr aug sep sept okt nov dez etc",
        "Der Die Das Er Sie Es Ich Wir Ihr Aber Auch Am Im In Ein Eine Dies Diese Dann Doch "
        "So Man Nach Bei Mit",
        ordinals=True,
    ),
    "fr": _rules(
        "m mm mme mlle dr pr st ste av bd env etc cf ex p vol chap n° janv févr avr juil "
        "sept oct nov déc",
        "Le La Les Il Elle Ils Elles Je Nous On Un Une Ce Cette Mais Et En Dans Pour Puis",
    ),
    "es": _rules(
        "sr sra srta dr dra d dña ud uds gral sto sta etc pág núm av avda ej aprox p ee.uu",
        "El La Los Las Él Ella Ellos Yo Nosotros Un Una Pero Y En Es Este Esta",
    ),
    "it": _rules(
        "sig sigg dott prof ing avv geom on sen gen ecc pag es cfr sr n",
        "Il Lo La I Gli Le Lui Lei Io Noi Un Una Ma E In È Questo Questa",
    ),
    "pt": _rules(
        "sr sra srta dr dra prof av etc pág p ex nº núm lda sto sta eng",
        "O A Os As Ele Ela Eu Nós Um Uma Mas E Em É Este Esta",
    ),
    "nl": _rules(
        "dhr mevr mr dr drs prof ir ing bijv enz o.a d.w.z nr blz ca etc jl vs st",
        "De Het Een Hij Zij Ze Ik Wij We Maar En In Dit Dat",
    ),
    "pl": _rules(
        "np tj tzn itp itd ok ul al dr prof mgr inż gen płk św r w tys mln mld nr godz",
        "To W Na Nie On Ona Oni Ja My Ale I A Jest Ten Ta",
        ordinals=True,
    ),
}


def split_sentences(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """Sentence spans as (start, end) character offsets into text, in order, non-overlapping,
    each span stripped of surrounding whitespace and non-empty: text[start:end] is the sentence.

    `lang` picks the abbreviation set ("pt-BR" and "pt_BR" use "pt"); unknown languages use English rules,
    and the punctuation of every script is recognised whatever the language.
    """
    rules = _RULES.get(lang.lower().replace("_", "-").partition("-")[0], _RULES["en"])
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        cut = _cut(text, match, start, rules)
        if cut is not None:
            _append_stripped(spans, text, start, cut)
            start = cut
    _append_stripped(spans, text, start, len(text))
    return spans


def _cut(text: str, match: re.Match[str], sentence_start: int, rules: _Rules) -> int | None:
    """Where the candidate ends the sentence, or None when it does not."""
    kind = match.lastgroup
    if kind == "run":
        return match.end() if _run_ends_sentence(text, match, sentence_start, rules) else None
    if kind == "cjk":
        return match.end()
    if kind == "newline" and not _line_break_ends(text, match.start()):
        return None
    return match.start()  # blank line, ending line break, or bullet inside a line


def _run_ends_sentence(
    text: str, match: re.Match[str], sentence_start: int, rules: _Rules
) -> bool:
    """Decide a run of terminal punctuation (with its closing quotes) found by _CANDIDATE."""
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
    if 0 < start - sentence_start <= 8 and _LIST_MARKER.fullmatch(text, sentence_start, start):
        return False  # "1.) The first item", "• 9. The first item"
    if first.isdigit():
        return not _is_abbreviation(word, rules)  # "p. 55", "Jan. 5", "No. 10"
    if _is_abbreviation(word, rules):
        return after["word"] in rules.starters  # "Co. It closed" but "U.S. Government"
    return True


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
    return window.split()[-1].lstrip(_OPENING)


def _is_abbreviation(word: str, rules: _Rules) -> bool:
    """Abbreviations, dotted acronyms, single-letter initials, and ordinals where they exist."""
    return (
        word.lower() in rules.abbreviations
        or (len(word) == 1 and word.isalpha())
        or _DOTTED.fullmatch(word) is not None
        or (rules.ordinals and word.isdigit() and len(word) <= 3)
    )


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


def _append_stripped(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append text[start:end] without its surrounding whitespace, unless nothing is left."""
    segment = text[start:end]
    sentence = segment.strip()
    if sentence:
        first = start + len(segment) - len(segment.lstrip())
        spans.append((first, first + len(sentence)))
