"""What a line says: keys for matching, and boilerplate recognised from the line alone.

Phrase lists are generic web boilerplate in English, German, French, Spanish, Polish,
Italian, Portuguese and Dutch: kinds of widgets and notices, never one site's sentences.
They are matched on `line_key` form (case-folded words), as whole lines or as phrases.
"""

from __future__ import annotations

import re

_NON_LETTERS = re.compile(r"[\W\d_]+")
# How much of a line its key looks at: long paragraphs differ in their opening already,
# and a 10 MB line then costs no more than a page.
OPENING_CHARS = 500
# Boilerplate repeated across a corpus is labels, menus and one-line notices: a longer line
# found in several files is article text (syndication), so it is never counted as common.
COMMON_MAX_CHARS = 200


# A sentence of this many words is prose, whatever repeats it.
PROSE_MIN_WORDS = 5
_PROSE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")


def is_prose_sentence(line: str) -> bool:
    """Whether a line is a full sentence of prose: enough words, closing punctuation."""
    return line.count(" ") + 1 >= PROSE_MIN_WORDS and bool(_PROSE_END.search(line))


def collapse_whitespace(line: str) -> str:
    """Collapse whitespace runs (NBSP included) to one space and strip the ends."""
    return " ".join(line.split())


def line_key(line: str) -> str:
    """A line's words, case-folded, without punctuation or numbers: the form for matching.

    "Comments (36)" and "36 comments", or "Biden’s" and "Biden's", get the same key; a
    line without letters gets "".
    """
    return _NON_LETTERS.sub(" ", line.casefold()).strip()


def opening_key(line: str) -> str:
    """`line_key` of the line's first `OPENING_CHARS` characters."""
    return line_key(line[:OPENING_CHARS])


def phrase_table(phrases_by_kind: dict[str, str]) -> dict[str, str]:
    """Phrase in key form -> kind, from kind -> phrases separated by ';'."""
    return {
        line_key(phrase): kind
        for kind, phrases in phrases_by_kind.items()
        for phrase in phrases.split(";")
    }


# Whole lines that are a widget label, a menu entry or a footer link on their own.
_EXACT = phrase_table({
    "share_widget": """share; share this; share this article; share this story; share this post;
        share on facebook; share on twitter; share via email; teilen; jetzt teilen; artikel teilen;
        beitrag teilen; seite teilen; inhalt teilen; diesen artikel teilen; teilen mit;
        teilen sie dies mit; auf facebook teilen; auf twitter teilen; via facebook teilen;
        via twitter teilen; via e-mail teilen; via pinterest teilen; via whatsapp teilen;
        per e-mail teilen; partager; partager sur facebook; compartir; compartir en facebook;
        compartir en twitter; udostępnij; podziel się; condividi; compartilhar; delen; tweet;
        tweeten; tweetnij; pin it; pinnen; facebook; twitter; instagram; youtube; linkedin;
        pinterest; whatsapp; xing; telegram; tumblr; reddit; flipboard; e-mail; email; mail; rss;
        print; drucken; imprimir; imprimer; drukuj; stampa; like; gefällt mir; me gusta; j'aime;
        lubię to; copy link; link kopieren; link copied; url zum kopieren; facebook twitter;
        facebook twitter email; facebook twitter linkedin; facebook twitter whatsapp; empfehlen;
        weiterempfehlen; merken; speichern; bookmark; save; messenger; facebook messenger; sms;
        link teilen; share link""",
    "navigation": """home; homepage; startseite; start; inicio; portada; accueil; strona główna;
        menu; menü; hauptmenü; navigation; hauptnavigation; search; suche; suchen; buscar;
        búsqueda; rechercher; recherche; szukaj; cerca; zoeken; login; log in; sign in; log out;
        logout; anmelden; abmelden; einloggen; registrieren; register; sign up; konto; mein konto;
        account; my account; kontakt; contact; contact us; kontaktieren sie uns; contacto;
        contactez-nous; über uns; about; about us; quiénes somos; qui sommes-nous; o nas;
        chi siamo; sitemap; faq; hilfe; help; ayuda; aide; pomoc; archiv; archive; archivo;
        archives; archiwum; kategorien; categories; categorías; catégories; kategorie; tags;
        schlagwörter; schlagworte; themen; topics; temas; next; previous; weiter; zurück; back;
        siguiente; anterior; suivant; précédent; następny; poprzedni; nächster beitrag;
        vorheriger beitrag; next post; previous post; next article; previous article; older posts;
        newer posts; ältere beiträge; neuere beiträge; nach oben; back to top; to top; top;
        zum seitenanfang; seitenanfang; zurück zur startseite; back to homepage; back to home;
        back to the homepage; retour à l'accueil; volver al inicio; powrót do strony głównej;
        zurück zur übersicht; back to overview; back to list; retour à la liste;
        volver al listado; auf einer seite lesen; read on one page; view as single page;
        torna alla home; on this page; auf dieser seite; sur cette page; en esta página;
        skip to content; skip to main content; zum inhalt springen;
        zum inhalt; springe direkt zu; direkt zum inhalt; inhalt; mehr; more; más; plus; więcej;
        alle anzeigen; alle zeigen; show all; view all; see all; show more; load more;
        mehr anzeigen; mehr laden; ver todo; ver más; voir tout; voir plus; close; schließen;
        cerrar; fermer; zamknij; chiudi; open; öffnen; abbrechen; cancel; ok; english; deutsch;
        español; français; polski; italiano; português; nederlands; en; de; es; fr; pl; it; seite;
        page; página; strona; seite von; page of; sie sind hier; you are here; aktuelle seite;
        breadcrumb; übersicht; overview; antworten; reply; zum beitrag; zur startseite; sorted by;
        sortieren nach; sort by; filter; mehr erfahren; learn more; jetzt kaufen; buy now;
        in den warenkorb; add to cart; warenkorb; cart; shop; jobs; karriere; careers; presse;
        press; mediadaten; media kit; team; redaktion""",
    "legal": """impressum; datenschutz; datenschutzerklärung; datenschutzhinweise;
        datenschutzrichtlinie; agb; nutzungsbedingungen; privacy; privacy policy; privacy notice;
        privacy settings; cookie policy; cookie-richtlinie; cookie settings; cookie-einstellungen;
        cookies; terms; terms of use; terms of service; terms and conditions; legal; legal notice;
        disclaimer; haftungsausschluss; aviso legal; política de privacidad; política de cookies;
        mentions légales; politique de confidentialité; polityka prywatności; regulamin;
        barrierefreiheit; accessibility; rechtliche hinweise; imprint; kontakt impressum;
        impressum datenschutz; datenschutz impressum; impressum und datenschutz;
        kontakt & impressum; all rights reserved; alle rechte vorbehalten""",
    "subscription": """newsletter; newsletters; subscribe; subscribe now; abonnieren;
        jetzt abonnieren; newsletter abonnieren; newsletter bestellen; newsletter anmelden;
        zum newsletter; newsletter-anmeldung; abo; abos; e-paper; epaper; suscríbete; suscribirse;
        s'abonner; abonnez-vous; subskrybuj; zapisz się; prenumerata; jetzt registrieren;
        sign up now; get the newsletter; join our newsletter""",
    "promo": """anzeige; werbung; advertisement; advertising; ad; ads; sponsored; gesponsert;
        publicidad; publicité; reklama; pubblicità; read more; weiterlesen; mehr lesen; jetzt lesen;
        leer más; lire la suite; czytaj więcej; continua a leggere; continue reading; zum artikel;
        link zum artikel; about these ads; print recipe; jump to recipe; affiliatelink;
        affiliate link; affiliate-link; werbelink; externer inhalt; external content""",
    "comment_form": """comment; comments; kommentar; kommentare; name; e-mail *; email *; name *;
        website; webseite; comment *; kommentar *; senden; submit; absenden; post comment;
        kommentar abschicken; antwort abbrechen; cancel reply; no responses yet;
        no response so far; no comments yet; be the first to comment; noch keine kommentare;
        soyez le premier à commenter; sé el primero en comentar; no hay comentarios""",
    "related_link": """read also; also read; see also; lesen sie auch; siehe auch; mehr zum thema;
        lea también; lee también; ver también; mirá también; voir aussi; lire aussi;
        à lire aussi; pour approfondir; czytaj też; czytaj także; zobacz też; zobacz także;
        leggi anche; leia também; veja também""",
})

# Phrases that make a short line a notice or widget wherever they stand in it, listed by
# precedence. A phrase must start a word but may end inside one, since rendering glues
# words ("Share this articleComments").
_CONTAINED = {
    "machine_rewrite": """unable to re-write; unable to rewrite; unable to rephrase;
        unable to paraphrase; cannot rewrite; can't rewrite; cannot re-write;
        as an ai language model; as an ai model; could you please provide;
        can you please provide; please provide the text; please provide the article;
        provide more context; here is the rewritten; here's the rewritten; here is a rewritten;
        here is the revised; here's a revised; here is the paraphrased; here is your rewritten;
        text seems to be incomplete; text appears to be incomplete""",
    "cookie_notice": """use cookies; uses cookies; using cookies; accept cookies; allow cookies;
        enable cookies; use of cookies; cookies to improve; cookies and similar; cookie settings;
        cookie policy; cookies policy; cookie preferences; verwenden cookies; verwendet cookies;
        nutzen cookies; nutzt cookies; setzen cookies; setzt cookies; einsatz von cookies;
        verwendung von cookies; cookies akzeptieren; alle cookies; cookie-einstellungen;
        cookie-richtlinie; utilizamos cookies; utiliza cookies; usamos cookies; usa cookies;
        uso de cookies; aceptar cookies; política de cookies; configuración de cookies;
        utilisons des cookies; utilise des cookies; utilisation des cookies;
        accepter les cookies; politique de cookies; plików cookie; pliki cookie; ciasteczek;
        utilizza cookie; utilizziamo cookie; uso dei cookie""",
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
        join our newsletter; get our newsletter; melde dich für; melden sie sich für;
        suscríbete a; inscrivez-vous; abonnez-vous à; zapisz się do; get updates;
        get regular updates; in your inbox; in deinen posteingang; in ihren posteingang;
        already a subscriber; already have an account; jetzt registrieren; newsletter""",
    "share_widget": """share this article; share this story; share this post; share this page;
        diesen artikel teilen; den artikel teilen; diesen beitrag teilen; teilen sie dies;
        in neuem fenster geöffnet; copy to clipboard; embed link; compartir en; partager sur;
        udostępnij na""",
    "legal": """all rights reserved; alle rechte vorbehalten; todos los derechos reservados;
        tous droits réservés; wszelkie prawa zastrzeżone; tutti i diritti riservati;
        todos os direitos reservados""",
    "metadata": """min read; minute read; minutes read; reading time; lesezeit; lesedauer;
        tiempo de lectura; temps de lecture; czas czytania; min de lectura""",
    "promo": """subscribe now; enthält werbung; enthält affiliate; contains affiliate links;
        download the app; download our app; apps for ios; app for ios;
        for the latest stories; get the latest news; jetzt herunterladen; jetzt bestellen;
        jetzt abonnieren; this entry was posted in; dieser eintrag wurde veröffentlicht in;
        dieser beitrag wurde unter; tap here; click here; hier klicken; klicken sie hier;
        haga clic aquí; cliquez ici; kliknij tutaj; hol dir die app; lade dir die app;
        keep up with all the latest; follow us on; folgen sie uns; folge uns; síguenos en;
        suivez-nous; obserwuj nas; advertisement; sponsored content""",
}


# How long a line holding a phrase may be: a longer line is article text quoting the
# phrase (cookie banners run long).
_PHRASE_MAX_CHARS = {
    "machine_rewrite": 400, "cookie_notice": 400, "comment_form": 200, "subscription": 200,
    "share_widget": 120, "legal": 160, "metadata": 60, "promo": 200,
}
_LONGEST_NOTICE = max(_PHRASE_MAX_CHARS.values())
# A phrase of one word ("newsletter") only marks a short line: prose mentions such words.
_WORD_PHRASE_MAX_CHARS = 80
_PRECEDENCE = list(_CONTAINED)


def _anchor(phrase: str) -> str:
    """The word a line must have for `phrase` to be looked for: its longest word, the last
    one aside (it may be glued to the next), so that few lines are compared at all."""
    words = phrase.split()
    return max(words[:-1] or words, key=len)


_PHRASES_BY_WORD: dict[str, list[tuple[str, str, int]]] = {}
for _phrase, _kind in phrase_table(_CONTAINED).items():
    _max_chars = _PHRASE_MAX_CHARS[_kind] if " " in _phrase else _WORD_PHRASE_MAX_CHARS
    _PHRASES_BY_WORD.setdefault(_anchor(_phrase), []).append((f" {_phrase}", _kind, _max_chars))

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
# Words a date or time line is made of, besides numbers ("Donnerstag, 31. Mai 2012").
_DATE_WORDS = frozenset(phrase_table({"date": """january; february; march; april; may; june; july;
    august; september; october; november; december; jan; feb; mar; apr; jun; jul; aug; sep;
    sept; oct; nov; dec; monday; tuesday; wednesday; thursday; friday; saturday; sunday; mon;
    tue; wed; thu; fri; sat; sun; januar; jänner; februar; märz; mai; juni; juli; oktober;
    dezember; mär; okt; dez; montag; dienstag; mittwoch; donnerstag; freitag; samstag; sonntag;
    mo; di; mi; do; fr; sa; so; enero; febrero; marzo; abril; mayo; junio; julio; agosto;
    septiembre; octubre; noviembre; diciembre; lunes; martes; miércoles; jueves; viernes;
    sábado; domingo; janvier; février; mars; avril; juin; juillet; août; septembre; octobre;
    novembre; décembre; lundi; mardi; mercredi; jeudi; vendredi; samedi; dimanche; stycznia;
    lutego; marca; kwietnia; maja; czerwca; lipca; sierpnia; września; października;
    listopada; grudnia; am; pm; uhr; um; at; on; de; del; le; den; h; min; gmt; utc; cet;
    cest; mez; mesz; est; edt; pst; pdt; updated; published; posted; last; modified; created;
    aktualisiert; veröffentlicht; zuletzt; geändert; erstellt; stand; publicado; actualizado;
    publié; opublikowano; heute; today; gestern; yesterday"""}))
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
_TRIGGER_WORDS = _PHRASES_BY_WORD.keys() | _CAPTION_WORDS | _COMMENT_HEADER_WORDS | _SITE_FOOTER_WORDS


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
    kind = _EXACT.get(key)
    if kind:
        return kind
    if len(line) <= COMMON_MAX_CHARS and key in common:
        return "common_line"
    # Each pattern below is tried only where the line has what it needs: speed matters.
    if line[:2].isupper() and _AGENCY_CAPTION.match(line):
        return "caption"
    if len(line) > _LONGEST_NOTICE:
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
    if short and words <= _DATE_WORDS:
        return "metadata"
    padded = f" {key}"
    found = [
        kind
        for word in _PHRASES_BY_WORD.keys() & words
        for phrase, kind, max_chars in _PHRASES_BY_WORD[word]
        if len(line) <= max_chars and phrase in padded
    ]
    if found:
        return min(found, key=_PRECEDENCE.index)
    return "related_link" if labelled and _INLINE_TEASER.match(line) else None

