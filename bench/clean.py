"""Benchmark the text cleaner: boilerplate-removal quality and throughput.

Run from anywhere as `python bench/clean.py [--split even|odd]`. Expects the shared benchmark beside the
repository (../shared/bench/boilerplate-dev: raw/NAME.txt and gold.json) and its scorer
(../shared/tools/boilerplate_score.py); skips with a message when they are absent. Cleans
the files as an ingest does (in chunks of 50 files in name order, lines repeated across a
chunk counting as boilerplate: `newsflow.tasks.reading.html.clean_inputs`), and again with `common_lines`
computed over the whole set, and prints the scorer's precision, recall and F1 for both,
the single-core throughput, and the seed articles' non-blank line counts before and after
cleaning. `--split even` (or
`odd`) keeps every other file, sorted by name, from the first (or second): tune on one
half, check on the other that a change generalises.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsflow.tasks.cleaning.clean import Cleaned, clean_text  # noqa: E402
from newsflow.tasks.cleaning.corpus_lines import common_lines  # noqa: E402
from newsflow.tasks.reading.html import clean_inputs  # noqa: E402
from newsflow.tasks.staging.containers import RECORDS_PER_CHUNK  # noqa: E402

BENCH = REPO.parent / "shared" / "bench" / "boilerplate-dev"
SCORER = REPO.parent / "shared" / "tools" / "boilerplate_score.py"
SEEDS = REPO / "data" / "raw"
REPEATS = 3


def scored_text(cleaned: Cleaned) -> str:
    """What the scorer sees: the gold counts headlines as article text."""
    return "\n\n".join(part for part in (cleaned.title, cleaned.body) if part)


def non_blank(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip())


def _clean_all(texts: dict[str, str]) -> tuple[list[tuple[str, str]], float, float]:
    """Predictions (name, scored text), and CPU seconds in `common_lines` and `clean_text`.

    Only the body text of each result is kept, as a pipeline writing its output would:
    holding a thousand results would time the garbage collector more than the cleaner.
    """
    started = time.process_time()
    common = common_lines(texts.values())
    common_seconds = time.process_time() - started
    predictions = []
    started = time.process_time()
    for name, text in texts.items():
        predictions.append((name, scored_text(clean_text(text, common_lines=common))))
    return predictions, common_seconds, time.process_time() - started


def _score(predictions: list[tuple[str, str]], texts: dict[str, str], split: str) -> dict:
    """The shared scorer's figures for these predictions (against the split's gold only)."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as out:
        out.writelines(json.dumps({"name": n, "body": b}, ensure_ascii=False) + "\n" for n, b in predictions)
    gold_path = BENCH / "gold.json"
    if split != "all":  # the scorer counts a gold entry without a prediction as missed
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as sub:
            json.dump({name: gold[name] for name in texts if name in gold}, sub, ensure_ascii=False)
        gold_path = Path(sub.name)
    scored = subprocess.run([sys.executable, str(SCORER), str(gold_path), out.name],
                            capture_output=True, text=True, check=True)
    Path(out.name).unlink()
    if split != "all":
        gold_path.unlink()
    return json.loads(scored.stdout)


def _split(paths: list[Path], split: str) -> list[Path]:
    """All files, or every other one (sorted by name): "even" from the first, "odd" from the second."""
    return {"all": paths, "even": paths[0::2], "odd": paths[1::2]}[split]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("all", "even", "odd"), default="all")
    args = parser.parse_args(argv)
    if not (BENCH / "gold.json").is_file() or not SCORER.is_file():
        print(f"skipped: benchmark not found at {BENCH} (or scorer at {SCORER})")
        return 0
    paths = _split(sorted((BENCH / "raw").glob("*.txt")), args.split)
    texts = {path.name: path.read_text(encoding="utf-8") for path in paths}
    n_bytes = sum(len(text.encode("utf-8")) for text in texts.values())

    predictions, common_seconds, clean_seconds = _clean_all(texts)
    rates = [n_bytes / 1e6 / clean_seconds]
    for _ in range(REPEATS - 1):  # the fastest pass is the least disturbed by other work
        _, common_s, clean_s = _clean_all(texts)
        rates.append(n_bytes / 1e6 / clean_s)
        common_seconds, clean_seconds = min(common_seconds, common_s), min(clean_seconds, clean_s)
    score = _score(predictions, texts, args.split)
    items = list(texts.items())
    chunks = [items[i:i + RECORDS_PER_CHUNK] for i in range(0, len(items), RECORDS_PER_CHUNK)]
    as_ingested = [(name, scored_text(cleaned)) for chunk in chunks for name, (cleaned, _) in
                   zip([name for name, _ in chunk], clean_inputs([text for _, text in chunk]))]
    alone = _score(as_ingested, texts, args.split)
    split = "" if args.split == "all" else f" ({args.split} split)"
    print(f"boilerplate-dev{split}: {len(texts)} files, {n_bytes / 1e6:.1f} MB")
    for label, result in (("in chunks of 50 (as an ingest)", alone), ("with common_lines", score)):
        print(f"{label}: precision {result['precision']:.4f}  recall {result['recall']:.4f}"
              f"  F1 {result['f1']:.4f}  (tp {result['tp']} fn {result['fn']} fp {result['fp']} tn {result['tn']})")
    mb = n_bytes / 1e6
    print(f"throughput on one core (best of {REPEATS}): clean_text {mb / clean_seconds:.1f} MB/s"
          f" ({clean_seconds:.2f} s CPU; runs: {' '.join(f'{r:.1f}' for r in rates)}),"
          f" with common_lines {mb / (clean_seconds + common_seconds):.1f} MB/s ({common_seconds:.2f} s more)")
    print("seeds (non-blank lines before -> after, title and byline counted as lines):")
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        result = clean_text(text)
        after = non_blank(result.body) + (result.title is not None) + (result.byline is not None)
        print(f"  {path.name}: {non_blank(text)} -> {after}  flags={','.join(result.flags) or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
