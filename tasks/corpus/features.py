"""What the corpus passes compare, per article: the normalized body's hash, shingles and MinHash
signature (tasks/corpus/dedup.py), its story terms (tasks/corpus/stories.py) and its passage fingerprints
(tasks/corpus/passes.py).

Each depends on one article alone, so the annotation workers compute them beside the article,
in parallel, and stage them (tasks/staging/worker.py); the load, one process, only inserts them. The
load computes them itself, with these same functions, for stored articles it must process
again (after a settings change). This module stays light on purpose: a worker imports it, so
it imports neither DuckDB nor datasketch (whose import pulls in SciPy: half a second and
50 MiB per worker); ``minhash.signatures`` computes datasketch's MinHash with numpy instead.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from newsflow.tasks.corpus.minhash import shingles, signatures
from newsflow.tasks.staging.rows import FeatureRow, PassageRow


@dataclass(frozen=True)
class CorpusSettings:
    shingle_size: int = 5             # words per shingle
    num_perm: int = 128               # MinHash permutations
    seed: int = 1                     # MinHash seed: signatures must agree across runs
    near_threshold: float = 0.8       # Jaccard similarity of shingle sets for a near duplicate
    # LSH bands are cut for a lower similarity than the verified one: a pair at 0.8 is then a
    # candidate with probability 0.99 (0.40 with bands cut for 0.8); verifying is cheap
    lsh_threshold: float = 0.6
    story_threshold: float = 0.4      # mean pair score for two groups to be one story
    story_pair_floor: float = 0.15    # weaker pairs are not kept as evidence
    story_window_days: float = 3.0    # articles further apart in time are never one story
    story_top_terms: int = 40         # terms per article vector
    story_max_pairs: int = 30         # neighbours kept per new article
    story_prior_docs: float = 1000.0  # idf prior: how many documents a small corpus stands for
    story_max_df_share: float = 0.05  # terms in more of the corpus than this are ignored ...
    story_min_df_cap: int = 20        # ... unless in at most this many articles
    min_sentence_words: int = 6       # shorter sentences repeat by chance

    def as_rows(self) -> list[tuple[str, str]]:
        return [(f.name, repr(getattr(self, f.name))) for f in dataclasses.fields(self)]


# The settings the workers stage features with; the load uses them only when its own match.
STAGED_SETTINGS = CorpusSettings()

# Quote marks and apostrophes vanish ("hour's" and "hours'" compare equal); other punctuation
# separates words.
_QUOTES = str.maketrans("", "", "'\"`´‘’‚‛“”„‟′″«»")
_WORD = re.compile(r"\w+")


def normalize_text(text: str) -> str:
    """Casefolded words joined by single spaces: texts that differ only in whitespace, case,
    quote marks, apostrophes or punctuation normalize to the same string."""
    if text.isascii():  # NFKC leaves ASCII alone and casefold is lower: the common case, fast
        return " ".join(_WORD.findall(text.lower().translate(_QUOTES)))
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    # casefolding can leave text that NFKC changes, and NFKC can leave capitals: fold to a fixpoint
    while (again := unicodedata.normalize("NFKC", folded.casefold())) != folded:
        folded = again
    return " ".join(_WORD.findall(folded.translate(_QUOTES)))


def text_hash(normalized: str) -> str:
    return hashlib.sha256(normalized.encode()).hexdigest()


# English function words; other languages lean on idf alone.
STOPWORDS = frozenset("""
about above after again against all also and any are because been before being below between
both but can could did does doing down during each few for from further had has have having her
here hers herself him himself his how into its itself just more most mrs not now off once only
other our ours out over own same she should some such than that the their theirs them then there
these they this those through too under until very was were what when where which while who whom
why will with would you your yours said says say told one two three new year years last first
like make made get got many much may might must per also still even back well
""".split())


def singular(word: str) -> str:
    """Harman's S-stemmer: plurals and possessives fold ("strikes" and "strike"; "Ukraine's",
    normalized to "ukraines", and "Ukraine"), the same way on both sides of a comparison."""
    if word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def body_terms(normalized: str) -> Counter[str]:
    """Counts of a normalized body's content words as 't:word' terms (entities are 'e:slug'):
    letters only, as numbers and dates say little about which event it is."""
    words = (singular(w) for w in normalized.split() if len(w) > 2 and w.isalpha() and w not in STOPWORDS)
    return Counter("t:" + w for w in words if w not in STOPWORDS)


def passage_fingerprint(normalized: str) -> int:
    return int.from_bytes(hashlib.blake2b(normalized.encode(), digest_size=8).digest(), "little")


def passage_rows(rows: Sequence[tuple[str, int, int, int, bool, str]], min_words: int) -> list[tuple]:
    """(article_id, sent_idx, start_char, end_char, is_quote, fingerprint, n_words) of passages
    long enough to count; a quotation that is its whole sentence is the sentence's row."""
    out, sentence_text = [], {}
    for article_id, sent_idx, start, end, is_quote, text in rows:  # sentences before quotations
        normalized = normalize_text(text)
        if not is_quote:
            sentence_text[article_id, sent_idx] = normalized
        elif sentence_text.get((article_id, sent_idx)) == normalized:
            continue
        n_words = normalized.count(" ") + 1 if normalized else 0
        if n_words >= min_words:
            out.append((article_id, sent_idx, start, end, is_quote, passage_fingerprint(normalized), n_words))
    return out


# An annotated article as the features need it: article_id, version_id, body, sentence spans
# (start, end) in order, quotations (start, end, text).
Annotated = tuple[str, str, str, Sequence[tuple[int, int]], Sequence[tuple[int, int, str]]]


def article_features(article_id: str, version_id: str, body: str, sentences: Sequence[tuple[int, int]],
                     quotes: Sequence[tuple[int, int, str]], settings: CorpusSettings = STAGED_SETTINGS,
                     ) -> tuple[FeatureRow, list[PassageRow]]:
    """One annotated article's features, as staged rows (``features_of`` one article)."""
    (row,), passages, _ = features_of([(article_id, version_id, body, sentences, quotes)], settings)
    return row, passages


def features_of(articles: Iterable[Annotated], settings: CorpusSettings = STAGED_SETTINGS,
                ) -> tuple[list[FeatureRow], list[PassageRow], list[np.ndarray]]:
    """Annotated articles' features as staged rows, and each article's shingle set (signatures
    are computed a block of articles at a time). A quotation belongs to the sentence it starts
    in; one that starts before the first sentence has none and is no passage."""
    heads, shingle_sets, passages = [], [], []
    for article_id, version_id, body, sentences, quotes in articles:
        normalized = normalize_text(body)
        shingle_sets.append(shingles(normalized, settings.shingle_size))
        heads.append((article_id, version_id, text_hash(normalized), body_terms(normalized)))
        starts = [s for s, _ in sentences]
        rows = [(article_id, i, s, e, False, body[s:e]) for i, (s, e) in enumerate(sentences)]
        for start, end, text in sorted(quotes):
            sent_idx = bisect.bisect_right(starts, start) - 1
            if sent_idx >= 0:
                rows.append((article_id, sent_idx, start, end, True, text))
        passages += [PassageRow(article_id, version_id, *row[1:])
                     for row in passage_rows(rows, settings.min_sentence_words)]
    features = [FeatureRow(article_id, version_id, body_hash, len(shingle_set), signature.tolist(),
                           list(terms), list(terms.values()))
                for (article_id, version_id, body_hash, terms), shingle_set, signature
                in zip(heads, shingle_sets, signatures(shingle_sets, settings.num_perm, settings.seed))]
    return features, passages, shingle_sets
