"""What a word, or a run of words, looks like as a name: capitalised words, nationalities
("Ukrainian", "French"), the words that end an organisation's name ("Corp", "Ministry", "FC"), and
the capitalised words that are never a name alone. Shared by the passes of
``entities.resolve_mentions``."""

from __future__ import annotations

import re

from newsflow.tasks.annotation.keys import ROLES, TITLES, is_country
from newsflow.tasks.annotation.recase import SENTENCE_END


# Capitalised words that are not entities on their own (from "Secretary of State", page chrome).
STRAY = frozenset("state defense defence file copyright photo button share comments cookies "
                  "advertisement".split()) | ROLES | TITLES

# Capitalised words that follow a name without being part of it: "Blinken Thursday", and the
# small words of title-case headlines ("Why Peter Obi Is The ...").
NOT_NAME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february "
                           "march april may june july august september october november december "
                           "is are was were the a an and or of in on at to for with by from as".split())
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
LETTERS = re.compile(r"[^\W\d_]+")

# Words that end an organisation's name ("Northern Steel Corp", "National Farmers Union", "Bank of
# Japan", "Manchester United"): a span ending in one, before any "of ...", is an ORG, and a span
# the model stopped short of one ("Acme Holdings" + "Inc") is extended over it. Legal forms count
# in any case ("plc"); the other words capitalised, also in the plural ("National Institutes").
_LEGAL_FORMS = frozenset("corp corporation inc incorporated ltd limited plc llc co cos ag sa nv bv gmbh spa "
                         "ab asa oyj".split())
_ORG_WORDS = _LEGAL_FORMS | frozenset("""group holdings party ministry bank association union council
    commission agency university college institute committee federation foundation society organisation
    organization authority board airlines airways motors industries securities exchange court hospital
    brothers club fc afc united rovers wanderers athletic albion hotspur department office service army
    navy police parliament congress senate assembly cabinet trust fund times post journal telegraph
    herald gazette tribune news radio television""".split())

# A demonym the model took for a place: "Ukrainian officials", "Japanese firms".
DEMONYM = re.compile(r"[A-Z][^\W\d_]+(?:ian|ean|ese|ish)")
_DEMONYM_OTHER = re.compile(r"French|Dutch|Greek|Thai|Swiss|Czech|Welsh|Scots|Afghan|Basque|Filipino|"
                            r"Iraqi|Israeli|Pakistani|Saudi|Kuwaiti|Somali|Yemeni|Bangladeshi|Nepali|Omani|"
                            r"Qatari|Emirati")


def is_name(words: str) -> bool:
    """Every word capitalised with lowercase after it ("Oleksandr Syrskyi"; not "US", "the")."""
    tokens = words.split()
    return bool(tokens) and all(WORD.fullmatch(t) and t[0].isupper() and not t.isupper() for t in tokens)


def sentence_start(text: str, offset: int) -> bool:
    j = offset - 1
    while j >= 0 and text[j] in " \t(“\"'‘":
        j -= 1
    return j < 0 or text[j] == "\n" or text[j] in SENTENCE_END


def is_demonym(word: str) -> bool:
    """Whether one word reads as a nationality: "Ukrainian", "Japanese", "British", "French"."""
    return bool(DEMONYM.fullmatch(word) or _DEMONYM_OTHER.fullmatch(word))


def is_org_word(word: str) -> bool:
    """Whether a word ends an organisation's name: a legal form in any case ("plc", "Inc."), or
    a capitalised word of ``_ORG_WORDS`` ("Ministry", "Institutes")."""
    lower = word.rstrip(".").lower()
    if lower in _LEGAL_FORMS:
        return word[0].isupper() or lower == "plc"
    return word[0].isupper() and not word.endswith(".") and (
        lower in _ORG_WORDS or lower.endswith("s") and lower[:-1] in _ORG_WORDS)


def org_name(surface: str) -> bool:
    """Whether a name is an organisation's by its last word, before any "of": "Calder Group Plc",
    "Bank of Japan", "National Institutes of Health"; never a country ("Soviet Union")."""
    head = surface.split(" of ", 1)[0].split()
    return len(head) > 1 or " of " in surface and len(head) == 1 and is_org_word(head[-1]) \
        if head and is_org_word(head[-1]) and not is_country(surface) else False
