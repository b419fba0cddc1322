"""Direct quotations and their speakers.

A quotation is text between curly or straight double quotes on one line, of at least
``MIN_QUOTE_WORDS`` words: one or two quoted words ("poison") are scare quotes, not speech. It
may span several sentences. A quotation interrupted by its attribution
(“We know ...,” Blinken said. “It is ...”) gives two rows, each with the offsets of its own
part, and the second part inherits the first one's speaker: a row never covers the words
between the parts, so every row is text the speaker said.

The speaker comes from the attribution clause in the quotation's sentence:

- after it: ", Blinken said", ", said a US official", ", he said", ", according to X",
  ", AFP news agency quoted a senior US official as saying";
- before it: 'Lipavsky said: "...', 'according to X, "...', and reported speech around a
  partial quotation: 'Espen Barth Eide told NRK that Ukraine "has a clear right ..."'.

A named person in the clause gives ``speaker_key``, the article's resolved key (so "Blinken
said" links to person:antony-blinken). "he" or "she" goes to the nearest person named in the
paragraph or the one before, when that sentence names no one else; otherwise the speaker is
null. Any other subject ("a US official") is kept as the speaker's text with a null key.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Sequence

from newsflow.tasks.annotation.entities import Mention
from newsflow.tasks.annotation.sentences import split_sentences

MIN_QUOTE_WORDS = 3
MAX_SPEAKER_WORDS = 8     # a longer "subject" is a clause we misread, not a speaker
CONTEXT_CHARS = 200       # how far an attribution clause reaches from its quotation

# Paired on one line; a long cap bounds the work on text with unbalanced quote marks. A straight
# quote opens after a space or bracket and closes before one (not an inch mark: 12").
_QUOTE = re.compile(r"“[^“”\n]{1,5000}”|(?<![\w\"])\"(?=\S)[^\"\n]{1,5000}(?<=\S)\"(?!\w)")
# Reporting verbs, lowercase only: capitalised, "State" or "Note" is a name or a heading. Base
# forms that are also common nouns (state, note, stress) are left out.
_VERB = (r"(?:say|says|said|saying|tell|tells|told|adds|added|adding|states|stated|emphasi[sz]e[sd]?|"
         r"argue[sd]?|arguing|notes|noted|noting|warn|warns|warned|warning|wrote|writes|insist|insists|"
         r"insisted|ask|asks|asked|explain|explains|explained|declared|announced|replied|recalled|"
         r"stresses|stressed|stressing|continued|admit|admits|admitted|claim|claims|claimed|concede[sd]?|"
         r"reveal|reveals|revealed|commented|suggest|suggests|suggested|urge[sd]?|acknowledged|predicted|"
         r"promise[sd]?|think|thinks|believe[sd]?|confirm|confirms|confirmed|maintained|complained|joked|"
         r"responded|remarked|tweeted)\b")
_PHRASE = r"[^.,;:!?\"“”\n]{1,80}?"
_AFTER = re.compile(
    rf"[^\S\n]*,?[^\S\n]*(?:(?P<pron>[Hh]e|[Ss]he|[Tt]hey)\s+{_VERB}"
    rf"|(?:{_PHRASE}\s)?quoted\s+(?P<quoted>{_PHRASE})\s+as\s+saying"
    rf"|according\s+to\s+(?P<according>{_PHRASE})(?=[.,;\n]|$)"
    rf"|{_VERB}\s+(?P<post>{_PHRASE})(?=[.,;\n]|$)"
    rf"|(?P<pre>{_PHRASE}(?:,{_PHRASE},)?)\s+{_VERB})"  # "Rob McIvor, FSA spokesman, told"
)
_BEFORE = re.compile(rf"[Aa]ccording\s+to\s+(?P<according>[^,;:\"“”\n]+)|\b{_VERB}")
# A speaker phrase ends where a circumstance starts: "a US official | on condition of anonymity".
_PHRASE_END = re.compile(r"\s(?:on|in|at|during|who|after|before|when|while|to|as|from|that)\s")
_PRONOUNS = frozenset({"he", "she"})
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_key: str | None


Speaker = tuple[str | None, str | None]  # (speaker text, speaker entity key)


class _Context:
    """The text, its person mentions and its sentences, with the lookups speakers need."""

    def __init__(self, text: str, mentions: Sequence[Mention], sentences: Sequence[tuple[int, int]]):
        self.text = text
        self.people = [m for m in mentions if m.label == "PERSON"]
        self.people_starts = [m.start for m in self.people]
        self.sentences = list(sentences) or [(0, len(text))]
        self.starts = [s for s, _ in self.sentences]

    def sentence(self, offset: int) -> tuple[int, int]:
        return self.sentences[max(0, bisect.bisect_right(self.starts, offset) - 1)]

    def people_in(self, start: int, end: int) -> list[Mention]:
        """The persons named within text[start:end], in order."""
        lo, hi = bisect.bisect_left(self.people_starts, start), bisect.bisect_left(self.people_starts, end)
        return [m for m in self.people[lo:hi] if m.end <= end]

    def person_in(self, start: int, end: int) -> Mention | None:
        """The last person named in text[start:end], not as a possessive ("Biden's spokesman")."""
        inside = [m for m in self.people_in(start, end) if not _POSSESSIVE.match(self.text, m.end)]
        return inside[-1] if inside else None

    def previous_paragraph(self, offset: int) -> int:
        """Where the paragraph before the one holding ``offset`` starts (0 in the first two)."""
        end = self.text.rfind("\n", 0, offset)
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        return self.text.rfind("\n", 0, end) + 1 if end > 0 else 0

    def pronoun(self, quote_start: int) -> Speaker:
        """The person "he" or "she" attributing the quotation at ``quote_start`` refers to:
        the last one named before it, in its paragraph or the one before, if that sentence
        names no one else."""
        before = self.people_in(self.previous_paragraph(quote_start), quote_start)
        if not before or len({m.key for m in self.people_in(*self.sentence(before[-1].start))}) > 1:
            return None, None
        return before[-1].text, before[-1].key

    def phrase(self, start: int, end: int, quote_start: int) -> Speaker:
        """The speaker named in text[start:end]: a person mention, a pronoun, or the words."""
        person = self.person_in(start, end)
        if person:
            return person.text, person.key
        words = _PHRASE_END.split(self.text[start:end], maxsplit=1)[0].strip(" ,")
        if words.lower() in _PRONOUNS:
            return self.pronoun(quote_start)
        if not words or len(words.split()) > MAX_SPEAKER_WORDS or words.lower() == "they":
            return None, None
        return words, None


def _after(ctx: _Context, q_start: int, q_end: int) -> Speaker | None:
    """The speaker from an attribution right after the quotation, in its sentence."""
    match = _AFTER.match(ctx.text, q_end, min(ctx.sentence(q_end - 1)[1], q_end + CONTEXT_CHARS))
    if not match:
        return None
    group = next(g for g in ("pron", "quoted", "according", "post", "pre") if match.group(g))
    return ctx.phrase(*match.span(group), q_start)


def _before(ctx: _Context, q_start: int, floor: int) -> Speaker | None:
    """The speaker from a clause before the quotation in its sentence (after ``floor``)."""
    start = max(ctx.sentence(q_start)[0], floor, q_start - CONTEXT_CHARS)
    match = _BEFORE.search(ctx.text, start, q_start)
    if not match:
        return None
    if match.group("according"):
        return ctx.phrase(*match.span("according"), q_start)
    # The subject of "X said:", "X told NRK that ...", "X hinted at ..., noting that ...".
    subject_start = max(start, ctx.text.rfind(",", start, match.start()) + 1) \
        if not ctx.person_in(start, match.start()) else start
    return ctx.phrase(subject_start, match.start(), q_start)


def find_quotes(text: str, mentions: Sequence[Mention] = (),
                sentences: Sequence[tuple[int, int]] | None = None) -> list[Quote]:
    """Quotations in ``text`` with offsets, speaker text and speaker key.

    ``mentions`` are the article's resolved entity mentions; ``sentences`` its sentence spans
    (split here as English when not given).
    """
    ctx = _Context(text, mentions, split_sentences(text, "en") if sentences is None else sentences)
    quotes: list[Quote] = []
    for match in _QUOTE.finditer(text):
        if len(match.group()[1:-1].split()) < MIN_QUOTE_WORDS:
            continue
        previous = quotes[-1] if quotes else None
        floor = previous.end if previous else 0  # a clause before this quote starts after the last one
        speaker = _after(ctx, match.start(), match.end()) or _before(ctx, match.start(), floor)
        if speaker is None and previous and "\n" not in text[previous.end:match.start()]:
            speaker = previous.speaker, previous.speaker_key  # the second part of an interrupted quote
        quotes.append(Quote(match.start(), match.end(), match.group(), *(speaker or (None, None))))
    return quotes
