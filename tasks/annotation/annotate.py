"""Annotate text: language, sentences with exact offsets, named entities, quotations.

``annotate_texts`` is the pure core shared by the ``newsflow annotate`` command and the
pipeline; offsets always index the text that was passed in. Each text's annotation depends on
that text alone, never on the rest of the batch, so batching is only a matter of speed.

Flags (a closed set, merged into the article's flags by the caller):

- ``lang_undetermined``: too little prose, or a script no detector reads; ``lang`` is ``und``.
- ``mixed_language``: a second language holds a fifth of the prose; ``lang`` is the dominant one.
- ``entities_truncated``: the text is longer than NER reads (``MAX_NER_CHARS``); mentions and
  quotation speakers cover its beginning only.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Sequence

from newsflow.tasks.annotation.entities import ENTITY_LANGS, MAX_NER_CHARS, Mention, extract_entities
from newsflow.tasks.annotation.language import identify_language
from newsflow.tasks.annotation.quotes import Quote, find_quotes
from newsflow.tasks.annotation.sentences import split_sentences
from newsflow.tasks.reasons import ArticleFlag

FLAGS = frozenset({ArticleFlag.LANG_UNDETERMINED, ArticleFlag.MIXED_LANGUAGE, ArticleFlag.ENTITIES_TRUNCATED})


@dataclass(frozen=True)
class Annotation:
    lang: str
    lang_score: float
    sentences: list[tuple[int, int]]
    mentions: list[Mention]
    quotes: list[Quote]
    entity_annotated: bool      # False when no NER model exists for the language
    flags: tuple[str, ...] = ()  # sorted, from ``FLAGS``

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (the one before it, between sentences)."""
        starts = [s for s, _ in self.sentences]
        return max(0, bisect.bisect_right(starts, offset) - 1)


def annotate_texts(texts: Sequence[str], model: str = "") -> list[Annotation]:
    """Annotate a batch of texts; NER runs batched over the texts in a language it supports."""
    langs = [identify_language(text) for text in texts]
    ner_idx = [i for i, found in enumerate(langs) if found.lang in ENTITY_LANGS and texts[i].strip()]
    mentions: dict[int, list[Mention]] = {}
    if ner_idx:
        found = extract_entities([texts[i] for i in ner_idx], model)
        mentions = dict(zip(ner_idx, found))
    annotations = []
    for i, text in enumerate(texts):
        lang = langs[i]
        sentences = split_sentences(text, lang.lang)
        doc_mentions = mentions.get(i, [])
        flags = set(lang.flags)
        if i in mentions and len(text) > MAX_NER_CHARS:
            flags.add(ArticleFlag.ENTITIES_TRUNCATED)
        annotations.append(Annotation(
            lang=lang.lang,
            lang_score=lang.score,
            sentences=sentences,
            mentions=doc_mentions,
            quotes=find_quotes(text, doc_mentions, sentences),
            entity_annotated=i in mentions,
            flags=tuple(sorted(flags)),
        ))
    return annotations
