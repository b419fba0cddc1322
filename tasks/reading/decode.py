"""Bytes to text: size limit, binary sniffing, charset detection, mojibake repair, normalization.

A file that cannot become text ends here with a reason code (``QUARANTINE_REASONS``); the
pipeline records it as a quarantined document and moves on.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer
import ftfy
from ftfy.badness import is_bad

from newsflow.tasks.reading.files import open_regular, read_error
from newsflow.tasks.reasons import Quarantine

QUARANTINE_REASONS = frozenset(Quarantine)   # documented in tasks/reasons.py

# File signatures of formats that are never article text.
# Only signatures no plain-text article can start with ("BM" would catch "BMW ...").
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"%PDF-", b"PK\x03\x04",
          b"\x1f\x8b", b"II*\x00", b"MM\x00*", b"\x7fELF")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# Control characters other than tab and newlines: kept out of the text analysts see.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.05


@dataclass(frozen=True)
class Decoded:
    text: str | None
    encoding: str | None
    error: str | None = None   # one of QUARANTINE_REASONS when text is None


def read_limited(path: Path, max_bytes: int) -> bytes | str:
    """The file's bytes, or a reason code when it is unreadable or above ``max_bytes``."""
    try:
        with open_regular(path) as fh:
            before = os.fstat(fh.fileno())
            raw = fh.read(max_bytes + 1)
            after = os.fstat(fh.fileno())
    except OSError as exc:
        return read_error(exc, path)
    if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns):
        return "changed_during_read"
    return "too_large" if len(raw) > max_bytes else raw


def _detect(raw: bytes) -> tuple[str, str] | None:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(name), name.replace("-sig", "")
            except UnicodeDecodeError:
                return None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw:  # NUL bytes without a UTF-16/32 BOM: not a text file we can trust
        return None
    best = charset_normalizer.from_bytes(raw).best()
    if best is None:
        return None
    return str(best), best.encoding


def decode_bytes(raw: bytes) -> Decoded:
    """Decode raw bytes to normalized text (NFC, ``\\n`` line endings, mojibake repaired)."""
    if not raw.strip():
        return Decoded(None, None, Quarantine.EMPTY)
    if raw.startswith(_MAGIC):
        return Decoded(None, None, Quarantine.BINARY)
    detected = _detect(raw)
    if detected is None:
        return Decoded(None, None, "binary" if b"\x00" in raw else Quarantine.UNDECODABLE)
    text, encoding = detected
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        return Decoded(None, encoding, Quarantine.BINARY)
    text = normalize_text(text)
    if not text.strip():
        return Decoded(None, encoding, Quarantine.EMPTY)
    return Decoded(text, encoding)


def normalize_text(text: str) -> str:
    """Repair mojibake, unify line endings, drop control characters, NFC-normalize."""
    if is_bad(text):
        # ftfy is slow on large inputs; only texts that look broken pay for it. Only the
        # encoding is repaired: curly quotes, ligatures and full-width forms are the author's.
        text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False,
                             fix_latin_ligatures=False, fix_character_width=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)
