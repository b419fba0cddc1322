"""Tests for tasks.sentences: golden cases, exact offsets, languages, bad input, properties."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.sentences import split_sentences

# English golden cases in the spirit of the pragmatic-segmenter golden rules, plus news text.
# bench/sentences.py scores pysbd on the same file.
GOLDEN = json.loads((Path(__file__).parent / "sentence_cases.json").read_text(encoding="utf-8"))
LANGS = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "zh", "xx"]


def sentences(text: str, lang: str = "en") -> list[str]:
    """The sentences as strings, after checking that the offsets are exact."""
    spans = split_sentences(text, lang)
    assert_valid(text, spans)
    return [text[start:end] for start, end in spans]


def assert_valid(text: str, spans: list[tuple[int, int]]) -> None:
    """In order, non-overlapping, in bounds, non-empty, and stripped of whitespace."""
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    # Nothing but whitespace is left out between the spans.
    covered = "".join(text[start:end] for start, end in spans)
    assert "".join(covered.split()) == "".join(text.split())


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, marks=pytest.mark.xfail(reason=case["give_up"], strict=True))
        if "give_up" in case
        else case
        for case in GOLDEN
    ],
    ids=lambda case: case["text"][:40],
)
def test_golden_case(case: dict) -> None:
    assert sentences(case["text"]) == case["expected"]


def test_golden_cases_are_many_and_mostly_kept() -> None:
    assert len(GOLDEN) >= 60
    assert sum("give_up" in case for case in GOLDEN) <= 3


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Das ist z. B. ein Test. Er kam am 3. Oktober 2023 nach Berlin. Dr. Müller war da.",
         ["Das ist z. B. ein Test.", "Er kam am 3. Oktober 2023 nach Berlin.", "Dr. Müller war da."]),
        ("de", "Die Firma hat ca. 500 Mitarbeiter, bzw. Angestellte usw. Sie wächst.",
         ["Die Firma hat ca. 500 Mitarbeiter, bzw. Angestellte usw.", "Sie wächst."]),
        ("fr", "M. Dupont est arrivé à 10 h. Il a dit « Bonjour. » Puis il est parti.",
         ["M. Dupont est arrivé à 10 h.", "Il a dit « Bonjour. »", "Puis il est parti."]),
        ("fr", "Vraiment ? Oui, vraiment !", ["Vraiment ?", "Oui, vraiment !"]),
        ("es", "¿Qué hora es? Son las tres. ¡Qué bien! El Sr. García llegó.",
         ["¿Qué hora es?", "Son las tres.", "¡Qué bien!", "El Sr. García llegó."]),
        ("it", "Il Sig. Rossi è arrivato. Ha detto ciao.", ["Il Sig. Rossi è arrivato.", "Ha detto ciao."]),
        ("pt", "O Sr. Silva chegou às 10h. Ele disse olá.", ["O Sr. Silva chegou às 10h.", "Ele disse olá."]),
        ("pt-BR", "A Dra. Souza saiu. Ela voltou.", ["A Dra. Souza saiu.", "Ela voltou."]),
        ("nl", "Dhr. Jansen kwam bijv. gisteren. Hij bleef lang.",
         ["Dhr. Jansen kwam bijv. gisteren.", "Hij bleef lang."]),
        ("pl", "Prof. Kowalski, np. ekspert, przyjechał 3. maja. On został długo.",
         ["Prof. Kowalski, np. ekspert, przyjechał 3. maja.", "On został długo."]),
        ("zh", "我很好。你呢？我们走吧！", ["我很好。", "你呢？", "我们走吧！"]),
        ("ja", "「行こう。」今日は晴れです。", ["「行こう。」", "今日は晴れです。"]),
        ("hi", "मैं घर जा रहा हूँ। तुम कहाँ हो?", ["मैं घर जा रहा हूँ।", "तुम कहाँ हो?"]),
        ("ar", "كيف حالك؟ أنا بخير.", ["كيف حالك؟", "أنا بخير."]),
        # Unknown languages fall back to English rules and generic punctuation.
        ("xx", "Mr. Smith arrived. Then he left。Done", ["Mr. Smith arrived.", "Then he left。", "Done"]),
    ],
)
def test_languages(lang: str, text: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


def test_german_ordinal_is_a_boundary_with_english_rules() -> None:
    assert sentences("Er kam am 3. Oktober.", "en") == ["Er kam am 3.", "Oktober."]


@pytest.mark.parametrize("text", ["", " ", "   \n\t \r\n  ", "\n\n\n"])
def test_empty_or_whitespace_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


@pytest.mark.parametrize("text", ["...!!!???", " . . . . ", "。。。", "?", "«»“”()[]"])
def test_only_punctuation_is_kept_as_text(text: str) -> None:
    assert sentences(text)  # whatever the cut, every non-space character is in a sentence


def test_document_of_only_numbers() -> None:
    text = "1 2 3 4.5 6,000.50 7.8.9 2022. 2023. 10"
    assert sentences(text) == ["1 2 3 4.5 6,000.50 7.8.9 2022.", "2023.", "10"]


@pytest.mark.parametrize(
    "text",
    [
        "word " * 200_000,  # one 1 MB sentence without punctuation
        "a" * 1_000_000,
        " " * 1_000_000 + "x",
        "\n " * 500_000,
        "." * 1_000_000,
        "(" * 1_000_000 + "x. Y",
    ],
    ids=["words", "one-token", "spaces", "newline-space", "dots", "openers"],
)
def test_megabyte_inputs_are_fast(text: str) -> None:
    started = time.perf_counter()
    sentences(text)
    assert time.perf_counter() - started < 1.0  # linear: ~0.2 s here; quadratic would take minutes


def test_one_enormous_sentence_is_one_span() -> None:
    text = "word " * 200_000
    assert split_sentences(text) == [(0, len(text) - 1)]


# Text built from the characters the splitter cares about finds the edge cases quickly.
TRICKY = st.text(alphabet=st.sampled_from(list(".!?…。！？।؟\"'“”‘’«»()[]•-* \n\t\u00a0aZ1 Mr")))


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(st.text(), TRICKY), lang=st.sampled_from(LANGS))
def test_any_text_gives_valid_offsets(text: str, lang: str) -> None:
    assert_valid(text, split_sentences(text, lang))


@settings(max_examples=50, deadline=None)
@given(text=TRICKY)
def test_deterministic(text: str) -> None:
    assert split_sentences(text) == split_sentences(text)
