"""The article the entity passes read: a span of it, and what the passes look up in it, found
once per article: the places after "in"/"to", the outlets cited ("first reported in Politico"),
photo credits, datelines' places and agencies ("BRUSSELS (Reuters) -"), the teams of results and
standings rows ("Arsenal 2 West Ham 0"), competitors before a country in brackets, and each span's
name and title."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import NamedTuple

from newsflow.tasks.annotation.keys import ROLES, TITLES, Name, is_country, name_words, normalize_name
from newsflow.tasks.annotation.shapes import LETTERS


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

# A company's part: "Acme's Harbor Logistics unit", "its Kestrel Engineering subsidiary".
_UNIT_CUE = re.compile(r"(?:['’]s?|\bits)[ \t]+((?:[A-Z][\w&.-]*[ \t]+){0,3}[A-Z][\w&.-]*)[ \t]+"
                       r"(?:unit|subsidiary|division|arm|affiliate|offshoot)\b")

# Places named by what they are: "the village of Novye Atagi", "the regional capital Grozny".
_PLACE_NOUN = re.compile(r"\b(?:village|town|city|capital|province|region|port|island|district|state)[ \t]+"
                         r"(?:of[ \t]+)?([A-Z][^\W\d_]+(?:[ \t]+[A-Z][^\W\d_]+)*)")

# A name before a country in brackets is a competitor: "Karl Lindqvist (Sweden) beat ...".
_COMPETITOR = re.compile(r"(?<![\w.])([A-Z][\w.'’-]*(?:[ \t]+(?:[a-z]{1,3}[ \t]+)?[A-Z][\w.'’-]*)+)[ \t]*"
                         r"\([ \t]?([A-Z][^()\n]{0,29}?)[ \t]?\)")

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
_THE_NAME = re.compile(r"(?<=[a-z,;] )The ([A-Z][^\W\d_]*)")  # "told The Times": the article is the name's


class Span(NamedTuple):
    start: int
    end: int
    label: str


class Article:
    """An article's text and what the passes look up in it, each computed once."""

    def __init__(self, text: str):
        self.text = text
        self.words = Counter(LETTERS.findall(text))  # a word seen twice is used alone somewhere
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

    def surface(self, span: Span) -> str:
        return self.text[span.start:span.end]

    def name(self, span: Span) -> Name:
        """The name a span votes and resolves under: folded words, no title ("Mr. Biden" → biden)."""
        if (span.start, span.end) not in self._names:  # every pass asks again
            self._names[span.start, span.end] = name_words(self.surface(span))
        return self._names[span.start, span.end]

    def role(self, span: Span) -> str:
        """The title or role word just before a span, or opening a person's span ("" if none)."""
        first = normalize_name(self.surface(span).split(" ", 1)[0])
        if span.label == "PERSON" and first in TITLES:
            return first
        before = _ROLE_BEFORE.search(self.text, max(0, span.start - 30), span.start)
        return before.group(1).lower().rstrip(".") if before else ""

    def in_credit(self, offset: int) -> bool:
        i = bisect.bisect_right(self.credits, (offset, len(self.text))) - 1
        return i >= 0 and offset < self.credits[i][1]
