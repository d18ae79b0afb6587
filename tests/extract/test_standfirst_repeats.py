"""A standfirst the body then tells in a fuller sentence is two statements; a copy of the same
line, or a pledge quoted word for word after it was stated, stays one (own wording; a page
layout found on the twenty-fourth blind set)."""

from __future__ import annotations

_STANDFIRST = "Brazil will fund the new railway through a loan to Angola"
_BODY_SENTENCE = ("Under the second agreement, Brazil will fund the new railway through a loan to Angola, "
                  "the ministry said.")


def test_the_body_sentence_under_a_standfirst_is_kept(read_commitments):
    text = f"Brazil and Angola sign railway deals\n{_STANDFIRST}\nLuanda\n{_BODY_SENTENCE}"
    found = read_commitments(text, "en")
    evidence = [c.evidence for c in found if c.agents == ["BRA"]]
    assert _STANDFIRST in evidence, evidence
    assert any(e.startswith("Under the second agreement") for e in evidence), evidence


def test_a_copy_of_the_standfirst_is_one_statement(read_commitments):
    text = f"{_STANDFIRST}\nBy a correspondent\n{_STANDFIRST}"
    found = read_commitments(text, "en")
    assert [c.evidence for c in found if c.agents == ["BRA"]] == [_STANDFIRST]


def test_a_pledge_quoted_after_the_sentence_that_states_it_is_one_statement(read_commitments):
    stated = "Brazil will fund the new railway through a loan to Angola."
    text = f"{stated} “Brazil will fund the new railway through a loan to Angola,” the minister said."
    found = read_commitments(text, "en")
    assert [c.evidence for c in found if c.agents == ["BRA"]] == [stated]
