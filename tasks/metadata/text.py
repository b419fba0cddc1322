"""What an article's own text says about its outlet, news agency and publication date: credit
lines ("By Jane Doe, Reuters"), datelines ("KYIV, Ukraine (AP) —"), copyright lines, labelled
dates ("Published: 3 May 2024"), sign-offs ("(Reuters)").

Deliberately narrow: the text gives an outlet only when a credit names one that cannot be a
person, and dates are read only in the explicit formats of ``dates.parse_datetime``. Whatever is
not found is left out rather than guessed; `newsflow.tasks.metadata.resolve` then falls back to
other sources.
"""

from __future__ import annotations

import re
from datetime import datetime

from newsflow.tasks.metadata.dates import parse_datetime


# --- what the article's text says ------------------------------------------------------------

# News agencies by the names their credits use; the value is what `from_text` reports.
_AGENCY_NAMES = {
    "AP": ("AP", "The AP", "Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "Reuter", "Thomson Reuters"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "PA": ("PA", "PA Media", "Press Association"),
    "ANSA": ("ANSA",), "EFE": ("EFE",), "UPI": ("UPI", "United Press International"),
    "Xinhua": ("Xinhua",), "Kyodo": ("Kyodo", "Kyodo News"), "Yonhap": ("Yonhap",),
    "AAP": ("AAP", "Australian Associated Press"), "PTI": ("PTI", "Press Trust of India"),
    "ANI": ("ANI",), "TASS": ("TASS",),
}
AGENCIES = {name.casefold(): agency for agency, names in _AGENCY_NAMES.items() for name in names}

# A credit names an outlet, not a person, when it ends in "News" ("Sky News", "Euronews") or is
# "The ... <newspaper word>" ("The Washington Post"): no person is called either. Anything
# else ("MBS Staff", "Jane Doe") is left alone, even when it is in fact an outlet.
_NEWSPAPER_WORDS = frozenset({
    "times", "post", "guardian", "independent", "telegraph", "herald", "tribune", "journal",
    "gazette", "chronicle", "observer", "economist", "standard", "mirror", "express", "globe",
    "star", "courier", "examiner", "inquirer", "register", "bulletin"})
# Section headings that end in "News" but name no outlet.
_GENERIC_NEWS = frozenset({"news", "breaking news", "latest news", "top news", "more news",
                           "related news", "world news", "local news", "fake news"})
# Words after an outlet's name that say who at the outlet wrote it: "Fox News Digital".
_STAFF_WORDS = re.compile(r"(?:\s+(?:staff|digital|online|desk|team|reporters?|correspondents?))+$",
                          re.IGNORECASE)

_CREDIT_PREFIX = re.compile(r"^(?:(?:by|source|via)\b|@)\s*:?\s*", re.IGNORECASE)
_CREDIT_SPLIT = re.compile(r"\s+(?:with|and|for|via)\s+|\s*[,;/&|•·]\s*|\s+[-–—]\s+", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:copyright|©|\(c\))(?:\s*©)?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
                        r"(?P<name>.+?)\.?(?:\s+all rights reserved\.?)?$", re.IGNORECASE)
# "WASHINGTON (AP) —", "LONDON, May 30 (Reuters) -": a parenthesised agency, then a dash.
_DATELINE = re.compile(r"^[^()]{0,60}\((?P<name>[^()]{2,30})\)\s*[-–—]")
# A wire dateline: a place in capitals ("NEW YORK", "SPRINGFIELD, Ill."), then a date or a
# parenthesised agency or both, then a dash: "CLEVELAND, Feb 26 -", "LONDON, March 3 (Reuters) -".
_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý.'-]+(?: [A-ZÀ-Ý][A-ZÀ-Ý.'-]+){0,3}(?:, [A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)?)?)"
    r"(?=,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}\b|\())"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?(?: \([^()]{2,30}\))?\s*[-–—]"
)
_DATE_LABEL = re.compile(r"\b(?P<label>first published|published|posted|last updated|updated)\b"
                         r"(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_SEGMENT_SPLIT = re.compile(r"\s*[|•·]\s*")
_TITLE_SUFFIX = re.compile(r"\s(?:[|–—-])\s(?P<name>[^|–—-]+)$")
_HEAD_LINES = 3      # credits and dates above the article sit in its first lines...
_TAIL_LINES = 3      # ...and credit lines ("@Sky News", a copyright) in its last ones
_MAX_CREDIT_CHARS = 100   # a longer line is prose that mentions a name, not a credit


# A wire story signs off with the agency's name alone on its last line: "Reuter", "(AP)", "AFP".
_SIGNOFF = re.compile(r"^\(?(?P<name>[A-Za-z][\w .-]{0,30}?)\)?\.?$")
_SIGNOFF_MAX_CHARS = 32


def signoff_agency(line: str) -> str | None:
    """The agency a wire story's sign-off line names ("Reuter" -> "Reuters"), else None."""
    line = line.strip()
    if len(line) > _SIGNOFF_MAX_CHARS or not (match := _SIGNOFF.match(line)):
        return None
    name = match["name"]
    return _agency(name) if name[0].isupper() or name == "dpa" else None


def _agency(name: str) -> str | None:
    """The agency a credit names ("The Associated Press" -> "AP"), or None."""
    return AGENCIES.get(" ".join(name.strip(" .:;,").split()).casefold())


def _outlet_name(name: str) -> str | None:
    """`name` as an outlet's name when it can only be one (see `_NEWSPAPER_WORDS`), else None."""
    name = _STAFF_WORDS.sub("", " ".join(name.strip(" .:;,'\"").split()))
    words = name.split()
    if not 1 <= len(words) <= 6 or name.casefold() in _GENERIC_NEWS:
        return None
    last = words[-1].casefold()
    if last.endswith("news") or (words[0] == "The" and len(words) > 1 and last in _NEWSPAPER_WORDS):
        return name
    return None


def _credit(name: str, outlets: list[str], agencies: list[str]) -> None:
    """Add what a credited `name` is, an agency or an outlet (or neither), to its list."""
    if agency := _agency(name):
        agencies.append(agency)
    elif outlet := _outlet_name(name):
        outlets.append(outlet)


def _credit_parts(line: str) -> list[str]:
    """The names in a credit line: "By Jane Doe, Euronews with AP" -> Jane Doe, Euronews, AP."""
    return [part for segment in _SEGMENT_SPLIT.split(line) if not _DATE_LABEL.match(segment)
            for part in _CREDIT_SPLIT.split(_CREDIT_PREFIX.sub("", segment.strip()))]


def _labelled_dates(line: str) -> list[tuple[bool, datetime]]:
    """(is_first_publication, date) for each "Published 30 May 2024" / "Updated: ..." in a line."""
    found = []
    for segment in _SEGMENT_SPLIT.split(line):
        labels = list(_DATE_LABEL.finditer(segment))
        if not labels or labels[0].start() != 0:
            continue   # a label inside a sentence ("was published on ...") is prose
        for label, following in zip(labels, labels[1:] + [None]):
            value = segment[label.end():following.start() if following else None].strip(" ,;-")
            if parsed := parse_datetime(value):
                found.append((not label["label"].lower().endswith("updated"), parsed))
    return found


def from_text(title: str | None, byline: str | None, body: str) -> dict[str, object]:
    """What the article's own text says: `title`, `outlet_name`, `agency`, `published_at`,
    `dateline_place`.

    outlet_name and agency come from credits: the byline ("Euronews with AP"), "By"/"Source:"/
    "Via"/"@" lines among the first and last lines of the body ("@Sky News"), a dateline
    ("WASHINGTON (AP) —"), a wire sign-off on the last line ("Reuter", "(AP)"), a copyright
    line at the end ("Copyright 2024 The Associated Press")
    and a title suffix ("... | BBC News"); the first credit found wins. An agency is not the
    outlet: agency copy is republished everywhere. published_at comes only from a labelled date
    in the byline or the first lines ("Published 30 May 2024", "Updated: May 30, 2024 6:00 PM"),
    the first publication before an update: a bare date at the top of a page is as often the day
    it was scraped. dateline_place is the place of a wire dateline in the first lines
    ("CLEVELAND, Feb 26 -"), as written. Only keys found are returned.
    """
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    head, tail = lines[:_HEAD_LINES], lines[-_TAIL_LINES:]
    bylines = [byline.strip()] if byline and byline.strip() else []
    outlets: list[str] = []
    agencies: list[str] = []
    credit_lines = bylines + [line for line in dict.fromkeys(head + tail) if _CREDIT_PREFIX.match(line)]
    for line in credit_lines:
        if len(line) <= _MAX_CREDIT_CHARS:
            for part in _credit_parts(line):
                _credit(part, outlets, agencies)
    places = [match["place"] for line in head if (match := _WIRE_DATELINE.match(line))]
    for line in head:
        if (dateline := _DATELINE.match(line)) and (agency := _agency(dateline["name"])):
            agencies.append(agency)
    last = next((line for line in reversed(lines) if any(char.isalpha() for char in line)), "")
    if agency := signoff_agency(last):   # a wire sign-off, a separator or control code may follow
        agencies.append(agency)
    for line in tail:
        if len(line) <= _MAX_CREDIT_CHARS and (holder := _COPYRIGHT.match(line)):
            _credit(holder["name"], outlets, agencies)
    if title and (suffix := _TITLE_SUFFIX.search(title.strip())):
        _credit(suffix["name"], outlets, agencies)

    found: dict[str, object] = {"title": " ".join(title.split())} if title and title.strip() else {}
    if outlets:
        found["outlet_name"] = outlets[0]
    if agencies:
        found["agency"] = agencies[0]
    if places:
        found["dateline_place"] = places[0]
    dates = [date for line in bylines + head for date in _labelled_dates(line)]
    if dates:   # max() keeps the first of equals: the first publication date written
        found["published_at"] = max(dates, key=lambda date: date[0])[1]
    return found
