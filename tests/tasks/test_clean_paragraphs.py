"""Tests of the layout stage: raw text read as paragraphs, in each layout raw text comes in."""

from __future__ import annotations

import textwrap

import pytest

from newsflow.tasks.cleaning.paragraphs import read_paragraphs

PARAGRAPHS = [
    "The regional council voted on Thursday to close two of the four ferry routes across the "
    "estuary, citing a fall in passenger numbers and the rising cost of fuel over the past year.",
    "Campaigners said the decision would cut off villages on the northern shore, where the nearest "
    "bridge is forty kilometres away, and promised to challenge it before the courts in the spring.",
    "The operator, which employs about 120 people, said no jobs would be lost before the end of the "
    "season. A spokeswoman added that talks with the unions would start next week.",
]
GERMAN = [
    "Der Gemeinderat hat am Donnerstag beschlossen, zwei der vier Fährverbindungen über die Mündung "
    "einzustellen, weil die Zahl der Fahrgäste gesunken und der Treibstoff teurer geworden ist.",
    "Die Bürgerinitiative kündigte an, gegen den Beschluss vor Gericht zu ziehen, denn die nächste "
    "Brücke liegt vierzig Kilometer entfernt und der Bus braucht dafür mehr als eine Stunde.",
]


def texts_of(text: str) -> list[str]:
    return [p.text for p in read_paragraphs(text)]


@pytest.mark.parametrize("paragraphs", [PARAGRAPHS, GERMAN], ids=["en", "de"])
@pytest.mark.parametrize("width", [40, 60, 65, 72, 80, 100])
def test_hard_wrapped_blank_line_paragraphs_are_joined(paragraphs, width):
    text = "\n\n".join(textwrap.fill(p, width) for p in paragraphs)
    assert texts_of(text) == paragraphs


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_indented_paragraphs_without_blank_lines_are_joined(newline):
    lines = [line for p in PARAGRAPHS for line in textwrap.wrap(p, 65, initial_indent="    ")]
    assert texts_of(newline.join(lines)) == PARAGRAPHS


def test_lynx_style_indented_block_and_tabs():
    lines = [line for p in PARAGRAPHS for line in [*textwrap.wrap(p, 70, initial_indent="   ",
                                                                   subsequent_indent="   "), ""]]
    assert texts_of("\n".join(lines)) == PARAGRAPHS
    tabbed = "\n\n".join(textwrap.fill(p, 64, initial_indent="\t", subsequent_indent="\t") for p in PARAGRAPHS)
    assert texts_of(tabbed) == PARAGRAPHS


def test_each_paragraph_keeps_its_raw_lines_and_their_numbers():
    text = "\n\n".join(textwrap.fill(p, 60) for p in PARAGRAPHS[:2])
    raw = text.split("\n")
    first, second = read_paragraphs(text)
    assert [no for no, _ in first.lines] == list(range(1, len(first.lines) + 1))
    assert all(raw[no - 1] == line for p in (first, second) for no, line in p.lines)
    assert second.lines[0][0] == len(first.lines) + 2  # the blank line between


@pytest.mark.parametrize(("lines", "joined"), [
    (["All of them were well-", "known traders of the city and the port, who had met there for years"], "well-known"),
    (["The shops open before pre-", "Christmas trading starts in the town and the villages around it"],
     "pre-Christmas"),
    (["Advances in nano-", "and micro-engineering made the new fabrics possible in the end, they said"],
     "nano- and micro-engineering"),
])
def test_a_hyphen_at_a_line_end_joins_without_losing_it(lines, joined):
    filler = "The council met in the town hall on Tuesday evening and talked about the budget for"
    text = "\n".join([filler, "next year and the one after that, as it does every autumn, and then about", *lines])
    (paragraph,) = read_paragraphs(text)
    assert joined in paragraph.text and "  " not in paragraph.text


def test_hyphenation_goes_when_the_text_spells_the_word_without_it():
    text = "\n".join([
        "It was an important decision for the town, the mayor said, and an impor-",
        "tant one for the villages as well, where the ferry is the only way across",
        "the water for most of the year and the only link to the hospital in town.",
    ])
    assert "an important one" in texts_of(text)[0]


def test_one_paragraph_per_line_is_left_alone():
    # Lines of similar length that each end a sentence are paragraphs, not a wrap.
    text = "\n".join(PARAGRAPHS)
    assert texts_of(text) == PARAGRAPHS
    assert texts_of("\n\n".join(PARAGRAPHS)) == PARAGRAPHS


def test_a_scraped_page_keeps_one_paragraph_per_line():
    page = ["Home", "News", "Sport", "Weather", "Ferry routes to close across the estuary",
            *PARAGRAPHS, "Share this article", "Related posts", "Council budget approved for next year",
            "Copyright 2024 Example News. All rights reserved."]
    for sep in ("\n", "\n\n"):
        assert texts_of(sep.join(page)) == page


def test_table_rows_are_not_joined():
    rows = ["Round 1: 12 - 10, 14 - 9, 15 - 13", "Round 2: 11 - 10, 14 - 8, 15 - 12",
            "Round 3: 12 - 11, 13 - 9, 15 - 10", "Round 4: 10 - 10, 14 - 7, 15 - 11"]
    assert texts_of("\n".join(rows)) == rows


def test_wire_story_layout():
    text = "\n".join([
        "BP NORTH AMERICA RAISES CRUDE OIL PRICES",
        "    NEW YORK, Feb 26 - BP North America",
        "Inc said it plans to raise the prices it pays for crude oil by",
        "50 cts a barrel, effective today, and the increase brings the",
        "posted price for West Texas Intermediate to 17.00 dlrs a barrel.",
        "    Oper shr 1.25 dlrs vs 1.10 dlrs",
        "    Oper net 10.5 mln vs 9.8 mln",
        "    The company said the increase reflects the recent firming of",
        "prices on the spot market - where traders have been active since",
        "early last week - and was expected by most of its customers.",
        " Reuter",
    ])
    assert texts_of(text) == [
        "BP NORTH AMERICA RAISES CRUDE OIL PRICES",
        "NEW YORK, Feb 26 - BP North America Inc said it plans to raise the prices it pays for crude "
        "oil by 50 cts a barrel, effective today, and the increase brings the posted price for West "
        "Texas Intermediate to 17.00 dlrs a barrel.",
        "Oper shr 1.25 dlrs vs 1.10 dlrs",
        "Oper net 10.5 mln vs 9.8 mln",
        "The company said the increase reflects the recent firming of prices on the spot market - where "
        "traders have been active since early last week - and was expected by most of its customers.",
        "Reuter",
    ]


def test_list_items_in_wrapped_text_stay_items():
    text = "\n".join([
        "The council listed the routes that will close at the end of the season in",
        "a statement published on Thursday:",
        "- the northern crossing from the harbour to the old pier",
        "- the night service between the two towns on the estuary",
    ])
    assert texts_of(text)[1:] == ["- the northern crossing from the harbour to the old pier",
                                  "- the night service between the two towns on the estuary"]


def test_one_sentence_per_line_in_blocks_is_joined_but_a_list_is_not():
    sentences = [["The regional council voted on Thursday to close two of the four ferry routes.",
                  "Campaigners said the decision would cut off the villages on the northern shore."],
                 ["The operator said that no jobs would be lost before the end of the season.",
                  "A spokeswoman added that talks with the unions would start next week."]]
    text = "Ferry routes to close\n\n" + "\n\n".join("\n".join(block) for block in sentences)
    assert texts_of(text) == ["Ferry routes to close", *(" ".join(block) for block in sentences)]
    listing = "Winners\n\nBest film: The Aviator.\nBest actor: Jamie Foxx.\nBest actress: Hilary Swank."
    assert texts_of(listing) == ["Winners", "Best film: The Aviator.", "Best actor: Jamie Foxx.",
                                 "Best actress: Hilary Swank."]


@pytest.mark.parametrize("text", ["", "\n\n", "one line", "x" * 10_000, "a\nb\nc"])
def test_small_and_odd_inputs(text):
    assert texts_of(text) == [line for line in text.split("\n") if line.strip()]


def test_wire_story_with_a_body_margin_and_deeper_paragraph_indents():
    # Corpus exports indent the whole body and each paragraph further; the headline stays out.
    text = "\n".join([
        "FERRY OPERATOR CUTS ROUTES",
        "  The regional council voted on Thursday to close two of the",
        "  four ferry routes across the estuary, citing a fall in passenger",
        "  numbers and the rising cost of fuel.",
        "      Campaigners said the decision would cut off villages on the",
        "  northern shore, where the nearest bridge is far away.",
        "      Qtr ended Dec 31",
        "      Shr 10 cts vs 12 cts",
        "      Net 1,234,000 vs 1,456,000",
    ])
    assert texts_of(text) == [
        "FERRY OPERATOR CUTS ROUTES",
        "The regional council voted on Thursday to close two of the four ferry routes across the "
        "estuary, citing a fall in passenger numbers and the rising cost of fuel.",
        "Campaigners said the decision would cut off villages on the northern shore, where the "
        "nearest bridge is far away.",
        "Qtr ended Dec 31", "Shr 10 cts vs 12 cts", "Net 1,234,000 vs 1,456,000",
    ]


def test_a_two_line_wire_brief_is_one_paragraph():
    # Too short to show a width; the indented opening going on at the margin is the wrap.
    text = "BP UNIT RAISES CRUDE PRICES\n    NEW YORK, Feb 26 - BP North America\nInc said it will raise prices.\n Reuter\n"
    assert texts_of(text) == ["BP UNIT RAISES CRUDE PRICES",
                              "NEW YORK, Feb 26 - BP North America Inc said it will raise prices.", "Reuter"]
