"""A sum shared out under a line naming the aid ("The initial $2 billion funding package
includes:" then "- $500 million from Japan") is a pledge of the party it comes from (own
wording; a list layout found on the twenty-fifth blind set)."""

from __future__ import annotations

_ARTICLE = (
    "Kenya's partners approved the country's energy plan on Monday.\n"
    "The partners' initial $2 billion funding package includes:\n"
    "- $500 million from Japan\n"
    "- $700 million from the World Bank\n"
    "- $800 million in loans through the African Development Bank\n"
)


def test_each_share_is_a_pledge_of_its_source(read_commitments):
    found = {c.evidence: c.agents for c in read_commitments(_ARTICLE, "en")}
    assert found.get("$500 million from Japan") == ["JPN"], found
    assert found.get("$700 million from the World Bank") == ["BM"], found
    assert "$800 million in loans through the African Development Bank" in found, found


def test_sums_under_a_line_naming_no_aid_are_no_pledges(read_commitments):
    text = ("Trade between the two countries reached $2 billion last year, of which:\n"
            "- $500 million from Japan\n- $700 million from Kenya\n")
    assert [c.evidence for c in read_commitments(text, "en")] == []
