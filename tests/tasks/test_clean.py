"""Tests of the text cleaner: the five seed articles, then small inline texts."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsflow.tasks.cleaning.clean import FLAGS, REASONS, Cleaned, clean_text, line_key
from newsflow.tasks.cleaning.corpus_lines import common_lines
from newsflow.tasks.cleaning.layout import BAD, GOOD, SHORT, core_span, line_shape, shape_class
from newsflow.tasks.cleaning.line_keys import opening_key
from newsflow.tasks.cleaning.lines import line_kind
from newsflow.tasks.cleaning.paragraphs import read_paragraphs
from newsflow.tasks.cleaning.tail import is_tail_marker, tail_start

SEEDS = Path(__file__).resolve().parents[2] / "data" / "raw"


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def reason_of(cleaned: Cleaned, fragment: str) -> str:
    """The reason recorded for the one removed line holding `fragment`."""
    (reason,) = {r.reason for r in cleaned.removed if fragment in r.text}
    return reason


def assert_removed(cleaned: Cleaned, fragment: str, reason: str) -> None:
    assert fragment not in cleaned.body
    assert reason_of(cleaned, fragment) == reason


def assert_accounted(text: str, cleaned: Cleaned) -> None:
    """Every non-blank line is in the title, the byline, a body paragraph or a removed line;
    the lines of one paragraph (`read_paragraphs`) go together."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    non_blank = {no: line for no, line in enumerate(lines, 1) if line.strip()}
    removed = {r.line_no: r for r in cleaned.removed}
    assert len(removed) == len(cleaned.removed)
    for no, r in removed.items():
        assert non_blank[no] == r.text and r.reason in REASONS
    paragraphs = read_paragraphs(text)
    assert sorted(no for p in paragraphs for no, _ in p.lines) == sorted(non_blank)
    rest = []
    for paragraph in paragraphs:
        reasons = {removed[no].reason if no in removed else None for no, _ in paragraph.lines}
        assert len(reasons) == 1, paragraph
        if reasons == {None}:
            rest.append(paragraph.text)
    body = cleaned.body.split("\n\n") if cleaned.body else []
    assert all(p in rest for p in body)
    metadata = [line for line in rest if line not in body]
    assert len(metadata) == (cleaned.title is not None) + (cleaned.byline is not None)
    if cleaned.title is not None:
        assert cleaned.title in metadata
    if cleaned.byline is not None:
        assert any(cleaned.byline in line for line in metadata)
    assert len(rest) == len(body) + len(metadata)
    assert list(cleaned.flags) == sorted(cleaned.flags) and set(cleaned.flags) <= FLAGS


# --- the seed articles ----------------------------------------------------------------


def test_seed_000_sky_news_with_caption_teaser_promo_and_related_posts():
    text = seed("000")
    cleaned = clean_text(text)
    assert cleaned.title == (
        "Joe Biden Partially Lifts Ban On Ukraine Using U.S. Weapons In Strikes On Russian Territory"
    )
    assert cleaned.byline == "Sky News"
    assert_removed(cleaned, "WASHINGTON, DC - DECEMBER 21:", "caption")
    assert_removed(cleaned, "• The change in American policy", "teaser_duplicate")
    assert_removed(cleaned, "Keep up with all the latest news", "promo")
    assert_removed(cleaned, "Related posts", "tail_section")
    assert_removed(cleaned, "Botswana, A New Beginning", "tail_section")
    assert_removed(cleaned, "This website uses Cookies", "tail_section")
    assert "@Sky News" not in cleaned.body
    for sentence in (
        "President Joe Biden has partially lifted a ban on Ukraine using American weapons",
        "The change in American policy is understood to apply only to defend the area of Kharkiv, "
        "according to reports.",
        "Kharkiv, Ukraine’s second-largest city, is just 20 kilometres (12 miles) from the Russian border.",
        "Earlier this week, French President Emmanuel Macron and NATO chief Jens Stoltenberg",
    ):
        assert sentence in cleaned.body
    assert_accounted(text, cleaned)


def test_seed_001_body_only_keeps_every_paragraph():
    text = seed("001")
    cleaned = clean_text(text)
    assert cleaned.title is None and cleaned.byline is None
    assert cleaned.removed == () and cleaned.flags == ()
    assert cleaned.body.split("\n\n") == [line for line in text.splitlines() if line.strip()]


def test_seed_002_machine_rewrite_author_box_and_comment_form():
    text = seed("002")
    cleaned = clean_text(text)
    assert cleaned.title.startswith("US officials say Biden lifts some restrictions")
    assert cleaned.byline == "MBS Staff"
    assert "machine_rewrite_artifact" in cleaned.flags
    assert_removed(cleaned, "I’m unable to re-write the given text", "machine_rewrite")
    assert_removed(cleaned, "Avatar photo", "author_box")
    assert_removed(cleaned, "Articles:\u00a07166", "author_box")
    assert_removed(cleaned, "Leave a Reply", "tail_section")
    assert_removed(cleaned, "Your email address will not be published", "tail_section")
    assert "MBS Staff" not in cleaned.body
    for sentence in (
        "President Joe Biden has authorized Ukraine to utilize American weapons",
        "Politico was the first to report Biden’s decision.",
        "“We constantly listen, learn, and make decisions to ensure Ukraine can effectively defend itself,”",
        "Zelenskyy, along with numerous other world leaders, is also expected to be present",
    ):
        assert sentence in cleaned.body
    assert_accounted(text, cleaned)


def test_seed_003_repeated_title_with_straight_and_curly_quotes():
    text = seed("003")
    cleaned = clean_text(text)
    assert cleaned.title == "Biden allows Ukraine’s use of US arms to hit Russia: reports"
    assert [r.reason for r in cleaned.removed if "hit Russia: reports" in r.text] == ["repeated_title"] * 2
    assert "hit Russia: reports" not in cleaned.body
    assert_removed(cleaned, "Leave a Reply", "tail_section")
    assert_removed(cleaned, "Latest from Blog", "tail_section")
    for kept in (
        "Weapons reportedly to be used in defense of Kharkiv",
        "Growing calls to allow Ukrainian strikes",
        "According to media reports citing US officials, President Joe Biden allowed Ukraine",
        "Earlier on Thursday, Russia warned Ukraine’s allies against allowing Kyiv",
        "Kremlin spokesman Dmitry Peskov said.",
    ):
        assert kept in cleaned.body
    assert_accounted(text, cleaned)


def test_seed_004_euronews_captions_share_widgets_and_teasers():
    text = seed("004")
    cleaned = clean_text(text)
    assert cleaned.title == "Biden partly lifts ban on Ukraine using US arms for strikes on Russian territory"
    assert cleaned.byline == "Euronews with AP"
    assert_removed(cleaned, "Find Us", "head")
    captions = [r for r in cleaned.removed if r.reason == "caption"]
    assert [r.line_no for r in captions] == [6, 7, 8, 45, 46]
    assert "FILE - Ukrainian servicemen" not in cleaned.body
    assert "Copyright 2024 The AP" not in cleaned.body
    assert [r.reason for r in cleaned.removed if "Share this article" in r.text] == ["share_widget"] * 3
    assert_removed(cleaned, "Copy to clipboard", "share_widget")
    assert_removed(cleaned, "You might also like", "tail_section")
    assert_removed(cleaned, "West should rethink restrictions", "tail_section")
    assert "By Euronews" not in cleaned.body
    for kept in (
        "Russia is ramping up its troop presence in Kharkiv region",
        "Blinken condemns Russian disinformation efforts",
        "US President Joe Biden has approved Ukraine's use of American weaponry",
        '"We are facing confrontation between democracies and autocracies," Lipavsky said.',
        "Reports say that the US is close to signing a new bilateral security deal",
    ):
        assert kept in cleaned.body
    assert_accounted(text, cleaned)


# --- line features ------------------------------------------------------------------------


def test_line_key_ignores_case_quotes_punctuation_and_numbers():
    assert line_key("Biden allows Ukraine’s use") == line_key("BIDEN allows Ukraine's use!")
    assert line_key("Comments (36)") == line_key("36 comments") == "comments"
    assert line_key("  ---  2024 ") == ""


def test_line_shape_tells_prose_from_labels():
    prose = "The council decided on Tuesday that the new cycle lanes will be built in the city centre by 2025."
    prose_shape = line_shape(prose, opening_key(prose))
    assert prose_shape.ends_sentence and prose_shape.stopword_density > 0.3
    assert shape_class(prose_shape, stop_evidence=True) in (GOOD, "near")
    menu = "Home | News | Sport | Weather | Contact"
    assert line_shape(menu, opening_key(menu)).n_separators == 4
    assert shape_class(line_shape(menu, opening_key(menu)), stop_evidence=True) == BAD
    label = "Weather and traffic"
    assert shape_class(line_shape(label, opening_key(label)), stop_evidence=True) == SHORT


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Impressum", "legal"),
        ("Política de privacidad", "legal"),
        ("36 Comments", "comment_form"),
        ("Ihre E-Mail-Adresse wird nicht veröffentlicht.", "comment_form"),
        ("Wir verwenden Cookies, um unsere Website zu verbessern.", "cookie_notice"),
        ("Nous utilisons des cookies pour améliorer votre expérience.", "cookie_notice"),
        ("Udostępnij", "share_widget"),
        ("Lesen Sie auch: Neue Regeln für E-Scooter", "related_link"),
        ("Lesen Sie auch", "related_link"),  # the label alone, the title on the next line
        ("Veja também:", "related_link"),
        ("Foto: Max Mustermann/dpa", "caption"),
        ("Donnerstag, 31. Mai 2012", "metadata"),
        ("5 min read", "metadata"),
        ("Tags: Politik, Verkehr", "navigation"),
        ("│", "non_text"),
        ("The council met on Tuesday to discuss the budget for next year.", None),
        # Footers, credits and widgets in families, each with a line of prose it must spare.
        ("Proudly powered by WordPress", "legal"),
        ("Webdesign von Muster & Partner", "legal"),
        ("2006 - 2012 example-news.de", "legal"),
        ("The new bus is powered by hydrogen from the plant near the harbour.", None),
        ("picture alliance | Jane Doe", "caption"),
        ("Getty Images", "caption"),
        ("Der Hafen von Kiel am Morgen. Foto: Archiv", "caption"),
        ("Photograph by Jane Doe for the Guardian", "caption"),
        ("The photograph by Jane Doe won the prize in the spring.", None),
        ("Zurück zur Übersicht", "navigation"),
        ("No comments yet", "comment_form"),
        ("Messenger", "share_widget"),
        ("Affiliatelink", "promo"),
        ("*Werbung. Dieser Beitrag enthält Werbung für eine Marke.", "promo"),
    ],
)
def test_line_kind_recognises_boilerplate_in_several_languages(line, kind):
    assert line_kind(line, opening_key(line), frozenset()) == kind


def test_core_span_is_the_best_run_of_lines():
    assert core_span([-5, 10, -2, 8, -50, 30]) == (5, 6)
    assert core_span([-5, 10, -2, 8, -5, 3]) == (1, 4)
    assert core_span([-1, -2]) == (0, 0)


# --- page structure ---------------------------------------------------------------------

ARTICLE = [
    "The city council approved twelve new cycle lanes for the centre on Tuesday, to be built by 2025.",
    "The mayor said the plans had waited for years and could now go ahead because the funding was secured.",
    "Construction starts in spring on the main street and near the station, where most accidents were counted.",
]


def test_tail_section_ends_the_article():
    text = "\n\n".join(
        ["New cycle lanes for the city centre", *ARTICLE, "Ähnliche Beiträge",
         "Mehr Parkplätze am Stadion", "Ein langer Satz über etwas ganz anderes, der nicht zum Artikel gehört."]
    )
    cleaned = clean_text(text)
    assert cleaned.body == "\n\n".join(ARTICLE)
    assert [r.reason for r in cleaned.removed] == ["tail_section"] * 3
    assert_accounted(text, cleaned)


def test_tail_heading_above_the_article_is_a_sidebar():
    assert is_tail_marker("Related posts", line_key("Related posts"))
    text = "\n".join(["Related posts", "Another story elsewhere", *ARTICLE])
    cleaned = clean_text(text)
    assert cleaned.body == "\n\n".join(ARTICLE)
    # The sidebar's heading goes alone; what follows it is judged as any line is.
    assert [(r.text, r.reason) for r in cleaned.removed] == [("Related posts", "tail_section")]


def test_tail_heading_inside_a_long_page_goes_alone():
    # Two thirds of the prose lie below "Verwandte Themen": it heads a box, not the tail.
    more = [paragraph.replace("the", "this") for paragraph in ARTICLE]
    text = "\n".join(["A headline about cycle lanes", ARTICLE[0], "Verwandte Themen", *ARTICLE[1:], *more])
    cleaned = clean_text(text)
    assert [(r.text, r.reason) for r in cleaned.removed] == [("Verwandte Themen", "tail_section")]
    assert cleaned.body == "\n\n".join(ARTICLE + more)


@pytest.mark.parametrize(
    "heading", ["Articles liés", "Te puede interesar", "Powiązane artykuły", "Похожие новости", "More like this",
                # an author box or closed comments under the article end it too
                "Über den Autor", "About the author", "Sobre el autor", "Kommentare geschlossen",
                "Verwandte Themen", "Otras noticias", "Explore further", "Empfehlungen aus der Redaktion",
                "Temas relacionados", "Write a comment", "Vos réactions (11)", "Schon gelesen?"]
)
def test_related_headings_in_several_languages_are_tail_markers(heading):
    assert is_tail_marker(heading, line_key(heading))


@pytest.mark.parametrize("heading", ["Lesen Sie auch", "Read also", "Lee también", "Leggi anche"])
def test_pointers_to_one_other_article_are_not_tail_markers(heading):
    # They stand inside articles as often as under them: cutting there loses paragraphs.
    assert not is_tail_marker(heading, line_key(heading))


def test_tail_start_needs_a_third_of_the_prose_above_the_heading():
    texts = ["Intro", "Related posts", "Body one", "Body two", "Comments", "Nice!"]
    keys = [line_key(t) for t in texts]
    # Prose above "Related posts" is a sixth of the page: a sidebar heading, not the end.
    assert tail_start(texts, keys, [100, 0, 200, 300, 0, 0]) == 4
    assert tail_start(texts, keys, [300, 0, 200, 100, 0, 0]) == 1
    assert tail_start(texts, keys, [0, 0, 0, 0, 0, 0]) == len(texts)
    assert tail_start([], [], []) == 0


def test_comment_headings_end_the_article():
    text = "\n".join(["A headline about cycle lanes", *ARTICLE, "Jane Doe says:", "Great article, thanks!"])
    cleaned = clean_text(text)
    assert cleaned.body == "\n\n".join(ARTICLE)
    assert reason_of(cleaned, "Great article") == "tail_section"


def test_page_title_with_site_name_and_headline_above_the_article():
    text = "\n".join(
        ["Cycle lanes approved for the centre | Daily Bugle", "Home", "News", "Sport",
         "Cycle lanes approved for the centre", "By Jane Doe", *ARTICLE]
    )
    cleaned = clean_text(text)
    assert cleaned.title == "Cycle lanes approved for the centre"
    assert cleaned.byline == "Jane Doe"
    assert reason_of(cleaned, "Daily Bugle") == "repeated_title"
    assert cleaned.body == "\n\n".join(ARTICLE)
    assert_accounted(text, cleaned)


def test_caption_then_caption_with_credit_then_credit():
    caption = "The mayor opens the first cycle lane on Tuesday."
    text = "\n".join(
        ["Cycle lanes approved for the centre", ARTICLE[0], caption,
         caption + " Photo: Jane Doe/City Press", "Photo: Jane Doe/City Press", *ARTICLE[1:]]
    )
    cleaned = clean_text(text)
    assert [r.line_no for r in cleaned.removed if r.reason == "caption"] == [3, 4, 5]
    assert cleaned.body == "\n\n".join(ARTICLE)


def test_bullet_teaser_repeating_a_later_paragraph_is_removed():
    teaser = "• The city council approved twelve new cycle lanes for the centre, the biggest plan yet"
    cleaned = clean_text("\n".join(["Cycle lanes approved for the centre", teaser, *ARTICLE]))
    assert reason_of(cleaned, "biggest plan yet") == "teaser_duplicate"
    assert cleaned.body == "\n\n".join(ARTICLE)


def test_machine_rewrite_reply_is_removed_and_flagged():
    reply = "I'm sorry, but I'm unable to rewrite the text. Could you please provide the full article?"
    cleaned = clean_text("\n".join([ARTICLE[0], reply, *ARTICLE[1:]]))
    assert reason_of(cleaned, "unable to rewrite") == "machine_rewrite"
    assert "machine_rewrite_artifact" in cleaned.flags
    assert cleaned.body == "\n\n".join(ARTICLE)


def test_lines_common_to_a_corpus_are_removed():
    syndicated = " ".join(ARTICLE * 2)  # over 400 characters: an article, never boilerplate
    pages = [
        "\n".join(["Daily Bugle — your city, every day", f"Page {n} of 3", f"The {word} story.", syndicated])
        for n, word in enumerate(["first", "second", "third"], 1)
    ]
    common = common_lines(pages)
    # Numbers do not count: "Page 1 of 3" and "Page 2 of 3" are the same line.
    assert common == {line_key("Daily Bugle — your city, every day"), line_key("Page 1 of 3")}
    cleaned = clean_text(pages[0], common_lines=common)
    assert reason_of(cleaned, "Daily Bugle") == "common_line"
    assert common_lines([pages[0]] * 5) == frozenset()  # identical files count once


def test_byline_repeated_across_the_corpus_is_still_the_byline():
    box = ["Avatar photo", "MBS Staff", "Articles: 7166"]
    pages = [
        "\n".join([f"Cycle lanes approved in {town}", *(f"In {town}: {p}" for p in ARTICLE), *box])
        for town in ("Leeds", "York", "Hull")
    ]
    common = common_lines(pages)
    assert common == {line_key(line) for line in box}
    cleaned = clean_text(pages[0], common_lines=common)
    assert cleaned.byline == "MBS Staff"
    assert [r.reason for r in cleaned.removed] == ["author_box", "author_box"]
    assert_accounted(pages[0], cleaned)


def test_multilingual_cookie_notice_and_menu_german():
    text = """Startseite
Politik
Wirtschaft
Neue Radwege für die Innenstadt
Von Anna Schmidt | 12.03.2021
Die Stadt hat am Dienstag beschlossen, bis zum Jahr 2025 insgesamt zwölf neue Radwege in der Innenstadt zu bauen.
Der Bürgermeister sagte, dass die Pläne schon seit Jahren in der Schublade gelegen hätten und nun umgesetzt würden.
Wie geht es weiter?
Im Frühjahr sollen die ersten Bauarbeiten beginnen, zunächst an der Hauptstraße und am Bahnhof.
Wir verwenden Cookies, um Ihnen ein optimales Webseiten-Erlebnis zu bieten.
Impressum
"""
    cleaned = clean_text(text)
    assert cleaned.title == "Neue Radwege für die Innenstadt"
    assert cleaned.byline == "Anna Schmidt"
    assert reason_of(cleaned, "Startseite") == "navigation"
    assert reason_of(cleaned, "Wirtschaft") == "head"
    assert reason_of(cleaned, "Cookies") == "cookie_notice"
    assert reason_of(cleaned, "Impressum") == "legal"
    assert cleaned.body.split("\n\n")[2] == "Wie geht es weiter?"
    assert_accounted(text, cleaned)


def test_multilingual_cookie_notice_and_menu_spanish():
    text = """Inicio
Noticias
Deportes
El Gobierno aprueba un nuevo plan de vivienda
Por María López
El Consejo de Ministros aprobó este martes un plan para construir cien mil viviendas de alquiler asequible.
La medida, que costará unos cuatro mil millones de euros, se financiará con fondos europeos.
Utilizamos cookies propias y de terceros para mejorar nuestros servicios.
Compartir
Aviso legal
"""
    cleaned = clean_text(text)
    assert cleaned.title == "El Gobierno aprueba un nuevo plan de vivienda"
    assert cleaned.byline == "María López"
    assert reason_of(cleaned, "Inicio") == "navigation"
    assert reason_of(cleaned, "Utilizamos cookies") == "cookie_notice"
    assert reason_of(cleaned, "Compartir") == "share_widget"
    assert reason_of(cleaned, "Aviso legal") == "legal"
    assert cleaned.body.startswith("El Consejo de Ministros") and "fondos europeos" in cleaned.body
    assert_accounted(text, cleaned)


# --- do no harm: clean articles in any layout ----------------------------------------------

RESULTS = ["Chelsea 2 Arsenal 1", "Liverpool 0 Everton 0", "Leeds 3 Hull 2", "Derby 1 Stoke 4",
           "Next round: 12 March", "Tickets from £25"]


def test_short_lines_after_the_prose_stay_in_the_article():
    # Results, line-ups and price lists get shorter and denser in numbers: still the article.
    text = "\n".join(["Cup results from the weekend", *ARTICLE, *RESULTS])
    cleaned = clean_text(text)
    assert cleaned.body.split("\n\n") == [*ARTICLE, *RESULTS] and cleaned.removed == ()


def test_boilerplate_after_the_prose_ends_the_article():
    for evidence in ("Impressum", "Share this article", "Home | News | Sport"):
        text = "\n".join(["Cup results from the weekend", *ARTICLE, *RESULTS[:3], evidence, "Latest scores"])
        cleaned = clean_text(text)
        assert cleaned.body.split("\n\n") == ARTICLE, evidence
        assert reason_of(cleaned, "Chelsea 2") == "tail"


def test_a_sentence_shared_by_articles_is_never_a_common_line():
    for shared in ("The mayor said the plans had waited for years and could now go ahead.",
                   "The company gave no further details."):
        pages = [f"Story {word}\n{ARTICLE[0]}\n{shared}\nMore from the Daily Bugle" for word in ("one", "two", "three")]
        common = common_lines(pages)
        assert line_key("More from the Daily Bugle") in common and line_key(shared) not in common
        assert shared in clean_text(pages[0], common_lines=common).body


def test_a_table_of_figures_is_an_article_with_a_flag():
    text = "ACME CORP 1ST QTR NET\nShr 10 cts vs 12 cts\nNet 1,234,000 vs 1,456,000\nRevs 12.3 mln vs 11.2 mln\n"
    cleaned = clean_text(text)
    assert cleaned.title == "ACME CORP 1ST QTR NET"
    assert cleaned.body.split("\n\n") == ["Shr 10 cts vs 12 cts", "Net 1,234,000 vs 1,456,000",
                                           "Revs 12.3 mln vs 11.2 mln"]
    assert {"very_short", "mostly_non_letters"} <= set(cleaned.flags) and "no_body" not in cleaned.flags


def test_a_one_sentence_brief_is_an_article():
    cleaned = clean_text("ROAD CLOSED\nPolice closed the road for two hours.\n")
    assert (cleaned.title, cleaned.body, cleaned.flags) == (
        "ROAD CLOSED", "Police closed the road for two hours.", ("very_short",))


WIRE = """FERRY OPERATOR TO CUT TWO ROUTES
    LONDON, Feb 26 - The regional council voted on Thursday to
close two of the four ferry routes across the estuary, citing a
fall in passenger numbers and the rising cost of fuel.
    Campaigners said the decision would cut off villages on the
northern shore, where the nearest bridge is forty kilometres
away.
 Reuter
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_wire_story_keeps_headline_dateline_and_paragraphs(newline):
    text = WIRE.replace("\n", newline)
    cleaned = clean_text(text)
    assert cleaned.title == "FERRY OPERATOR TO CUT TWO ROUTES"
    assert cleaned.body.split("\n\n") == [
        "LONDON, Feb 26 - The regional council voted on Thursday to close two of the four ferry routes "
        "across the estuary, citing a fall in passenger numbers and the rising cost of fuel.",
        "Campaigners said the decision would cut off villages on the northern shore, where the nearest "
        "bridge is forty kilometres away.",
    ]
    assert [(r.line_no, r.text, r.reason) for r in cleaned.removed] == [(8, " Reuter", "agency_signoff")]
    assert_accounted(text, cleaned)
    with_code = clean_text(text + "&#3;" + newline)
    assert [r.reason for r in with_code.removed] == ["agency_signoff", "non_text"]


def test_a_removed_wrapped_paragraph_reports_each_raw_line():
    footer = ["Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Wenn",
              "Sie die Seite weiter nutzen, stimmen Sie der Verwendung von Cookies zu"]
    more = [paragraph.replace("the", "this") for paragraph in ARTICLE]
    text = "\n\n".join([textwrap.fill(p, 70) for p in ARTICLE + more] + ["\n".join(footer)])
    cleaned = clean_text(text)
    assert [r.text for r in cleaned.removed] == footer
    assert {r.reason for r in cleaned.removed} == {"cookie_notice"}
    assert_accounted(text, cleaned)


# --- flags and bad input -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t\n\u00a0\n", "\r\n\r\n"])
def test_empty_input_gives_no_body(text):
    assert clean_text(text) == Cleaned(None, None, "", (), ("no_body",))


def test_only_boilerplate_gives_no_body():
    text = "Home\nImpressum\nDatenschutz\nTeilen\nWir verwenden Cookies.\n"
    cleaned = clean_text(text)
    assert cleaned.body == "" and cleaned.flags == ("no_body",)
    assert len(cleaned.removed) == 5
    assert_accounted(text, cleaned)


def test_one_enormous_line_without_newline():
    text = "The council met again and talked about the lanes. " * 200_000  # 10 MB
    cleaned = clean_text(text)
    assert cleaned.body == text.strip() and cleaned.removed == ()


def test_control_characters_and_mixed_line_endings():
    text = f"Cycle lanes approved\r\n{ARTICLE[0]}\x00\r{ARTICLE[1]}\n\x07\x08\r\n{ARTICLE[2]}"
    cleaned = clean_text(text)
    assert cleaned.title == "Cycle lanes approved"
    assert cleaned.body.split("\n\n") == [ARTICLE[0] + "\x00", ARTICLE[1], ARTICLE[2]]
    assert [(r.line_no, r.reason) for r in cleaned.removed] == [(4, "non_text")]
    assert_accounted(text, cleaned)


def test_whitespace_inside_lines_is_collapsed_and_nothing_else_changes():
    cleaned = clean_text("  The  council\u00a0met\ton Tuesday,  and “agreed” — finally.  ")
    assert cleaned.body == "The council met on Tuesday, and “agreed” — finally."


def test_flags_for_short_truncated_and_non_letter_bodies():
    assert clean_text(ARTICLE[0]).flags == ("very_short",)
    assert "very_short" not in clean_text("\n".join(ARTICLE)).flags
    cut = " ".join(ARTICLE) + " The lanes will connect the university with the old tow"
    assert clean_text(cut).flags == ("possibly_truncated",)
    scores = [f"Round {n}: 12 - 10, 14 - 9, 15 - 13" for n in range(1, 9)]
    text = "\n".join(["Results of the spring tournament", *scores, "All games were played on Sunday."])
    cleaned = clean_text(text)
    assert cleaned.body.startswith("Round 1:")
    assert "mostly_non_letters" in cleaned.flags


_PIECES = [*ARTICLE, "Impressum", "Share", "Leave a Reply", "By Jane Doe", "@Sky News", "FILE - A photo",
           "Photo: Jane Doe", "Avatar photo", "Related posts", "| » •", "", "  ", "\u00a0", "\x00\x07"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=40), max_size=30), st.sampled_from(["\n", "\r\n", "\r"]))
def test_every_line_is_accounted_for(pieces, newline):
    text = newline.join(pieces)
    assert_accounted(text, clean_text(text))


def test_cleaning_is_deterministic():
    text = seed("004")
    first = clean_text(text)
    clean_text(seed("000"))
    assert clean_text(text) == first
