"""Read raw text as paragraphs before any line is judged: wrapped lines joined again.

Raw text comes one paragraph per line (web scrapes, BBC), hard-wrapped at 60-80 columns with
indented or blank-line paragraphs (wire feeds, e-mail, text exports, pdftotext, lynx -dump),
or one sentence per line. Judged line by line, a wrapped article looks like a run of short
lines, that is like boilerplate, and its sentences break where the lines do; so every later
decision of the cleaner is taken on the paragraphs rebuilt here.

Where the paragraphs break is wrapping.py's decision, taken on evidence of the whole text;
here the lines of each paragraph are joined again, hyphenation undone where the text's own
vocabulary says a word was split ("inter-" + "national"), kept where it is a suspended
hyphen ("pre- and post-war"). A scraped page keeps one paragraph per line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from newsflow.tasks.cleaning.wrapping import paragraph_breaks


_HYPHEN_END = re.compile(r"(\w+)-$")
_WORD_START = re.compile(r"^(\w+)")
_LONGEST_WORD = 64
# A hyphen left hanging before these words stands for a word's repeated part.
_SUSPENDED_HYPHEN_WORDS = frozenset("and or nor und oder bzw sowie et ou y o e i bis".split())


class Paragraph(NamedTuple):
    """One paragraph of a raw text and the raw lines it was read from."""

    text: str  # whitespace-collapsed; wrapped lines joined by a space, hyphenation undone
    lines: tuple[tuple[int, str], ...]  # (1-based line number, raw line) of each of its lines


def split_lines(text: str) -> list[str]:
    """Split on \\n, \\r\\n and \\r as `str.splitlines` does, and on nothing else."""
    if not text:
        return []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    return lines[:-1] if lines[-1] == "" else lines


def read_paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of a raw text, in order; blank lines only separate them."""
    numbered, texts = [], []
    for no, raw in enumerate(split_lines(text), 1):
        collapsed = " ".join(raw.split())  # collapse_whitespace, inlined: it runs on every line
        if collapsed:
            numbered.append((no, raw))
            texts.append(collapsed)
    breaks = paragraph_breaks(numbered) if len(numbered) >= 3 else None
    if breaks is None:
        return [Paragraph(collapsed, (line,)) for collapsed, line in zip(texts, numbered)]
    return _join(numbered, texts, breaks)


def _join(numbered: Sequence[tuple[int, str]], texts: Sequence[str], breaks: Sequence[bool]) -> list[Paragraph]:
    """Paragraphs from lines (raw and collapsed) and the breaks between them."""
    groups: list[list[int]] = [[0]]
    for i, is_break in enumerate(breaks, 1):
        if is_break:
            groups.append([i])
        else:
            groups[-1].append(i)
    words = None
    paragraphs = []
    for group in groups:
        parts = [texts[i] for i in group]
        if len(parts) > 1 and any(part.endswith("-") for part in parts[:-1]):
            words = words if words is not None else _vocabulary(numbered)
        paragraphs.append(Paragraph(_join_parts(parts, words), tuple(numbered[i] for i in group)))
    return paragraphs


def _vocabulary(numbered: Sequence[tuple[int, str]]) -> frozenset[str]:
    """The case-folded words of a text, hyphenated compounds whole, to undo hyphenation by."""
    return frozenset(re.findall(r"\w+(?:-\w+)*", " ".join(raw for _, raw in numbered).casefold()))


def _join_parts(parts: Sequence[str], words: frozenset[str] | None) -> str:
    """Wrapped lines as one paragraph. A hyphen ending a line joins the next word without a
    space, and goes only before a lower-case word the text spells elsewhere without it:
    "well-" / "known" stays "well-known", "pre-" / "Christmas" "pre-Christmas", and
    "impor-" / "tant" becomes "important" if "important" is used."""
    pieces = [parts[0]]  # joined once at the end: a paragraph of many lines costs linear time
    for part in parts[1:]:
        last = pieces[-1]
        head = _HYPHEN_END.search(last[-_LONGEST_WORD:]) if last.endswith("-") else None
        tail = _WORD_START.match(part)
        if head and tail:
            joined = (head[1] + tail[1]).casefold()
            hyphenated = f"{head[1]}-{tail[1]}".casefold()
            suspended = tail[1].casefold() in _SUSPENDED_HYPHEN_WORDS and part[len(tail[1]):][:1] == " "
            if suspended:  # "nano-" / "and micro-engineering", but "nip-" / "and-tuck"
                pieces += [" ", part]
            elif part[0].islower() and words is not None and joined in words and hyphenated not in words:
                pieces[-1] = last[:-1]
                pieces.append(part)
            else:
                pieces.append(part)
        elif last.endswith("\u00ad"):  # a soft hyphen marks where a word was broken
            pieces[-1] = last[:-1]
            pieces.append(part)
        else:
            pieces += [" ", part]
    return "".join(pieces)
