"""What a package holds, told with "this" or "it" for the package named in the sentence before
(own wording; found on the twenty-fourth blind set: a summit's aid package, then "This will
include a development fund of USD 100 million ... It will also include 50,000 scholarships")."""

from __future__ import annotations


def test_this_and_it_standing_for_a_package_state_its_contents(read_commitments):
    text = ("Norway announced a package of 600 million dollars in grant assistance for Ghana on Monday. This will "
            "include a fishing fund of USD 100 million. It will also include 5,000 scholarships over five years.")
    found = read_commitments(text, "en")
    told = [(c.agents, c.evidence[:12]) for c in found]
    assert (["NOR"], "This will in") in told and (["NOR"], "It will also") in told, told


def test_this_standing_for_no_package_is_still_nobodys_pledge(read_commitments):
    text = ("Norway and Ghana met in Accra on Monday to discuss fishing. This will include 5,000 scholarships over "
            "five years.")
    assert not [c for c in read_commitments(text, "en") if c.evidence.startswith("This")]


def test_they_standing_for_the_deals_named_before_state_their_contents(read_commitments):
    """Found on the thirty-eighth blind set (after its first run): "The deals span several
    infrastructure investments. They also include a US$1 billion financing deal ..."."""
    text = ("Norway and Ghana signed twelve deals in Accra on Monday. The deals span several fishing investments. "
            "They also include a USD 100 million loan to the central bank of Ghana.")
    found = read_commitments(text, "en")
    assert [c for c in found if c.evidence.startswith("They also include")], found
