"""Benchmark newsflow.tasks.annotation.sentences against pysbd: golden-case accuracy and speed on news text.

Run from the repository root:  python bench/sentences.py
pysbd is a benchmark dependency only; the splitter itself uses the standard library.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pysbd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script, so the repository root is not on the path

from newsflow.tasks.annotation.sentences import split_sentences  # noqa: E402

GOLDEN_CASES = REPO / "tests" / "tasks" / "sentence_cases.json"
BBC_CORPUS = REPO.parent / "shared" / "corpora" / "bbc" / "bbc"  # never copied into the repo
SAMPLE = REPO / "data" / "raw"

Splitter = Callable[[str], list[str]]


def ours(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, "en")]


def pysbd_splitter() -> Splitter:
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda text: [span.sent for span in segmenter.segment(text)]


def n_correct(split: Splitter, cases: list[dict]) -> tuple[int, list[str]]:
    """Cases whose stripped, non-empty sentences equal the expected list; and the misses."""
    misses = []
    for case in cases:
        predicted = [sentence.strip() for sentence in split(case["text"]) if sentence.strip()]
        if predicted != case["expected"]:
            misses.append(case["text"])
    return len(cases) - len(misses), misses


def chars_per_second(split: Splitter, texts: list[str]) -> float:
    split(texts[0])  # warm up (pysbd compiles its rules on first use)
    started = time.perf_counter()
    for text in texts:
        split(text)
    return sum(map(len, texts)) / (time.perf_counter() - started)


def load_texts() -> tuple[Path, list[str]]:
    """The BBC news corpus when ../shared is there, else the bundled sample articles."""
    source, files = BBC_CORPUS, sorted(BBC_CORPUS.glob("*/*.txt"))
    if not files:
        print(f"BBC corpus not found at {BBC_CORPUS}: skipping it, timing data/raw instead")
        source, files = SAMPLE, sorted(SAMPLE.glob("*.txt"))
    # One BBC file is not valid UTF-8; a replacement character does not change the timing.
    return source, [path.read_text(encoding="utf-8", errors="replace") for path in files]


def main() -> None:
    cases = json.loads(GOLDEN_CASES.read_text(encoding="utf-8"))
    baseline = pysbd_splitter()

    print(f"golden cases ({GOLDEN_CASES.relative_to(REPO)})")
    for name, split in [("ours", ours), ("pysbd", baseline)]:
        correct, misses = n_correct(split, cases)
        print(f"  {name:<6} {correct} / {len(cases)} correct")
        for text in misses:
            print(f"           missed: {text[:70]!r}")

    source, texts = load_texts()
    n_chars = sum(map(len, texts))
    print(f"speed on {source}: {len(texts)} texts, {n_chars:,} chars")
    ours_speed = chars_per_second(ours, texts)
    pysbd_speed = chars_per_second(baseline, texts)
    print(f"  ours   {ours_speed:>12,.0f} chars/s")
    print(f"  pysbd  {pysbd_speed:>12,.0f} chars/s")
    print(f"  ours is {ours_speed / pysbd_speed:.1f}x faster")


if __name__ == "__main__":
    main()
