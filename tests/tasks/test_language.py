import time

import pytest

from tasks.language import UNDETERMINED, detect_language, identify_language

TEXTS = {
    "en": "The government announced on Tuesday that it would raise taxes on fuel next year.",
    "de": "Die Regierung kündigte am Dienstag an, dass sie die Steuern auf Kraftstoff erhöhen werde.",
    "fr": "Le gouvernement a annoncé mardi qu'il augmenterait les taxes sur le carburant l'an prochain.",
    "es": "El gobierno anunció el martes que subiría los impuestos sobre el combustible el próximo año.",
    "pl": "Rząd ogłosił we wtorek, że w przyszłym roku podniesie podatki na paliwo dla kierowców.",
}
EN_PARAGRAPH = ("Ministers met in Brussels on Tuesday to agree a budget for schools and hospitals. "
                "The plan still needs the approval of parliament, which votes next month.")
DE_PARAGRAPH = ("Die Minister trafen sich am Dienstag in Brüssel, um einen Haushalt für Schulen und "
                "Krankenhäuser zu beschließen. Das Parlament muss dem Plan noch zustimmen.")


@pytest.mark.parametrize("lang, text", sorted(TEXTS.items()))
def test_detects_language(lang, text):
    detected, score = detect_language(text)
    assert detected == lang and 0.5 < score <= 1.0
    assert identify_language(text).flags == ()


def test_is_deterministic():
    text = "Short mixed text, avec un peu de français, and some English words."
    assert len({detect_language(text) for _ in range(5)}) == 1


@pytest.mark.parametrize("text", ["", "   ", "12 - 3, 45 - 7, 2024", "OK", "1.2.3 4.5.6 7.8.9 | 10 | 11 | 12",
                                  "| Team | P | W | D |\n| Arsenal | 20 | 14 | 4 |\n" * 30])
def test_too_little_prose_is_undetermined_with_a_flag(text):
    assert detect_language(text) == (UNDETERMINED, 0.0)
    assert identify_language(text).flags == ("lang_undetermined",)


def test_a_table_does_not_hide_the_prose_around_it():
    text = "| 1 | 2 | 3 |\n" * 40 + "\n" + EN_PARAGRAPH
    assert identify_language(text).lang == "en"


def test_a_mixed_document_gets_its_dominant_language_by_characters_and_a_flag():
    text = "\n\n".join([DE_PARAGRAPH] * 3 + [EN_PARAGRAPH])
    found = identify_language(text)
    assert found.lang == "de" and found.flags == ("mixed_language",)
    assert 0.5 < found.score < 0.9  # the dominant language's share, not certainty
    one_line = "\n\n".join([EN_PARAGRAPH] * 8 + ["Kurz: Die Minister trafen sich."])
    assert identify_language(one_line)[::2] == ("en", ())  # a stray line is no mix


@pytest.mark.parametrize("text, lang", [
    ("รัฐบาลประกาศเมื่อวันอังคารว่าจะขึ้นภาษีน้ำมันในปีหน้า เพื่อช่วยลดการขาดดุลงบประมาณ", "th"),
    ("საქართველოს მთავრობამ სამშაბათს განაცხადა, რომ მომავალ წელს საწვავზე გადასახადებს გაზრდის.", "ka"),
    ("ኢትዮጵያ ውስጥ የሚገኙ ከተሞች በጣም ብዙ ናቸው እና ሰዎች በዚያ ይኖራሉ", UNDETERMINED),
])
def test_scripts_without_an_entity_model_get_a_clear_answer(text, lang):
    assert identify_language(text).lang == lang


def test_one_enormous_line_is_sampled_not_read():
    text = " ".join([EN_PARAGRAPH] * 6000)[:1_000_000].replace(". ", ", ")
    started = time.perf_counter()
    assert identify_language(text).lang == "en"
    assert time.perf_counter() - started < 2
