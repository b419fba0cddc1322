from tasks.entities import entity_key, extract_entities, normalize_name, resolve_mentions


def test_keys_fold_case_accents_and_possessives():
    assert entity_key("Volodymyr Zelenskyy", "PERSON") == "person:volodymyr-zelenskyy"
    assert normalize_name("Ukraine’s") == "ukraine"
    assert normalize_name("the White House") == "white-house"
    assert normalize_name("Émile Zola") == "emile-zola"


def test_surname_points_to_full_name_in_the_same_article():
    text = "President Joe Biden spoke. Later Biden left."
    spans = [(10, 19, "PERSON"), (33, 38, "GPE")]
    mentions = resolve_mentions(text, spans)
    assert [m.key for m in mentions] == ["person:joe-biden", "person:joe-biden"]
    assert [m.label for m in mentions] == ["PERSON", "PERSON"]


def test_two_people_sharing_a_surname_stay_apart():
    text = "Joe Biden and Jill Biden arrived. Biden waved."
    mentions = resolve_mentions(text, [(0, 9, "PERSON"), (14, 24, "PERSON"), (34, 39, "PERSON")])
    assert [m.key for m in mentions] == ["person:joe-biden", "person:jill-biden", "person:biden"]


def test_majority_label_per_surface_form():
    text = "Kharkiv is big. Kharkiv is old. Kharkiv is near."
    mentions = resolve_mentions(text, [(0, 7, "GPE"), (16, 23, "ORG"), (32, 39, "GPE")])
    assert {m.label for m in mentions} == {"GPE"}


def test_numbers_and_dates_are_not_named_entities():
    text = "On Thursday 300 troops moved."
    assert resolve_mentions(text, [(3, 11, "DATE"), (12, 15, "CARDINAL")]) == []


def test_spacy_offsets_slice_the_text():
    texts = ["Antony Blinken met Emmanuel Macron in Paris on Monday.", ""]
    found = extract_entities(texts)
    assert found[1] == []
    people = {m.text for m in found[0] if m.label == "PERSON"}
    assert {"Antony Blinken", "Emmanuel Macron"} <= people
    for m in found[0]:
        assert texts[0][m.start:m.end] == m.text
