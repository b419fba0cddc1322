"""Inline enumerations for the sentence splitter: "1. Mix 2. Bake", "a) one b) two",
"Steps: (i) ... (ii) ...".

A list is read only once a sentence, or a colon, opens it with a first marker ("1", "a", "i");
the next marker in the same style ("1." then "2.", "ii." then "iii.") ends the item before it,
so initials and numbers in running text ("A. B. Cooper", "the 2. Bundesliga") are left alone
(issue #17)."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator


# The label of a list item: a number, a letter or a roman numeral ("12", "b", "iv", "XII").
_LABEL = r"\d{1,3}|[^\W\d_]|[ivxlc]{2,6}|[IVXLC]{2,6}"

# A list number or letter opening the sentence: "1.) item", "• 9. item", "a. item".
LIST_MARKER = re.compile(rf"\s*(?:[-*•‣⁃◦▪]\s*)?\(?(?:{_LABEL})")

# The marker opening a sentence: its brackets, its label and its closing punctuation.
_OPENER = re.compile(
    rf"\s*(?:[-*•‣⁃◦▪]\s*)?(?P<open>\(?)(?P<label>{_LABEL})(?P<close>\.\)?|\))\s"
)
_ROMAN = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")  # 1 to 39 is plenty for a list
_ROMAN_UNITS = ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
_LIST_GAP = 500  # an inline list item longer than this is no list item
_FIRST_LABELS = frozenset("1 a A i I".split())

# A list marker later in the line, after a space: "... the flour 2. Bake", "... rent. (b) The".
_INLINE_MARKER = re.compile(rf"[^\S\n](?P<open>\(?)(?P<label>{_LABEL})(?P<close>\.\)?|\))(?=\s)")
_ITEM_WORD = re.compile(r"[^\W\d_]{2}")  # an item has a word in it, unlike "A. B. Cooper"

# Before a marker, these join it to the item before: "A. Smith and B. Jones", "(a) x, oder (b) y".
_JOINERS = frozenset(
    "and or nor of & und oder sowie et ou y o e ma oppure en lub albo oraz i".split()
)


class ListState:
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
        append_stripped(spans, self.text, start, cut)
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


def append_stripped(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append text[start:end] without its surrounding whitespace, unless nothing is left."""
    segment = text[start:end]
    sentence = segment.strip()
    if sentence:
        first = start + len(segment) - len(segment.lstrip())
        spans.append((first, first + len(sentence)))
