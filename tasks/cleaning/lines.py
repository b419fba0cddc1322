"""What a line says: boilerplate recognised from the line alone (``line_kind``).

The phrase lists it matches are ``phrases``, generic web boilerplate in eight languages, in
`line_key` form (``line_keys``); the patterns here are families of captions and credits,
comment headings, tag and category lists, teasers, dates and site footers.
"""

from __future__ import annotations

import re

from newsflow.tasks.cleaning.line_keys import COMMON_MAX_CHARS
from newsflow.tasks.cleaning.phrases import DATE_WORDS, EXACT, LONGEST_NOTICE, PHRASES_BY_WORD, PRECEDENCE


# Headings of single comments: "Comment by Jane — 17.07.2011", "Jane says:", "3 thoughts on".
_COMMENT_HEADER = re.compile(
    r"^(comment by|kommentar von|comentario de|commentaire de|komentarz)\b|"
    r"^\S+( \S+){0,3} (says|said|sagt|meint|schreibt|dice|dijo|dit|napisał|scrive)\s?:\s?$|"
    r"^(\d+|one|two|three|ein|eine|zwei|drei) (thoughts?|responses?|repl(y|ies)|comments?|"
    r"gedanken?|kommentare?|antworten|reaktionen) (on|to|zu|auf)\b",
    re.IGNORECASE,
)
_COMMENT_HEADER_MAX_CHARS = 200
# First words of the comment headings that do not end with a colon.
_COMMENT_HEADER_WORDS = frozenset(
    "comment kommentar comentario commentaire komentarz one two three ein eine zwei drei".split()
)
# Labels such as "Tags:" or "Lesen Sie auch:" stand at the start of a line.
_LABEL_CHARS = 40
# A line opening with one of these and a colon points to another article.
_INLINE_TEASER = re.compile(
    r"^(read more|read also|also read|see also|related|lesen sie auch|lesen sie mehr|"
    r"mehr zum thema|siehe auch|auch interessant|das könnte (sie|dich) auch interessieren|"
    r"le puede interesar|te puede interesar|mirá también|lea también|lea|ver también|"
    r"lee también|voir aussi|à lire aussi|lire aussi|czytaj (też|także|również)|"
    r"zobacz (też|także|również)|leggi anche|leia também)\s?:",
    re.IGNORECASE,
)
# Category and tag lists under an article: "Tags: ...", "Kategorie: ...", "Posted in: ...".
_TAXONOMY = re.compile(
    r"^(tags?|tagged( with)?|schlagw(ö|o)rter|schlagworte|stichw(ö|o)rter|getaggt mit|"
    r"kategorien?|categories|category|categorías?|catégories?|étiquettes|etiquetas|tagi|themen|"
    r"topics|posted in|filed under|abgelegt unter|veröffentlicht in|publicado en|publié dans)\s?:",
    re.IGNORECASE,
)
_DATE_MAX_WORDS = 6

_CAPTION = re.compile(
    r"^file( photo)? ?[-–—:] |"
    r"^(photo|photograph|foto|bild|image|picture)s? (by|von|de|par|di|courtesy of) \S.{0,100}$|"
    r"\((photo|photograph|image|foto|bild|picture)s? ?(by|von|de|par|courtesy|:)|"
    r"\bcopyright [^/]{2,60}/copyright\b|^(copyright|©) ?[\w .'-]{2,40}/|"
    r"^(photo|photograph|foto|fotos|bild|bilder|image|credit|credits|bildquelle|zdjęcie|crédito|"
    r"crédit|titelbild|teaserbild|beitragsbild|headerbild|symbolbild|vorschaubild|zeichnungen?|"
    r"illustration|grafik|abbildung|abb|figure|fig|fotografía)s? ?\d*[:.] ?\S.{0,250}$|"
    r"[(–—|,.] ?(©|foto:|photo:|bild:|credit:|quelle:|fotos:|bildquelle:|imagen:|immagine:) ?[^()]{2,60}\)?$|"
    r"\((reuters|afp|ap|dpa|efe|epa|getty images)[/ ][^()]{2,50}\)$|"
    # A picture agency's credit alone, or before the photographer: "picture alliance | A. Name".
    r"^(getty images|shutterstock|istock(photo)?|adobe ?stock|fotolia|imago( images)?|picture alliance|"
    r"apa|epa|dpa|afp|ap|reuters)( ?[/|] ?[^/|]{2,60})?$"
)
# Every `_CAPTION` pattern holds one of these words, or a "©".
_CAPTION_WORDS = frozenset(
    "file photo photos photograph image picture foto fotos bild bilder bildquelle copyright "
    "credit credits quelle zdjęcie crédito crédit reuters afp ap dpa efe epa getty titelbild "
    "teaserbild beitragsbild headerbild symbolbild vorschaubild zeichnung zeichnungen "
    "illustration grafik abbildung abb figure fig fotografía imagen immagine getty shutterstock "
    "istock istockphoto adobe adobestock fotolia imago alliance apa".split()
)
_CAPTION_MAX_CHARS = 300
# Agency picture captions open with an upper-case dateline: "WASHINGTON, DC - DECEMBER 21: ".
_AGENCY_CAPTION = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý.,' ]+ [-–—] [A-ZÀ-Ý]+ \d{1,2}(, \d{4})?: ")
# A short line carrying "©" credits a picture, unless it is the site's copyright notice.
_CREDIT_MAX_CHARS = 120
_COPYRIGHT_NOTICE = re.compile(r"^(©|\(c\)|copyright)\s*(©\s*)?\d{4}", re.IGNORECASE)
# Footers credit the site's makers ("Powered by WordPress", "Designed by Elegant Themes") or
# give years and the site's domain ("2006 - 2012 example.de") in place of a copyright.
_SITE_FOOTER = re.compile(
    r"^((proudly )?(designed|powered|theme|website|webdesign|site) (by|von|par|por) \S.{0,60}|"
    r"\d{4}( ?[-–] ?\d{4})? [\w-]+(\.[\w-]+)*\.[a-z]{2,6})$",
    re.IGNORECASE,
)
_SITE_FOOTER_WORDS = frozenset("proudly designed powered theme website webdesign site".split())
# A line needs one of these words, or a colon, a "©", a leading digit or few words, for
# any pattern after the lookups in `line_kind` to match it.
_TRIGGER_WORDS = PHRASES_BY_WORD.keys() | _CAPTION_WORDS | _COMMENT_HEADER_WORDS | _SITE_FOOTER_WORDS


def is_comment_header(line: str, key: str) -> bool:
    """Whether a line heads a single comment ("Jane says:") or the comments ("3 thoughts on")."""
    return bool(
        (line[-1] == ":" or line[0].isdigit() or key.partition(" ")[0] in _COMMENT_HEADER_WORDS)
        and _COMMENT_HEADER.match(line)
    )


def line_kind(line: str, key: str, common: frozenset[str]) -> str | None:
    """Reason code for a line that is boilerplate whatever its neighbours; else None.

    `line` is whitespace-collapsed, `key` its `opening_key`, `common` the corpus's
    `common_lines`.
    """
    if not key:
        return "non_text"
    # Cheap lookups first: most boilerplate lines are a known label or a common line.
    kind = EXACT.get(key)
    if kind:
        return kind
    if len(line) <= COMMON_MAX_CHARS and key in common:
        return "common_line"
    # Each pattern below is tried only where the line has what it needs: speed matters.
    if line[:2].isupper() and _AGENCY_CAPTION.match(line):
        return "caption"
    if len(line) > LONGEST_NOTICE:
        return None
    words = set(key.split())
    short = key.count(" ") < _DATE_MAX_WORDS
    labelled = ":" in line[:_LABEL_CHARS]
    if words.isdisjoint(_TRIGGER_WORDS) and not (
        short or labelled or "©" in line or line[-1] == ":" or line[0].isdigit()
    ):
        return None
    if line[0] in "©(Cc" and _COPYRIGHT_NOTICE.match(line):
        return "legal"
    if (line[0].isdigit() or key.partition(" ")[0] in _SITE_FOOTER_WORDS) and _SITE_FOOTER.match(line):
        return "legal"
    if (
        len(line) <= _CAPTION_MAX_CHARS
        and ("©" in line or not _CAPTION_WORDS.isdisjoint(words))
        and (_CAPTION.search(line.lower()) or ("©" in line and len(line) <= _CREDIT_MAX_CHARS))
    ):
        return "caption"
    if labelled and _TAXONOMY.match(line):
        return "navigation"
    if len(line) <= _COMMENT_HEADER_MAX_CHARS and is_comment_header(line, key):
        return "comment_form"
    if short and words <= DATE_WORDS:
        return "metadata"
    padded = f" {key}"
    found = [
        kind
        for word in PHRASES_BY_WORD.keys() & words
        for phrase, kind, max_chars in PHRASES_BY_WORD[word]
        if len(line) <= max_chars and phrase in padded
    ]
    if found:
        return min(found, key=PRECEDENCE.index)
    return "related_link" if labelled and _INLINE_TEASER.match(line) else None
