"""Benchmark named entities on newswire (issue #17): typed precision, recall and F1 of the pipeline
against the bare model, on the hand-written gold set tests/tasks/ner_gold.jsonl.

Run from the repository root:  python bench/annotate_entities.py [--throughput N]

The gold set is CoNLL-2003-style newswire written for this project: ALL-CAPS headlines,
datelines ("LONDON 1996-08-24", "BRUSSELS (Reuters) -"), results and standings tables,
organisations with suffixes, some text tokenized the CoNLL way ("said ."). Each document is one
text. spaCy's labels are mapped to CoNLL's four types (PERSON → PER; ORG → ORG; GPE, LOC, FAC →
LOC; NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE → MISC; the rest is no entity), and a span
counts only with the exact boundaries and type of a gold span.

- pipeline: ``newsflow.tasks.annotation.entities.extract_entities`` (what ``annotate_texts`` stores as mentions);
- bare: ``spacy.load(model)`` with the same components (tok2vec, ner), raw ``doc.ents``.

``--throughput N`` also runs bench/annotate.py's speed comparison (annotate stage against bare
``nlp.pipe``, target >= 0.85) on the first N BBC articles.

The gold set has two splits: ``dev`` (22 documents, the rules were worked out on them) and
``heldout`` (9 documents written before the first measurement on them). Recorded (issue #17,
small model, typed F1; bare model the same throughout: 0.633 overall, ORG 0.494):

    all 31 documents    before: P 0.700 R 0.585 F1 0.637, ORG 0.494   after: P 0.894 R 0.878 F1 0.886, ORG 0.857
    dev                 before: F1 0.668                              after: F1 0.912
    heldout             before: F1 0.554                              after: F1 0.817 (0.678 at the first look)
    per type, after     PER 0.899  ORG 0.857  LOC 0.933  MISC 0.800
    annotate/bare nlp.pipe on 800 BBC articles (CPU time): before 0.972, after 0.930
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script, so the repository root is not on the path

from newsflow.tasks.annotation.entities import NER_BATCH_SIZE, extract_entities, load_model  # noqa: E402

GOLD = REPO / "tests" / "tasks" / "ner_gold.jsonl"
TYPES = ("PER", "ORG", "LOC", "MISC")
CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
         "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}

Span = tuple[int, int, str]  # (start, end, CoNLL type)


def load_gold(path: Path = GOLD, split: str | None = None) -> list[tuple[str, set[Span]]]:
    """(text, gold spans) of each document, of one split ("dev", "heldout") or all."""
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and (record := json.loads(line)) and split in (None, record.get("split")):
            docs.append((record["text"], {(s, e, t) for s, e, t, _ in record["entities"]}))
    return docs


def pipeline_spans(texts: list[str]) -> list[set[Span]]:
    return [{(m.start, m.end, CONLL[m.label]) for m in mentions if m.label in CONLL}
            for mentions in extract_entities(texts)]


def bare_spans(texts: list[str]) -> list[set[Span]]:
    nlp = load_model()  # the model the pipeline uses, tok2vec and ner only
    return [{(e.start_char, e.end_char, CONLL[e.label_]) for e in doc.ents if e.label_ in CONLL}
            for doc in nlp.pipe(texts, batch_size=NER_BATCH_SIZE)]


def score(gold: list[set[Span]], found: list[set[Span]]) -> dict[str, tuple[float, float, float]]:
    """(precision, recall, F1) overall ("all") and per type."""
    tp, n_found, n_gold = Counter(), Counter(), Counter()
    for g, f in zip(gold, found):
        for t in TYPES:
            gt, ft = {s for s in g if s[2] == t}, {s for s in f if s[2] == t}
            tp[t], n_found[t], n_gold[t] = tp[t] + len(gt & ft), n_found[t] + len(ft), n_gold[t] + len(gt)
    figures = {}
    for t in ("all",) + TYPES:
        keys = TYPES if t == "all" else (t,)
        hits, got, want = (sum(c[k] for k in keys) for c in (tp, n_found, n_gold))
        p, r = hits / got if got else 0.0, hits / want if want else 0.0
        figures[t] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return figures


def entity_figures(path: Path = GOLD) -> list[str]:
    """Lines of the report: P/R/F1 overall and per type, pipeline and bare model, on all the
    gold documents, then F1 on each split (``dev``: the documents the rules were worked out on;
    ``heldout``: written before they were looked at)."""
    docs = load_gold(path)
    texts, gold = [t for t, _ in docs], [g for _, g in docs]
    name = path.relative_to(REPO) if path.is_relative_to(REPO) else path
    lines = [f"NER on {name}: {len(docs)} documents, {sum(map(len, gold))} gold spans, "
             f"model {load_model().meta['name']} {load_model().meta['version']}"]
    found = {"pipeline": pipeline_spans(texts), "bare": bare_spans(texts)}
    for system, spans in found.items():
        figures = score(gold, spans)
        lines += [f"  {system:<8} {t:<4}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}" for t, (p, r, f) in figures.items()]
    lines_ = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    splits = [json.loads(line).get("split") for line in lines_]
    for split in sorted(set(splits) - {None}):
        index = [i for i, s in enumerate(splits) if s == split]
        per = {system: score([gold[i] for i in index], [spans[i] for i in index])
               for system, spans in found.items()}
        lines.append(f"  {split:<8} ({len(index)} documents)  " + "  ".join(
            f"{system} F1 {per[system]['all'][2]:.3f} (ORG {per[system]['ORG'][2]:.3f})" for system in per))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--throughput", type=int, metavar="N",
                        help="also time the annotate stage against bare nlp.pipe on N BBC articles")
    parser.add_argument("--gold", type=Path, default=GOLD,
                        help=f"gold JSON lines (default {GOLD.relative_to(REPO)})")
    args = parser.parse_args()
    print("\n".join(entity_figures(args.gold)))
    if args.throughput:
        from bench.annotate import bbc_texts, throughput
        throughput(bbc_texts(args.throughput))


if __name__ == "__main__":
    main()
