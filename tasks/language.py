"""Language identification with langdetect, made deterministic, per article.

langdetect samples n-grams at random; a seeded detector gives the same text the same answer on
every run. An article is not read sentence by sentence: its longest prose paragraphs, which
hold most of its characters, are detected one by one (their first ``PARAGRAPH_CHARS``). When
they agree, that is the language. When they do not, more paragraphs are read and the languages
are weighted by their letters: the dominant one is the article's, and a second one holding
``MIXED_SHARE`` of the letters sets the ``mixed_language`` flag. (One call on a sample of
several paragraphs cannot see a mix: its random trials all settle on the larger language.)

Paragraphs that are mostly not letters (tables, scores, lists of numbers) are not prose and are
not read. Too little prose gives ``und`` with the ``lang_undetermined`` flag rather than a
guess, and so does a script langdetect has no profile for, unless the script itself names the
language (Georgian, Armenian).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

UNDETERMINED = "und"
MIN_LETTERS = 20          # below this, any answer would be a guess
MIN_LETTER_SHARE = 0.4    # tables of numbers and scores are not prose
PARAGRAPH_CHARS = 250     # of each paragraph read; as accurate as 400 on the bench pages
SAMPLE_PARAGRAPHS = 4     # the longest paragraphs, read first; more only when they disagree
MAX_PARAGRAPHS = 12       # paragraphs read when the first ones disagree
MIXED_SHARE = 0.2         # share of prose letters a second language needs to be worth a flag
MIN_VOTE_LETTERS = 60     # a shorter paragraph (a headline) is too often misread to call a mix
# langdetect averages 7 random trials per call by default; on the 2,140 bench paragraphs 2 trials
# gave the same accuracy (0.993) at under half the cost (0.84 ms against 1.8 ms a call).
TRIALS = 2

# Scripts langdetect has no profile for but that each belong to one language.
_SCRIPT_LANGS = {"hy": re.compile("[\u0530-\u058f]"), "ka": re.compile("[\u10a0-\u10ff\u1c90-\u1cbf]")}
_ANY_SCRIPT = re.compile("[\u0530-\u058f\u10a0-\u10ff\u1c90-\u1cbf]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\S)")


class Language(NamedTuple):
    """An article's language: ISO 639-1 code (or ``und``), score and flags. The score is the
    detector's probability, weighted by letters over the paragraphs read: for a mixed article,
    about the dominant language's share."""

    lang: str
    score: float
    flags: tuple[str, ...] = ()


UNKNOWN = Language(UNDETERMINED, 0.0, ("lang_undetermined",))


class _Paragraph(NamedTuple):
    text: str      # the head that is read
    letters: int   # letters in the head
    weight: float  # letters in the whole paragraph, estimated from the head


def letter_share(text: str) -> tuple[int, float]:
    """Number of letters in ``text`` and their share of its non-space characters."""
    letters = sum(map(str.isalpha, text))
    visible = len(text) - sum(map(str.isspace, text))
    return letters, (letters / visible if visible else 0.0)


def _prose(text: str) -> list[_Paragraph]:
    """The ``MAX_PARAGRAPHS`` longest paragraphs of prose, longest first, each cut at a word:
    they hold most of the characters that decide the dominant language."""
    parts = [p for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    if len(parts) == 1 and len(text) > MAX_PARAGRAPHS * PARAGRAPH_CHARS:  # one endless line
        parts = [text[i:i + PARAGRAPH_CHARS] for i in range(0, len(text), len(text) // MAX_PARAGRAPHS)]
    prose = []
    for part in sorted(parts, key=len, reverse=True)[:5 * MAX_PARAGRAPHS]:  # room to skip tables
        head = part[:PARAGRAPH_CHARS].rsplit(" ", 1)[0] if len(part) > PARAGRAPH_CHARS else part
        letters, share = letter_share(head)
        if letters >= MIN_LETTERS / 2 and share >= MIN_LETTER_SHARE:
            prose.append(_Paragraph(head.strip(), letters, letters * len(part) / len(head)))
    return sorted(prose, key=lambda p: -p.weight)[:MAX_PARAGRAPHS]


def _script_language(paragraphs: list[_Paragraph]) -> str | None:
    """The language a script langdetect cannot read names, if most letters are in it."""
    sample = "".join(p.text for p in paragraphs)
    if not _ANY_SCRIPT.search(sample):
        return None
    for lang, script in _SCRIPT_LANGS.items():
        if 2 * len(script.findall(sample)) > sum(p.letters for p in paragraphs):
            return lang
    return None


@functools.lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0  # every detector restarts its random trials from the same seed
    return factory


def _detect(text: str) -> tuple[str, float] | None:
    """langdetect's best (language, probability) for ``text``; None when it has no answer."""
    detector = _factory().create()
    detector.n_trial = TRIALS
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):  # no usable n-grams: symbols, or an unknown script
        return None
    return best.lang, best.prob


def identify_language(text: str) -> Language:
    """The dominant language of an article, its probability, and flags (see the module doc)."""
    prose = _prose(text)
    if sum(p.letters for p in prose) < MIN_LETTERS:
        return UNKNOWN
    if script := _script_language(prose):
        return Language(script, 1.0)
    found = [(p, _detect(p.text)) for p in prose[:SAMPLE_PARAGRAPHS]]
    if len({hit[0] for p, hit in found if hit and p.letters >= MIN_VOTE_LETTERS}) > 1:  # a mix: read on
        found += [(p, _detect(p.text)) for p in prose[SAMPLE_PARAGRAPHS:]]
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
