"""Benchmark the annotate stage (issue #5): speed against bare spaCy, the sentence splitter
against pysbd, and language identification on real multilingual pages.

Run from the repository root:  python bench/annotate.py [--limit N]

(a) Articles per second of ``annotate_texts`` (language, sentences, NER, resolution, quotes; one
    process) next to bare ``nlp.pipe`` with the same model, components and batch size, on the
    same BBC texts in the same run. The two alternate chunk by chunk, so load from other
    processes on this shared machine falls on both; wall-clock and CPU-time ratios are printed.
    Target: annotate >= 0.85 of bare spaCy.
(b) The sentence splitter's chars/s next to pysbd's (a benchmark-only dependency) on the same
    BBC texts (the first ``SPLIT_SAMPLE``: pysbd reads ~70k chars/s).
(c) Language accuracy on the boilerplate-dev pages (../shared/bench/boilerplate-dev). Their gold
    ``with`` snippets are article text; each is widened to the raw line that holds it (a whole
    paragraph). A page's label must not come from langdetect, or the test would grade
    langdetect against itself: it is the language whose commonest function words are most
    frequent in those paragraphs (at least 5 hits and twice the runner-up), kept only when the
    site's country domain agrees (.de/.at → de, .ch → de/fr/it, .pl → pl, .br → pt, ...; .com
    and other generic domains take the word count alone). Pages with no clear label are left
    out and counted. Printed: accuracy per page and per single paragraph, the confusion of the
    errors, and the ``mixed_language`` flag on pure pages and on pages with a second language
    appended (a quarter to a third of the result: above the flag's 20% threshold).

Missing shared folders are skipped with a message; nothing is copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import pysbd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script, so the repository root is not on the path

from newsflow.tasks.annotation.annotate import annotate_texts  # noqa: E402
from newsflow.tasks.annotation.entities import NER_BATCH_SIZE, load_model  # noqa: E402
from newsflow.tasks.annotation.language import identify_language  # noqa: E402
from newsflow.tasks.annotation.sentences import split_sentences  # noqa: E402

BBC = REPO.parent / "shared" / "corpora" / "bbc" / "bbc"  # never copied into the repo
PAGES = REPO.parent / "shared" / "bench" / "boilerplate-dev"
CHUNK = 100          # articles per alternation between bare spaCy and the annotate stage
SPLIT_SAMPLE = 400   # BBC texts timed with both splitters
TARGET = 0.85
FUNCTION_WORDS = {
    "en": "the and of to in is that for with was on are this it be as by from have not",
    "de": "der die und das ist nicht mit den von zu ein eine auch sich auf für dem im des werden",
    "fr": "le la les des est et une dans pour que qui pas sur au avec du ce sont il",
    "es": "el la los las de que y en un una por con para es del se no al lo",
    "it": "il la di che e un una per con non sono del della gli le nel è alla",
    "pt": "o a os as de que e um uma para com não do da em no na é por",
    "nl": "de het een en van is dat op te in niet met voor zijn er aan ook",
    "pl": "i w na z się że nie do to jest o jak a od po przez dla są",
    "sv": "och att det som en på är av för med till den inte har de om",
    "fi": "ja on ei se että oli hän mutta kun ovat tai myös joka mitä",
}
DOMAIN_LANGS = {"de": "de", "at": "de", "ch": "de fr it", "pl": "pl", "fr": "fr", "it": "it", "br": "pt",
                "pt": "pt", "es": "es", "mx": "es", "ar": "es", "cl": "es", "pe": "es", "bo": "es",
                "uy": "es", "co": "es", "fi": "fi", "se": "sv", "nl": "nl", "uk": "en"}


def bbc_texts(limit: int | None) -> list[str]:
    # One BBC file is Latin-1; a replacement character changes nothing measured here.
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(BBC.glob("*/*.txt"))[:limit]]


def throughput(texts: list[str]) -> None:
    nlp = load_model()
    annotate_texts(texts[:20])  # warm up: model, langdetect profiles, regexes
    wall, cpu = Counter(), Counter()
    for i in range(0, len(texts), CHUNK):
        chunk = texts[i:i + CHUNK]
        runs = {"bare": lambda: list(nlp.pipe(chunk, batch_size=NER_BATCH_SIZE)),
                "annotate": lambda: annotate_texts(chunk)}
        for name in sorted(runs, reverse=(i // CHUNK) % 2 == 1):
            started, started_cpu = time.perf_counter(), time.process_time()
            runs[name]()
            wall[name] += time.perf_counter() - started
            cpu[name] += time.process_time() - started_cpu
    n = len(texts)
    print(f"(a) annotate stage on {BBC.relative_to(REPO.parent)}: {n} articles, "
          f"{sum(map(len, texts)):,} chars, one process, components {nlp.pipe_names}")
    for name, label in (("bare", "bare nlp.pipe"), ("annotate", "annotate_texts")):
        print(f"    {label:<16} {n / wall[name]:7.1f} articles/s   ({n / cpu[name]:.1f} per CPU second)")
    ratio, ratio_cpu = wall["bare"] / wall["annotate"], cpu["bare"] / cpu["annotate"]
    verdict = "meets" if min(ratio, ratio_cpu) >= TARGET else "MISSES"
    print(f"    ratio            {ratio:7.3f} wall-clock, {ratio_cpu:.3f} CPU time  "
          f"({verdict} target >= {TARGET})")


def splitter_speed(texts: list[str]) -> None:
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    splitters = {"split_sentences": lambda t: split_sentences(t, "en"), "pysbd": segmenter.segment}
    n_chars = sum(map(len, texts))
    print(f"(b) sentence splitting, {len(texts)} BBC texts, {n_chars:,} chars")
    speeds = {}
    for name, split in splitters.items():
        split(texts[0])  # pysbd compiles its rules on first use
        started = time.process_time()
        for text in texts:
            split(text)
        speeds[name] = n_chars / (time.process_time() - started)
        print(f"    {name:<16} {speeds[name]:>12,.0f} chars/s")
    print(f"    split_sentences is {speeds['split_sentences'] / speeds['pysbd']:.0f}x faster")


def labelled_pages(limit: int | None) -> tuple[list[tuple[str, str, list[str]]], int]:
    """(name, label, paragraphs) of the pages with a clear label, and how many had none."""
    gold = json.loads((PAGES / "gold.json").read_text(encoding="utf-8"))
    words = {lang: frozenset(ws.split()) for lang, ws in FUNCTION_WORDS.items()}
    pages, unclear = [], 0
    for name, entry in sorted(gold.items())[:limit]:
        lines = (PAGES / "raw" / name).read_text(encoding="utf-8", errors="replace").splitlines()
        # each snippet widened to the line holding it: a whole paragraph of the article
        paragraphs = list(dict.fromkeys(next((ln.strip() for ln in lines if s in ln), s)
                                        for s in entry["with"]))
        tokens = re.findall(r"\w+", " ".join(paragraphs).lower())
        (best, hits), (_, second) = Counter({lang: sum(t in ws for t in tokens) for lang, ws in words.items()}
                                            ).most_common(2)
        domain = (urlparse(entry.get("url") or "").hostname or "").rsplit(".", 1)[-1]
        if hits >= 5 and hits >= 2 * second and best in DOMAIN_LANGS.get(domain, best):
            pages.append((name, best, paragraphs))
        else:
            unclear += 1
    return pages, unclear


def confusion(pairs: list[tuple[str, str]]) -> str:
    errors = Counter((gold, got) for gold, got in pairs if gold != got)
    return ", ".join(f"{gold}→{got} {n}" for (gold, got), n in errors.most_common(12)) or "none"


def language_accuracy(limit: int | None) -> None:
    pages, unclear = labelled_pages(limit)
    per_lang = Counter(label for _, label, _ in pages)
    print(f"(c) language on {PAGES.relative_to(REPO.parent)}: {len(pages)} labelled pages "
          f"({', '.join(f'{k} {v}' for k, v in per_lang.most_common())}), {unclear} without a clear label")
    found = [(label, identify_language("\n\n".join(paras))) for _, label, paras in pages]
    pairs = [(label, got.lang) for label, got in found]
    print(f"    per page       accuracy {sum(a == b for a, b in pairs) / len(pairs):.3f}   "
          f"errors: {confusion(pairs)}")
    paragraph_pairs = [(label, identify_language(p).lang) for _, label, paras in pages for p in paras
                       if sum(c.isalpha() for c in p) >= 40]
    print(f"    per paragraph  accuracy {sum(a == b for a, b in paragraph_pairs) / len(paragraph_pairs):.3f} "
          f"on {len(paragraph_pairs)} paragraphs of 40+ letters   errors: {confusion(paragraph_pairs)}")
    flagged = sum("mixed_language" in got.flags for _, got in found)
    mixes = []  # each page with the next page in another language appended: 25-33% of the whole
    for (_, label, paras), (_, other, other_paras) in zip(pages, pages[1:] + pages[:1]):
        text, appended = "\n\n".join(paras), "\n\n".join(other_paras)[:len("\n\n".join(paras)) // 2]
        if other != label and len(text) >= 300 and len(appended) >= len(text) // 3:
            mixes.append((label, identify_language(text + "\n\n" + appended)))
    print(f"    mixed_language flag on {flagged} of {len(found)} pure pages; on "
          f"{sum('mixed_language' in got.flags for _, got in mixes)} of {len(mixes)} pages with another "
          f"language appended (dominant language kept on {sum(got.lang == lb for lb, got in mixes)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="BBC articles and pages to use (default: all)")
    args = parser.parse_args()
    started = time.perf_counter()
    if BBC.is_dir():
        texts = bbc_texts(args.limit)
        throughput(texts)
        splitter_speed(texts[:SPLIT_SAMPLE])
    else:
        print(f"(a), (b) skipped: BBC corpus not found at {BBC}")
    if (PAGES / "gold.json").is_file():
        language_accuracy(args.limit)
    else:
        print(f"(c) skipped: pages not found at {PAGES}")
    # the held-out-style figures of issue #17, on data assembled in bench/data and tests/
    from bench.annotate_entities import entity_figures
    from bench.annotate_language import language_figures
    from bench.annotate_sentences import sentence_figures

    for title, figures in (("(d) language on single sentences and short records", language_figures),
                           ("(e) sentence rule families, against pysbd", sentence_figures),
                           ("(f) entities on the newswire gold set", entity_figures)):
        print(title)
        for line in figures():
            print(f"    {line}")
    print(f"done in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
