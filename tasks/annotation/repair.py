"""Passes 1 and 2 of ``entities.resolve_mentions``: repair the model's spans, then join them.

(1) repair: trim edges, possessives, caption prefixes ("FILE - Ukrainian"), leading articles ("the
United States"; "The" stays where the text writes it mid-sentence: "The Hague") and trailing common
words ("Xinhua news agency"), extend over a suffix left out ("Acme Holdings" + "Inc"), cut at line
breaks, slashes, spaced dashes, brackets, lone letters ("Moyo b Chikwanha") and a table's numbers,
drop junk (single characters, numbers, lowercase or stray words); (2) join the pieces of a name
("Oleksandr" ORG + "Syrskyi" GPE, "Espen Barth" + "Eide") and cut names out of longer spans.
"""

from __future__ import annotations

import re

from newsflow.tasks.annotation.article import Article, Span
from newsflow.tasks.annotation.keys import Name, name_words, surname
from newsflow.tasks.annotation.recase import LOWER_WORDS
from newsflow.tasks.annotation.shapes import (LETTERS, NOT_NAME_WORDS, STRAY, is_demonym, is_name, is_org_word,
                                             sentence_start)


_JUNK_PREFIX = re.compile(r"(?:FILE\s*[-–—:]|Copyright\s|©|\(?(?:Photo|Picture|Image)s?\s*(?:by\b|:))"
                          r"\s*")
_TRAILING = re.compile(r"(?:['’]s?)?[^\w.)]*$")  # possessive and punctuation at a span's end

# Where a span is cut: spaced dashes ("CRICKET - SRI LANKA"), brackets, a lone lowercase letter
# ("Moyo b Chikwanha", "Sri Lanka v Zimbabwe"), and in a line of figures, its numbers.
_CUT = re.compile(r"[ \t][-–—][ \t]|[()\[\]]|[ \t][a-z][ \t]")
_SCORE_END = re.compile(r"[ \t]+\(?\d+[-–:]\d+\)?$")  # "Espanyol 3-0"
_NUMBER_TOKEN = re.compile(r"(?<!\S)[-+]?\(?\d[\d.,:/-]*\)?%?(?!\S)")
_FIRST_WORD = re.compile(r"([^\W\d_]+)[ \t]+(?=\S)")
_LAST_WORD = re.compile(r"[ \t]+([^\W\d_]+)$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+\.?)(?![\w&'’-])")
_THE_BEFORE = re.compile(r"(?:The|the|THE)[ \t]$")
_HYPHEN_PREFIX = re.compile(r"(?:ex|pro|anti|non|post|pre|mid|neo|pan|all|un|former)-(?=[A-Z])")

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
_TABLE_WORDS = frozenset("total totals extras average played won lost drawn points".split())


def repair_span(doc: Article, span: Span) -> list[Span]:
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
            if cut_start > at and (piece := _trim(doc, Span(at, cut_start, span.label))):
                repaired += _nationality_apart(doc, piece)
            at = max(at, cut_end)
        start = end + 1
    return repaired


def _trim(doc: Article, span: Span) -> Span | None:
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
        if first.group(1) == "The" and (rest := LETTERS.match(text, first.end(), end)) \
                and rest.group() in doc.the_names:
            break
        start = first.end()
    if (before := _THE_BEFORE.search(text, max(0, start - 4), start)) and \
            (word := LETTERS.match(text, start, end)) and word.group() in doc.the_names:
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
        if end > start and LETTERS.fullmatch(text, start, end) and label not in ("PERSON", "NORP"):
            label = "NORP" if is_demonym(text[start:end]) else label
    for _ in range(2):  # "Acme Holdings" + "Inc", "Northern Steel" + "Corp"
        if (nxt := _NEXT_WORD.match(text, end)) and is_org_word(nxt.group(1)) and end > start:
            end, label = nxt.end() if nxt.group(1).lower().rstrip(".") in _ABBREVIATED else nxt.end(1) - (
                nxt.group(1).endswith(".")), "ORG"
    trimmed = Span(start, end, label)
    name = doc.name(trimmed) if end - start >= 2 else ()
    if not name or len(name) == 1 and (name[0] in STRAY or _LONE_INITIAL.fullmatch(text, start, end)
                                       or (name[0] in LOWER_WORDS or name[0] in _TABLE_WORDS)
                                       and not text[start:end].isupper()) \
            or not any(map(str.isupper, text[start:end])):
        return None
    word = text[start:end]
    if label != "PERSON" and len(name) == 1 and doc.words[word.lower()] >= max(1, doc.words[word]) \
            and sentence_start(text, start):
        return None  # "Leading first-round scores": a word the text writes as often in lower case
    return trimmed


def _nationality_apart(doc: Article, span: Span) -> list[Span]:
    """A nationality before an acronym is two names: "French CFDT" → "French" NORP, "CFDT" ORG."""
    head, sep, rest = doc.surface(span).partition(" ")
    if sep and is_demonym(head) and _ACRONYM.fullmatch(rest):
        return [Span(span.start, span.start + len(head), "NORP"), Span(span.end - len(rest), span.end, "ORG")]
    return [span]


def _glued(doc: Article, prev: Span, span: Span) -> bool:
    """Whether two adjacent spans are one name: "Espen Barth" PERSON + "Eide" GPE, "Oleksandr" ORG
    + "Syrskyi" GPE (a given name is never used alone, unlike "Sony" in "Sony Ericsson"); never
    "Ukraine" + "Joe Biden", nor a nationality + a name."""
    one_word = " " not in doc.surface(prev)
    return (doc.text[prev.end:span.start] == " " and "NORP" not in (prev.label, span.label)
            and is_name(doc.text[prev.start:span.end]) and " " not in doc.surface(span)
            and (prev.label == "PERSON" or one_word and (prev.label == span.label
                                                         or doc.words[doc.surface(prev)] == 1)))


def _completed(doc: Article, span: Span, limit: int, persons: set[Name],
               label_of: dict[Name, str]) -> Span:
    """A name continued by a word the article also uses alone ("Espen Barth" + "Eide"; "Oleksandr"
    ORG + "Syrskyi", a GPE elsewhere), or cut before one it never uses ("Joe Biden Partially")."""
    head, _, last = doc.surface(span).rpartition(" ")
    word = LETTERS.match(doc.text, span.end + 1, limit) if doc.text[span.end:span.end + 1] == " " else None
    if word and doc.text[word.end():word.end() + 1] != "-" and is_name(word.group()) \
            and word.group().lower() not in NOT_NAME_WORDS and doc.words[word.group()] > 1:
        other = label_of.get(name_words(word.group()))
        if span.label == "PERSON" or (not head and doc.words[last] == 1
                                      and other not in (None, span.label, "NORP", "PERSON")):
            return Span(span.start, word.end(), "PERSON")
    if span.label == "PERSON" and " " in head and name_words(head) in persons and doc.words[last] < 2:
        return Span(span.start, span.start + len(head), "PERSON")
    return span


def join_names(doc: Article, spans: list[Span]) -> list[Span]:
    """Glue the pieces of one name together, trim what is not part of it (pass 2)."""
    joined: list[Span] = []
    for span in spans:
        if joined and _glued(doc, joined[-1], span):
            prev = joined.pop()
            span = Span(prev.start, span.end, prev.label if prev.label == span.label else "PERSON")
        joined.append(span)
    persons = {doc.name(s) for s in joined if s.label == "PERSON"}
    label_of = {doc.name(s): s.label for s in joined}
    limits = [s.start for s in joined[1:]] + [len(doc.text)]
    completed = [_completed(doc, span, limit, persons, label_of) for span, limit in zip(joined, limits)]
    return _cut_out_people(doc, completed)


def _cut_out_people(doc: Article, spans: list[Span]) -> list[Span]:
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
        if keep < len(words) and is_name(" ".join(w.group() for w in words[-keep:])):
            span = Span(span.start + words[-keep].start(), span.end, "PERSON")
        result.append(span)
    return result
