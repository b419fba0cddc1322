"""Annotate text: language, sentences with exact offsets, named entities, quotations.

``annotate_texts`` is the pure core shared by the ``newsflow annotate`` command and the
pipeline; offsets always index the text that was passed in.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Sequence

from tasks.entities import ENTITY_LANGS, Mention, extract_entities
from tasks.language import detect_language
from tasks.quotes import Quote, find_quotes
from tasks.sentences import split_sentences


@dataclass(frozen=True)
class Annotation:
    lang: str
    lang_score: float
    sentences: list[tuple[int, int]]
    mentions: list[Mention]
    quotes: list[Quote]
    entity_annotated: bool      # False when no NER model exists for the language

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (the one before it, between sentences)."""
        starts = [s for s, _ in self.sentences]
        return max(0, bisect.bisect_right(starts, offset) - 1)


def annotate_texts(texts: Sequence[str], model: str = "") -> list[Annotation]:
    """Annotate a batch of texts; NER runs batched over the texts in a language it supports."""
    langs = [detect_language(text) for text in texts]
    ner_idx = [i for i, (lang, _) in enumerate(langs) if lang in ENTITY_LANGS and texts[i].strip()]
    mentions: dict[int, list[Mention]] = {}
    if ner_idx:
        found = extract_entities([texts[i] for i in ner_idx], model)
        mentions = dict(zip(ner_idx, found))
    annotations = []
    for i, text in enumerate(texts):
        lang, score = langs[i]
        doc_mentions = mentions.get(i, [])
        annotations.append(Annotation(
            lang=lang,
            lang_score=score,
            sentences=split_sentences(text, lang),
            mentions=doc_mentions,
            quotes=find_quotes(text, doc_mentions),
            entity_annotated=i in mentions,
        ))
    return annotations
