"""Lines in capitals, re-cased for the entity model (``model_view``).

The model reads ALL-CAPS text near randomly ("CLINTON SIGNS WELFARE BILL" is one PERSON), so a
line whose letters are mostly capitals, and the capitalised place opening a dateline
("BRUSSELS (Reuters) -", "HAMBURG, Germany 1996-08-16"), are re-cased for the model only: each
word takes the casing the same text gives it elsewhere, else lower case for function words and
Title case for the rest. Re-casing keeps every word's length, so offsets are the text's own.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import NamedTuple

_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’.&-]*[A-Z]\b")
_CAPS_LINE_SHARE = 0.8      # of a line's cased letters: more capitals than that, and it is re-cased
_DATELINE_HEAD = re.compile(r"^[ \t]*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})"
                            r"(?= ?,| \(| [-–—] | \d{4}-\d\d-\d\d)",
                            re.M)
_CASED_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
SENTENCE_END = frozenset('.!?:"“”')
# Lower-cased wherever the text does not say otherwise: function words, and the words of
# newswire headlines that are never names (sports in "SOCCER - ...", "PCT", "MLN").
# A sport opening a headline ("SOCCER - ", "RUGBY UNION - ") is read in lower case whole.
_SPORTS = frozenset("""soccer football tennis golf cricket athletics rugby cycling boxing swimming skiing
    sailing rowing baseball basketball hockey ice badminton squash volleyball handball judo wrestling
    motorcycling motorcross motor racing horse equestrianism snooker nordic alpine speedskating
    triathlon gymnastics weightlifting yachting fencing shooting archery darts bowls""".split())
_SPORT_HEAD = re.compile(r"[ \t]*((?:[A-Z]+[ \t]+){0,2}[A-Z]+)[ \t]+[-–—][ \t]")
LOWER_WORDS = _SPORTS | frozenset("""a about above after against all also an and any are as at be been
    before being below between both but by can could did do does down during each few for from further
    had has have having he her here hers him his how i if in into is it its itself just me more most my
    no nor not now of off on once only or other our out over own same she should so some such than
    that the their them then there these they this those through to too under until up upon very
    was we were what when where which while who whom why will with within without would you your
    says said say v vs ahead amid results result standings scoreboard scores table summary
    pct mln bln pts""".split())
_KEEP_SHORT = frozenset("of in on at to by as is it be an or if no so up do go we he me my am".split())
_VOWELS = frozenset("aeiouyAEIOUY")
_BODY_WORDS = 20  # words outside the capitals that make a body


class _Casings(NamedTuple):
    """How the text outside the re-cased lines writes its words."""

    mid: dict[str, str]          # a word's casing mid-sentence (folded word → form)
    initial: dict[str, str]      # forms seen only at a sentence start: weaker evidence
    pairs: dict[tuple[str, str], tuple[str, str]]  # two capitalised words in a row: "Finance Ministry"
    body: bool                   # ``_BODY_WORDS`` words mid-sentence: a headline's names recur there


def _casings(text: str, skip: list[tuple[int, int]]) -> _Casings:
    mid: dict[str, Counter] = defaultdict(Counter)
    initial: dict[str, Counter] = defaultdict(Counter)
    pairs: dict[tuple[str, str], tuple[str, str]] = {}
    i, prev = 0, None
    for m in _CASED_WORD.finditer(text):
        while i < len(skip) and skip[i][1] <= m.start():
            i += 1
        if i < len(skip) and skip[i][0] <= m.start():
            continue
        word = m.group()
        j = m.start() - 1
        while j >= 0 and text[j] in " \t(“\"'‘":
            j -= 1
        (initial if j < 0 or text[j] == "\n" or text[j] in SENTENCE_END else mid)[word.lower()][word] += 1
        if prev and word[0].isupper() and prev.group()[0].isupper() and text[prev.end():m.start()] == " ":
            pairs.setdefault((prev.group().lower(), word.lower()), (prev.group(), word))
        prev = m
    # Of two casings mid-sentence, lower case: "signed a bill" tells more than "Bill Clinton".
    pick = lambda table: {w: max(forms, key=lambda f: (forms[f] + (f.islower() and forms[f] * 0.5), f.islower()))
                          for w, forms in table.items()}
    return _Casings(pick(mid), pick(initial), pairs, sum(map(Counter.total, mid.values())) >= _BODY_WORDS)


def _recase(region: str, casings: _Casings, heads: list[tuple[int, int]], offset: int) -> str:
    """A stretch in capitals re-cased word by word, then pair by pair ("FINANCE MINISTRY" is
    "Finance Ministry" where the body says so, though it also says "a ministry official")."""
    words = list(_CASED_WORD.finditer(region))
    forms = [w.group() if not w.group().isupper() else _recase_word(
        w.group(), casings, not any(a <= w.start() + offset < b for a, b in heads)) for w in words]
    for k in range(len(words) - 1):
        pair = casings.pairs.get((forms[k].lower(), forms[k + 1].lower()))
        if pair and words[k].group().isupper() and words[k + 1].group().isupper() \
                and region[words[k].end():words[k + 1].start()] == " " and pair[0] != forms[k].lower():
            forms[k], forms[k + 1] = (f if len(f) == len(w.group()) else g
                                      for f, g, w in zip(pair, forms[k:k + 2], words[k:k + 2]))
    out, last = [], 0
    for w, form in zip(words, forms):
        out += [region[last:w.start()], form]
        last = w.end()
    out.append(region[last:])
    return "".join(out)


def _recase_word(word: str, casings: _Casings, body: bool) -> str:
    mid, initial, lower = casings.mid, casings.initial, word.lower()
    if lower in mid:
        cased = mid[lower]
    elif lower in LOWER_WORDS or _inflection_seen(lower, mid):
        cased = lower
    elif len(word) == 2 and lower not in _KEEP_SHORT or len(word) == 3 and not _VOWELS & set(word):
        return word  # an acronym: "EU", "UN", "BBC"
    elif lower in initial:
        cased = initial[lower]
    elif body and casings.body:
        cased = lower  # a name in a headline is named again below it
    else:
        cased = re.sub(r"(?<=['’])[^\W\d_]+|[^\W\d_]+", lambda m: m.group().lower() if m.start() and
                       word[m.start() - 1] in "'’" else m.group().capitalize(), word)
    return cased if len(cased) == len(word) else word


def _inflection_seen(lower: str, mid: dict[str, str]) -> bool:
    """Whether the text writes another form of the word in lower case ("WINS" and "win")."""
    for end in ("s", "es", "ed", "d", "ing"):
        if lower.endswith(end) and mid.get(lower[:-len(end)], "").islower():
            return True
        if mid.get(lower + end, "").islower():
            return True
    return False


def model_view(text: str) -> str:
    """The text as the model reads it: lines in capitals and datelines' capitalised places
    re-cased, everything else as written; always of the same length, word for word."""
    if not _CAPS_RUN.search(text):
        return text
    heads = [m.span(1) for m in _DATELINE_HEAD.finditer(text)]
    spans = list(heads)  # (start, end) of the stretches to re-case
    start = 0
    for line in text.split("\n"):
        if _CAPS_RUN.search(line):
            upper = sum(1 for c in line if c.isupper())
            cased = upper + sum(1 for c in line if c.islower())
            if upper >= 4 and upper > _CAPS_LINE_SHARE * cased:
                spans.append((start, start + len(line)))
        start += len(line) + 1
    if not spans:
        return text
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    casings = _casings(text, merged)
    out, last = [], 0
    for start, end in merged:
        out.append(text[last:start])
        recased = _recase(text[start:end], casings, heads, start)
        if (sport := _SPORT_HEAD.match(text, start, end)) and sport.group(1).split()[0].lower() in _SPORTS:
            a, b = sport.start(1) - start, sport.end(1) - start
            recased = recased[:a] + recased[a:b].lower() + recased[b:]
        first = _CASED_WORD.search(recased)  # a line opens with a capital, as a sentence does
        if first and first.group().islower() and text[start:first.start() + start].strip() == "":
            recased = recased[:first.start()] + recased[first.start()].upper() + recased[first.start() + 1:]
        out.append(recased)
        last = end
    out.append(text[last:])
    view = "".join(out)
    return view if len(view) == len(text) else text
