"""Language identification with langdetect, made deterministic.

langdetect samples n-grams at random; seeding its factory makes the same text give the same
answer on every run. Text with too few letters gets ``und`` rather than a guess.
"""

from __future__ import annotations

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

UNDETERMINED = "und"
MIN_LETTERS = 20          # below this, any answer would be a guess
MIN_LETTER_SHARE = 0.4    # tables of numbers and scores are not prose
SAMPLE_CHARS = 4000       # a few paragraphs decide the language as well as the whole text

DetectorFactory.seed = 0


def letter_share(text: str) -> tuple[int, float]:
    """Number of letters in ``text`` and their share of its non-space characters."""
    letters = sum(ch.isalpha() for ch in text)
    visible = sum(not ch.isspace() for ch in text)
    return letters, (letters / visible if visible else 0.0)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's dominant language, or (``und``, 0.0)."""
    sample = text[:SAMPLE_CHARS]
    letters, share = letter_share(sample)
    if letters < MIN_LETTERS or share < MIN_LETTER_SHARE:
        return UNDETERMINED, 0.0
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return UNDETERMINED, 0.0
    return best.lang, round(best.prob, 4)
