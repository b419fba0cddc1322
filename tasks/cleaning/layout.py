"""What a line looks like and where it stands: prose or label, inside the article core or not.

A line is judged on its shape as good prose, near-good, short or bad (after jusText,
Pomikálek 2011: length and function-word density). The article core is the run of lines
where prose outweighs the rest (a maximum-sum run). Captions given twice and bullet teasers
of later paragraphs are found here too; the headline and byline in `newsflow.tasks.cleaning.headline`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsflow.tasks.cleaning.line_keys import OPENING_CHARS

GOOD, NEAR, SHORT, BAD = "good", "near", "short", "bad"

# Shorter lines cannot be judged on their own (jusText uses 70 characters).
LENGTH_LOW = 70
# A near-good line at least this long is prose by itself.
LENGTH_HIGH = 150
# Function-word densities of near-good and good prose.
STOP_LOW, STOP_HIGH = 0.25, 0.30
# Below this mean density on long lines the page is in a language the lists do not
# cover (Chinese, Russian, Finnish...): sentence punctuation stands in for density.
STOP_EVIDENCE = 0.06
# What a line is worth to the core, in characters of prose: a short unknown line costs a
# few words, a line already known as boilerplate costs a short paragraph.
SHORT_COST, BAD_COST = 20, 150

# The most frequent function words of English, German, French, Spanish, Polish, Italian,
# Portuguese and Dutch, merged: prose in any of them is dense with them, menus, credits
# and link lists are not.
STOPWORDS = frozenset("""
a about above after again against all almost already also although always am among an and
another any are around as at back be became because been before being below between both
but by can cannot could did do does doing done down during each either even ever every few
first for from further get got had has have having he her here him himself his how however
i if in into is it its itself just last less like made make many may me might more most
much must my never new no nor not now of off often on once one only or other our out over
own per since she should so some still such than that the their them then there these they
this those though through thus to too under until up upon us very was we well were what
when where whether which while who whom whose why will with within without would yet you
your aber alle allem allen aller alles als also am an andere anderen auch auf aus bei beim
bereits bin bis bisher da dabei dadurch dafür dagegen daher damit danach dann daran darauf
das dass davon dazu dein deine dem den denen denn der deren des deshalb dessen die dies
diese diesem diesen dieser dieses doch dort du durch ebenfalls ein eine einem einen einer
eines einige einmal er es etwa etwas euch für gegen gewesen habe haben hat hatte hatten
hier ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im immer in indem ins ist ja jede jedem
jeden jeder jedoch jetzt kann kein keine können könnte man mehr mein meine mich mir mit
muss müssen nach nicht nichts noch nun nur ob oder ohne schon sehr sein seine seinem seinen
seiner seit selbst sich sie sind so soll sollen sollte sondern sowie um und uns unser
unsere unter viel viele vom von vor war waren was weil weiter welche welchen wenn wer
werden wie wieder will wir wird wo wurde wurden während zu zum zur zwar zwischen über
à afin ainsi alors au aucun aussi autre aux avait avec avoir c ce cela celle celui ces cet
cette chaque comme comment d dans depuis des deux donc dont du elle elles en encore entre
est et été être fait faire il ils j je l la le les leur leurs lors lui mais même mes
moins mon n ne ni nos notre nous on ont ou où par parce pas peu peut plus pour qu quand
que quel quelle qui s sa sans se selon ses si son sont sous sur tous tout toute toutes
très un une vers votre vous y al algo algunos ante antes como con contra cual cuando de
del desde donde durante e el ella ellos entre era es esa ese eso esta estaba están este
esto estos fue fueron ha han hasta hay las les lo los más me mi muy nada no nos o otra
otros para pero poco por porque quien sea según ser sido sin sino sobre son su sus también
tanto tiene tienen todo todos tras una uno unos ya yo aby ale ani bardzo bez bo być był
była było były będzie co czy dla do gdy gdzie go ich ile im jak jako jednak jego jej jest
jeszcze jeśli już każdy kiedy kto która które którego której który których lub ma mają
może można mu na nad nam nas nawet nich nie nim niż od oraz po pod ponieważ przed przez
przy również się są ta tak także tam te tego tej ten też to tu tych tylko tym w we według
więc właśnie wszystko z za ze że żeby został została che di gli il nel nella non per sono
una anche come della delle dei degli alla questo ao da das do dos em foi mais não os uma
pelo pela com seu sua ele eles isso het een van dat op te zijn voor niet aan er als ook
maar bij naar wordt heeft hebben
""".split())

_SENTENCE_ENDINGS = frozenset(".!?…:;。！？")
CLOSING = "'\"”’»)]"
_BULLET = re.compile(r"^(?:[•·▪►▸‣◦○●■□➤➔→*+–—-]|\d{1,2}[.)])\s")
_MENU_SEPARATOR = re.compile(r" [|»›>/·•] ")
# Menus glued on one line ("Start | News | Sport") are short; prose may hold " / ".
_MENU_MAX_CHARS = 300


@dataclass(slots=True)
class LineShape:
    """Language-light features of one whitespace-collapsed line."""

    n_chars: int
    n_words: int
    stopword_density: float  # share of words that are function words (lines >= LENGTH_LOW)
    letter_share: float  # share of non-space characters that are letters
    ends_sentence: bool  # ends with . ! ? : ; … (possibly before a closing quote)
    n_separators: int  # menu separators such as " | " or " » "


def line_shape(line: str, key: str) -> LineShape:
    """Measure a whitespace-collapsed line, given its `opening_key`."""
    opening = line[:OPENING_CHARS]
    non_space = len(opening) - opening.count(" ")
    n_letters = len(key) - key.count(" ")
    density = 0.0
    # Short lines are judged by their neighbours: their density is not needed.
    if len(line) >= LENGTH_LOW and key:
        words = key.split()
        density = sum(map(STOPWORDS.__contains__, words)) / len(words)
    return LineShape(
        len(line),
        line.count(" ") + 1,
        density,
        n_letters / non_space if non_space else 0.0,
        line.rstrip(CLOSING)[-1:] in _SENTENCE_ENDINGS,
        len(_MENU_SEPARATOR.findall(line)) if len(line) <= _MENU_MAX_CHARS else 0,
    )


def has_stopword_evidence(shapes: Sequence[LineShape]) -> bool:
    """Whether function-word density says anything about this page's language."""
    densities = [s.stopword_density for s in shapes if s.n_chars >= LENGTH_LOW]
    return not densities or sum(densities) / len(densities) >= STOP_EVIDENCE


def shape_class(shape: LineShape, stop_evidence: bool) -> str:
    """Judge a line on its own: GOOD prose, NEAR-good, SHORT (undecided) or BAD."""
    if shape.n_separators >= 2 or shape.letter_share < 0.5:
        return BAD
    if shape.n_chars < LENGTH_LOW:
        return SHORT
    if stop_evidence:
        density = shape.stopword_density
    else:
        density = STOP_HIGH if shape.ends_sentence else STOP_LOW
    if density >= STOP_HIGH:
        return GOOD if shape.n_chars >= LENGTH_HIGH else NEAR
    return NEAR if density >= STOP_LOW else BAD


_PROSE_CAP = 1000
# Boilerplate found inside articles as well as around them costs what a short line does.
INLINE_KINDS = frozenset(
    {"caption", "machine_rewrite", "non_text", "share_widget", "promo", "metadata", "related_link",
     "repeated_title"}
)


def span_score(shape: LineShape | None, cls: str, reason: str | None) -> float:
    """A line's worth to the article core: prose earns its length, the rest costs."""
    if reason in INLINE_KINDS:
        return -SHORT_COST
    if shape is None or cls == BAD:
        return -BAD_COST
    if cls == GOOD:
        # Capped, so that one wall of text in a sidebar cannot outweigh a whole article.
        return min(shape.n_chars, _PROSE_CAP)
    # A short sentence is worth what near-good prose is; a short label costs.
    if cls == NEAR or (shape.ends_sentence and shape.n_words >= 3):
        return shape.n_chars / 2
    return -SHORT_COST


def core_span(scores: Sequence[float]) -> tuple[int, int]:
    """The run of lines with the highest total score (Kadane), as [start, end)."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def caption_pairs(texts: Sequence[str]) -> set[int]:
    """Indexes of photo captions given twice: a line, then the same line with a credit.

    Galleries render the caption, then caption plus credit, then often the credit alone.
    """
    found: set[int] = set()
    for i in range(len(texts) - 1):
        short, long = texts[i], texts[i + 1]
        if len(short) >= 20 and len(long) > len(short) and long.startswith(short):
            credit = long[len(short) :].strip()
            if len(credit) <= 160:
                found.update((i, i + 1))
                if i + 2 < len(texts) and texts[i + 2] == credit:
                    found.add(i + 2)
    return found


_TEASER_WORDS = 8


def teaser_duplicates(texts: Sequence[str], keys: Sequence[str]) -> set[int]:
    """Indexes of bullet teasers ("• The change in ...") whose first words open a later line."""
    opening = [tuple(key.split(maxsplit=_TEASER_WORDS)[:_TEASER_WORDS]) for key in keys]
    last_at = {words: i for i, words in enumerate(opening)}
    return {
        i
        for i, words in enumerate(opening)
        if len(words) == _TEASER_WORDS and last_at[words] > i and _BULLET.match(texts[i])
    }
