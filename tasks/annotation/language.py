"""Language identification, made deterministic, that holds from a headline to an article.

**Evidence is counted in the text's own script** (``scripts.evidence``): a text needs
``MIN_EVIDENCE`` units in it, or ``MIN_PARAGRAPH_EVIDENCE`` in ``MIN_WORDS`` words ("Il pleut à
Paris."). Less is no language (``und``): numbers, symbols, "OK", "Breaking news".

**A script that names one language settles it**: Hangul is Korean, Han with kana (a
twentieth of its characters, ``KANA_SHARE``) is Japanese, and Thai, Greek, Hebrew, Gujarati,
Bengali, Gurmukhi, Tamil, Telugu, Kannada, Malayalam, Georgian and Armenian each name one
language (score 1.0). A script several languages share (Latin; Cyrillic: bg mk ru uk; Arabic: ar
fa ur; Devanagari: hi mr ne; Han without kana: zh-cn zh-tw) is read by langdetect restricted to
the languages written in it: a Chinese headline cannot come out Korean (langdetect's Korean
profile holds Han characters). A headline in capitals is read in small letters (langdetect
skips words in capitals). A script langdetect has no language for (Ethiopic, Sinhala, Khmer,
...) gives ``und``, whatever its length.

**Random trials where they pay.** langdetect averages random walks over the text's n-grams;
a seeded detector gives the same text the same answer on every run. A text with fewer than
``SHORT_EVIDENCE`` units of prose (a sentence, a headline) is read with ``SHORT_TRIALS`` walks,
whose average hangs less on the seed; an article's paragraphs, which vote, with ``TRIALS`` each.
A walk costs the same on a short text as on a long one: the extra cost falls on short texts only.

**An article is read by paragraphs.** Its longest prose paragraphs, which hold most of its
characters, are read one by one (their first ``PARAGRAPH_CHARS``). When they agree, that is
the language. When they do not, more paragraphs are read and the languages are weighted by
their evidence: the dominant one is the article's, and a second one holding ``MIXED_SHARE`` of
it sets the ``mixed_language`` flag. (One call on a sample of several paragraphs cannot see a
mix: its random trials all settle on the larger language.) Paragraphs that are mostly not
letters (tables, scores, lists of numbers) are not prose and are not read.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from newsflow.tasks.annotation.scripts import char_script, evidence

UNDETERMINED = "und"
MIN_EVIDENCE = 15         # units in the text's script ("Breaking news" has 12) ...
MIN_WORDS = 3             # ... or this many words with MIN_PARAGRAPH_EVIDENCE units; else und
MIN_PARAGRAPH_EVIDENCE = 10  # a shorter line of an article (a table cell, a credit) is not prose
MIN_LETTER_SHARE = 0.4    # tables of numbers and scores are not prose
PARAGRAPH_CHARS = 250     # of each paragraph read; as accurate as 400 on the bench pages
SAMPLE_PARAGRAPHS = 4     # the longest paragraphs, read first; more only when they disagree
MAX_PARAGRAPHS = 12       # paragraphs read when the first ones disagree
MIXED_SHARE = 0.2         # share of prose evidence a second language needs to be worth a flag
MIN_VOTE_EVIDENCE = 60    # a shorter paragraph (a headline) is too often misread to call a mix
# langdetect averages 7 random trials per call by default; on the 2,140 bench paragraphs 2 trials
# gave the same accuracy (0.993) at under half the cost (0.84 ms against 1.8 ms a call).
TRIALS = 2
SHORT_EVIDENCE = 100      # a text with less prose (a sentence, a headline) gets more trials: ...
SHORT_TRIALS = 7          # ... langdetect's default; 2 to 12 trials are as accurate on the bench
                          # sentences, but 7 leave a third as many answers that change with the seed

# The languages langdetect knows, by the script they are written in.
_SCRIPT_LANGS: dict[str, tuple[str, ...]] = {
    "Latin": ("af", "ca", "cs", "cy", "da", "de", "en", "es", "et", "fi", "fr", "hr", "hu", "id", "it",
              "lt", "lv", "nl", "no", "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw", "tl", "tr", "vi"),
    "Cyrillic": ("bg", "mk", "ru", "uk"),
    "Arabic": ("ar", "fa", "ur"),
    "Devanagari": ("hi", "mr", "ne"),
    "Han": ("zh-cn", "zh-tw"),
    "Kana": ("ja",),  # Han with kana
    "Hangul": ("ko",), "Thai": ("th",), "Greek": ("el",), "Hebrew": ("he",), "Gujarati": ("gu",),
    "Bengali": ("bn",), "Gurmukhi": ("pa",), "Tamil": ("ta",), "Telugu": ("te",), "Kannada": ("kn",),
    "Malayalam": ("ml",),
    "Georgian": ("ka",), "Armenian": ("hy",),  # no langdetect profile: the script alone answers
}
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\S)")


class Language(NamedTuple):
    """An article's language: ISO 639-1 code (or ``und``), score and flags. The score is the
    detector's probability, weighted by evidence over the paragraphs read: for a mixed article,
    about the dominant language's share."""

    lang: str
    score: float
    flags: tuple[str, ...] = ()


UNKNOWN = Language(UNDETERMINED, 0.0, ("lang_undetermined",))


class _Paragraph(NamedTuple):
    text: str        # the head that is read
    script: str
    evidence: float  # units in the head
    weight: float    # units in the whole paragraph, estimated from the head


def _prose(text: str) -> list[_Paragraph]:
    """The ``MAX_PARAGRAPHS`` longest paragraphs of prose, longest first, each cut at a word:
    they hold most of the characters that decide the dominant language."""
    parts = [p for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    if len(parts) == 1 and len(text) > MAX_PARAGRAPHS * PARAGRAPH_CHARS:  # one endless line
        parts = [text[i:i + PARAGRAPH_CHARS] for i in range(0, len(text), len(text) // MAX_PARAGRAPHS)]
    prose = []
    for part in sorted(parts, key=len, reverse=True)[:5 * MAX_PARAGRAPHS]:  # room to skip tables
        head = part[:PARAGRAPH_CHARS].rsplit(" ", 1)[0] if len(part) > PARAGRAPH_CHARS else part
        found = evidence(head)
        if found.units >= MIN_PARAGRAPH_EVIDENCE and found.share >= MIN_LETTER_SHARE:
            prose.append(_Paragraph(head.strip(), found.script, found.units,
                                    found.units * len(part) / len(head)))
    return sorted(prose, key=lambda p: -p.weight)[:MAX_PARAGRAPHS]


def _words(paragraph: _Paragraph) -> int:
    """Words of two letters or more (marks included) in the paragraph."""
    return sum(1 for word in paragraph.text.split() if sum(char_script(ch) is not None for ch in word) >= 2)


SEED = 0   # langdetect's random trials: the same text gets the same answer on every run


@functools.lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = SEED  # every detector restarts its random trials from the same seed
    return factory


def _read(paragraph: _Paragraph, trials: int) -> tuple[str, float] | None:
    """(language, probability) of a paragraph; None when its script names no language we know."""
    langs = _SCRIPT_LANGS.get(paragraph.script, ())
    if len(langs) <= 1:
        return (langs[0], 1.0) if langs else None
    text = paragraph.text
    if sum(map(str.isupper, text)) > sum(map(str.islower, text)):
        text = text.lower()  # langdetect skips words in capitals: a headline in capitals is empty
    detector = _factory().create()
    detector.n_trial = trials
    detector.set_prior_map(dict.fromkeys(langs, 1.0))  # the script's languages only
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):  # no usable n-grams: symbols, or words in capitals
        return None
    return best.lang, best.prob


def identify_language(text: str) -> Language:
    """The dominant language of a text, its probability, and flags (see the module doc)."""
    prose = _prose(text)
    units = sum(p.evidence for p in prose)
    if units < MIN_EVIDENCE and (not prose or sum(map(_words, prose)) < MIN_WORDS):
        return UNKNOWN
    trials = SHORT_TRIALS if units < SHORT_EVIDENCE else TRIALS  # the paragraphs of an article vote
    found = [(p, _read(p, trials)) for p in prose[:SAMPLE_PARAGRAPHS]]
    if len({hit[0] for p, hit in found if hit and p.evidence >= MIN_VOTE_EVIDENCE}) > 1:  # a mix: read on
        found += [(p, _read(p, trials)) for p in prose[SAMPLE_PARAGRAPHS:]]
    weight: dict[str, float] = {}
    for paragraph, hit in found:
        if hit:
            weight[hit[0]] = weight.get(hit[0], 0.0) + paragraph.weight * hit[1]
    if not weight:
        return UNKNOWN
    total = sum(p.weight for p, _ in found)
    (lang, top), *others = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
    mixed = bool(others) and others[0][1] >= MIXED_SHARE * total
    return Language(lang, round(top / total, 4), ("mixed_language",) if mixed else ())


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's dominant language, or (``und``, 0.0)."""
    found = identify_language(text)
    return found.lang, found.score
