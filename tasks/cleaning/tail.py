"""Where the article ends: the heading of a tail section (comments, related posts).

A page goes on after its article with sections of their own: comments, "related posts",
"most read", teaser lists, the author box ("About the author"). Their headings are generic
phrases, listed here in English, German, Spanish, French, Polish, Italian, Portuguese, Dutch
and Russian. Headings that point to one other article ("Read also", "Lesen Sie auch") are
left out on purpose: they stand inside articles as often as under them (`newsflow.tasks.cleaning.lines`
marks the line itself `related_link`, alone or with the other article's title after a colon).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

from newsflow.tasks.cleaning.line_keys import phrase_table
from newsflow.tasks.cleaning.lines import is_comment_header

# A longer line is text, not a heading.
TAIL_MARKER_MAX_CHARS = 200

# Headings that end the article: comments, related posts, teaser lists.
_TAIL_MARKERS = frozenset(phrase_table({"tail": """related; related posts; related articles;
    related stories; related topics; related content; related news; related reading;
    you might also like; you may also like; you might also enjoy; you may be interested in;
    you might be interested in; more from; more stories; more news; more articles;
    more like this; more on this topic; latest from blog; latest news; latest posts;
    latest articles; further reading; recommended; recommended for you; recommended reading;
    recommended articles; recommended stories; what to read next; editor's picks; top stories;
    most popular; most read; most viewed; popular posts; trending; trending now; leave a reply;
    leave a comment; leave a reply cancel reply; comments; add a comment; post a comment;
    comments are closed;
    ähnliche beiträge; ähnliche artikel; ähnliche themen; ähnliche posts; verwandte artikel;
    verwandte beiträge; das könnte sie auch interessieren; das könnte dich auch interessieren;
    das könnte sie interessieren; das könnte dich interessieren; das könnte dir auch gefallen;
    auch interessant; passend dazu; empfohlene artikel; weitere artikel; weitere artikel zum thema;
    weitere beiträge; weitere themen; weitere nachrichten; weitere meldungen; weitere news;
    meistgelesen; meistgelesene artikel; beliebte artikel; beliebte beiträge;
    neueste artikel; neueste beiträge; kommentare; leserkommentare; keine kommentare;
    schreibe einen kommentar; schreibe einen kommentar antworten abbrechen;
    hinterlasse einen kommentar; hinterlassen sie einen kommentar; kommentar verfassen;
    kommentar verfassen antwort abbrechen; kommentar schreiben; kommentar hinzufügen;
    einen kommentar schreiben;
    artículos relacionados; noticias relacionadas; relacionados; te puede interesar;
    también te puede interesar; te recomendamos; más noticias; lo más leído; más leídas;
    lo más visto; comentarios; deja un comentario;
    articles similaires; articles liés; sur le même sujet; sur le même thème;
    dans la même rubrique; vous pourriez aimer; vous aimerez aussi; articles récents;
    les plus lus; commentaires; laisser un commentaire;
    podobne artykuły; powiązane artykuły; polecamy; najczęściej czytane; komentarze;
    zostaw komentarz; dodaj komentarz;
    articoli correlati; potrebbe interessarti; ti potrebbe interessare; commenti;
    artigos relacionados; notícias relacionadas; relacionadas; você também pode gostar;
    mais lidas; comentários;
    gerelateerde artikelen; gerelateerd; meer nieuws; reacties;
    похожие новости; комментарии;
    about the author; about the authors; über den autor; über die autorin; über die autoren;
    zum autor; zur autorin; à propos de l'auteur; sobre el autor; sobre la autora; sobre o autor;
    o autorze; sull'autore; comments closed; kommentare geschlossen; comentarios cerrados;
    notas relacionadas; noticias relacionadas;
    verwandte themen; otras noticias; explore further; empfehlungen aus der redaktion;
    das thema könnte dich auch interessieren; meist gelesen; schreib einen kommentar;
    kommentieren sie hier; comentar este artículo; related coverage; temas relacionados;
    top themen der redaktion; schon gelesen; mehr themen; beliebte beiträge zum thema;
    themen in diesem artikel; write a comment; was denkst du; vos réactions; want more;
    view comments; weitere beiträge aus der kolumne; vorschau auf den nächsten artikel;
    most discussed; most commented; meist diskutiert; meistdiskutiert; meistkommentiert"""}))


def is_tail_heading(line: str, key: str) -> bool:
    """Whether a line is the heading of a tail section ("Related posts", "Comments")."""
    return key in _TAIL_MARKERS and len(line) <= TAIL_MARKER_MAX_CHARS


def is_tail_marker(line: str, key: str) -> bool:
    """Whether a line opens a tail section: a tail heading, or the heading of a comment."""
    return is_tail_heading(line, key) or (
        len(line) <= TAIL_MARKER_MAX_CHARS and is_comment_header(line, key)
    )


def tail_start(texts: Sequence[str], keys: Sequence[str], prose_chars: Sequence[int]) -> int:
    """Index of the heading that ends the article (comments, related posts), or len(texts).

    `prose_chars` is what each line holds of the page's prose (0 for labels). Such a
    heading ends the article only once a third of the page's prose lies above it:
    higher up, it heads a sidebar (`newsflow.tasks.cleaning.clean` removes the heading alone).
    """
    prose = list(accumulate(prose_chars))
    total = prose[-1] if prose else 0
    for i, (text, key) in enumerate(zip(texts, keys)):
        if 0 < prose[i] * 3 >= total and is_tail_marker(text, key):
            return i
    return len(texts)
