"""The script of each letter, and a text's evidence for language identification in it.

**Evidence is counted in the text's own script.** Every letter and combining mark (Unicode
categories ``L*`` and ``M*``: a Devanagari vowel sign is evidence, though ``str.isalpha`` says
it is not) is assigned a script, and counts for as many *evidence units* as the letters of a
Latin text saying the same thing: an ideograph or a Hangul syllable 3, a kana 2, a Hebrew or
Thai letter 1.5 (vowels or spaces go unwritten), any other letter or mark 1 (``_WEIGHTS``).
The script holding most units is the text's, and language.py's thresholds are counted in it
(15 units: five ideographs or Hangul syllables, eight kana, ten Hebrew letters, two long words).
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections import Counter
from typing import NamedTuple


KANA_SHARE = 0.05         # Han text with this share of kana is Japanese

# Evidence units per character. On the parallel sentences of bench/data/lang_sentences.tsv a
# Latin-script sentence holds this many letters for each letter of the same sentence in the
# script: Chinese 3.8, Korean 3.2, Japanese 2.7 (ideographs and kana), Hebrew 1.4, Thai 1.4,
# Arabic script 1.1-1.3, Indic scripts with their vowel signs 0.9-1.1. Ideographs are counted
# low (3, as Hangul syllables), kana 2; Hebrew and Thai 1.5; everything else 1.
_WEIGHTS = {"Han": 3.0, "Hangul": 3.0, "Kana": 2.0, "Hebrew": 1.5, "Thai": 1.5}
_INHERITED = "Inherited"  # combining diacritics of any script: they count for the text's script
# (first code point, last code point, script); letters and marks outside these are "Other".
_RANGES = sorted([
    (0x0041, 0x02AF, "Latin"), (0x0300, 0x036F, _INHERITED), (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"), (0x0530, 0x058F, "Armenian"), (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"), (0x0870, 0x08FF, "Arabic"),
    (0x0900, 0x097F, "Devanagari"), (0x0980, 0x09FF, "Bengali"), (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"), (0x0B80, 0x0BFF, "Tamil"), (0x0C00, 0x0C7F, "Telugu"),
    (0x0C80, 0x0CFF, "Kannada"), (0x0D00, 0x0D7F, "Malayalam"), (0x0E00, 0x0E7F, "Thai"),
    (0x10A0, 0x10FF, "Georgian"), (0x1100, 0x11FF, "Jamo"), (0x1AB0, 0x1AFF, _INHERITED),
    (0x1C80, 0x1C8F, "Cyrillic"), (0x1C90, 0x1CBF, "Georgian"), (0x1D00, 0x1DBF, "Latin"),
    (0x1DC0, 0x1DFF, _INHERITED), (0x1E00, 0x1EFF, "Latin"), (0x1F00, 0x1FFF, "Greek"),
    (0x20D0, 0x20FF, _INHERITED), (0x2C60, 0x2C7F, "Latin"), (0x2D00, 0x2D2F, "Georgian"),
    (0x2DE0, 0x2DFF, "Cyrillic"), (0x2E80, 0x2FDF, "Han"), (0x3005, 0x3007, "Han"),
    (0x3040, 0x30FF, "Kana"), (0x3100, 0x312F, "Han"), (0x3130, 0x318F, "Jamo"),  # bopomofo: Han
    (0x31A0, 0x31BF, "Han"), (0x31F0, 0x31FF, "Kana"), (0x3400, 0x4DBF, "Han"), (0x4E00, 0x9FFF, "Han"),
    (0xA640, 0xA69F, "Cyrillic"), (0xA720, 0xA7FF, "Latin"), (0xA8E0, 0xA8FF, "Devanagari"),
    (0xA960, 0xA97F, "Jamo"), (0xAB30, 0xAB6F, "Latin"), (0xAC00, 0xD7AF, "Hangul"),
    (0xD7B0, 0xD7FF, "Jamo"), (0xF900, 0xFAFF, "Han"), (0xFB00, 0xFB06, "Latin"),
    (0xFB13, 0xFB17, "Armenian"), (0xFB1D, 0xFB4F, "Hebrew"), (0xFB50, 0xFDFF, "Arabic"),
    (0xFE20, 0xFE2F, _INHERITED), (0xFE70, 0xFEFF, "Arabic"), (0xFF21, 0xFF5A, "Latin"),
    (0xFF66, 0xFF9F, "Kana"), (0xFFA0, 0xFFDC, "Jamo"), (0x20000, 0x3FFFF, "Han"),
])
_STARTS = [start for start, _, _ in _RANGES]
_FAMILY = {"Jamo": "Hangul", "Kana": "Han"}  # Korean letters and syllables; Japanese writing


class _Evidence(NamedTuple):
    script: str      # the script holding most units ("Kana": Han with kana), "" without letters
    units: float     # evidence units in that script, combining diacritics included
    letters: int     # letters and combining marks, all scripts
    share: float     # letters and marks over the non-space characters


@functools.lru_cache(maxsize=8192)
def char_script(ch: str) -> str | None:
    """The script of a letter or mark (``None`` for anything else: digits, punctuation, space)."""
    if unicodedata.category(ch)[0] not in "LM":
        return None
    code = ord(ch)
    i = bisect.bisect_right(_STARTS, code) - 1
    if i >= 0 and code <= _RANGES[i][1]:
        return _RANGES[i][2]
    return "Other"


def evidence(text: str) -> _Evidence:
    """The text's script and the evidence for it (see the module doc)."""
    units: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    spaces = 0
    for ch, n in Counter(text).items():
        script = char_script(ch)
        if script is None:
            spaces += n if ch.isspace() else 0
            continue
        chars[script] += n
        units[_FAMILY.get(script, script)] += n * _WEIGHTS.get(script, 1.0)
    letters = sum(chars.values())
    visible = len(text) - spaces
    share = letters / visible if visible else 0.0
    inherited = units.pop(_INHERITED, 0.0)
    if not units:
        return _Evidence("", 0.0, letters, share)
    script, best = max(units.items(), key=lambda kv: (kv[1], kv[0]))
    if script == "Han" and chars["Kana"] >= KANA_SHARE * (chars["Kana"] + chars["Han"]):
        script = "Kana"
    return _Evidence(script, best + inherited, letters, share)


def letter_share(text: str) -> tuple[int, float]:
    """Number of letters and combining marks in ``text``, and their share of its non-space
    characters."""
    found = evidence(text)
    return found.letters, found.share
