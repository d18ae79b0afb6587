"""Hard-wrapped copy (wire and plain-text reprints broken at a fixed width) is read as
paragraphs; one paragraph per line, headings and list items are left as they stand.
Texts written for these tests."""

from __future__ import annotations

from suivi.ingest.article import build_draft
from suivi.ingest.wrapping import unwrap

WRAPPED = """ACCRA, May 4 (Wire) - Ghana agreed to buy
twelve patrol boats from a Norwegian shipyard on
Tuesday, one of several deals signed during the Norwegian
prime minister's visit as the two countries reopen
talks on fishing rights.
Norway also pledged 40 million euros for the coastal
fund, and its development agency will train two hundred
port workers by 2027.
Key deals
- a harbour study for Takoradi
- a cold-chain plant in Tema"""


def test_a_wrapped_report_is_joined_into_sentences() -> None:
    draft = build_draft("t.txt", WRAPPED.encode(), "text", WRAPPED)
    assert "Ghana agreed to buy twelve patrol boats from a Norwegian shipyard on Tuesday, one of" in draft.text
    assert ("Norway also pledged 40 million euros for the coastal fund, and its development agency will "
            "train two hundred port workers by 2027.") in draft.text
    # the first sentence is no headline, a short heading and the list items stay lines of their own
    assert draft.title is None
    assert "\nKey deals\n- a harbour study for Takoradi\n- a cold-chain plant in Tema" in draft.text


def test_one_paragraph_per_line_is_left_as_it_is() -> None:
    lines = ["Norway pledges 40 million euros to Ghana's coastal fund",
             "Norway pledged 40 million euros on Tuesday for Ghana's coastal fund, the minister said in Accra.",
             "The fund will pay for two harbours and a cold-chain plant by 2027, officials said.",
             "Ghana's fishermen welcomed the news"]
    assert unwrap(lines) == lines


def test_a_headline_above_a_wrapped_body_stays_the_headline() -> None:
    text = "Ghana buys patrol boats from Norway\n" + WRAPPED
    draft = build_draft("t.txt", text.encode(), "text", text)
    assert draft.title == "Ghana buys patrol boats from Norway"
    assert "Norway also pledged 40 million euros for the coastal fund, and its" in draft.text
