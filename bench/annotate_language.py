"""Benchmark language identification on short texts (issue #17): ``identify_language`` against
bare langdetect on single sentences, short records and paragraphs in langdetect's languages.

Run from the repository root:  python bench/annotate_language.py

The texts are in ``bench/data`` (``lang<TAB>text``, ``#`` starts a comment), written for this
bench, not taken from any test set:

- ``lang_sentences.tsv``: single news sentences, 5 per language in all 55 languages langdetect
  has a profile for (different topics; 9 to 107 characters, a fifth of them under 30);
- ``lang_short.tsv``: short records, headlines and captions, 3 per language (8 to 45
  characters: a CJK headline is short in characters).

Bare langdetect is the library as it ships, seeded (``DetectorFactory.seed = 0``, then
``langdetect.detect``: 7 trials, all 55 languages); an exception counts as ``und``. Printed
for each set: accuracy of both, the number of ``und`` answers, accuracy by length, the errors
per language, the time per call (best of ``REPEATS`` passes over the set, CPU time), and
whether a second pass gives the same answers. The paragraphs are each language's five
sentences joined into one paragraph: the target there is 1.0. Last, the beginnings of the
sentences and records in a shared script (Latin, Cyrillic, Arabic, Devanagari, Han), cut at
the first word end with ``k`` evidence units (any character in Han), show what a threshold in
units costs and what the detector reads from a few words.
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script, so the repository root is not on the path

import langdetect  # noqa: E402
from langdetect import DetectorFactory  # noqa: E402
from langdetect.lang_detect_exception import LangDetectException  # noqa: E402

from newsflow.tasks.annotation.language import identify_language  # noqa: E402
from newsflow.tasks.annotation.scripts import evidence  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
REPEATS = 3
LENGTHS = ((0, 25), (25, 40), (40, 80), (80, 10**9))  # characters, for the accuracy by length
BEGINNINGS = (8, 10, 12, 15, 20, 30)  # evidence units of the sentence beginnings
SHARED_SCRIPTS = {"Latin", "Cyrillic", "Arabic", "Devanagari", "Han"}


def load(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, text = line.split("\t", 1)
            rows.append((lang, text))
    return rows


def bare_langdetect(text: str) -> str:
    DetectorFactory.seed = 0
    try:
        return langdetect.detect(text)
    except LangDetectException:
        return "und"


def ours(text: str) -> str:
    return identify_language(text).lang


def _timed(detect: Callable[[str], str], texts: list[str]) -> tuple[list[str], float]:
    """Answers, and CPU milliseconds per call (the best of ``REPEATS`` passes)."""
    best, answers = float("inf"), []
    for _ in range(REPEATS):
        started = time.process_time()
        answers = [detect(t) for t in texts]
        best = min(best, time.process_time() - started)
    return answers, 1000 * best / len(texts)


def _errors(rows: list[tuple[str, str]], answers: list[str]) -> str:
    wrong: dict[str, Counter] = defaultdict(Counter)
    for (gold, _), got in zip(rows, answers):
        if got != gold:
            wrong[gold][got] += 1
    return "; ".join(f"{gold}→" + ",".join(f"{got}×{n}" if n > 1 else got for got, n in found.most_common())
                     for gold, found in sorted(wrong.items())) or "none"


def _by_length(rows: list[tuple[str, str]], answers: list[str]) -> str:
    parts = []
    for low, high in LENGTHS:
        hits = [got == gold for (gold, text), got in zip(rows, answers) if low <= len(text) < high]
        if hits:
            label = f"{low}+" if high > 10**6 else f"{low}-{high - 1}"
            parts.append(f"{label}: {sum(hits)}/{len(hits)}")
    return "  ".join(parts)


def figures_for(title: str, rows: list[tuple[str, str]]) -> list[str]:
    texts = [t for _, t in rows]
    lengths = sorted(map(len, texts))
    lines = [f"{title}: {len(rows)} texts in {len({g for g, _ in rows})} languages, "
             f"median {lengths[len(lengths) // 2]} chars ({lengths[0]}-{lengths[-1]})"]
    for name, detect in (("identify_language", ours), ("bare langdetect", bare_langdetect)):
        answers, ms = _timed(detect, texts)
        right = sum(got == gold for (gold, _), got in zip(rows, answers))
        lines.append(f"    {name:<18} accuracy {right / len(rows):.3f} ({right}/{len(rows)})  "
                     f"und {answers.count('und')}  {ms:.2f} ms/call")
        lines.append(f"        by length  {_by_length(rows, answers)}")
        lines.append(f"        errors     {_errors(rows, answers)}")
        if detect is ours:
            again = [detect(t) for t in texts]
            lines.append(f"        deterministic: {'yes' if again == answers else 'NO'}")
    return lines


def beginning(text: str, units: float) -> str | None:
    """The shortest beginning of ``text`` with ``units`` evidence units, cut after a word (after
    any character in a script written without spaces); None when the text has fewer."""
    words = text.split(" ")
    cuts = ([" ".join(words[:i]) for i in range(1, len(words) + 1)] if len(words) > 2
            else [text[:i] for i in range(1, len(text) + 1)])
    return next((cut for cut in cuts if evidence(cut).units >= units), None)


def beginnings_figures(rows: list[tuple[str, str]]) -> list[str]:
    shared = [(lang, text) for lang, text in rows if evidence(text).script in SHARED_SCRIPTS]
    lines = [f"(d) beginnings of the {len(shared)} sentences and records in a shared script, "
             f"cut at k evidence units: accuracy (und)"]
    for units in BEGINNINGS:
        cut = [(lang, b) for lang, text in shared if (b := beginning(text, units))]
        found = {name: [detect(b) for _, b in cut]
                 for name, detect in (("ours", ours), ("bare", bare_langdetect))}
        right = {name: sum(got == lang for (lang, _), got in zip(cut, answers)) / len(cut)
                 for name, answers in found.items()}
        lines.append(f"    k={units:<3} n={len(cut):<4} identify_language {right['ours']:.3f} "
                     f"(und {found['ours'].count('und')})   bare langdetect {right['bare']:.3f}")
    return lines


def language_figures() -> list[str]:
    """The lines to print: accuracy, errors and cost on sentences, short records, paragraphs."""
    sentences, short = load("lang_sentences.tsv"), load("lang_short.tsv")
    ours("Warm up the profiles."), bare_langdetect("Warm up the profiles.")
    by_lang: dict[str, list[str]] = defaultdict(list)
    for lang, text in sentences:
        by_lang[lang].append(text)
    paragraphs = [(lang, " ".join(texts)) for lang, texts in sorted(by_lang.items())]
    return (figures_for("(a) single sentences", sentences)
            + figures_for("(b) short records (headlines, captions)", short)
            + figures_for("(c) paragraphs (five sentences)", paragraphs)
            + beginnings_figures(sentences + short))


if __name__ == "__main__":
    print("\n".join(language_figures()))
