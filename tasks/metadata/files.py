"""Metadata written beside the inputs: sidecar files, manifests, and fields in file paths.

Each reader gives candidate fields under the names tasks/metadata/resolve.py resolves; which source
wins is decided there.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote

from newsflow.tasks.metadata.resolve import normalize_fields, parse_datetime
from newsflow.tasks.metadata.urls import outlet_id


def read_sidecar(path: Path, field_map: Mapping[str, Sequence[str]] | None = None) -> dict[str, object] | None:
    """The metadata in NAME.json, else NAME.meta.json, next to `path`; None when neither exists.

    A sidecar that cannot be read or is not a JSON object gives {"_error": reason}: one bad
    file must not stop a batch, and `resolve` flags it.
    """
    for sidecar in (path.with_suffix(".json"), path.with_name(f"{path.stem}.meta.json")):
        if sidecar == path or not sidecar.is_file():
            continue
        try:
            data = json.loads(sidecar.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            return {"_error": f"{sidecar.name}: {exc}"[:200]}
        if not isinstance(data, dict):
            return {"_error": f"{sidecar.name}: not a JSON object"}
        return normalize_fields(data, field_map)
    return None


def read_manifest(path: Path, field_map: Mapping[str, Sequence[str]] | None = None) -> dict[str, dict[str, object]]:
    """{absolute resolved file path: metadata} from a CSV (with a header) or JSONL manifest.

    Each row has a "path", relative to the manifest's folder or absolute. Look files up with
    `str(Path(file).resolve())`. A manifest is written on purpose, so any fault in it (a row
    without a path, a bad JSON line, a path listed twice) raises ValueError with its line.
    """
    rows: list[tuple[int, Mapping[str, object]]] = []
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".jsonl", ".ndjson"):
        raise ValueError(f"{path}: a manifest is a .csv or .jsonl file")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        if suffix == ".csv":
            reader = csv.DictReader(fh)
            try:
                for row in reader:
                    rows.append((reader.line_num, row))
            except csv.Error as exc:
                raise ValueError(f"{path}:{reader.line_num}: {exc}") from exc
        else:
            rows = [(no, _json_object(line, path, no)) for no, line in enumerate(fh, start=1) if line.strip()]
    base = path.resolve().parent
    manifest: dict[str, dict[str, object]] = {}
    for line_no, row in rows:
        listed = row.get("path")
        if not isinstance(listed, str) or not listed.strip():
            raise ValueError(f"{path}:{line_no}: no path")
        key = str((base / listed.strip()).resolve())   # an absolute path stays itself
        if key in manifest:
            raise ValueError(f"{path}:{line_no}: {listed.strip()} is listed twice")
        manifest[key] = normalize_fields(row, field_map)
    return manifest


def _json_object(line: str, path: Path, line_no: int) -> dict[str, object]:
    try:
        data = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise ValueError(f"{path}:{line_no}: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}:{line_no}: not a JSON object")
    return data


_PATTERN_TOKEN = re.compile(r"\{(?P<field>\w+)(?::(?P<format>[^{}]+))?\}|(?P<globstar>\*\*/?)|\*")
_PATH_FIELDS = ("outlet", "published", "url", "title")
# strftime directives a path may hold, as the characters they match; strptime then checks the value.
_DIRECTIVES = {"Y": r"\d{4}", "y": r"\d{2}", "m": r"\d{1,2}", "d": r"\d{1,2}", "H": r"\d{1,2}",
               "M": r"\d{1,2}", "S": r"\d{1,2}", "j": r"\d{1,3}", "b": "[A-Za-z]+", "B": "[A-Za-z]+",
               "z": r"[+-]\d{4}", "%": "%"}


def compile_path_pattern(pattern: str) -> Callable[[str], dict[str, object] | None]:
    """A matcher for POSIX paths relative to the input root, e.g. "{outlet}/{published:%Y-%m-%d}/*.txt".

    Fields: {outlet}, {url} (percent-encoded), {title} (one path segment each) and {published:FORMAT} (strftime,
    default %Y-%m-%d, may span segments: %Y/%m/%d). "*" matches within a segment, "**/" any
    number of folders. The matcher returns the fields (published as a UTC datetime under
    "published_at"; an outlet that is a host name as its registered domain), or None when the
    path does not match. A date that fits the pattern but is no date ("2024-13-45") is left
    out and reported under "_error". Raises ValueError for an unknown field or directive.
    """
    regex: list[str] = []
    seen: set[str] = set()
    date_format: str | None = None
    position = 0
    for token in _PATTERN_TOKEN.finditer(pattern):
        regex.append(re.escape(pattern[position:token.start()]))
        position = token.end()
        field = token["field"]
        if token["globstar"] == "**/":
            regex.append("(?:[^/]+/)*")
        elif token["globstar"] == "**":
            regex.append(".*")
        elif field is None:
            regex.append("[^/]*")
        elif field not in _PATH_FIELDS or field in seen:
            raise ValueError(f"path pattern {pattern!r}: unknown or repeated field {{{field}}}")
        elif field == "published":
            date_format = token["format"] or "%Y-%m-%d"
            regex.append(f"(?P<published>{_format_regex(date_format)})")
        else:
            regex.append(f"(?P<{field}>[^/]+)")
        if field:
            seen.add(field)
    compiled = re.compile("".join(regex) + re.escape(pattern[position:]))

    def match(path: str) -> dict[str, object] | None:
        found = compiled.fullmatch(path)
        if found is None:
            return None
        fields: dict[str, object] = {k: v for k, v in found.groupdict().items() if k != "published"}
        if "outlet" in fields:
            fields["outlet"] = outlet_id(found["outlet"]) or found["outlet"]
        if "url" in fields:   # a URL fits in one path segment only percent-encoded
            fields["url"] = unquote(found["url"])
        if date_format is not None:
            try:
                fields["published_at"] = parse_datetime(datetime.strptime(found["published"], date_format))
            except (ValueError, OverflowError) as exc:
                fields["_error"] = f"published {found['published']!r}: {exc}"
        return fields

    return match


def _format_regex(fmt: str) -> str:
    parts = re.split(r"%(.)", fmt)   # literals at even positions, directives at odd ones
    try:
        return "".join(_DIRECTIVES[part] if i % 2 else re.escape(part) for i, part in enumerate(parts))
    except KeyError as exc:
        raise ValueError(f"unsupported date directive %{exc.args[0]} in {fmt!r}") from None


# --- resolution ----------------------------------------------------------------------------------
