"""Benchmark what the text cleaner keeps of clean articles, beside its score on scraped pages.

Run from anywhere as `python bench/keep.py [--renderings wrap72,crlf] [--limit N] [--list]
[--no-boilerplate]`. Expects the BBC corpus beside the repository
(../shared/corpora/bbc/bbc/<category>/NNN.txt) and skips with a message when it is absent.
Renders every article in common text layouts (`RENDERINGS`: as filed, hard-wrapped, newswire
indented, CRLF, one sentence per line), cleans each rendering as an ingest does (in chunks
of 50 texts in path order, `newsflow.tasks.reading.html.clean_inputs`), and prints per rendering: articles,
median and 5th-percentile share of the article's words kept (weighted by word length),
articles losing over 10%, articles quarantined (empty body), sentences in the cleaned bodies
against the `original` rendering (always computed as the reference), articles whose
sentence count differs from it, and paragraphs of the original's cleaned body not found whole
in the rendering's (wrapped lines left unjoined, or paragraphs run together); then the
removed lines by reason, and the rendering's cleaning throughput on one core (one pass,
common lines included). `--list` also names the
articles losing over 10% with the reasons of their removed lines. Last, unless
`--no-boilerplate`, the shared scorer's figures for ../shared/bench/boilerplate-dev cleaned
in chunks of 50, as bench/clean.py prints them.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))  # bench/clean.py, whatever directory this is run from

import clean as clean_bench  # noqa: E402
from newsflow.tasks.cleaning.clean import Cleaned  # noqa: E402
from newsflow.tasks.reading.html import clean_inputs  # noqa: E402
from newsflow.tasks.annotation.sentences import split_sentences  # noqa: E402
from newsflow.tasks.staging.containers import RECORDS_PER_CHUNK  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpora" / "bbc" / "bbc"  # never copied into the repo
LOSS = 0.10  # an article losing more of its words than this is counted and listed
TOP_REASONS = 8


@dataclass(frozen=True)
class Article:
    path: str  # relative to CORPUS
    original: str
    headline: str
    paragraphs: list[str]
    words: Counter[str]  # of headline and paragraphs, see `words`


@dataclass(frozen=True)
class Outcome:
    kept: float  # share of the article's words kept, weighted by length
    quarantined: bool
    sentences: int
    reasons: Counter[str]  # of the removed lines
    paragraphs: frozenset[str]  # of the cleaned body


def words(text: str) -> Counter[str]:
    """Word counts that survive re-casing and re-joined hyphenation ("well-known": well, known)."""
    return Counter(re.findall(r"\w+", text.casefold()))


def load(path: Path) -> Article:
    """An article: line 1 the headline, then one paragraph (or list item) per non-blank line."""
    data = path.read_bytes()
    try:
        original = data.decode("utf-8")
    except UnicodeDecodeError:  # a few files of the corpus are latin-1
        original = data.decode("latin-1")
    headline, *rest = [line.strip() for line in original.splitlines() if line.strip()]
    return Article(str(path.relative_to(CORPUS)), original, headline, rest,
                   words("\n".join([headline, *rest])))


def blocks(headline: str, paragraphs: list[str]) -> str:
    """Headline and paragraphs, a blank line between them, as the corpus files are laid out."""
    return "\n\n".join([headline, *paragraphs]) + "\n"


def wrapped(width: int) -> Callable[[Article], str]:
    """Headline, then paragraphs hard-wrapped at `width` columns, a blank line between blocks."""
    return lambda a: blocks(a.headline, ["\n".join(textwrap.wrap(p, width)) for p in a.paragraphs])


def newswire(a: Article) -> str:
    """Headline in capitals, paragraphs wrapped at 65 columns with a four-space first-line indent,
    no blank lines."""
    return "\n".join([a.headline.upper(), *(line for p in a.paragraphs
                                            for line in textwrap.wrap(p, 65, initial_indent="    "))]) + "\n"


def wire(a: Article) -> str:
    """`newswire` as a wire service files it: a dateline opens the story, a sign-off ends it."""
    first, *rest = a.paragraphs
    filed = Article(a.path, a.original, a.headline, [f"LONDON, Feb 26 - {first}", *rest], a.words)
    return newswire(filed) + " Reuter\n"


def margin(a: Article) -> str:
    """Headline in capitals, the body indented two columns and each paragraph six, wrapped
    at 65 (corpus exports of wire copy)."""
    return "\n".join([a.headline.upper(), *(line for p in a.paragraphs for line in textwrap.wrap(
        p, 65, initial_indent="      ", subsequent_indent="  "))]) + "\n"


def sentence_lines(a: Article) -> str:
    """Headline, then one sentence per line, a blank line between paragraphs."""
    return blocks(a.headline, ["\n".join(p[s:e] for s, e in split_sentences(p)) for p in a.paragraphs])


def crlf(text: str) -> str:
    """The text with every line ending in CRLF (the corpus files end lines with LF only)."""
    return text.replace("\n", "\r\n")


RENDERINGS: dict[str, Callable[[Article], str]] = {
    "original": lambda a: a.original,
    **{f"wrap{width}": wrapped(width) for width in (60, 65, 70, 72, 80)},
    "indent65": newswire,
    "wire65": wire,
    "margin65": margin,
    "crlf": lambda a: crlf(a.original),
    "sentence_lines": sentence_lines,
    "crlf_wrap72": lambda a: crlf(wrapped(72)(a)),
}


def clean_in_chunks(texts: Sequence[str]) -> list[Cleaned]:
    """Clean as an ingest does: chunks of `RECORDS_PER_CHUNK` texts, lines repeated across a
    chunk counting as boilerplate."""
    return [cleaned for i in range(0, len(texts), RECORDS_PER_CHUNK)
            for cleaned, _ in clean_inputs(texts[i:i + RECORDS_PER_CHUNK])]


def outcome(article: Article, cleaned: Cleaned) -> Outcome:
    """What the cleaner kept of one article."""
    out = words("\n".join(part for part in (cleaned.title, cleaned.byline, cleaned.body) if part))
    kept = sum(len(w) * min(out[w], n) for w, n in article.words.items())
    return Outcome(kept / sum(len(w) * n for w, n in article.words.items()), not cleaned.body.strip(),
                   len(split_sentences(cleaned.body)), Counter(line.reason for line in cleaned.removed),
                   frozenset(cleaned.body.split("\n\n")))


def paragraphs_changed(outcome: Outcome, reference: Outcome) -> int:
    """Paragraphs of the reference's body not found whole in this one's (a wrap left unjoined,
    or two paragraphs run together); a dateline added in front of the first one aside."""
    return sum(1 for p in reference.paragraphs - outcome.paragraphs
               if not any(q.endswith(" - " + p) for q in outcome.paragraphs))


def percentile(values: list[float], q: float) -> float:
    """The value at rank round(q * (n - 1)) of the sorted values (nearest rank, no interpolation)."""
    return sorted(values)[round(q * (len(values) - 1))]


def print_boilerplate() -> None:
    """bench/clean.py's "in chunks of 50 (as an ingest)" line for boilerplate-dev."""
    if not (clean_bench.BENCH / "gold.json").is_file() or not clean_bench.SCORER.is_file():
        print(f"boilerplate-dev skipped: not found at {clean_bench.BENCH}"
              f" (or scorer at {clean_bench.SCORER})")
        return
    names = [path.name for path in sorted((clean_bench.BENCH / "raw").glob("*.txt"))]
    texts = {name: (clean_bench.BENCH / "raw" / name).read_text(encoding="utf-8") for name in names}
    cleaned = clean_in_chunks(list(texts.values()))
    r = clean_bench._score([(n, clean_bench.scored_text(c)) for n, c in zip(names, cleaned)], texts, "all")
    print(f"boilerplate-dev ({len(names)} files) in chunks of {RECORDS_PER_CHUNK} (as an ingest):"
          f" precision {r['precision']:.4f}  recall {r['recall']:.4f}  F1 {r['f1']:.4f}"
          f"  (tp {r['tp']} fn {r['fn']} fp {r['fp']} tn {r['tn']})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renderings", default=",".join(RENDERINGS),
                        help=f"comma-separated subset of: {', '.join(RENDERINGS)}")
    parser.add_argument("--limit", type=int, help="only the first N articles in path order")
    parser.add_argument("--list", action="store_true", help="name the articles losing over 10%%")
    parser.add_argument("--no-boilerplate", action="store_true", help="skip boilerplate-dev")
    args = parser.parse_args(argv)
    chosen = [name for name in args.renderings.split(",") if name]
    if unknown := set(chosen) - set(RENDERINGS):
        parser.error(f"unknown renderings: {', '.join(sorted(unknown))}")
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    if not CORPUS.is_dir():
        print(f"skipped: BBC corpus not found at {CORPUS}")
        return 0
    articles = [load(path) for path in sorted(CORPUS.glob("*/*.txt"))[:args.limit]]

    results: dict[str, list[Outcome]] = {}
    rates: dict[str, float] = {}  # MB of raw text cleaned per CPU second, common lines included
    for name in ["original", *(n for n in chosen if n != "original")]:  # original: the reference
        texts = [RENDERINGS[name](a) for a in articles]
        started = time.process_time()
        cleaned = clean_in_chunks(texts)
        rates[name] = sum(len(text.encode("utf-8")) for text in texts) / 1e6 / (time.process_time() - started)
        results[name] = [outcome(a, c) for a, c in zip(articles, cleaned)]

    reference = [o.sentences for o in results["original"]]
    print(f"BBC corpus: {len(articles)} articles; kept = share of the article's words kept, by length")
    print(f"{'rendering':<15}{'n':>6}{'median':>8}{'p5':>8}{f'lose>{LOSS:.0%}':>9}{'quarant':>8}"
          f"  sentences (vs original)  other count  paragraphs changed (articles)  MB/s")
    for name, outcomes in results.items():
        kept = [o.kept for o in outcomes]
        total = sum(o.sentences for o in outcomes)
        diff = total - sum(reference)
        changed = [paragraphs_changed(o, r) for o, r in zip(outcomes, results["original"])]
        print(f"{name:<15}{len(outcomes):>6}{percentile(kept, 0.5):>8.4f}{percentile(kept, 0.05):>8.4f}"
              f"{sum(k < 1 - LOSS for k in kept):>9}{sum(o.quarantined for o in outcomes):>8}"
              f"  {total:>7} ({diff:+6} {diff / sum(reference):+7.2%})"
              f"  {sum(o.sentences != r for o, r in zip(outcomes, reference)):>10}"
              f"  {sum(changed):>9} ({sum(map(bool, changed))})  {rates[name]:>12.1f}")
    print(f"removed lines by reason (top {TOP_REASONS}):")
    for name, outcomes in results.items():
        reasons = sum((o.reasons for o in outcomes), Counter())
        print(f"  {name:<15}" + (", ".join(f"{r} {n}" for r, n in reasons.most_common(TOP_REASONS)) or "-"))
    if args.list:
        for name, outcomes in results.items():
            losers = [(a, o) for a, o in zip(articles, outcomes) if o.kept < 1 - LOSS]
            print(f"{name}: {len(losers)} articles losing over {LOSS:.0%}")
            for a, o in losers:
                print(f"  {a.path}  kept {o.kept:.4f}  removed: "
                      + (", ".join(f"{r} {n}" for r, n in o.reasons.most_common()) or "-"))
    if not args.no_boilerplate:
        print_boilerplate()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
