"""Variant keys of one entity, merged across the corpus.

One entity arrives under several keys: transliterations (Zelensky, Zelenskyy, Zelenskiy), a bare
surname from an article that never gave the full name, abbreviations (US, U.S., United States).
``merge_keys`` maps those variants to one canonical key per entity, given every key's mention
count; the load step applies the mapping to all mentions. A key never changes label: a merged
key must agree with the label stored with it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Mapping

from newsflow.tasks.annotation.keys import ALIAS_OF, ALIASES, skeleton, strip_titles


# A bare surname goes to the most mentioned full name ending with it when that one has at least
# this share of the candidates' mentions: an article that never names a "Biden" in full almost
# always means the one the corpus mostly talks about. Closer races stay unmerged.
DOMINANT_SHARE = 0.8

_ALIAS_CANONICAL = frozenset(forms[0] for forms in ALIASES)

Signature = tuple[str, tuple[str, ...]]  # (label, name tokens without spelling variation)


def singular(token: str) -> str:
    """A group's name in the singular: "tories" → "tory", "conservatives" → "conservative";
    left alone where no plain plural ends the word ("swiss")."""
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def _signature(key: str) -> Signature:
    label, _, name = key.partition(":")
    name = strip_titles(name) if label == "person" else ALIAS_OF.get(name, name)
    tokens = name.split("-")
    if label == "norp":  # a group and its members: Tory / Tories, Conservative / Conservatives
        tokens[-1] = singular(tokens[-1])
    return label, tuple(skeleton(t) for t in tokens)


def merge_keys(counts: Mapping[str, int]) -> dict[str, str]:
    """Map variant keys to their entity's canonical key; keys left out are canonical already.

    ``counts`` holds every key's number of mentions over the corpus. Keys of one label merge when
    1. they spell the same name once transliteration endings and doubled letters are folded, or
       are forms of one entry in ``ALIASES``, or are a group's name in the singular and plural
       (NORP only: "Tory" / "Tories"; never across labels, so "American" stays apart from
       "America");
    2. two full names of a person share first and last name and one adds a middle name
       ("lars-rasmussen" / "lars-lokke-rasmussen"); with more variants (George Bush, George W.
       Bush, George H. W. Bush) nothing merges;
    3. a person key is a bare surname and one full name ends with it, or one of several has
       ``DOMINANT_SHARE`` of their mentions.
    Canonical is the most mentioned full form (an alias table's first form wins); ties go to
    the smaller key. Keys are grouped by dictionary lookups, never compared pairwise, so the
    cost is linear in the number of keys.
    """
    groups: dict[Signature, list[str]] = defaultdict(list)
    for key in sorted(counts):
        groups[_signature(key)].append(key)
    into: dict[Signature, Signature] = {}  # a group → the full-name group it joins
    full_names = [sig for sig in groups if sig[0] == "person" and len(sig[1]) > 1]

    by_ends: dict[tuple[str, str], list[Signature]] = defaultdict(list)
    for sig in full_names:
        by_ends[(sig[1][0], sig[1][-1])].append(sig)
    for variants in by_ends.values():
        if len(variants) == 2:
            short, longer = sorted(variants, key=lambda sig: (len(sig[1]), sig))
            if len(longer[1]) == len(short[1]) + 1:
                into[short] = longer

    mentions: Counter[Signature] = Counter()
    for sig in full_names:
        mentions[into.get(sig, sig)] += sum(counts[k] for k in groups[sig])
    owners_of: dict[str, list[Signature]] = defaultdict(list)
    for sig in mentions:
        owners_of[sig[1][-1]].append(sig)
    for sig in groups:
        if sig[0] != "person" or len(sig[1]) > 1 or sig[1][0] not in owners_of:
            continue
        owners = sorted(owners_of[sig[1][0]], key=lambda o: (-mentions[o], o))
        if mentions[owners[0]] >= DOMINANT_SHARE * sum(mentions[o] for o in owners):
            into[sig] = owners[0]

    members: dict[Signature, list[Signature]] = defaultdict(list)
    for sig in groups:
        members[into.get(sig, sig)].append(sig)
    mapping = {}
    for sigs in members.values():
        keys = [k for sig in sigs for k in groups[sig]]
        full = [k for sig in sigs if len(sig[1]) > 1 for k in groups[sig]] or keys
        target = min(full, key=lambda k: (k.partition(":")[2] not in _ALIAS_CANONICAL, -counts[k], k))
        mapping.update({k: target for k in keys if k != target})
    return mapping
