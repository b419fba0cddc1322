"""Where an article's URL, outlet, publication date and title come from.

Each source gives candidate fields; `resolve` takes every field from the highest source in
`SOURCES` that has a usable value and records which source that was:

    record    the input record itself: a JSONL line's fields, a WARC record's target URI, an
              HTML page's own metadata
    sidecar   NAME.json or NAME.meta.json next to NAME.txt (`files.read_sidecar`)
    manifest  a CSV or JSONL file listing paths with their metadata (`files.read_manifest`)
    path      fields encoded in the file's path (`files.compile_path_pattern`)
    text      what the article's text says (`newsflow.tasks.metadata.text.from_text`)

A record describes itself best and the text worst; the files in between are written by
whoever ran the scrape, the closer to the article the better. A value that cannot be used
(an invalid URL, an unreadable or future date) is passed over for the next source, with a flag:

    invalid_url           a url that is not an http(s) URL with a host
    unparseable_date      a published_at in no known format
    future_date_rejected  a published_at later than the run's start
    <source>_error        a source could not be read (a broken sidecar, a bad date in a path)

Nothing is guessed: a field no source gives is None, with source None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from newsflow.tasks.metadata.dates import parse_datetime
from newsflow.tasks.metadata.text import from_text
from newsflow.tasks.metadata.urls import canonical_url, outlet_from_url, outlet_id
from newsflow.tasks.reasons import ArticleFlag

__all__ = ["SOURCES", "FLAGS", "Metadata", "canonical_url", "outlet_from_url", "parse_datetime",
           "from_text", "normalize_fields", "resolve"]

SOURCES = ("record", "sidecar", "manifest", "path", "text")   # resolution order, highest first
FLAGS = frozenset({ArticleFlag.INVALID_URL, ArticleFlag.UNPARSEABLE_DATE, ArticleFlag.FUTURE_DATE_REJECTED,
                   *(ArticleFlag(f"{source}_error") for source in SOURCES)})   # tasks/reasons.py
FIELDS = ("url", "outlet", "outlet_name", "published_at", "title")


@dataclass(frozen=True)
class Metadata:
    """An article's resolved metadata: each value with the source it came from (see `resolve`)."""

    url: str | None                   # canonical URL
    url_source: str | None            # one of SOURCES, None when url is None
    outlet: str | None                # registered domain of the URL, else a name another source gives
    outlet_name: str | None           # display name ("BBC News") where a source gives one
    outlet_source: str | None
    published_at: datetime | None     # timezone-aware UTC
    published_at_source: str | None
    title: str | None
    title_source: str | None
    flags: tuple[str, ...]            # sorted, from FLAGS


# --- the sources -------------------------------------------------------------------------------

# Field names as the scrapers and feeds we ingest spell them, in order of preference; compared
# ignoring case and punctuation ("datePublished" = "date_published").
DEFAULT_FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "url": ("canonical_url", "url", "link", "og:url"),
    "outlet": ("outlet", "source", "source_domain", "domain", "hostname"),
    "outlet_name": ("outlet_name", "site_name", "sitename", "publisher", "og:site_name"),
    "published_at": ("published_at", "datePublished", "published", "pubDate", "date_publish",
                     "publication_date", "date", "article:published_time"),
    "title": ("title", "headline", "og:title"),
}


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def normalize_fields(raw: Mapping[str, object],
                     field_map: Mapping[str, Sequence[str]] | None = None) -> dict[str, object]:
    """`raw`'s metadata under the names `resolve` reads (`FIELDS`); only fields found.

    `field_map` replaces the keys looked up for a field ({"url": ("permalink",)}). Strings are
    stripped, a JSON-LD {"name": ...} object gives its name, dates stay as given for `resolve`
    to parse. An outlet key holding a host or URL gives `outlet` (its registered domain);
    holding a name ("Sky News") it gives `outlet_name` unless an outlet_name key does.
    A source's "_error" is kept, so normalizing twice changes nothing.
    """
    unknown = set(field_map or ()) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown metadata fields in field map: {sorted(unknown)}")
    keys = {**DEFAULT_FIELD_KEYS, **(field_map or {})}
    by_key = {_key(name): value for name, value in raw.items() if isinstance(name, str)}
    values = {field: [value for name in keys[field]
                      if (value := _field_value(by_key.get(_key(name)), field)) is not None]
              for field in FIELDS}
    found = {field: values[field][0] for field in FIELDS if field != "outlet" and values[field]}
    for value in values["outlet"]:
        if domain := outlet_id(str(value)):
            found["outlet"] = domain
            break
        found.setdefault("outlet_name", value)
    if isinstance(raw.get("_error"), str):
        found["_error"] = raw["_error"]
    return found


def _field_value(value: object, field: str) -> object:
    """A usable value for `field`, or None."""
    if isinstance(value, Mapping):   # JSON-LD: "publisher": {"@type": "Organization", "name": ...}
        value = value.get("name")
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if field == "published_at" and isinstance(value, (int, float, datetime)) and not isinstance(value, bool):
        return value
    return None


def resolve(candidates: Sequence[tuple[str, Mapping[str, object]]], now: datetime) -> Metadata:
    """Each field from the highest source in `SOURCES` with a usable value; see the module doc.

    `candidates` are (source, fields) pairs in any order, fields named as `normalize_fields`
    returns them; between two candidates of one source, the earlier wins. `now` (the run's
    start; naive means UTC) bounds publication dates.
    """
    unknown = {source for source, _ in candidates} - set(SOURCES)
    if unknown:
        raise ValueError(f"unknown metadata sources: {sorted(unknown)}")
    ordered = sorted(candidates, key=lambda candidate: SOURCES.index(candidate[0]))   # stable
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    flags = {f"{source}_error" for source, fields in ordered if fields.get("_error")}

    def first(field: str, read: Callable[[object], object | None],
              reject: Callable[[object | None], str | None] = lambda value: None) -> tuple:
        """(value, source) of the first usable value of `field`; a rejected value is flagged."""
        for source, fields in ordered:
            raw = fields.get(field)
            if raw is None or raw == "":
                continue
            value = read(raw)
            if reason := reject(value):
                flags.add(reason)
            elif value is not None:
                return value, source
        return None, None

    url, url_source = first("url", canonical_url, lambda value: "invalid_url" if value is None else None)
    published_at, published_at_source = first(
        "published_at", parse_datetime,
        lambda value: "unparseable_date" if value is None else "future_date_rejected" if value > now else None)
    title, title_source = first("title", _text)
    outlet_name, _ = first("outlet_name", _text)
    outlet, outlet_source = (outlet_from_url(url), url_source) if url else (None, None)
    if outlet is None:   # no URL, or one on an IP address: what the best source calls the outlet
        outlet, outlet_source = next(
            ((value, source) for source, fields in ordered for field in ("outlet", "outlet_name")
             if (value := _text(fields.get(field)))), (None, None))
    return Metadata(url, url_source, outlet, outlet_name, outlet_source, published_at, published_at_source,
                    title, title_source, tuple(sorted(flags)))


def _text(raw: object) -> str | None:
    return (" ".join(raw.split()) or None) if isinstance(raw, str) else None
