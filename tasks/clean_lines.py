"""What a single line looks like: shape features and multilingual boilerplate phrases.

Pure functions over one line; `tasks.clean_layout` decides with the neighbours. Phrases
are generic web boilerplate in English, German, French, Spanish, Polish, Italian,
Portuguese and Dutch: kinds of widgets, never a particular site's sentences. They are
matched on `line_key` form (case-folded words), as whole lines or as contained phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


# Menus glued on one line ("Start | News | Sport") are short; prose may hold " / ".
_MENU_MAX_CHARS = 300

_NON_LETTERS = re.compile(r"[\W\d_]+")
_SENTENCE_ENDINGS = frozenset(".!?…:;。！？")
_CLOSING = "'\"”’»)]"
# Longer lines are never boilerplate repeated across a corpus: see `common_lines`.
COMMON_MAX_CHARS = 400
# Lines shorter than this cannot be judged on their own (jusText uses 70 characters), so
# their function-word density is not measured.
LENGTH_LOW = 70
# How much of a line its key and features look at.
OPENING_CHARS = 500
_BULLET = re.compile(r"^(?:[•·▪►▸‣◦○●■□➤➔→*+–—-]|\d{1,2}[.)])\s")
_MENU_SEPARATOR = re.compile(r" [|»›>/·•] ")


def collapse_whitespace(line: str) -> str:
    """Collapse whitespace runs (NBSP included) to one space and strip the ends."""
    return " ".join(line.split())


def line_key(line: str) -> str:
    """A line's words, case-folded, without punctuation or numbers: the form for matching.

    "Comments (36)" and "36 comments", or "Biden’s" and "Biden's", get the same key; a
    line without letters gets "".
    """
    return _NON_LETTERS.sub(" ", line.casefold()).strip()


# The most frequent function words of each covered language, merged: prose in any of
# them is dense with them, menus, credits and link lists are not.
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
your
aber alle allem allen aller alles als also am an andere anderen auch auf aus bei beim
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
très un une vers votre vous y
al algo algunos ante antes como con contra cual cuando de del desde donde durante e el
ella ellos entre era es esa ese eso esta estaba están este esto estos fue fueron ha han
hasta hay las les lo los más me mi muy nada no nos o otra otros para pero poco por porque
quien sea según ser sido sin sino sobre son su sus también tanto tiene tienen todo todos
tras una uno unos ya yo
aby ale ani bardzo bez bo być był była było były będzie co czy dla do gdy gdzie go ich ile
im jak jako jednak jego jej jest jeszcze jeśli już każdy kiedy kto która które którego
której który których lub ma mają może można mu na nad nam nas nawet nich nie nim niż od
oraz po pod ponieważ przed przez przy również się są ta tak także tam te tego tej ten też
to tu tych tylko tym w we według więc właśnie wszystko z za ze że żeby został została
che di gli il nel nella non per sono una anche come della delle dei degli alla questo
ao da das do dos em foi mais não os uma pelo pela com seu sua ele eles isso
het een van dat op te zijn voor niet aan er als ook maar bij naar wordt heeft hebben
""".split())


def _table(phrases_by_kind: dict[str, str]) -> dict[str, str]:
    """Phrase (in key form) -> kind, from kind -> phrases separated by ';'."""
    table = {}
    for kind, phrases in phrases_by_kind.items():
        for phrase in phrases.split(";"):
            table[line_key(phrase)] = kind
    return table


# Whole lines that are a widget label, a menu entry or a footer link on their own.
EXACT = _table({
    "share_widget": """share; share this; share this article; share this story; share this post;
        share on facebook; share on twitter; share via email; teilen; jetzt teilen; artikel teilen;
        beitrag teilen; seite teilen; inhalt teilen; diesen artikel teilen; teilen mit; teilen sie dies mit;
        auf facebook teilen; auf twitter teilen; via facebook teilen; via twitter teilen; via e-mail teilen;
        via pinterest teilen; via whatsapp teilen; per e-mail teilen; partager; partager sur facebook;
        compartir; compartir en facebook; compartir en twitter; udostępnij; podziel się; condividi;
        compartilhar; delen; tweet; tweeten; tweetnij; pin it; pinnen; facebook; twitter; instagram;
        youtube; linkedin; pinterest; whatsapp; xing; telegram; tumblr; reddit; flipboard; e-mail;
        email; mail; rss; print; drucken; imprimir; imprimer; drukuj; stampa; like; gefällt mir;
        me gusta; j'aime; lubię to; copy link; link kopieren; link copied; url zum kopieren;
        facebook twitter; facebook twitter email; facebook twitter linkedin; facebook twitter whatsapp;
        empfehlen; weiterempfehlen; merken; speichern; bookmark; save""",
    "navigation": """home; homepage; startseite; start; inicio; portada; accueil; strona główna; menu;
        menü; hauptmenü; navigation; hauptnavigation; search; suche; suchen; buscar; búsqueda;
        rechercher; recherche; szukaj; cerca; zoeken; login; log in; sign in; log out; logout;
        anmelden; abmelden; einloggen; registrieren; register; sign up; konto; mein konto; account;
        my account; kontakt; contact; contact us; kontaktieren sie uns; contacto; contactez-nous;
        über uns; about; about us; quiénes somos; qui sommes-nous; o nas; chi siamo; sitemap; faq;
        hilfe; help; ayuda; aide; pomoc; archiv; archive; archivo; archives; archiwum; kategorien;
        categories; categorías; catégories; kategorie; tags; schlagwörter; schlagworte; themen;
        topics; temas; next; previous; weiter; zurück; back; siguiente; anterior; suivant; précédent;
        następny; poprzedni; nächster beitrag; vorheriger beitrag; next post; previous post;
        next article; previous article; older posts; newer posts; ältere beiträge; neuere beiträge;
        nach oben; back to top; to top; top; zum seitenanfang; seitenanfang; skip to content;
        skip to main content; zum inhalt springen; zum inhalt; springe direkt zu; direkt zum inhalt;
        inhalt; mehr; more; más; plus; więcej; alle anzeigen; alle zeigen; show all; view all;
        see all; show more; load more; mehr anzeigen; mehr laden; ver todo; ver más; voir tout;
        voir plus; close; schließen; cerrar; fermer; zamknij; chiudi; open; öffnen; abbrechen;
        cancel; ok; english; deutsch; español; français; polski; italiano; português; nederlands;
        en; de; es; fr; pl; it; seite; page; página; strona; seite von; page of; sie sind hier;
        you are here; aktuelle seite; breadcrumb; übersicht; overview; antworten; reply;
        zum beitrag; zur startseite; sorted by; sortieren nach; sort by; filter; mehr erfahren;
        learn more; jetzt kaufen; buy now; in den warenkorb; add to cart; warenkorb; cart; shop;
        jobs; karriere; careers; presse; press; mediadaten; media kit; team; redaktion""",
    "legal": """impressum; datenschutz; datenschutzerklärung; datenschutzhinweise; datenschutzrichtlinie;
        agb; nutzungsbedingungen; privacy; privacy policy; privacy notice; privacy settings;
        cookie policy; cookie-richtlinie; cookie settings; cookie-einstellungen; cookies; terms;
        terms of use; terms of service; terms and conditions; legal; legal notice; disclaimer;
        haftungsausschluss; aviso legal; política de privacidad; política de cookies;
        mentions légales; politique de confidentialité; polityka prywatności; regulamin;
        barrierefreiheit; accessibility; rechtliche hinweise; imprint; kontakt impressum;
        impressum datenschutz; datenschutz impressum; impressum und datenschutz;
        impressum & datenschutz; kontakt & impressum; all rights reserved; alle rechte vorbehalten""",
    "subscription": """newsletter; newsletters; subscribe; subscribe now; abonnieren; jetzt abonnieren;
        newsletter abonnieren; newsletter bestellen; newsletter anmelden; zum newsletter;
        newsletter-anmeldung; abo; abos; e-paper; epaper; suscríbete; suscribirse; s'abonner;
        abonnez-vous; subskrybuj; zapisz się; prenumerata; jetzt registrieren; sign up now;
        get the newsletter; join our newsletter""",
    "promo": """anzeige; werbung; advertisement; advertising; ad; ads; sponsored; gesponsert;
        publicidad; publicité; reklama; pubblicità; read more; weiterlesen; mehr lesen; jetzt lesen;
        leer más; lire la suite; czytaj więcej; continua a leggere; continue reading; zum artikel;
        link zum artikel; about these ads; print recipe; jump to recipe""",
    "comment_form": """comment; comments; kommentar; kommentare; name; e-mail *; email *; name *;
        website; webseite; comment *; kommentar *; senden; submit; absenden; post comment;
        kommentar abschicken; antwort abbrechen; cancel reply""",
})

# Phrases that make a short line a notice or widget wherever they stand in it. A phrase
# must start a word but may end inside one, since rendering glues words ("Share this
# articleComments"). Indexed by their first word, so a line is only compared with the
# phrases whose first word it has.
_CONTAINED = {
    "machine_rewrite": """unable to re-write; unable to rewrite; unable to rephrase; unable to paraphrase;
        cannot rewrite; can't rewrite; cannot re-write; as an ai language model; as an ai model;
        could you please provide; can you please provide; please provide the text;
        please provide the article; provide more context; here is the rewritten;
        here's the rewritten; here is a rewritten; here is the revised; here's a revised;
        here is the paraphrased; here is your rewritten; text seems to be incomplete;
        text appears to be incomplete""",
    "cookie_notice": """cookie; cookies; cookie-einstellungen; plików cookie; wir verwenden cookies;
        utilizamos cookies; nous utilisons des cookies""",
    "comment_form": """email address will not be published; e-mail address will not be published;
        required fields are marked; save my name, email; leave a reply; leave a comment;
        cancel reply; post a comment; you must be logged in to post; notify me of new;
        notify me of follow-up; e-mail-adresse wird nicht veröffentlicht; pflichtfelder sind mit;
        erforderliche felder; schreibe einen kommentar; hinterlasse einen kommentar;
        hinterlassen sie einen kommentar; kommentar verfassen; antwort abbrechen;
        antworten abbrechen; benachrichtige mich; benachrichtigung bei weiteren kommentaren;
        einen kommentar abzugeben; dein kommentar; deinen kommentar; ihr kommentar;
        kommentar schreiben; deja un comentario; correo electrónico no será publicada;
        laisser un commentaire; adresse e-mail ne sera pas publiée; zostaw komentarz;
        dodaj komentarz; adres e-mail nie zostanie; akismet""",
    "subscription": """sign up for our; sign up for the; subscribe to our; subscribe to the;
        join our newsletter; get our newsletter; newsletter abonnieren; newsletter bestellen;
        zum newsletter; newsletter-anmeldung; melde dich für; melden sie sich für; suscríbete a;
        inscrivez-vous; abonnez-vous à; zapisz się do; get updates; get regular updates;
        in your inbox; in deinen posteingang; in ihren posteingang; already a subscriber;
        already have an account; jetzt registrieren; newsletter""",
    "share_widget": """share this article; share this story; share this post; share this page;
        diesen artikel teilen; den artikel teilen; diesen beitrag teilen; teilen sie dies;
        in neuem fenster geöffnet; copy to clipboard; embed link; compartir en; partager sur; udostępnij na""",
    "legal": """all rights reserved; alle rechte vorbehalten; todos los derechos reservados;
        tous droits réservés; wszelkie prawa zastrzeżone; tutti i diritti riservati;
        todos os direitos reservados""",
    "promo": """tap here; click here; hier klicken; klicken sie hier; haga clic aquí; cliquez ici;
        kliknij tutaj; download our app; download the app; hol dir die app; lade dir die app;
        keep up with all the latest; follow us on; folgen sie uns; folge uns; síguenos en;
        suivez-nous; obserwuj nas; advertisement; sponsored content""",
}
_KIND_ORDER = list(_CONTAINED)
CONTAINED: dict[str, list[tuple[str, str]]] = {}
for _phrase, _kind in _table(_CONTAINED).items():
    CONTAINED.setdefault(_phrase.split()[0], []).append((f" {_phrase}", _kind))

# How long a line holding a contained phrase may be: a longer line is article text
# quoting the phrase, except for cookie banners, which run long.
NOTICE_MAX_CHARS = {
    "cookie_notice": 400, "comment_form": 200, "subscription": 200, "share_widget": 120,
    "legal": 160, "promo": 200, "machine_rewrite": 400,
}
_LONGEST_NOTICE = max(NOTICE_MAX_CHARS.values())

# Headings that end the article: comments, related posts, teaser lists.
TAIL_MARKERS = frozenset(_table({"tail": """related; related posts; related articles; related stories;
    related topics; related content; related news; related reading; you might also like;
    you may also like; you might also enjoy; more from; more stories; more news; more articles;
    latest from blog; latest news; latest posts; latest articles; read next; also read;
    further reading; recommended; recommended for you; recommended articles; recommended stories;
    most popular; most read; most viewed; popular posts; trending; trending now;
    leave a reply; leave a comment; leave a reply cancel reply; comments; add a comment;
    post a comment; comments are closed; ähnliche beiträge; ähnliche artikel; ähnliche themen;
    ähnliche posts; verwandte artikel; verwandte beiträge; das könnte sie auch interessieren;
    das könnte dich auch interessieren; das könnte dir auch gefallen; mehr zum thema;
    auch interessant; weitere artikel; weitere beiträge; weitere themen; weitere nachrichten;
    weitere meldungen; weitere news; lesen sie auch; meistgelesen; meistgelesene artikel;
    beliebte artikel; beliebte beiträge; neueste artikel; neueste beiträge; kommentare;
    leserkommentare; keine kommentare; schreibe einen kommentar;
    schreibe einen kommentar antworten abbrechen; hinterlasse einen kommentar;
    hinterlassen sie einen kommentar; kommentar verfassen; kommentar verfassen antwort abbrechen;
    kommentar schreiben; kommentar hinzufügen; einen kommentar schreiben; artículos relacionados;
    noticias relacionadas; te puede interesar; también te puede interesar; te recomendamos;
    lo más leído; lo más visto; comentarios; deja un comentario; lee también; articles similaires;
    à lire aussi; lire aussi; sur le même sujet; commentaires; laisser un commentaire;
    vous aimerez aussi; les plus lus; podobne artykuły; zobacz też; zobacz również; zobacz także;
    czytaj też; czytaj także; czytaj również; komentarze; zostaw komentarz; dodaj komentarz;
    najczęściej czytane; przeczytaj też; przeczytaj także; articoli correlati; leggi anche;
    commenti; artigos relacionados; leia também; comentários; gerelateerde artikelen;
    lees ook; reacties"""}))

# A line that opens with one of these and a colon points to another article.
INLINE_TEASERS = re.compile(
    r"^(read more|read also|also read|see also|related|lesen sie auch|lesen sie mehr|mehr zum thema|"
    r"siehe auch|auch interessant|das könnte (sie|dich) auch interessieren|le puede interesar|"
    r"te puede interesar|mirá también|lea también|lea|ver también|lee también|voir aussi|"
    r"à lire aussi|lire aussi|czytaj (też|także|również)|zobacz (też|także|również)|"
    r"leggi anche|leia também)\s?:",
    re.IGNORECASE,
)

AUTHOR_LABELS = frozenset(_table({"author": """avatar; avatar photo; author; autor; autorin; about the author;
    über den autor; über die autorin; sobre el autor; à propos de l'auteur; o autorze;
    written by"""}))
AUTHOR_STATS = frozenset(_table({"stats": """articles; posts; beiträge; artikel; artículos; entradas;
    articles publiés; wpisy"""}))

# Words a date or time line is made of, besides numbers.
DATE_WORDS = frozenset(_table({"date": """january; february; march; april; may; june; july; august;
    september; october; november; december; jan; feb; mar; apr; jun; jul; aug; sep; sept; oct;
    nov; dec; monday; tuesday; wednesday; thursday; friday; saturday; sunday; januar; jänner;
    februar; märz; mai; juni; juli; oktober; dezember; montag; dienstag; mittwoch; donnerstag;
    freitag; samstag; sonntag; enero; febrero; marzo; abril; mayo; junio; julio; agosto;
    septiembre; octubre; noviembre; diciembre; lunes; martes; miércoles; jueves; viernes;
    sábado; domingo; janvier; février; mars; avril; juin; juillet; août; septembre; octobre;
    novembre; décembre; lundi; mardi; mercredi; jeudi; vendredi; samedi; dimanche; stycznia;
    lutego; marca; kwietnia; maja; czerwca; lipca; sierpnia; września; października; listopada;
    grudnia; am; pm; uhr; um; at; on; de; del; le; den; h; min; updated; published; posted;
    aktualisiert; veröffentlicht; publicado; actualizado; publié; mis à jour; opublikowano;
    stand; heute; today; gestern; yesterday"""}))


@dataclass(slots=True)
class LineShape:
    """Language-light features of one whitespace-collapsed line."""

    n_chars: int
    n_words: int
    stopword_density: float  # share of words that are function words
    letter_share: float  # share of non-space characters that are letters
    ends_sentence: bool  # ends with . ! ? : ; … (optionally before a closing quote)
    is_bullet: bool
    n_separators: int  # menu separators such as " | " or " » "


def opening_key(line: str) -> str:
    """`line_key` of the line's opening: long paragraphs are told apart by their first
    few hundred characters, and a 10 MB line then costs no more than a page."""
    return line_key(line[:OPENING_CHARS])


def line_shape(line: str, key: str) -> LineShape:
    """Measure a whitespace-collapsed line, given its `opening_key`."""
    words = key.split()
    opening = line[:OPENING_CHARS]
    non_space = len(opening) - opening.count(" ")
    return LineShape(
        n_chars=len(line),
        n_words=line.count(" ") + 1,
        # Short lines are judged by their neighbours, so their density is not needed.
        stopword_density=sum(map(STOPWORDS.__contains__, words)) / len(words)
        if words and len(line) >= LENGTH_LOW
        else 0.0,
        letter_share=(len(key) - len(words) + 1) / non_space if words else 0.0,
        ends_sentence=line.rstrip(_CLOSING)[-1:] in _SENTENCE_ENDINGS,
        is_bullet=bool(_BULLET.match(line)),
        n_separators=len(_MENU_SEPARATOR.findall(line)) if len(line) <= _MENU_MAX_CHARS else 0,
    )


def is_tail_marker(key: str) -> bool:
    """Whether a line opens a tail section: comments, related posts, teaser lists."""
    return key in TAIL_MARKERS


_CAPTION = re.compile(
    r"^file( photo)? ?[-–—:] |"
    r"\((photo|photograph|image|foto|bild|picture)s? ?(by|von|de|par|courtesy|:)|"
    r"\bcopyright [^/]{2,60}/copyright\b|^(copyright|©) ?[\w .'-]{2,40}/|"
    r"^(photo|foto|fotos|bild|image|credit|bildquelle|zdjęcie|crédito|crédit)s? ?: ?\S.{0,80}$|"
    r"[(–—|] ?(©|foto:|photo:|bild:|credit:|quelle:|fotos:|bildquelle:) ?[^()]{2,60}\)?$|"
    r"\((reuters|afp|ap|dpa|efe|epa|getty images)[/ ][^()]{2,50}\)$"
)
# Agency picture captions open with an upper-case dateline: "WASHINGTON, DC - DECEMBER 21: ".
_AGENCY_CAPTION = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý.,' ]+ [-–—] [A-ZÀ-Ý]+ \d{1,2}(, \d{4})?: ")
_CAPTION_MAX_CHARS = 300


# Every `_CAPTION` pattern holds one of these words, or a "©".
_CAPTION_WORDS = frozenset(
    "file photo photos photograph image picture foto fotos bild bildquelle copyright credit "
    "quelle zdjęcie crédito crédit reuters afp ap dpa efe epa getty".split()
)
_DATE_MAX_WORDS = 6


def line_kind(line: str, key: str, common: frozenset[str]) -> str | None:
    """Reason code for a line that is boilerplate whatever its neighbours; else None.

    `key` is the line's `opening_key`; `common` holds the corpus's `common_lines`.
    """
    if not key:
        return "non_text"
    # Cheap lookups first: most boilerplate lines are a known label or a common line.
    kind = EXACT.get(key)
    if kind:
        return kind
    if len(line) <= COMMON_MAX_CHARS and key in common:
        return "common_line"
    if _AGENCY_CAPTION.match(line):
        return "caption"
    if len(line) > _LONGEST_NOTICE:
        return None
    words = key.split()
    if (
        len(line) <= _CAPTION_MAX_CHARS
        and ("©" in line or not _CAPTION_WORDS.isdisjoint(words))
        and _CAPTION.search(line.lower())
    ):
        return "caption"
    if len(words) <= _DATE_MAX_WORDS and all(map(DATE_WORDS.__contains__, words)):
        return "metadata"
    padded = f" {key}"
    found = [
        kind
        for anchor in CONTAINED.keys() & set(words)
        for phrase, kind in CONTAINED[anchor]
        if len(line) <= NOTICE_MAX_CHARS[kind] and phrase in padded
    ]
    if found:
        return min(found, key=_KIND_ORDER.index)
    return "related_link" if INLINE_TEASERS.match(line) else None


_NAME = r"[A-ZÀ-ÝŁŚŻŹĆ][\w.'’-]*(?:,? (?:and |und |y |et |i |e |with |mit |con |avec )?[\w.'’&-]+){0,7}"
_BYLINE = re.compile(
    rf"^(?:by|von|por|par|autor(?:in)?|author|text|written by|reporting by|posted by|"
    rf"geschrieben von|escrito por|publié par)\s*:? (?P<name>{_NAME})"
    rf"(?:(?: on| am| el| le| den|,? \d| [|•·–—-]| updated| aktualisiert| veröffentlicht)\b.*)?$",
    re.IGNORECASE,
)
# Agency credits: "@Sky News", or "Euronews with AP" without a "By".
_CREDIT = re.compile(
    r"^@(?P<name>[A-ZÀ-Ý][\w.&' -]{1,40})$|"
    r"^(?P<desk>[A-ZÀ-Ý][\w.&' -]{1,40} (?:with|mit|con|avec|z) "
    r"(?:AP|AFP|Reuters|dpa|EFE|PAP|AAP|ANSA|KNA|epd))$"
)
_PERSON = re.compile(r"^[A-ZÀ-ÝŁŚŻŹĆ][\w.'’-]+(?: [A-ZÀ-ÝŁŚŻŹĆ][\w.'’-]+){0,3}$")


# A byline's first word, or an agency credit's last.
_BYLINE_OPENERS = frozenset(
    "by von por par autor autorin author text written reporting posted geschrieben escrito publié".split()
)
_AGENCIES = frozenset("ap afp reuters dpa efe pap aap ansa kna epd".split())


def byline_name(line: str, key: str) -> str | None:
    """The author or desk named by a byline or agency-credit line, without "By"."""
    words = key.split()
    if len(line) > 120 or not words or not (
        words[0] in _BYLINE_OPENERS or words[-1] in _AGENCIES or line[0] == "@"
    ):
        return None
    match = _BYLINE.match(line)
    if match and match.group("name")[0].isupper():
        return match.group("name").strip(" ,")
    match = _CREDIT.match(line)
    return (match.group("name") or match.group("desk")).strip() if match else None


def is_author_label(key: str) -> bool:
    """Whether a line labels an author box ("Avatar photo", "About the author")."""
    return key in AUTHOR_LABELS


def is_author_stats(line: str, key: str) -> bool:
    """Whether a line is an author box counter ("Articles: 7166")."""
    return key in AUTHOR_STATS and line[-1:].isdigit()


def is_person_name(line: str) -> bool:
    """Whether a line is just a capitalised name of one to four words."""
    return len(line) <= 40 and bool(_PERSON.match(line))
