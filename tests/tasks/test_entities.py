from hypothesis import given, settings
from hypothesis import strategies as st

from newsflow.tasks.annotation.entities import extract_entities, resolve_mentions
from newsflow.tasks.annotation.keys import entity_key, normalize_name
from newsflow.tasks.annotation.voting import NAMED_LABELS


def span(text, surface, label, nth=0):
    """(start, end, label) of the ``nth`` occurrence of ``surface`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface), label


def resolved(text, *spans):
    return [(m.text, m.label, m.key) for m in resolve_mentions(text, spans)]


def test_keys_fold_case_accents_and_possessives():
    assert entity_key("Volodymyr Zelenskyy", "PERSON") == "person:volodymyr-zelenskyy"
    assert normalize_name("Ukraine’s") == "ukraine"
    assert normalize_name("the White House") == "white-house"
    assert normalize_name("Émile Zola") == "emile-zola"


def test_surname_points_to_full_name_in_the_same_article():
    text = "President Joe Biden spoke. Later Biden left."
    mentions = resolve_mentions(text, [(10, 19, "PERSON"), (33, 38, "GPE")])
    assert [m.key for m in mentions] == ["person:joe-biden", "person:joe-biden"]
    assert [m.label for m in mentions] == ["PERSON", "PERSON"]


def test_a_surname_known_as_a_person_is_never_a_place():
    text = "Oleksandr Syrskyi spoke. Syrskyi said Ukraine moved troops. Later Syrskyi left Kharkiv."
    got = resolved(text, span(text, "Oleksandr Syrskyi", "PERSON"), span(text, "Syrskyi", "GPE", 1),
                   span(text, "Syrskyi", "LOC", 2), span(text, "Kharkiv", "GPE"))
    assert got[1:3] == [("Syrskyi", "PERSON", "person:oleksandr-syrskyi")] * 2
    assert got[-1] == ("Kharkiv", "GPE", "gpe:kharkiv")


def test_two_people_sharing_a_surname_go_to_the_one_named_most_recently_or_with_the_same_title():
    text = "Joe Biden and Jill Biden arrived. Biden waved."
    mentions = resolve_mentions(text, [(0, 9, "PERSON"), (14, 24, "PERSON"), (34, 39, "PERSON")])
    assert [m.key for m in mentions] == ["person:joe-biden", "person:jill-biden", "person:jill-biden"]
    text = "President Joe Biden and first lady Jill Biden arrived. President Biden waved, and Mr. Biden left."
    got = resolved(text, span(text, "Joe Biden", "PERSON"), span(text, "Jill Biden", "PERSON"),
                   span(text, "President Biden", "PERSON"), span(text, "Biden", "GPE", 3))
    assert [key for _, _, key in got] == ["person:joe-biden", "person:jill-biden", "person:joe-biden",
                                          "person:joe-biden"]  # "Mr." is no title Jill was given
    assert got[2][0] == "President Biden"  # the title stays in the mention, not in the key


def test_a_surname_before_any_of_two_full_names_stays_a_surname():
    text = "Biden arrived. Joe Biden and Jill Biden waved."
    got = resolved(text, span(text, "Biden", "PERSON"), span(text, "Joe Biden", "PERSON"),
                   span(text, "Jill Biden", "PERSON"))
    assert got[0][2] == "person:biden"


def test_split_names_are_joined():
    text = "Oleksandr Syrskyi said on Thursday that troops moved. Syrskyi said more."
    got = resolved(text, span(text, "Oleksandr", "ORG"), span(text, "Syrskyi", "GPE", 1))
    assert got == [("Oleksandr Syrskyi", "PERSON", "person:oleksandr-syrskyi"),
                   ("Syrskyi", "PERSON", "person:oleksandr-syrskyi")]
    text = "Foreign Minister Espen Barth Eide told NRK. Eide's Danish counterpart agreed."
    assert resolved(text, span(text, "Espen Barth", "PERSON"))[0][0] == "Espen Barth Eide"


def test_a_company_name_is_not_mistaken_for_a_split_person():
    text = "Sony Ericsson sold phones. Ericsson said so. Sony agreed."
    got = resolved(text, span(text, "Sony", "ORG"), span(text, "Ericsson", "PERSON"),
                   span(text, "Ericsson", "ORG", 1), span(text, "Sony", "ORG", 1))
    assert got[0] == ("Sony", "ORG", "org:sony")


def test_a_name_inside_a_longer_span_is_cut_out():
    text = "President of Ukraine Volodymyr Zelensky came. Volodymyr Zelensky spoke."
    got = resolved(text, span(text, "Ukraine Volodymyr Zelensky", "NORP"),
                   span(text, "Volodymyr Zelensky", "PERSON", 1))
    assert got[0] == ("Volodymyr Zelensky", "PERSON", "person:volodymyr-zelensky")


def test_junk_spans_are_repaired_or_dropped():
    text = ("FILE - Ukrainian servicemen fire. Copyright Evgeniy Maloletka/Copyright 2022 The AP. "
            "Antony Blinken’s visit, US Secretary of State, 2022, X, state, 777.")
    got = resolved(text, span(text, "FILE - Ukrainian", "ORG"),
                   span(text, "Copyright Evgeniy Maloletka/Copyright 2022", "WORK_OF_ART"),
                   span(text, "Evgeniy Maloletka", "PERSON"), span(text, "Antony Blinken’s", "PERSON"),
                   span(text, "State", "ORG"), span(text, "2022", "DATE", 1), span(text, "X", "ORG"),
                   span(text, "state", "ORG"), span(text, "777", "PRODUCT"))
    assert got == [("Ukrainian", "ORG", "org:ukrainian"),
                   ("Evgeniy Maloletka", "PERSON", "person:evgeniy-maloletka"),
                   ("Antony Blinken", "PERSON", "person:antony-blinken")]


def test_a_span_over_a_line_break_becomes_two():
    text = "Coach Brad Gilbert\n\nAndy Roddick won."
    got = resolved(text, span(text, "Gilbert\n\nAndy Roddick", "PERSON"))
    assert [m[0] for m in got] == ["Gilbert", "Andy Roddick"]


def test_only_the_photographer_survives_a_photo_credit():
    text = "Leaders met. (Photo by Drew Angerer / Getty Images via AFP) Getty Images was not there."
    got = resolved(text, span(text, "Drew Angerer", "PERSON"), span(text, "Getty Images", "ORG"),
                   span(text, "AFP", "ORG"))
    assert got == [("Drew Angerer", "PERSON", "person:drew-angerer")]


def test_a_lone_person_used_as_a_place_is_a_place_but_a_surname_is_not():
    text = "Missiles were sent to Kyiv. Kyiv has the right to defend itself."
    got = resolved(text, span(text, "Kyiv", "PERSON"), span(text, "Kyiv", "PERSON", 1))
    assert {label for _, label, _ in got} == {"GPE"}
    text = "Stelios Giannakopoulos scored. A finish from Giannakopoulos."
    got = resolved(text, span(text, "Stelios Giannakopoulos", "GPE"),
                   span(text, "Giannakopoulos", "PERSON", 1))
    assert got[1][1] == "PERSON"
    text = "He tested the ATACMS. ATACMS can hit targets."
    assert resolved(text, span(text, "ATACMS", "PERSON"), span(text, "ATACMS", "PERSON", 1)) == []


def test_a_lone_person_cited_as_the_reporting_outlet_is_an_org():
    text = "The decision, first reported in Politico, surprised Kyiv. Politico was the first to report it."
    got = resolved(text, span(text, "Politico", "PERSON"), span(text, "Politico", "PERSON", 1))
    assert got == [("Politico", "ORG", "org:politico")] * 2
    text = "Politico said so: the decision, first reported in Politico, surprised Kyiv."
    assert resolved(text, span(text, "Politico", "GPE", 1))[0][1] == "ORG"
    # A place stays a place where another cue says so.
    text = "Cases were first reported in Wuhan. Doctors in Wuhan, where it began, warned others."
    got = resolved(text, span(text, "Wuhan", "GPE"), span(text, "Wuhan", "GPE", 1))
    assert {label for _, label, _ in got} == {"GPE"}
    # A reporter named in full stays a person, also when cited by surname.
    text = "Anna Smith wrote the story. It was reported by Smith on Monday."
    got = resolved(text, span(text, "Anna Smith", "PERSON"), span(text, "Smith", "PERSON", 1))
    assert [label for _, label, _ in got] == ["PERSON", "PERSON"]


def test_a_name_after_a_title_is_a_person():
    text = ("German Chancellor Olaf Scholz urged restraint, said DaimlerChrysler's chairman. "
            "DaimlerChrysler fell.")
    got = resolved(text, span(text, "Olaf Scholz", "ORG"), span(text, "DaimlerChrysler", "ORG", 1))
    assert got == [("Olaf Scholz", "PERSON", "person:olaf-scholz"),
                   ("DaimlerChrysler", "ORG", "org:daimlerchrysler"),  # named again: the same entity
                   ("DaimlerChrysler", "ORG", "org:daimlerchrysler")]  # "chairman." ends a sentence


def test_majority_label_per_surface_form():
    text = "Kharkiv is big. Kharkiv is old. Kharkiv is near."
    mentions = resolve_mentions(text, [(0, 7, "GPE"), (16, 23, "ORG"), (32, 39, "GPE")])
    assert {m.label for m in mentions} == {"GPE"}


def test_a_strong_minority_of_another_kind_keeps_its_label_but_not_within_a_kind():
    text = " ".join(["Amazon sells."] * 4 + ["The Amazon floods."] * 3)
    spans = [span(text, "Amazon", "ORG" if i < 4 else "LOC", i) for i in range(7)]
    assert [m.label for m in resolve_mentions(text, spans)] == ["ORG"] * 4 + ["LOC"] * 3
    text = " ".join(["Ukrainian troops."] * 7)
    spans = [span(text, "Ukrainian", "NORP" if i < 4 else "GPE", i) for i in range(7)]
    assert {m.label for m in resolve_mentions(text, spans)} == {"NORP"}


def test_numbers_and_dates_are_not_named_entities():
    text = "On Thursday 300 troops moved."
    assert resolve_mentions(text, [(3, 11, "DATE"), (12, 15, "CARDINAL")]) == []


WORDS = st.sampled_from(["Joe", "Biden", "Kyiv", "the", "said", "FILE -", "Copyright", "Mr.", "’s",
                         "ATACMS", "2022", "\n", "/", "(Photo by X)", "to", "region", "Syrskyi"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=25).map(" ".join), st.data())
def test_any_spans_give_non_overlapping_mentions_that_slice_the_text(text, data):
    bounds = st.integers(0, len(text))
    labels = st.sampled_from(NAMED_LABELS + ("DATE",))
    raw = data.draw(st.lists(st.tuples(bounds, bounds, labels), max_size=8))
    spans = [(min(a, b), max(a, b), label) for a, b, label in raw]
    mentions = resolve_mentions(text, spans)
    assert mentions == resolve_mentions(text, list(reversed(spans)))  # order of the spans is irrelevant
    for m in mentions:
        assert text[m.start:m.end] == m.text and m.key.startswith(m.label.lower() + ":")
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_spacy_offsets_slice_the_text_in_any_batch_size():
    texts = ["Antony Blinken met Emmanuel Macron in Paris on Monday.", "",
             "Oleksandr Syrskyi said on Thursday that Russia is bringing units. Syrskyi said more."]
    found = extract_entities(texts)
    assert found[1] == []
    people = {m.text for m in found[0] if m.label == "PERSON"}
    assert {"Antony Blinken", "Emmanuel Macron"} <= people
    for text, mentions in zip(texts, found):
        for m in mentions:
            assert text[m.start:m.end] == m.text
    assert extract_entities(texts, batch_size=1) == found


# --- Newswire (#17): lines in capitals, datelines, tables, organisations, canonical forms ---------

from newsflow.tasks.annotation.entities import model_view  # noqa: E402

WIRE = ("SOCCER - LEICESTER HOLD ARSENAL, WRIGHT SCORES\n"
        "LONDON 1996-08-30\n"
        "Leicester held Arsenal to a 1-1 draw on Saturday after Ian Wright had put Arsenal ahead, "
        "and the result left both clubs in the middle of the table.\n"
        "English premier league standings (tabulate under played, won, drawn, lost, goals for, against, points):\n"
        "Leicester 12 3 5 4 16 17 14\n"
        "Arsenal 12 6 4 2 20 10 22\n")


def test_lines_in_capitals_are_recased_for_the_model_with_the_texts_own_casing():
    view = model_view(WIRE)
    assert len(view) == len(WIRE) and view.lower() == WIRE.lower()
    assert view.splitlines()[:2] == ["Soccer - Leicester hold Arsenal, Wright scores", "London 1996-08-30"]
    assert view.splitlines()[2:] == WIRE.splitlines()[2:]  # lines not in capitals are left as they are
    prose = "Ministers met the BBC and NATO in Berlin."
    assert model_view(prose) == prose  # acronyms make no line in capitals
    assert model_view(prose + "\nUS AND UK TALKS") == prose + "\nUS and UK Talks"  # no body: Title case
    # Pairs keep the body's casing ("Finance Ministry") where the single word is lower case there.
    text = ("JAPAN'S FINANCE MINISTRY SEES SLOW RECOVERY\nJapan's Finance Ministry said on Friday the economy "
            "was recovering slowly, a ministry official told reporters in Tokyo after a meeting with the bank.")
    assert model_view(text).startswith("Japan's Finance Ministry sees slow recovery\n")
    # Without a body to tell, words are title-cased and function words lowered.
    assert model_view("CLINTON SIGNS WELFARE BILL IN WASHINGTON") == "Clinton Signs Welfare Bill in Washington"


def test_mentions_on_recased_lines_slice_the_text_as_written():
    texts = [WIRE, "BRUSSELS (Reuters) - EU AND MOLDOVA SIGN TRADE DEAL WITH ACME HOLDINGS INC"]
    for text, mentions in zip(texts, extract_entities(texts)):
        view = model_view(text)
        assert mentions
        for m in mentions:
            assert m.text == text[m.start:m.end]  # the text as written: "LONDON"
            assert view[m.start:m.end].lower() == m.text.lower()
    found = {(m.text, m.label) for m in extract_entities([WIRE])[0]}
    assert ("LONDON", "GPE") in found  # the dateline's place


def test_datelines_give_their_place_and_agency_and_tables_give_teams_not_numbers():
    (mentions,) = extract_entities([WIRE])
    assert not any(ch.isdigit() for m in mentions for ch in m.text)
    rows = [m for m in mentions if m.start >= WIRE.index("Leicester 12")]
    assert [(m.text, m.label) for m in rows] == [("Leicester", "ORG"), ("Arsenal", "ORG")]
    # The row's team is the team everywhere in the article: "Leicester held Arsenal".
    assert {m.label for m in mentions if m.text in ("Leicester", "Arsenal")} == {"ORG"}
    text = "BRUSSELS (Reuters) - The European Commission said on Monday it would fine the firm."
    got = resolved(text, span(text, "BRUSSELS (Reuters", "ORG"), span(text, "The European Commission", "ORG"))
    assert got == [("BRUSSELS", "GPE", "gpe:brussels"), ("Reuters", "ORG", "org:reuters"),
                   ("European Commission", "ORG", "org:european-commission")]
    text = "HAMBURG, Germany 1996-08-16\nResults:\nArsenal 2 West Ham 0\nChelsea 1 Southampton 0"
    got = resolved(text, span(text, "HAMBURG", "PERSON"), span(text, "Chelsea 1 Southampton 0", "ORG"),
                   span(text, "Arsenal", "PERSON"))
    assert got == [("HAMBURG", "GPE", "gpe:hamburg"), ("Germany", "GPE", "gpe:germany"),
                   ("Arsenal", "ORG", "org:arsenal"), ("West Ham", "ORG", "org:west-ham"),
                   ("Chelsea", "ORG", "org:chelsea"), ("Southampton", "ORG", "org:southampton")]


def test_results_lines_are_cut_at_dashes_brackets_and_lone_letters():
    text = ("CRICKET - SRI LANKA V ZIMBABWE\nK. Fernando c Moyo b Chikwanha 45\n"
            "1 - Karl Lindqvist (Sweden) beat Paolo Ferri (Italy) 6-4 6-2")
    spans = [span(text, "CRICKET - SRI LANKA", "ORG"), span(text, "K. Fernando", "ORG"),
             span(text, "Moyo b Chikwanha", "PERSON"), span(text, "Paolo Ferri (Italy", "ORG")]
    got = [(m.text, m.label) for m in resolve_mentions(text, spans, model_view(text))]
    assert got == [
        ("SRI LANKA", "GPE"), ("K. Fernando", "PERSON"), ("Moyo", "PERSON"), ("Chikwanha", "PERSON"),
        ("Karl Lindqvist", "PERSON"), ("Sweden", "GPE"), ("Paolo Ferri", "PERSON"), ("Italy", "GPE")]
    assert resolve_mentions(text, spans)[0].text == "CRICKET"  # in capitals the sport looks like a name


def test_organisation_suffixes_make_and_complete_organisations():
    text = ("Acme Holdings Inc bought Northern Steel Corp. from Calder Group plc, said Harvard University "
            "and the Bank of Japan. Acme's Harbor Logistics unit agreed, as did the Soviet Union and the "
            "Nomura Research Institute.")
    got = resolved(text, span(text, "Acme Holdings", "ORG"), span(text, "Northern Steel", "GPE"),
                   span(text, "Calder Group", "PERSON"), span(text, "Harvard University", "PERSON"),
                   span(text, "the Bank of Japan", "GPE"), span(text, "Harbor Logistics", "PERSON"),
                   span(text, "the Soviet Union", "GPE"))
    assert [(t, label) for t, label, _ in got] == [
        ("Acme Holdings Inc", "ORG"), ("Northern Steel Corp.", "ORG"), ("Calder Group plc", "ORG"),
        ("Harvard University", "ORG"), ("Bank of Japan", "ORG"), ("Harbor Logistics", "ORG"),
        ("Soviet Union", "GPE"), ("Nomura Research Institute", "ORG")]


def test_a_country_alone_is_a_place_whatever_the_model_said():
    text = "Blinken visited Moldova. Moldova wants to join. Officials in Moldova agreed, and so did Kenya Airways."
    got = resolved(text, span(text, "Moldova", "ORG"), span(text, "Moldova", "ORG", 1),
                   span(text, "Moldova", "GPE", 2), span(text, "Kenya Airways", "GPE"))
    assert got[:3] == [("Moldova", "GPE", "gpe:moldova")] * 3
    assert got[3] == ("Kenya Airways", "ORG", "org:kenya-airways")  # a country begins it: not a country


def test_articles_belong_to_the_sentence_unless_the_text_writes_them_into_the_name():
    text = ("The United States and the United Kingdom agreed. Talks in The Hague went on. The Hague said so. "
            "The European Commission and the BBC News team told The Times.")
    got = resolved(text, span(text, "The United States", "GPE"), span(text, "the United Kingdom", "GPE"),
                   span(text, "Hague", "GPE"), span(text, "The Hague", "GPE", 1),
                   span(text, "The European Commission", "ORG"), span(text, "the BBC News", "ORG"),
                   span(text, "The Times", "ORG"))
    assert [t for t, _, _ in got] == ["United States", "United Kingdom", "The Hague", "The Hague",
                                      "European Commission", "BBC News", "The Times"]
    assert {key for t, _, key in got if "Hague" in t} == {"gpe:hague"}  # "The" is in no key


def test_trailing_common_words_and_portfolios_are_not_part_of_a_name():
    text = ("Interfax news agency said the Hebei province floods hit. British Agriculture Minister Alan "
            "Pritchard and Interior Minister Jo Bloggs met the French CFDT union and ex-Yukos staff.")
    got = resolved(text, span(text, "Interfax news agency", "ORG"), span(text, "Hebei province", "GPE"),
                   span(text, "British Agriculture", "ORG"), span(text, "Interior", "ORG"),
                   span(text, "French CFDT", "ORG"), span(text, "ex-Yukos", "ORG"))
    assert [(t, label) for t, label, _ in got] == [("Interfax", "ORG"), ("Hebei", "GPE"), ("British", "NORP"),
                                                   ("French", "NORP"), ("CFDT", "ORG"), ("Yukos", "ORG")]


def test_newswire_gold_set_precision_and_recall_hold():
    """tests/tasks/ner_gold.jsonl: CoNLL-typed newswire written for this project (headlines in
    capitals, datelines, tables, organisations with suffixes); bench/annotate_entities.py prints
    the figures. Measured when written: P 0.894 R 0.878 overall, ORG F1 0.857, MISC (the lowest)
    0.800, held-out F1 0.817 (the bare model: P 0.694 R 0.582, ORG 0.494, held-out 0.566). The
    floors are a little under."""
    from bench.annotate_entities import load_gold, pipeline_spans, score
    docs = load_gold()
    figures = score([g for _, g in docs], pipeline_spans([t for t, _ in docs]))
    precision, recall, _ = figures["all"]
    assert precision >= 0.87 and recall >= 0.86, figures
    assert figures["ORG"][2] >= 0.82 and min(f for _, _, f in figures.values()) >= 0.77, figures
    heldout = load_gold(split="heldout")
    assert score([g for _, g in heldout], pipeline_spans([t for t, _ in heldout]))["all"][2] >= 0.78


def test_the_seeds_places_are_places_in_every_mention():
    from newsflow.tasks.cleaning.clean import clean_text
    from tests.conftest import SEEDS
    texts = [clean_text(p.read_text(encoding="utf-8")).body for p in sorted(SEEDS.glob("*.txt"))]
    mentions = [m for found in extract_entities(texts) for m in found]
    places = {"Moldova", "Kharkiv", "Kyiv", "Ukraine", "Russia", "Prague", "Moscow", "France", "Norway", "Italy",
              "Britain", "Netherlands", "Washington", "Vovchansk", "Lyptsi", "Berlin", "Brussels", "Normandy"}
    labels = {(m.text, m.label) for m in mentions if m.text in places}
    assert {text for text, _ in labels} >= {"Moldova", "Kharkiv", "Kyiv"}
    assert {label for _, label in labels} <= {"GPE", "LOC"}, labels
    assert not any(m.text.lower().startswith("the ") for m in mentions)
