"""Dates in the few forms news pages use: ISO 8601, RFC 2822, unix epoch seconds, and written
dates in English ("3 May 2024 14:05 GMT", "May 3, 2024").

Deliberately narrow: a date is read only in an explicit format (no guessing library:
"05/06/2024" is two different days on two continents, so it is not read at all); anything else
is None, never a guess."""

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
