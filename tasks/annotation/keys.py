"""Entity keys: how a mention's key is formed.

A key is ``label:folded-name`` (``person:joe-biden``); titles are not part of it. Within one
article, ``person_keys`` points surnames and titled forms at the full name the article
introduced. How the variant keys of one entity merge across the corpus is variants.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import Sequence

# Forms of address and offices that precede a name. They stay in the mention's text but not in
# its key, so "President Joe Biden" and "Joe Biden" are one entity.
TITLES = frozenset(
    "president vice secretary gen general sen senator rep representative gov governor mayor "
    "dr doctor mr mrs ms miss prof professor sir dame lord lady chancellor minister prime "
    "premier king queen prince princess pope rev reverend col colonel lt lieutenant maj major "
    "capt captain adm admiral sgt sergeant judge justice ambassador".split()
)
# Words before a name that make it a person's ("Kremlin spokesman Dmitry Peskov", "first lady").
ROLES = frozenset("president chancellor secretary minister premier senator governor mayor ambassador "
                  "judge lady spokesman spokeswoman spokesperson chief commander adviser advisor envoy "
                  "correspondent director chairman chairwoman ceo coach".split())
# Very common places and organisations written in several ways; the first form is canonical.
# Applied to keys of any label but PERSON (spaCy labels "US" GPE, sometimes ORG).
ALIASES = (
    ("united-states", "us", "u-s", "usa", "u-s-a", "united-states-of-america"),
    ("united-kingdom", "uk", "u-k", "britain", "great-britain"),
    ("european-union", "eu", "e-u"),
    ("united-nations", "un", "u-n"),
    ("kyiv", "kiev"),
    ("russia", "russian-federation"),
)
# Countries and the nations of the UK by their common names and forms, folded as keys: a
# mention that is just one of them is a place (GPE), whatever the model said ("Moldova" ORG).
# Left out: names as often a person's or a club's ("Jordan", "Chad", "Monaco").
COUNTRIES = frozenset("""
    afghanistan albania algeria andorra angola antigua argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
    bosnia-and-herzegovina bosnia-herzegovina botswana brazil brunei bulgaria burkina-faso burma
    burundi cambodia cameroon canada cape-verde central-african-republic chile china colombia
    comoros congo costa-rica croatia cuba cyprus czech-republic czechia czechoslovakia denmark
    djibouti dominica dominican-republic east-timor ecuador egypt el-salvador equatorial-guinea
    eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece
    grenada guatemala guinea guinea-bissau guyana haiti honduras hong-kong hungary iceland india
    indonesia iran iraq ireland israel italy ivory-coast jamaica japan kazakhstan kenya kiribati
    kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania
    luxembourg macedonia north-macedonia madagascar malawi malaysia maldives mali malta mauritania
    mauritius mexico micronesia moldova mongolia montenegro morocco mozambique myanmar namibia nauru
    nepal netherlands holland new-zealand nicaragua niger nigeria north-korea norway oman pakistan
    palau palestine panama papua-new-guinea paraguay peru philippines poland portugal qatar romania
    russia russian-federation rwanda samoa san-marino saudi-arabia senegal serbia seychelles
    sierra-leone singapore slovakia slovenia somalia south-africa south-korea south-sudan spain
    sri-lanka sudan suriname swaziland sweden switzerland syria taiwan tajikistan tanzania thailand
    togo tonga trinidad trinidad-and-tobago tunisia turkey turkmenistan tuvalu uganda ukraine
    united-arab-emirates uae uruguay uzbekistan vanuatu vatican venezuela vietnam yemen yugoslavia
    zaire zambia zimbabwe soviet-union ussr
    united-states us u-s usa u-s-a united-states-of-america america
    united-kingdom uk u-k britain great-britain england scotland wales northern-ireland
""".split())

ALIAS_OF = {form: forms[0] for forms in ALIASES for form in forms}
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ł": "l",
                       "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ı": "i"})
_NON_KEY = re.compile(r"[\W_]+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
# Transliteration endings of Slavic names: Zelenskyy/Zelenskiy/Zelenskyi, Dmitri/Dmitriy,
# Sergei/Sergey. Then doubled letters (Løkke/Lokke, Gaddafi/Gadaffi).
_ENDING = re.compile(r"(?:iy|yi|ij|ii|yy|ei|ey|i)$")
_DOUBLED = re.compile(r"(.)\1+")


def normalize_name(text: str) -> str:
    """Folded form of a name: no accents, no case, no leading 'the' or trailing possessive."""
    text = _POSSESSIVE.sub("", _LEADING_THE.sub("", text.strip()))
    if text.isascii():  # most names: nothing to decompose
        return _NON_KEY.sub("-", text.lower()).strip("-")
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    return _NON_KEY.sub("-", folded).strip("-")


Name = tuple[str, ...]  # a name's folded words, titles off: ("joe", "biden")


def name_words(text: str) -> Name:
    """The folded words of a name without a leading "the" or titles ("Mr. Biden’s" → ("biden",))."""
    words = [w for w in map(normalize_name, text.split()) if w]
    while len(words) > 1 and (words[0] in TITLES or words[0] == "the"):
        words.pop(0)
    return tuple(words)


def is_country(text: str) -> bool:
    """Whether a mention's text is just a country's name ("Moldova", "the U.S.", "Sri Lanka")."""
    return normalize_name(text) in COUNTRIES


def is_alias(text: str) -> bool:
    """Whether a mention's text is one of the forms in ``ALIASES`` ("U.N.", "EU", "Kiev")."""
    return normalize_name(text) in ALIAS_OF


def strip_titles(name: str) -> str:
    """A folded name without its leading titles ("president-joe-biden" → "joe-biden")."""
    tokens = name.split("-")
    while len(tokens) > 1 and tokens[0] in TITLES:
        tokens.pop(0)
    return "-".join(tokens)


def entity_key(text: str, label: str) -> str:
    """Canonical key ``label:folded-name``, e.g. ``person:joe-biden``; titles leave person keys."""
    name = "-".join(name_words(text)) if label == "PERSON" else normalize_name(text)
    return f"{label.lower()}:{name}"


def skeleton(token: str) -> str:
    """A name token with spelling variation removed; short tokens are kept as they are."""
    if len(token) < 4 or not token.isalpha():
        return token
    token = token.replace("x", "ks")
    if token.startswith("ye"):  # Yevgeny / Evgeny
        token = token[1:]
    return _DOUBLED.sub(r"\1", _ENDING.sub("y", token))


def surname(name: Name) -> str:
    """A name's last word, spelling variation removed: ("volodymyr", "zelenskyy") → "zelensky"."""
    return skeleton(name[-1])


def person_keys(names: Sequence[Name], roles: Sequence[str]) -> list[str]:
    """Keys of one article's person mentions, given in text order as names, each with the
    title or role word before it ("" if none).

    A full name keys as itself, or as the one longer full name it begins ("Espen Barth" →
    espen-barth-eide). A bare surname keys as the full name ending with it; of several, the
    one introduced with the same title ("President Biden" → joe-biden, not jill-biden), else
    the one referred to most recently; with none named yet it keeps its own key.
    """
    by_surname: dict[str, list[Name]] = defaultdict(list)
    by_prefix: dict[Name, list[Name]] = defaultdict(list)
    for full in sorted({n for n in names if len(n) > 1}):
        by_surname[surname(full)].append(full)
        for k in range(2, len(full)):
            by_prefix[full[:k]].append(full)
    titles: dict[Name, set[str]] = defaultdict(set)
    for name, role in zip(names, roles):
        titles[name].add(role)
    last_seen: dict[Name, int] = {}
    keys = []
    for i, (name, role) in enumerate(zip(names, roles)):
        owners = by_prefix[name] if len(name) > 1 else by_surname[surname(name)]
        if len(owners) > 1 and len(name) == 1:
            same_title = [f for f in owners if role and role in titles[f]]
            latest = max(owners, key=lambda f: (last_seen.get(f, -1), f))
            owners = same_title if len(same_title) == 1 else [latest] if latest in last_seen else []
        resolved = owners[0] if len(owners) == 1 else name
        keys.append("person:" + "-".join(resolved))
        last_seen[resolved] = i  # "most recently named" counts every reference, resolved or not
    return keys
