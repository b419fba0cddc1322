"""Direct quotations and their speakers.

A quotation is text between straight or curly double quotes, long enough to be speech rather
than a scare-quoted word. Its speaker comes from the attribution clause next to it ("X said",
"said X", "X told NRK", "according to X"), linked to a PERSON mention when the clause names
one; a pronoun ("he said") points to the nearest preceding person mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from tasks.entities import Mention

MIN_QUOTE_WORDS = 4
CONTEXT_CHARS = 120

_QUOTE = re.compile(r"“[^”\n]+”|\"[^\"\n]+\"")
_VERBS = r"(?:said|says|told|added|stated|emphasi[sz]ed|argued|noted|warned|wrote|insisted|asked|explained)"
# Attribution after the quote: ', he said', ' said X', ' X said', ' AFP quoted X as saying'.
_AFTER = re.compile(
    rf"[\s,]*(?:(?P<pron>he|she|they)\s+{_VERBS}"
    rf"|{_VERBS}\s+(?P<post>[^.,;\"“”]+)"
    rf"|(?P<pre>[^.,;\"“”]+?)\s+{_VERBS}\b)",
    re.IGNORECASE,
)
# Attribution before the quote: 'X said: "..."', 'according to X, "..."'.
_BEFORE = re.compile(
    rf"(?:(?P<pre>[^.,;\"“”]+?)\s+{_VERBS}(?:\s+that)?|according to\s+(?P<acc>[^.,;\"“”]+))[\s,:]*$",
    re.IGNORECASE,
)


# A speaker phrase ends where a circumstance starts: "a US official | on condition of anonymity".
_PHRASE_END = re.compile(r"\s(?:on|in|at|during|who|after|before|when|while|to|as|from)\s")


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_key: str | None


def _person_in(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    inside = [m for m in mentions if m.label == "PERSON" and start <= m.start and m.end <= end]
    return inside[-1] if inside else None


def _speaker(text: str, q_start: int, q_end: int, mentions: Sequence[Mention]) -> tuple[str | None, str | None]:
    after_at = q_end
    after = _AFTER.match(text, after_at, min(len(text), after_at + CONTEXT_CHARS))
    if after:
        if after.group("pron"):
            before = [m for m in mentions if m.label == "PERSON" and m.end <= q_start]
            return (before[-1].text, before[-1].key) if before else (None, None)
        group = "post" if after.group("post") else "pre"
        span = after.span(group)
    else:
        window_start = max(0, text.rfind("\n", 0, q_start) + 1, q_start - CONTEXT_CHARS)
        before = _BEFORE.search(text, window_start, q_start)
        if not before:
            return None, None
        group = "acc" if before.group("acc") else "pre"
        span = before.span(group)
    person = _person_in(mentions, *span)
    if person:
        return person.text, person.key
    phrase = _PHRASE_END.split(text[span[0]:span[1]], maxsplit=1)[0].strip()
    return (phrase or None), None


def find_quotes(text: str, mentions: Sequence[Mention] = ()) -> list[Quote]:
    """Quotations in ``text`` with offsets, speaker surface text and speaker entity key."""
    quotes = []
    for match in _QUOTE.finditer(text):
        inner = match.group()[1:-1]
        if len(inner.split()) < MIN_QUOTE_WORDS:
            continue
        speaker, key = _speaker(text, match.start(), match.end(), mentions)
        quotes.append(Quote(match.start(), match.end(), match.group(), speaker, key))
    return quotes
