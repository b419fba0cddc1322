"""How far can the cleaner's own line evidence go? A cross-validated learned line classifier.

    python bench/clean_ceiling.py [--hash-bits 12] [--l2 0.001]

Not a benchmark of the product: an experiment that bounds what more tuning of the rules could
reach on ../shared/bench/boilerplate-dev (skips when it is absent). It cleans the pages as
bench/clean.py does (in chunks of 50, `newsflow.tasks.reading.html.clean_inputs`) and records, for each line
the rules leave undecided (no phrase, caption or common-line reason), what the cleaner knows
of it: its shape class, length, function-word and letter shares, whether it ends a sentence,
where it stands against the article core and the tail heading, its neighbours, and (hashed)
its words. Lines holding a gold snippet are labelled (kept or dropped), a logistic regression
(numpy, L2) is trained on half of the pages and re-decides the other half's lines, and the
other way round; a second pass adds the neighbours' first-pass scores. It prints the scorer's
figures for several thresholds next to the cleaner's own. The cleaner is left as it is.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import sys
import zlib
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import newsflow.tasks.cleaning.clean as clean  # noqa: E402
from newsflow.tasks.reading.html import clean_inputs  # noqa: E402
from newsflow.tasks.staging.containers import RECORDS_PER_CHUNK  # noqa: E402

BENCH = REPO.parent / "shared" / "bench" / "boilerplate-dev"
SCORER_DIR = REPO.parent / "shared" / "tools"
# Lines the rules leave to the layout: kept, or removed as outside the core or after a tail heading.
UNDECIDED = {None, "head", "tail", "tail_section"}
THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.5)


@contextlib.contextmanager
def recording_pages(pages: list[dict]):
    """Record each cleaned page's lines and decisions (wraps two steps of newsflow.tasks.cleaning.clean)."""
    outside, repeats = clean._remove_outside_article, clean._remove_repeats

    def remove_outside(page, metadata, article_after):
        before = list(page.reasons)
        outside(page, metadata, article_after)
        pages.append({"page": page, "before": before, "metadata": set(metadata)})

    def remove_repeats(page, metadata):
        repeats(page, metadata)
        pages[-1]["after"] = list(page.reasons)

    clean._remove_outside_article, clean._remove_repeats = remove_outside, remove_repeats
    try:
        yield
    finally:
        clean._remove_outside_article, clean._remove_repeats = outside, repeats


def clean_pages(texts: dict[str, str]) -> dict[str, dict]:
    """Each page's recorded lines and its title, cleaned as an ingest cleans."""
    names, out = list(texts), {}
    for i in range(0, len(names), RECORDS_PER_CHUNK):
        chunk, pages = names[i:i + RECORDS_PER_CHUNK], []
        with recording_pages(pages):
            results = clean_inputs([texts[n] for n in chunk])
        assert len(pages) == len(chunk), "every text file is cleaned by clean_text"
        for name, (cleaned, _), page in zip(chunk, results, pages):
            out[name] = {**page, "title": cleaned.title}
    return out


def line_features(page: dict, hash_bits: int) -> tuple[list[int], list[dict[str, float]]]:
    """Indexes and features of a page's undecided lines."""
    p, after, meta = page["page"], page["after"], page["metadata"]
    n = len(p.texts)
    kept = [after[i] is None and i not in meta for i in range(n)]
    core = [i for i in range(n) if kept[i]]
    first, last = (core[0], core[-1]) if core else (n, -1)
    prose = [c in ("good", "near") for c in p.classes]
    run = [0] * n  # length of the run of non-prose lines a line is in
    i = 0
    while i < n:
        j = i
        while j < n and not prose[j]:
            j += 1
        run[i:j] = [j - i] * (j - i)
        i = max(j, i + 1)
    indexes, rows = [], []
    for i in range(n):
        if page["before"][i] is not None or i in meta or after[i] not in UNDECIDED:
            continue
        shape, text = p.shapes[i], p.texts[i]
        where = 0 if i < first else 2 if i > last else 1
        distance = first - i if where == 0 else i - last if where == 2 else min(i - first, last - i)
        f = {"bias": 1.0, f"class_{p.classes[i]}": 1.0, f"where_{where}": 1.0,
             "after_tail_heading": float(after[i] == "tail_section"),
             "log_chars": math.log1p(len(text)) / 7, "words": min(shape.n_words, 100) / 50,
             "stopwords": shape.stopword_density, "letters": shape.letter_share,
             "ends_sentence": float(shape.ends_sentence), "separators": float(shape.n_separators > 0),
             "ends_colon": float(text.endswith(":")), "digits": sum(c.isdigit() for c in text) / len(text),
             "upper": sum(c.isupper() for c in text) / len(text), "capitalised": float(text[:1].isupper()),
             "position": i / max(n - 1, 1), "log_distance": math.log1p(distance) / 5,
             "run": min(run[i], 20) / 20, "alone": float(run[i] == 1), "short_run": float(2 <= run[i] <= 4),
             "prose_before": float(i > 0 and prose[i - 1]), "prose_after": float(i + 1 < n and prose[i + 1]),
             "kept_before": float(i > 0 and kept[i - 1]), "kept_after": float(i + 1 < n and kept[i + 1])}
        for word in p.keys[i].split()[:10]:
            f[f"w{zlib.crc32(word.encode()) % (1 << hash_bits)}"] = 1.0
        indexes.append(i)
        rows.append(f)
    return indexes, rows


def labels(page: dict, gold: dict, norm) -> dict[int, int]:
    """1 for a line holding a snippet to keep, 0 for one holding a snippet to drop."""
    texts = [norm(t) for t in page["page"].texts]
    found = {}
    for kind, value in (("with", 1), ("without", 0)):
        for snippet in map(norm, gold[kind]):
            for i, text in enumerate(texts):
                if snippet and snippet in text:
                    found[i] = min(found.get(i, value), value)
    return found


def train(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 400) -> np.ndarray:
    """Logistic regression by Adam on the mean log loss plus an L2 penalty."""
    w, m, v = np.zeros(x.shape[1]), np.zeros(x.shape[1]), np.zeros(x.shape[1])
    for t in range(1, steps + 1):
        g = x.T @ (1 / (1 + np.exp(-(x @ w))) - y) / len(y) + l2 * w
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        w -= 0.05 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


class Experiment:
    def __init__(self, pages: dict[str, dict], gold: dict, norm, hash_bits: int, l2: float):
        self.pages, self.l2 = pages, l2
        self.lines = {name: line_features(page, hash_bits) for name, page in pages.items()}
        self.labels = {name: labels(page, gold[name], norm) for name, page in pages.items()}
        names = sorted({k for _, rows in self.lines.values() for row in rows for k in row})
        self.columns = {name: j for j, name in enumerate(names)}

    def matrix(self, name: str, extra: dict[str, np.ndarray] | None) -> np.ndarray:
        rows = self.lines[name][1]
        x = np.zeros((len(rows), len(self.columns)))
        for r, row in enumerate(rows):
            for k, value in row.items():
                x[r, self.columns[k]] = value
        return np.hstack([x, extra[name]]) if extra is not None else x

    def fit_predict(self, train_names, test_names, extra=None) -> dict[str, np.ndarray]:
        xs, ys = [], []
        for name in train_names:
            indexes, found = self.lines[name][0], self.labels[name]
            picked = [r for r, i in enumerate(indexes) if i in found]
            if picked:
                xs.append(self.matrix(name, extra)[picked])
                ys += [found[indexes[r]] for r in picked]
        w = train(np.vstack(xs), np.array(ys, float), self.l2)
        return {name: 1 / (1 + np.exp(-(self.matrix(name, extra) @ w))) for name in test_names}

    def neighbours(self, name: str, p: np.ndarray) -> np.ndarray:
        """Each line's neighbours' scores: before, after, and the mean of three either side."""
        indexes, n = self.lines[name][0], len(self.pages[name]["page"].texts)
        padded = np.zeros(n + 6)  # three lines of nothing either side
        padded[np.array(indexes, dtype=int) + 3] = p
        return np.array([[padded[i + 2], padded[i + 4], (padded[i:i + 7].sum() - padded[i + 3]) / 6]
                         for i in indexes]).reshape(len(indexes), 3)

    def cross_validated(self, names: list[str]) -> tuple[dict, dict]:
        """First- and second-pass scores of every page, each from a model that never saw it."""
        first, second = {}, {}
        halves = (names[0::2], names[1::2])
        for train_names, test_names in (halves, halves[::-1]):
            inner = self.fit_predict(train_names[0::2], train_names[1::2])
            inner |= self.fit_predict(train_names[1::2], train_names[0::2])
            outer = self.fit_predict(train_names, test_names)
            extra = {n: self.neighbours(n, inner[n]) for n in train_names}
            extra |= {n: self.neighbours(n, outer[n]) for n in test_names}
            first |= outer
            second |= self.fit_predict(train_names, test_names, extra)
        return first, second

    def bodies(self, scores: dict[str, np.ndarray] | None, threshold: float) -> dict[str, str]:
        """What the scorer reads: the title and the kept lines, re-decided where scored."""
        out = {}
        for name, page in self.pages.items():
            keep = {i: page["after"][i] is None and i not in page["metadata"] for i in range(len(page["after"]))}
            if scores is not None:
                keep |= {i: s >= threshold for i, s in zip(self.lines[name][0], scores[name])}
            lines = [page["page"].texts[i] for i, k in keep.items() if k]
            out[name] = "\n\n".join(([page["title"]] if page["title"] else []) + lines)
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hash-bits", type=int, default=12, help="word features: 2**bits buckets")
    parser.add_argument("--l2", type=float, default=1e-3)
    args = parser.parse_args(argv)
    if not (BENCH / "gold.json").is_file() or not (SCORER_DIR / "boilerplate_score.py").is_file():
        print(f"skipped: benchmark not found at {BENCH} (or its scorer)")
        return 0
    sys.path.insert(0, str(SCORER_DIR))
    from boilerplate_score import norm, score

    gold = json.loads((BENCH / "gold.json").read_text(encoding="utf-8"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((BENCH / "raw").glob("*.txt"))}
    experiment = Experiment(clean_pages(texts), gold, norm, args.hash_bits, args.l2)
    first, second = experiment.cross_validated(sorted(texts))

    def show(label: str, result: dict) -> None:
        print(f"{label:30} precision {result['precision']:.4f}  recall {result['recall']:.4f}  "
              f"F1 {result['f1']:.4f}  (tp {result['tp']} fn {result['fn']} fp {result['fp']})")

    print(f"boilerplate-dev: {len(texts)} files, {len(experiment.columns)} line features, "
          "trained on one half of the pages, scored on the other")
    show("the cleaner's rules", score(gold, experiment.bodies(None, 0)))
    for label, scores in (("learned", first), ("learned + neighbours", second)):
        for threshold in THRESHOLDS:
            show(f"{label} >= {threshold}", score(gold, experiment.bodies(scores, threshold)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
