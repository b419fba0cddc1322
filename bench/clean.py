"""Benchmark the text cleaner: boilerplate-removal quality and throughput.

Run from anywhere as `python bench/clean.py`. Expects the shared benchmark beside the
repository (../shared/bench/boilerplate-dev: raw/NAME.txt and gold.json) and its scorer
(../shared/tools/boilerplate_score.py); skips with a message when they are absent. Cleans
every file with `common_lines` computed over the whole set, as the pipeline does per
batch, and prints the scorer's precision, recall and F1, the single-core throughput, and
the seed articles' non-blank line counts before and after cleaning.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tasks.clean import Cleaned, clean_text, common_lines  # noqa: E402

BENCH = REPO.parent / "shared" / "bench" / "boilerplate-dev"
SCORER = REPO.parent / "shared" / "tools" / "boilerplate_score.py"
SEEDS = REPO / "data" / "raw"


def scored_text(cleaned: Cleaned) -> str:
    """What the scorer sees: the gold counts headlines as article text."""
    return "\n\n".join(part for part in (cleaned.title, cleaned.body) if part)


def non_blank(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip())


def main() -> int:
    if not (BENCH / "gold.json").is_file() or not SCORER.is_file():
        print(f"skipped: benchmark not found at {BENCH} (or scorer at {SCORER})")
        return 0
    paths = sorted((BENCH / "raw").glob("*.txt"))
    texts = {path.name: path.read_text(encoding="utf-8") for path in paths}
    n_bytes = sum(len(text.encode("utf-8")) for text in texts.values())

    started = time.process_time()
    common = common_lines(texts.values())
    cleaned = {name: clean_text(text, common_lines=common) for name, text in texts.items()}
    seconds = time.process_time() - started

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as out:
        for name, result in cleaned.items():
            out.write(json.dumps({"name": name, "body": scored_text(result)}, ensure_ascii=False) + "\n")
    scored = subprocess.run(
        [sys.executable, str(SCORER), str(BENCH / "gold.json"), out.name],
        capture_output=True, text=True, check=True,
    )
    Path(out.name).unlink()
    score = json.loads(scored.stdout)

    print(f"boilerplate-dev: {len(texts)} files, {n_bytes / 1e6:.1f} MB, {len(common)} common lines")
    print(f"precision {score['precision']:.4f}  recall {score['recall']:.4f}  F1 {score['f1']:.4f}"
          f"  (tp {score['tp']} fn {score['fn']} fp {score['fp']} tn {score['tn']})")
    print(f"throughput {n_bytes / 1e6 / seconds:.1f} MB/s on one core ({seconds:.2f} s CPU)")
    print("seeds (non-blank lines before -> after, title and byline counted as lines):")
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        result = clean_text(text)
        after = non_blank(result.body) + (result.title is not None) + (result.byline is not None)
        print(f"  {path.name}: {non_blank(text)} -> {after}  flags={','.join(result.flags) or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
