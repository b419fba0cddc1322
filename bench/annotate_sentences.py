"""Score the sentence splitter on the rule families of bench/data/sentence_rules.json next to
pysbd, and time both on BBC news text (issue #17).

Run from the repository root:  python bench/annotate_sentences.py

(a) Cases passed per family (inline enumerations, abbreviations before a title, ellipses,
    quotations, parentheses, numbers, addresses, lists, dialogue, initials, ...): a case passes
    when the stripped, non-empty sentences equal its list. pysbd runs as
    ``pysbd.Segmenter(language="en", clean=False)`` on the same texts. The misses of ours are
    listed.
(b) chars/s of both on the first ``SAMPLE`` BBC texts (CPU time, best of ``ROUNDS`` passes, the
    two alternating so that load from other processes falls on both), the speed ratio against
    the target (ours >= 5x pysbd), and the number of sentences each finds in those texts. The
    corpus lives outside the repository and is skipped with a message when it is absent.

pysbd is a benchmark dependency only; the splitter itself uses the standard library.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pysbd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script, so the repository root is not on the path

from newsflow.tasks.annotation.sentences import split_sentences  # noqa: E402

CASES = REPO / "bench" / "data" / "sentence_rules.json"
BBC = REPO.parent / "shared" / "corpora" / "bbc" / "bbc"  # never copied into the repo
SAMPLE = 400  # BBC texts timed with both splitters
ROUNDS = 2
TARGET = 5.0  # ours must stay at least this many times faster than pysbd

Splitter = Callable[[str], list[str]]


def ours(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, "en")]


def pysbd_splitter() -> Splitter:
    segmenter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for s in segmenter.segment(text) if s.strip()]


def family_scores(split: Splitter, cases: list[dict]) -> tuple[dict[str, list[int]], list[dict]]:
    """{family: [passed, total]} in file order, and the cases missed."""
    scores: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for case in cases:
        got = [s.strip() for s in split(case["text"]) if s.strip()]
        score = scores[case["family"]]
        score[1] += 1
        if got == case["sentences"]:
            score[0] += 1
        else:
            misses.append({**case, "got": got})
    return dict(scores), misses


def accuracy_lines(cases: list[dict]) -> list[str]:
    ours_scores, ours_misses = family_scores(ours, cases)
    pysbd_scores, _ = family_scores(pysbd_splitter(), cases)
    lines = [f"(a) rule families ({CASES.relative_to(REPO)}): {len(cases)} cases",
             f"    {'family':<28} {'ours':>7} {'pysbd':>7}"]
    for family, (passed, total) in ours_scores.items():
        lines.append(f"    {family:<28} {passed:>3}/{total:<3} {pysbd_scores[family][0]:>3}/{total:<3}")
    total_ours = sum(p for p, _ in ours_scores.values())
    total_pysbd = sum(p for p, _ in pysbd_scores.values())
    lines.append(f"    {'all':<28} {total_ours:>3}/{len(cases):<3} {total_pysbd:>3}/{len(cases):<3}")
    for miss in ours_misses:
        lines.append(f"    ours missed [{miss['family']}] {miss['text'][:60]!r}")
        lines.append(f"        got {miss['got']}")
    return lines


def bbc_texts() -> list[str]:
    # One BBC file is not valid UTF-8; a replacement character changes nothing measured here.
    files = sorted(BBC.glob("*/*.txt"))[:SAMPLE]
    return [path.read_text(encoding="utf-8", errors="replace") for path in files]


def speed_lines() -> list[str]:
    texts = bbc_texts()
    if not texts:
        return [f"(b) BBC corpus not found at {BBC}: speed skipped"]
    splitters = {"ours": ours, "pysbd": pysbd_splitter()}
    counts = {name: sum(len(split(text)) for text in texts) for name, split in splitters.items()}
    best = dict.fromkeys(splitters, float("inf"))
    for round_ in range(ROUNDS):
        for name in sorted(splitters, reverse=round_ % 2 == 1):
            started = time.process_time()
            for text in texts:
                splitters[name](text)
            best[name] = min(best[name], time.process_time() - started)
    n_chars = sum(map(len, texts))
    speeds = {name: n_chars / seconds for name, seconds in best.items()}
    ratio = speeds["ours"] / speeds["pysbd"]
    lines = [f"(b) speed on {len(texts)} BBC texts ({n_chars:,} chars), CPU time, best of {ROUNDS}"]
    for name in splitters:
        lines.append(f"    {name:<6} {speeds[name]:>12,.0f} chars/s   {counts[name]:>6} sentences")
    verdict = "meets" if ratio >= TARGET else "MISSES"
    lines.append(f"    ours is {ratio:.1f}x faster ({verdict} target >= {TARGET:.0f}x)")
    return lines


def sentence_figures() -> list[str]:
    """The lines to print: per-family accuracy of both splitters, then speed on BBC text."""
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    return accuracy_lines(cases) + speed_lines()


if __name__ == "__main__":
    print("\n".join(sentence_figures()))
