"""Pass 3 of ``entities.resolve_mentions``: one label per name and article, by vote, after evidence.

A country alone is a GPE, a name ending in "Corp", "Ministry", "FC" ... an ORG, initials and a
surname a person, a row's team an ORG; a name the article gives a person (full name, surname, or
after a title) is never a place, a lone "person" used as a place ("to Kyiv") is a GPE, and one
cited as the outlet that reported something ("first reported in Politico") an ORG. Before the
vote, a one-word place the model found where a nationality stands ("Ukrainian officials") is NORP.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from newsflow.tasks.annotation.article import Article, Span
from newsflow.tasks.annotation.keys import Name, is_alias, is_country, surname
from newsflow.tasks.annotation.shapes import DEMONYM, is_name, org_name


# Labels worth a row: names, not numbers, dates or amounts. The order breaks voting ties: the
# small model calls teams, firms and countries persons ("Aston Villa", "Wales") more often than
# the reverse, and the reverse is fixed by the evidence rules below.
NAMED_LABELS = ("ORG", "GPE", "PERSON", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART",
                "LAW", "LANGUAGE")

# A minority label with this many votes (and a third of them) names a second entity, not noise,
# when it is of another kind: "Amazon" the company and the river. Within a kind ("Ukrainian"
# NORP or GPE) it is the model's confusion, and the majority wins.
STRONG_VOTES = 3
_KIND = {"GPE": "place", "LOC": "place", "FAC": "place", "NORP": "place"}
_INITIALS = re.compile(r"((?:[A-Z]\.[ \t]?){1,3})[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?")  # "K. Fernando"
_LOWER_AFTER = re.compile(r"[ \t]+[a-z]")


def vote_labels(doc: Article, spans: list[Span]) -> list[str | None]:
    """Each span's label after article-level voting; None drops the span (pass 3)."""
    names = [doc.name(s) for s in spans]
    votes: dict[Name, Counter] = defaultdict(Counter)
    surface: dict[Name, str] = {}
    for name, span in zip(names, spans):
        votes[name][span.label] += 1
        surface.setdefault(name, doc.surface(span))
    surnames = {surname(n) for n, s in zip(names, spans) if s.label == "PERSON" and len(n) > 1}
    name_ends = {n[-1] for n in names if len(n) > 1}  # "Giannakopoulos" of "Stelios Giannakopoulos"
    titled = {n for n, s in zip(names, spans) if doc.role(s) and is_name(doc.surface(s))}
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
        elif org_name(text):
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


def nationalities(doc: Article, spans: list[Span]) -> list[Span]:
    """A one-word place the model found where a nationality stands ("Ukrainian officials") is NORP."""
    return [s._replace(label="NORP") if s.label in ("GPE", "LOC") and DEMONYM.fullmatch(doc.surface(s))
            and _LOWER_AFTER.match(doc.text, s.end) and not is_country(doc.surface(s)) else s for s in spans]
