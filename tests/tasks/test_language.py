import pytest

from tasks.language import UNDETERMINED, detect_language

TEXTS = {
    "en": "The government announced on Tuesday that it would raise taxes on fuel next year.",
    "de": "Die Regierung kündigte am Dienstag an, dass sie die Steuern auf Kraftstoff erhöhen werde.",
    "fr": "Le gouvernement a annoncé mardi qu'il augmenterait les taxes sur le carburant l'an prochain.",
    "es": "El gobierno anunció el martes que subiría los impuestos sobre el combustible el próximo año.",
    "pl": "Rząd ogłosił we wtorek, że w przyszłym roku podniesie podatki na paliwo dla kierowców.",
}


@pytest.mark.parametrize("lang, text", sorted(TEXTS.items()))
def test_detects_language(lang, text):
    detected, score = detect_language(text)
    assert detected == lang and 0.5 < score <= 1.0


def test_is_deterministic():
    text = "Short mixed text, avec un peu de français, and some English words."
    assert len({detect_language(text) for _ in range(5)}) == 1


@pytest.mark.parametrize("text", ["", "   ", "12 - 3, 45 - 7, 2024", "OK", "1.2.3 4.5.6 7.8.9 | 10 | 11 | 12"])
def test_too_little_text_is_undetermined(text):
    assert detect_language(text) == (UNDETERMINED, 0.0)
