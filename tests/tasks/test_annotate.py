from tasks.annotate import annotate_texts

EN = ("Antony Blinken met Emmanuel Macron in Paris on Thursday to discuss the war. "
      "“We will act together with our allies,” Blinken said after the meeting.")
DE = "Die Bundesregierung hat am Dienstag neue Regeln beschlossen. Sie gelten ab Januar für alle Länder."


def test_english_gets_entities_and_quotes_other_languages_do_not():
    en, de, empty = annotate_texts([EN, DE, ""])
    assert en.lang == "en" and en.entity_annotated
    assert {m.key for m in en.mentions} >= {"person:antony-blinken", "person:emmanuel-macron"}
    assert [q.speaker_key for q in en.quotes] == ["person:antony-blinken"]
    assert de.lang == "de" and not de.entity_annotated and de.mentions == []
    assert len(de.sentences) == 2
    assert (empty.lang, empty.sentences, empty.entity_annotated) == ("und", [], False)


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
