"""Split article text into sentences with exact character offsets (issue #5, part 2).

One compiled regex finds candidate boundaries: runs of terminal punctuation with the closing
quotes and brackets after them, line breaks, and list bullets inside a line. A small decision
function accepts or rejects each candidate from the word before a full stop (abbreviation,
initial, ordinal, list number) and the text after it (lowercase, digit, a sentence starter, a
title after an abbreviation that closes a phrase: "at 6 p.m. Mr. Smith").
Inline enumerations ("1. Mix 2. Bake", "a) one b) two", "Steps: (i) ... (ii) ...") are read
only once a sentence, or a colon, opens a list with a first marker: the next marker in the same
style ("1." then "2.", "ii." then "iii.") ends the item before it, so initials and numbers in
running text are left alone (issue #17). Ellipses follow the usual conventions: "...." and
" . . . ." end a sentence before a capital, a spaced " . . . " does not, and "word. . . . The"
is a full stop followed by an omission that opens the next sentence.
Standard library only, and every regex is free of nested ambiguity, so the cost is linear in
the text length even for a megabyte with no punctuation.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
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
    | (?P<colon>:(?=[^\S\n]+\(?[1aAiI](?:\.\)?|\))\s))  # "Steps: 1. Mix 2. Bake": a list?
    """,
    re.VERBOSE,
)
# What follows a candidate: the gap, any opening quotes, then the next word (may be empty).
_AFTER = re.compile(rf"(?P<gap>\s*)[{re.escape(_OPENING)}]*(?P<word>\w*)")
# The label of a list item: a number, a letter or a roman numeral ("12", "b", "iv", "XII").
_LABEL = r"\d{1,3}|[^\W\d_]|[ivxlc]{2,6}|[IVXLC]{2,6}"
# A list number or letter opening the sentence: "1.) item", "• 9. item", "a. item".
_LIST_MARKER = re.compile(rf"\s*(?:[-*•‣⁃◦▪]\s*)?\(?(?:{_LABEL})")
# The marker opening a sentence: its brackets, its label and its closing punctuation.
_OPENER = re.compile(
    rf"\s*(?:[-*•‣⁃◦▪]\s*)?(?P<open>\(?)(?P<label>{_LABEL})(?P<close>\.\)?|\))\s"
)
_ROMAN = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")  # 1 to 39 is plenty for a list
_ROMAN_UNITS = ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
# A lowercase list item opening a line ("a) item", "iv. item"), unlike a wrapped sentence.
_NEXT_LINE = re.compile(r"[^\S\n]*(?:(?P<item>\(?(?:[a-z]|[ivx]+)[.)]\s)|(?P<first>\S?))")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # U.S, e.g, a.m, U.S.A
_FINAL_PUNCTUATION = frozenset(_STOPS + _CJK_STOPS + _CLOSING + ":;")
# Characters that cannot open a sentence: "voila! -- you have cake", "(Ae Fond Kiss... )."
_CONTINUATIONS = frozenset(",;:-–—)]}")
_LIST_GAP = 500  # an inline list item longer than this is no list item
# Where a clause starts (see _introductory), and what may stand in an introductory time phrase.
_CLAUSE_OPENERS = frozenset(
    "that and but or so then when while because if as though although whereas where".split()
)
_MODIFIERS = frozenset("the a an about around early late just shortly exactly roughly some".split())
_FIRST_LABELS = frozenset("1 a A i I".split())
# A list marker later in the line, after a space: "... the flour 2. Bake", "... rent. (b) The".
_INLINE_MARKER = re.compile(rf"[^\S\n](?P<open>\(?)(?P<label>{_LABEL})(?P<close>\.\)?|\))(?=\s)")
_ITEM_WORD = re.compile(r"[^\W\d_]{2}")  # an item has a word in it, unlike "A. B. Cooper"
# Before a marker, these join it to the item before: "A. Smith and B. Jones", "(a) x, oder (b) y".
_JOINERS = frozenset(
    "and or nor of & und oder sowie et ou y o e ma oppure en lub albo oraz i".split()
)


@dataclass(frozen=True)
class _Rules:
    """Per-language knowledge: abbreviations (lowercase, without the final period), words that
    often open a sentence, and whether "3." is an ordinal ("am 3. Oktober").

    An abbreviation before a capitalised word ends the sentence when the word is a starter
    ("Co. It closed"), and also, where these sets are given:
    - after a `terminal` abbreviation, whatever the word ("pens, ink, etc. Much more");
    - before a title opening a name, after an abbreviation that closes a phrase: `enders`
      ("at 6 p.m. Mr. Smith", "Acme Inc. Sen. Walsh", "King Jr. Mr. King") before `titles` or
      `offices`, and a capitalised acronym or initial ("the U.S. Mr. Lee", "plan B. Dr. Ng")
      before `titles` only ("U.S. Sen. Ortiz" is one name). Titles after titles never split
      ("the Rev. Dr. King"), nor does a short introductory phrase opened by a `fronted` word
      ("At 5 a.m. Mr. Smith went", "He said that by 7 p.m. Dr. Ng had left")."""

    abbreviations: frozenset[str]
    starters: frozenset[str]
    ordinals: bool = False
    terminal: frozenset[str] = frozenset()
    enders: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    offices: frozenset[str] = frozenset()
    fronted: frozenset[str] = frozenset()


def _rules(abbreviations: str, starters: str, ordinals: bool = False, **sets: str) -> _Rules:
    return _Rules(frozenset(abbreviations.split()), frozenset(starters.split()), ordinals,
                  **{name: frozenset(words.split()) for name, words in sets.items()})


# Kept small on purpose: dotted forms (U.S.A, e.g) and single letters are recognised by shape.
_RULES = {
    "en": _rules(
        "mr mrs ms messrs dr prof gen sen rep gov lt col maj capt sgt adm cmdr pres hon rev "
        "st mt ft ave blvd rd jr sr inc ltd co corp bros llc plc dept univ vs etc al approx "
        "ph.d jan feb mar apr jun jul aug sep sept oct nov dec no nos n° nr p pp vol fig ch",
        "A After Also And As At But By Did During For He Her His How However I If In It Its "
        "Meanwhile Millions More Now On One Our She So That The Their There These They This "
        "Those Thus To We What When Where While Why With Yet You",
        terminal="etc",
        enders="a.m p.m jr sr inc ltd co corp bros llc plc ph.d ave blvd rd",
        titles="mr mrs ms messrs mme dr prof",
        offices="gen sen rep gov lt col maj capt sgt adm cmdr pres hon rev st mt ft",
        fronted="about after around at before by during from in near on since till until",
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
    lists = _ListState(text)
    lists.opened(0, "blank")
    for match in _CANDIDATE.finditer(text):
        while lists.next_item is not None and lists.next_item < match.start():
            start = lists.cut(spans, start)  # "1. Mix the flour| 2. Bake it"
        if match.lastgroup == "colon":  # "Steps:| 1. Mix 2. Bake", but "The score: 1. The"
            cut = match.end() if lists.follows_at(match.end()) else None
        else:
            cut = _cut(text, match, start, rules)
        if cut is not None:
            _append_stripped(spans, text, start, cut)
            start = cut
            lists.opened(cut, match.lastgroup)
    while lists.next_item is not None:
        start = lists.cut(spans, start)
    _append_stripped(spans, text, start, len(text))
    return spans


def _cut(text: str, match: re.Match[str], sentence_start: int, rules: _Rules) -> int | None:
    """Where the candidate ends the sentence, or None when it does not."""
    kind = match.lastgroup
    if kind == "run":
        return _run_cut(text, match, sentence_start, rules)
    if kind == "cjk":
        return match.end()
    if kind == "newline" and not _line_break_ends(text, match.start()):
        return None
    return match.start()  # blank line, ending line break, or bullet inside a line


def _run_cut(text: str, match: re.Match[str], sentence_start: int, rules: _Rules) -> int | None:
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
    text: str, match: re.Match[str], sentence_start: int, rules: _Rules
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
    if 0 < start - sentence_start <= 8 and _LIST_MARKER.fullmatch(text, sentence_start, start):
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
    text: str, word: str, next_word: str, sentence_start: int, start: int, rules: _Rules
) -> bool:
    """Whether the abbreviation `word` ends its sentence before the capitalised `next_word`
    (see _Rules): a terminal abbreviation, or a phrase-closing one before a title."""
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


def _introductory(text: str, sentence_start: int, start: int, rules: _Rules) -> bool:
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
        bare = word.strip(_OPENING + _CLOSING)
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


class _ListState:
    """The inline list being read, if any. It opens when a sentence starts with a first marker
    ("1.", "a)", "(i)", "I.") and goes on with each sentence that starts with the next marker;
    a line break, or a sentence opened by another marker, closes it. While it is open,
    `next_item` is where the next marker of the same style ("1." then "2.", "(a)" then "(b)",
    "ii." then "iii.") starts later on the same line, within _LIST_GAP characters, after an item
    with a word in it, and not after a comma or a conjunction ("A. Smith, B. Jones and
    C. Brown" is one sentence): the item ends there.

    Linear time: the queries come in text order, so the markers are read by one forward scan
    (kept per style and label until passed), and the next item word and line break are cached.
    """

    __slots__ = ("text", "label", "style", "next_item", "_floor", "_hits", "_markers",
                 "_last_marker", "_word", "_newline")

    def __init__(self, text: str) -> None:
        self.text = text
        self.label: str | None = None
        self.style: tuple[str, str] = ("", "")
        self.next_item: int | None = None
        self._floor = 0  # where the last item searched for started; queries never go back
        self._hits: dict[tuple[str, str, str], deque[int]] = {}  # marker starts by style, label
        self._markers: Iterator[re.Match[str]] = iter(())
        self._last_marker = -1  # start of the last marker read (past the end when all are read)
        self._word = -1  # start of the first item word at or after _floor
        self._newline = -1  # the first line break at or after _floor

    def follows_at(self, index: int) -> bool:
        """Whether a list of at least two items starts at index (after a colon): a first
        marker, then its next one on the same line."""
        opener = _OPENER.match(self.text, index)
        return (
            opener is not None
            and opener["label"] in _FIRST_LABELS
            and self._find_next(opener) is not None
        )

    def opened(self, index: int, kind: str | None) -> None:
        """A sentence starts at index, after a cut of the given kind."""
        opener = _OPENER.match(self.text, index)
        if opener is None:
            if kind in ("newline", "blank"):
                self.label = self.next_item = None
            return
        label, style = opener["label"], (opener["open"], opener["close"])
        if label in _FIRST_LABELS or (
            self.label is not None and style == self.style and _follows(self.label, label)
        ):
            self.label, self.style = label, style
            self.next_item = self._find_next(opener)
        else:
            self.label = self.next_item = None

    def cut(self, spans: list[tuple[int, int]], start: int) -> int:
        """End the current item where the next one starts; the new sentence start."""
        cut = self.next_item
        assert cut is not None
        _append_stripped(spans, self.text, start, cut)
        self.opened(cut, "marker")
        return cut

    def _find_next(self, opener: re.Match[str]) -> int | None:
        """Where the item after the opening marker ends: the space before the next marker."""
        text = self.text
        index = self._floor = max(opener.end(), self._floor)
        if self._word < index:
            word = _ITEM_WORD.search(text, index)
            self._word = len(text) if word is None else word.start()
        if self._newline < index:
            newline = text.find("\n", index)
            self._newline = len(text) if newline < 0 else newline
        limit = min(index + _LIST_GAP, self._newline)
        self._read_markers(index, limit)
        found = None
        for label in _successors(opener["label"]):
            hits = self._hits.get((opener["open"], label, opener["close"]))
            # A marker before the first item word ends no item, now or for a later query.
            while hits and hits[0] <= self._word:
                hits.popleft()
            if hits and hits[0] < limit and (found is None or hits[0] < found):
                found = hits[0]
        return found

    def _read_markers(self, index: int, limit: int) -> None:
        """Read the markers that start before limit, from index on."""
        if self._last_marker < index:  # all kept markers are behind: read afresh from index
            self._hits.clear()
            self._markers = _INLINE_MARKER.finditer(self.text, index)
            self._last_marker = index - 1
        while self._last_marker < limit:
            marker = next(self._markers, None)
            if marker is None:
                self._last_marker = len(self.text) + 1
                break
            start = self._last_marker = marker.start()
            before = self.text[max(0, start - 12) : start].split()
            if before and (before[-1][-1] in ",;:" or before[-1].lower() in _JOINERS):
                continue  # "A. Smith, B. Jones and C. Brown"
            key = (marker["open"], _normal_label(marker["label"]), marker["close"])
            self._hits.setdefault(key, deque()).append(start)


def _normal_label(label: str) -> str:
    return str(int(label)) if label.isdigit() else label


def _successors(label: str) -> tuple[str, ...]:
    """The labels that may come right after label: 1 2, a b, C D, ii iii, IV V (same case);
    "i" may be followed by "j" or "ii"."""
    if label.isdigit():
        return (str(int(label) + 1),)
    following = []
    if len(label) == 1:
        letter = chr(ord(label) + 1)
        if letter.isalpha() and letter.islower() == label.islower():
            following.append(letter)
    value = _roman(label)
    if value is not None and value < 39:
        numeral = "x" * ((value + 1) // 10) + _ROMAN_UNITS[(value + 1) % 10]
        following.append(numeral.upper() if label.isupper() else numeral)
    return tuple(following)


def _follows(previous: str, label: str) -> bool:
    """Whether label comes right after previous (see _successors)."""
    return _normal_label(label) in _successors(previous)


def _roman(label: str) -> int | None:
    """The value of a roman numeral up to 39, or None."""
    numeral = label.lower()
    if not numeral or _ROMAN.fullmatch(numeral) is None:
        return None
    values = [{"i": 1, "v": 5, "x": 10}[char] for char in numeral]
    return sum(-v if v < w else v for v, w in zip(values, values[1:] + [0]))


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
