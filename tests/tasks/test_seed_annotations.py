"""The five seed articles annotated as the pipeline does (the cleaned body) and as
``newsflow annotate --no-clean`` does (the raw text, with captions, credits and page chrome),
so that the pins hold whatever the cleaner keeps: after per-article resolution and
``merge_keys`` over the seeds, every named person has exactly one key, no person is labelled as
a place, and every quotation is found with its speaker.
"""

import re
from collections import Counter

import pytest

from newsflow.tasks.annotation.annotate import annotate_texts
from newsflow.tasks.annotation.variants import merge_keys
from newsflow.tasks.cleaning.clean import clean_text
from tests.conftest import SEEDS

# Who is named in the seeds: a pattern a PERSON mention's text matches, and the one key all of
# that person's mentions must share (None: one key, either spelling).
PEOPLE = {
    "Joe Biden": (r"(?<!Jill )\bBiden\b", "person:joe-biden"),
    "Jill Biden": (r"Jill Biden", "person:jill-biden"),
    "Volodymyr Zelensky": (r"Zelensky", None),
    "Antony Blinken": (r"Blinken", "person:antony-blinken"),
    "Oleksandr Syrskyi": (r"Syrskyi", "person:oleksandr-syrskyi"),
    "Emmanuel Macron": (r"Macron", "person:emmanuel-macron"),
    "Jens Stoltenberg": (r"Stoltenberg", "person:jens-stoltenberg"),
    "Espen Barth Eide": (r"\bEide\b", "person:espen-barth-eide"),
    "Lars Lokke Rasmussen": (r"Rasmussen", "person:lars-lokke-rasmussen"),
    "Jan Lipavsky": (r"Lipavsky", "person:jan-lipavsky"),
    "Dmitry Peskov": (r"Peskov", "person:dmitry-peskov"),
    "Vladimir Putin": (r"Putin", "person:vladimir-putin"),
    "Lloyd Austin": (r"Austin", "person:lloyd-austin"),
    "Jake Sullivan": (r"Sullivan", "person:jake-sullivan"),
    "CQ Brown": (r"Brown", "person:cq-brown"),
    "Christopher Cavoli": (r"Cavoli", "person:christopher-cavoli"),
    "Olaf Scholz": (r"Scholz", "person:olaf-scholz"),
    "Sagar Meghani": (r"Meghani", "person:sagar-meghani"),
    "Evgeniy Maloletka": (r"Maloletka", "person:evgeniy-maloletka"),
}
SURNAMES = re.compile(r"\b(?:Biden|Zelenskyy?|Blinken|Syrskyi|Macron|Stoltenberg|Eide|Rasmussen|Lipavsky|"
                      r"Peskov|Putin|Austin|Sullivan|Brown|Cavoli|Scholz|Meghani|Maloletka)\b")
# Every quotation of each seed: its opening words, and its speaker's key (or text, when unnamed).
QUOTES = {
    "000": [],
    "001": [("The president recently directed", "a US official"),
            ("adapted and adjusted", "person:antony-blinken")],
    "002": [("We constantly listen", "person:antony-blinken"),
            ("I think it’s high time", "person:jens-stoltenberg"),
            ("We must not forget", "person:jens-stoltenberg")],
    "003": [("The president recently directed", "a senior US official"),
            ("Our policy with respect", "the official"),
            ("It will ultimately be", "person:dmitry-peskov")],
    "004": [("We know that a major front", "person:antony-blinken"),
            ("We are facing confrontation", "person:jan-lipavsky"),
            ("The Kremlin has started", "person:jan-lipavsky"),
            ("has a crystal-clear right", "person:espen-barth-eide"),
            ("within the rules of war", "person:lars-lokke-rasmussen")],
}


@pytest.fixture(scope="module", params=["cleaned", "raw"])
def seeds(request):
    """(seed number, text, annotation) for each seed, and the corpus key mapping."""
    raws = {path.name[:3]: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
    texts = {n: clean_text(raw).body if request.param == "cleaned" else raw for n, raw in raws.items()}
    annotations = annotate_texts(list(texts.values()))
    mapping = merge_keys(Counter(m.key for ann in annotations for m in ann.mentions))
    return [(n, text, ann) for (n, text), ann in zip(texts.items(), annotations)], mapping


def test_the_seeds_are_english_and_entity_annotated(seeds):
    annotated, _ = seeds
    assert sorted(n for n, _, _ in annotated) == sorted(QUOTES)
    assert all((ann.lang, ann.entity_annotated, ann.flags) == ("en", True, ()) for _, _, ann in annotated)


@pytest.mark.parametrize("person", sorted(PEOPLE))
def test_each_named_person_has_exactly_one_key(seeds, person):
    annotated, mapping = seeds
    pattern, expected = PEOPLE[person]
    keys = {mapping.get(m.key, m.key) for _, _, ann in annotated for m in ann.mentions
            if m.label == "PERSON" and re.search(pattern, m.text)}
    named = any(re.search(pattern, text) for _, text, _ in annotated)
    assert len(keys) == (1 if named else 0), keys
    assert expected is None or keys <= {expected}


def test_no_person_is_labelled_as_a_place(seeds):
    annotated, _ = seeds
    places = [(n, m.text, m.label) for n, _, ann in annotated for m in ann.mentions
              if m.label in ("GPE", "LOC", "FAC", "NORP") and SURNAMES.search(m.text)]
    assert places == []


@pytest.mark.parametrize("seed", sorted(QUOTES))
def test_quotations_are_found_with_their_speakers(seeds, seed):
    annotated, _ = seeds
    ((_, text, ann),) = [item for item in annotated if item[0] == seed]
    found = [(q.text[1:len(opening) + 1], q.speaker_key or q.speaker)
             for q, (opening, _) in zip(ann.quotes, QUOTES[seed])]
    assert len(ann.quotes) == len(QUOTES[seed]) and found == QUOTES[seed]
    assert all(text[q.start:q.end] == q.text for q in ann.quotes)


def test_each_seed_annotates_the_same_alone_or_in_a_batch_in_any_order(seeds):
    annotated, _ = seeds
    texts = [text for _, text, _ in annotated]
    assert annotate_texts(texts[::-1]) == [ann for _, _, ann in annotated][::-1]
    for _, text, ann in annotated:
        assert annotate_texts([text]) == [ann]
