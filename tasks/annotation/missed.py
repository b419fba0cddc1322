"""The names the small model leaves out, added to its spans by ``entities.resolve_mentions``.

Before the repairs (pass 0), newswire's shapes: datelines' places and agencies ("BRUSSELS
(Reuters) -"), teams of results and standings rows ("Arsenal 2 West Ham 0"), competitors before a
country in brackets, names ending in an organisation's word ("Nomura Research Institute"). After
the vote, a name the article gives an entity is that entity where it is written again unseen
("Leicester held Arsenal").
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from newsflow.tasks.annotation.article import Article, Span
from newsflow.tasks.annotation.recase import LOWER_WORDS
from newsflow.tasks.annotation.shapes import NOT_NAME_WORDS, STRAY, WORD, org_name


_ORG_RUN = re.compile(r"\b(?:(?:(?:[A-Z]\.){1,3}|[A-Z][\w&'’-]*)[ \t]+(?:(?:of|for|and|de)[ \t]+)?){1,4}"
                      r"(?:(?:Corp|Inc|Ltd|Co|Cos)\.|[A-Z][a-z]+s?|[A-Z]{2,4}|plc)(?![\w&'’-])")
_CAPITALISED_RUN = re.compile(r"(?<![\w'’.&-])[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*"
                              r"(?:[ \t]+[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*)*")


def newswire_names(doc: Article, spans: list[Span], read: int) -> list[Span]:
    """The spans with the names the model left out where newswire's shapes say what they are:
    datelines' places (GPE) and agencies (ORG), teams of results and standings rows (ORG; a
    row's name replaces the model's pieces of it: "NAC" of "NAC Breda 0"), competitors before a
    country in brackets (PERSON), names ending in an organisation's word ("Nomura Research
    Institute", ORG)."""
    if doc.teams:
        inside = [s for s in spans if any(a <= s.start and s.end <= b for a, b in doc.teams)]
        spans = [s for s in spans if s not in inside] + [Span(a, b, "ORG") for a, b in doc.teams
                                                         if any(a <= s.start and s.end <= b for s in inside)]
    candidates = [Span(a, b, "GPE") for a, b in doc.dateline_places]
    candidates += [Span(a, b, "ORG") for a, b in doc.dateline_agencies]
    candidates += [Span(a, b, "ORG") for a, b in doc.teams]
    candidates += [Span(a, b, "PERSON") for a, b in doc.competitors]
    candidates += [Span(a, b, "GPE") for a, b in doc.competitor_countries]
    candidates += [Span(m.start(), m.end(), "ORG") for m in _ORG_RUN.finditer(doc.text)
                   if org_name(m.group()) and "\n" not in m.group()]
    candidates = [c for c in candidates if c.end <= read]
    if not candidates:
        return spans
    taken = sorted((s.start, s.end) for s in spans)
    starts = [a for a, _ in taken]
    added: list[Span] = []
    for c in sorted(candidates, key=lambda c: (c.start, -c.end)):
        i = bisect.bisect_left(starts, c.end)
        if not any(a < c.end and c.start < b for a, b in taken[max(0, i - 3):i]) and \
                not (added and added[-1].end > c.start):
            added.append(c)
    return spans + added


def written_again(doc: Article, kept: list[Span], read: int) -> list[Span]:
    """A name the article gives an entity, written again where the model saw nothing, is that
    entity again ("Leicester held Arsenal" after "Leicester 12 3 5 4"; "Bowring left out" after
    "Kevin Bowring"): the names and, of people named in full, the surnames; not where the
    word goes on a longer name ("Leicester City"), nor names the article labels two ways."""
    labels: dict[str, set[str]] = defaultdict(set)
    for s in kept:
        surface = doc.surface(s)
        words = surface.split()
        if all(WORD.fullmatch(w) and w[0].isupper() for w in words) and len(surface) > 2:
            labels[surface].add(s.label)
            if s.label == "PERSON" and len(words) > 1:
                labels[words[-1]].add("PERSON")
    names = {n: ls.pop() for n, ls in labels.items() if len(ls) == 1 and not (
        " " not in n and (n.lower() in LOWER_WORDS or n.lower() in NOT_NAME_WORDS or n.lower() in STRAY))}
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
        echoes.append(Span(m.start(), end, names[run]))
    return echoes
