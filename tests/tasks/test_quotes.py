import time

from newsflow.tasks.annotation.entities import Mention
from newsflow.tasks.annotation.quotes import find_quotes


def person(text, body, key=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    key = key or "person:" + text.lower().replace(" ", "-")
    return Mention(start, start + len(text), text, "PERSON", key)


def speakers(body, mentions=()):
    return [(q.speaker, q.speaker_key) for q in find_quotes(body, mentions)]


def test_quote_with_named_speaker_after():
    body = "“It will be very damaging to those countries,” Kremlin spokesman Dmitry Peskov said."
    quotes = find_quotes(body, [person("Dmitry Peskov", body)])
    assert len(quotes) == 1
    q = quotes[0]
    assert body[q.start:q.end] == q.text and q.text.startswith("“It will")
    assert (q.speaker, q.speaker_key) == ("Dmitry Peskov", "person:dmitry-peskov")


def test_quote_with_speaker_before():
    body = 'Blinken made remarks. Lipavsky said: "We are facing confrontation between democracies."'
    quotes = find_quotes(body, [person("Lipavsky", body)])
    assert [q.speaker for q in quotes] == ["Lipavsky"]


def test_the_speaker_key_is_the_articles_resolved_key():
    body = 'Antony Blinken arrived. "We know that a major front is information," Blinken said.'
    mentions = [person("Antony Blinken", body), person("Blinken", body, "person:antony-blinken", nth=1)]
    assert speakers(body, mentions) == [("Blinken", "person:antony-blinken")]


def test_an_interrupted_quotation_gives_two_parts_with_one_speaker():
    body = ('"We are facing confrontation between democracies," Lipavsky said. "The Kremlin has '
            'started targeting democracies all around the world."\n\nHe argued that more was needed.')
    quotes = find_quotes(body, [person("Lipavsky", body)])
    assert [q.text[:8] for q in quotes] == ['"We are ', '"The Kre']
    assert [q.speaker for q in quotes] == ["Lipavsky", "Lipavsky"]
    assert "Lipavsky said" not in "".join(q.text for q in quotes)  # parts never cover the attribution


def test_an_attribution_never_comes_from_the_next_paragraph():
    body = ('Jens Stoltenberg spoke, then Macron did.\n\n“We must not forget the reality of this war.”'
            '\n\nHe argued that the right to self-defence applies.')
    assert speakers(body, [person("Jens Stoltenberg", body), person("Macron", body)]) == [(None, None)]


def test_agency_quoting_an_official():
    body = ("“Our policy has not changed,” AFP news agency quoted a senior US official as saying on "
            "condition of anonymity.")
    assert speakers(body) == [("a senior US official", None)]


def test_reported_speech_around_a_partial_quotation():
    body = ('Norway’s Foreign Minister Espen Barth Eide told Norwegian broadcaster NRK that Ukraine '
            '"has a crystal-clear right under international law" to act. Eide’s Danish counterpart, '
            'Lars Lokke Rasmussen, told reporters his country would accept it "within the rules of war".')
    mentions = [person("Espen Barth Eide", body), person("Lars Lokke Rasmussen", body)]
    assert speakers(body, mentions) == [("Espen Barth Eide", "person:espen-barth-eide"),
                                        ("Lars Lokke Rasmussen", "person:lars-lokke-rasmussen")]


def test_according_to_and_appositive_speakers():
    body = ('According to the ministry, "the strikes will continue for weeks".\n'
            '"This should save investors money," Rob McIvor, FSA spokesman, told BBC News.')
    assert speakers(body, [person("Rob McIvor", body)]) == [("the ministry", None),
                                                            ("Rob McIvor", "person:rob-mcivor")]


def test_pronoun_speaker_resolves_to_previous_person():
    body = 'Jens Stoltenberg spoke in Prague. "I think it is high time we reconsidered," he emphasized.'
    quotes = find_quotes(body, [person("Jens Stoltenberg", body)])
    assert quotes[0].speaker_key == "person:jens-stoltenberg"


def test_pronoun_speaker_is_null_when_ambiguous_and_ignores_names_inside_the_quote():
    body = 'Joe Biden met Vladimir Putin on Monday. "We talked for hours," he said.'
    assert speakers(body, [person("Joe Biden", body), person("Vladimir Putin", body)]) == [(None, None)]
    body = 'Antony Blinken landed. "I told Lavrov that it must stop," he said.'
    mentions = [person("Antony Blinken", body), person("Lavrov", body)]
    assert speakers(body, mentions) == [("Antony Blinken", "person:antony-blinken")]


def test_unnamed_speaker_is_kept_as_text():
    body = ("“The president directed his team to ensure this,” said a US official on condition "
            "of anonymity.")
    quotes = find_quotes(body, [])
    assert quotes[0].speaker == "a US official"
    assert quotes[0].speaker_key is None


def test_a_possessive_name_is_not_the_speaker():
    body = 'Joe Biden travelled. "The trip went well," Biden’s spokesman said.'
    assert speakers(body, [person("Joe Biden", body), person("Biden", body, "person:joe-biden", nth=1)]) == [
        ("Biden’s spokesman", None)]


def test_scare_quotes_are_not_quotations():
    assert find_quotes('He called it a "poison" and left.', []) == []
    assert find_quotes("He said Ukraine could “neutralize” bases.", []) == []
    assert [q.text for q in find_quotes("The US had “adapted and adjusted” its policy.", [])] == [
        "“adapted and adjusted”"]


def test_inch_marks_and_unbalanced_quotes_are_cheap_and_harmless():
    assert find_quotes('A 12" screen and a 15" screen were shown to buyers.', []) == []
    started = time.perf_counter()
    assert find_quotes("“" * 200_000 + '"a b c ' * 20_000, []) == []
    assert time.perf_counter() - started < 5


def test_an_unnamed_attribution_is_not_inherited_from_the_previous_quote():
    body = '"We will not stop the work now," Blinken said. "Nor will we stop it later," they said.'
    assert speakers(body, [person("Blinken", body)]) == [("Blinken", "person:blinken"), (None, None)]


def test_thousands_of_quotes_and_names_stay_fast():
    line = 'Anna Kowalska arrived. "We will act together with allies," she said.\n'
    body = line * 3000
    mentions = [Mention(i * len(line), i * len(line) + 13, "Anna Kowalska", "PERSON", "person:anna-kowalska")
                for i in range(3000)]
    started = time.perf_counter()
    quotes = find_quotes(body, mentions)
    assert len(quotes) == 3000 and {q.speaker_key for q in quotes} == {"person:anna-kowalska"}
    assert time.perf_counter() - started < 5
