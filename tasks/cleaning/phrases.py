"""The phrase lists ``lines.line_kind`` matches, in `line_key` form (case-folded words).

Generic web boilerplate in English, German, French, Spanish, Polish, Italian, Portuguese and
Dutch: kinds of widgets and notices, never one site's sentences. ``EXACT`` are whole lines (a
widget label, a menu entry, a footer link); the contained phrases mark a short line wherever
they stand in it, each kind up to its own line length, and are indexed by one word each
(``PHRASES_BY_WORD``) so that few lines are compared at all. ``DATE_WORDS`` are the words a
date or time line is made of."""

from __future__ import annotations

from newsflow.tasks.cleaning.line_keys import phrase_table


# Whole lines that are a widget label, a menu entry or a footer link on their own.
EXACT = phrase_table({
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
LONGEST_NOTICE = max(_PHRASE_MAX_CHARS.values())

# A phrase of one word ("newsletter") only marks a short line: prose mentions such words.
_WORD_PHRASE_MAX_CHARS = 80
PRECEDENCE = list(_CONTAINED)


def _anchor(phrase: str) -> str:
    """The word a line must have for `phrase` to be looked for: its longest word, the last
    one aside (it may be glued to the next), so that few lines are compared at all."""
    words = phrase.split()
    return max(words[:-1] or words, key=len)


PHRASES_BY_WORD: dict[str, list[tuple[str, str, int]]] = {}
for _phrase, _kind in phrase_table(_CONTAINED).items():
    _max_chars = _PHRASE_MAX_CHARS[_kind] if " " in _phrase else _WORD_PHRASE_MAX_CHARS
    PHRASES_BY_WORD.setdefault(_anchor(_phrase), []).append((f" {_phrase}", _kind, _max_chars))

# Words a date or time line is made of, besides numbers ("Donnerstag, 31. Mai 2012").
DATE_WORDS = frozenset(phrase_table({"date": """january; february; march; april; may; june; july;
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
