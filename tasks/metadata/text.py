"""Metadata read out of strings: dates in the few forms news pages use, and what an article's
own text says about its outlet, news agency and publication date.

Both are deliberately narrow. A date is read only in an explicit format (no guessing library:
"05/06/2024" is two different days on two continents, so it is not read at all), and the text
gives an outlet only when a credit names one that cannot be a person. Whatever is not found
is left out rather than guessed; `newsflow.tasks.metadata.resolve` then falls back to other sources.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

# Longer strings are not dates; the cap also bounds the regular expressions' work.
_MAX_DATE_CHARS = 100

_MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}

# Zone names read as offsets: RFC 2822's own (UT, GMT, the US zones) and the European ones
# of the outlets we ingest. A name used for several zones (IST: India, Ireland or Israel) is
# left out: an unknown name makes the date unreadable rather than off by hours.
_ZONE_HOURS = {"z": 0, "ut": 0, "utc": 0, "gmt": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
               "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "bst": 1, "cet": 1, "cest": 2,
               "eet": 2, "eest": 3}

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][0-9:.,]+)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?",
                  re.ASCII | re.IGNORECASE)
_EPOCH = re.compile(r"-?\d{9,10}(?:\.\d+)?", re.ASCII)   # 1973..2286: never a year or a YYYYMMDD
# RFC 2822 ("Thu, 30 May 2024 18:00:00 GMT") and the spelled-out forms ("May 30, 2024 6:00 PM",
# "30 May 2024 18.00 BST", "Thursday 30 May 2024 at 18:00"): one pattern, every part explicit.
_HUMAN = re.compile(r"""
    (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?                # weekday
    (?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[a-z]{3,9})\.?,?
      |(?P<month2>[a-z]{3,9})\.?\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?,?)
    \s+(?P<year>\d{4})
    (?:(?:\s*,\s*|\s+at\s+|\s*[-|]\s*|\s+)
       (?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2}))?)?
       \s*(?P<ampm>[ap]\.?m\.?)?
       (?:\s*(?P<zone>[a-z]{1,4}|[+-]\d{2}:?\d{2}))?)?
""", re.ASCII | re.IGNORECASE | re.VERBOSE)


def parse_datetime(value: str | int | float | datetime | None) -> datetime | None:
    """A timezone-aware UTC datetime, or None when `value` is not a date in a known format.

    Reads ISO 8601 calendar dates and datetimes (WARC-Date included), RFC 2822, "May 30, 2024"
    and "30 May 2024" with an optional weekday, time and zone, and unix epoch seconds (numbers,
    or strings of 9-10 digits). Naive values are UTC; a date alone is midnight UTC.
    """
    if isinstance(value, datetime):
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_epoch(value)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if len(text) > _MAX_DATE_CHARS:
        return None
    if _EPOCH.fullmatch(text):
        return _from_epoch(float(text))
    if _ISO.fullmatch(text):
        return _from_iso(text)
    match = _HUMAN.fullmatch(text)
    return _from_parts(match) if match else None


def _from_epoch(seconds: float) -> datetime | None:
    try:
        return datetime.fromtimestamp(seconds, timezone.utc)
    except (OverflowError, OSError, ValueError):  # nan, inf, or beyond year 9999
        return None


def _from_iso(text: str) -> datetime | None:
    text = re.sub(r"(\.\d{6})\d+", r"\1", text)   # WARC allows nanoseconds; datetime keeps micro
    text = re.sub(r"\s*(?:UTC|GMT)$", "+00:00", text, flags=re.IGNORECASE)
    try:
        return parse_datetime(datetime.fromisoformat(text))
    except (ValueError, OverflowError):
        return None


def _from_parts(match: re.Match[str]) -> datetime | None:
    month = _MONTHS.get((match["month"] or match["month2"]).lower())
    day, hour = int(match["day"] or match["day2"]), int(match["hour"] or 0)
    ampm, zone = (match["ampm"] or "").lower(), (match["zone"] or "").lower()
    if month is None or (match["hour"] and not (match["minute"] or ampm)):
        return None   # "30 May 2024 6" is no time
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if zone and zone[0] in "+-":
        sign = -1 if zone[0] == "-" else 1
        offset = sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[-2:]))
    elif zone in _ZONE_HOURS or not zone:
        offset = timedelta(hours=_ZONE_HOURS.get(zone, 0))
    else:
        return None
    try:
        local = datetime(int(match["year"]), month, day, hour, int(match["minute"] or 0),
                         int(match["second"] or 0), tzinfo=timezone(offset))
        return local.astimezone(timezone.utc)
    except (ValueError, OverflowError):   # 30 February, 25 o'clock, an offset past year 1
        return None


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
