from tasks.entities import Mention
from tasks.quotes import find_quotes


def person(text, body):
    start = body.index(text)
    return Mention(start, start + len(text), text, "PERSON", "person:" + text.lower().replace(" ", "-"))


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


def test_pronoun_speaker_resolves_to_previous_person():
    body = 'Jens Stoltenberg spoke in Prague. "I think it is high time we reconsidered," he emphasized.'
    quotes = find_quotes(body, [person("Jens Stoltenberg", body)])
    assert quotes[0].speaker_key == "person:jens-stoltenberg"


def test_unnamed_speaker_is_kept_as_text():
    body = "“The president directed his team to ensure this,” said a US official on condition of anonymity."
    quotes = find_quotes(body, [])
    assert quotes[0].speaker == "a US official"
    assert quotes[0].speaker_key is None


def test_scare_quotes_are_not_quotations():
    assert find_quotes('He called it a "poison" and left.', []) == []
