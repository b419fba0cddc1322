from hypothesis import given, settings
from hypothesis import strategies as st

from newsflow.tasks.corpus.features import body_terms, normalize_text
from newsflow.tasks.corpus.stories import assign_story_ids, average_linkage


def test_body_terms_keep_content_words_in_the_singular():
    terms = body_terms(normalize_text("The Kharkiv strikes: Ukraine’s army said on 31 May that Ukraine "
                                      "strikes back. Über alles, these cities."))
    assert terms["t:ukraine"] == 2 and terms["t:strike"] == 2 and terms["t:city"] == 1
    assert terms["t:kharkiv"] == 1 and terms["t:über"] == 1
    assert not {"t:the", "t:said", "t:that", "t:31", "t:on", "t:these"} & set(terms)


def test_average_linkage_does_not_chain():
    scores = {("a", "b"): 0.9, ("b", "c"): 0.5}
    # single linkage would put c with a and b; its mean score with the pair is only 0.25
    assert average_linkage([["a"], ["b"], ["c"]], scores, 0.4) == [["a", "b"], ["c"]]
    assert average_linkage([["a"], ["b"], ["c"]], {**scores, ("a", "c"): 0.4}, 0.4) == [["a", "b", "c"]]


def test_average_linkage_grows_an_existing_group():
    scores = {("a", "x"): 0.6, ("b", "x"): 0.3, ("a", "b"): 0.1}
    # a and b were grouped before; x's mean score with the group is 0.45
    assert average_linkage([["a", "b"], ["x"]], scores, 0.4) == [["a", "b", "x"]]
    assert average_linkage([["a"], ["b"], ["x"]], scores, 0.4) == [["a", "x"], ["b"]]


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.tuples(st.sampled_from("abcdefg"), st.sampled_from("abcdefg")),
                       st.floats(0, 1), max_size=20),
       st.floats(0.05, 1))
def test_average_linkage_partitions_its_input(scores, threshold):
    scores = {(a, b): s for (a, b), s in scores.items() if a < b}
    groups = average_linkage([[n] for n in "abcdefg"], scores, threshold)
    assert sorted(n for g in groups for n in g) == list("abcdefg")
    for group in groups:  # each merge reached the threshold, so each group's mean pair score does
        if len(group) > 1:
            pairs = [(a, b) for a in group for b in group if a < b]
            assert sum(scores.get(p, 0.0) for p in pairs) / len(pairs) >= threshold - 1e-9


def test_story_keeps_its_id_when_it_grows_even_from_an_earlier_article():
    rank = {"early": 0, "a": 1, "b": 2}
    ids = assign_story_ids([["a", "b", "early"]], {"a": "st_a", "b": "st_a"}, rank, set())
    assert ids == {"st_a": ["early", "a", "b"]}


def test_new_group_is_named_after_its_first_member():
    rank = {"x": 2, "y": 1, "z": 3}
    assert assign_story_ids([["x", "y"], ["z"]], {}, rank, set()) == {"st_y": ["y", "x"]}
    assert assign_story_ids([["x", "y"]], {}, rank, {"st_y"}) == {"st_x": ["y", "x"]}


def test_split_story_keeps_its_id_with_most_of_its_members():
    rank = {n: i for i, n in enumerate("abcde")}
    old = {n: "st_a" for n in "abcde"}
    ids = assign_story_ids([["a", "b"], ["c", "d", "e"]], old, rank, set())
    assert ids == {"st_a": ["c", "d", "e"], "st_b": ["a", "b"]}
