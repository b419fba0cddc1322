import pytest

from newsflow.tasks.annotation.annotate import FLAGS, annotate_texts
from newsflow.tasks.annotation.entities import MAX_NER_CHARS

EN = ("Antony Blinken met Emmanuel Macron in Paris on Thursday to discuss the war. "
      "“We will act together with our allies,” Blinken said after the meeting.")
DE = "Die Bundesregierung hat am Dienstag neue Regeln beschlossen. Sie gelten ab Januar für alle Länder."
DE_LONG = ("Die Minister trafen sich am Dienstag in Brüssel, um einen Haushalt für Schulen und "
           "Krankenhäuser zu beschließen. Das Parlament muss dem Plan noch zustimmen.")
EN_LONG = ("Ministers met in Brussels on Tuesday to agree a budget for schools and hospitals. "
           "The plan still needs the approval of parliament, which votes next month.")


def test_english_gets_entities_and_quotes_other_languages_do_not():
    en, de, empty = annotate_texts([EN, DE, ""])
    assert en.lang == "en" and en.entity_annotated and en.flags == ()
    assert {m.key for m in en.mentions} >= {"person:antony-blinken", "person:emmanuel-macron"}
    assert [q.speaker_key for q in en.quotes] == ["person:antony-blinken"]
    assert de.lang == "de" and not de.entity_annotated and de.mentions == []
    assert len(de.sentences) == 2
    assert (empty.lang, empty.sentences, empty.entity_annotated, empty.flags) == ("und", [], False,
                                                                                 ("lang_undetermined",))


def test_offsets_slice_the_text_and_sentence_lookup():
    (ann,) = annotate_texts([EN])
    for start, end in ann.sentences:
        assert EN[start:end].strip() == EN[start:end]
    second = EN.index("“We")
    assert ann.sentence_of(second) == 1 and ann.sentence_of(0) == 0


def test_same_input_same_output_in_any_batch():
    alone = annotate_texts([EN])[0]
    batched = annotate_texts([DE, EN, DE])[1]
    assert alone == batched


def test_a_mostly_german_article_with_an_english_paragraph_gets_no_english_ner():
    (ann,) = annotate_texts(["\n\n".join([DE_LONG] * 3 + [EN_LONG])])
    assert (ann.lang, ann.flags, ann.entity_annotated, ann.mentions) == ("de", ("mixed_language",), False, [])


@pytest.mark.parametrize("text, lang", [
    ("", "und"),
    ("\n\n   \n", "und"),
    ("12 34 56 78\n" * 2000, "und"),
    ("รัฐบาลประกาศเมื่อวันอังคารว่าจะขึ้นภาษีน้ำมันในปีหน้า เพื่อช่วยลดการขาดดุลงบประมาณ", "th"),
    ("საქართველოს მთავრობამ სამშაბათს განაცხადა, რომ მომავალ წელს საწვავზე გადასახადებს გაზრდის.", "ka"),
])
def test_bad_input_gets_a_clear_result(text, lang):
    (ann,) = annotate_texts([text])
    assert ann.lang == lang and not ann.entity_annotated and ann.mentions == []
    assert set(ann.flags) <= FLAGS and list(ann.flags) == sorted(ann.flags)
    assert ("lang_undetermined" in ann.flags) == (lang == "und")
    for start, end in ann.sentences:
        assert 0 <= start < end <= len(text)


def test_one_enormous_sentence_is_annotated_up_to_the_ner_limit():
    text = ("the minister said that Antony Blinken would travel to Prague, and that talks would go on, "
            * 12_000)[:1_000_000]
    (ann,) = annotate_texts([text])
    assert ann.lang == "en" and ann.entity_annotated and ann.flags == ("entities_truncated",)
    assert ann.mentions and max(m.end for m in ann.mentions) <= MAX_NER_CHARS
    assert all(text[m.start:m.end] == m.text for m in ann.mentions)
    assert len(ann.sentences) == 1
