"""Three acts or more listed after one cue, each with its own object: one commitment each (own
wording; a construction found on the twenty-second blind set, a summit's list of pledges)."""

from __future__ import annotations


def test_three_acts_with_their_own_objects_are_three_commitments(read_commitments):
    found = read_commitments("The minister said Brazil will open its market to Angolan coffee, expand training "
                             "for Angolan engineers and launch a joint fund for small farms by 2027.", "en")
    assert [c.evidence for c in found] == [
        "The minister said Brazil will open its market to Angolan coffee",
        "expand training for Angolan engineers",
        "launch a joint fund for small farms by 2027",
    ]
    assert all(c.agents == ["BRA"] for c in found), [c.agents for c in found]
    # the date said once, at the end, dates the whole list
    assert [c.deadline for c in found] == ["2027-12-31"] * 3


def test_a_list_of_french_clauses_in_the_conditional_is_one_commitment_per_clause(read_commitments):
    found = read_commitments("Le président a déclaré que le Brésil ouvrirait son marché au café angolais, qu'il "
                             "formerait des ingénieurs angolais et qu'il créerait un fonds commun pour les petites "
                             "exploitations.", "fr")
    assert len(found) == 3, [c.evidence for c in found]
    assert found[1].evidence == "qu'il formerait des ingénieurs angolais"
    assert all(c.agents == ["BRA"] for c in found)


def test_two_acts_or_verbs_sharing_an_object_stay_one_commitment(read_commitments):
    two = read_commitments("Brazil will provide the land and build the access road to the new port.", "en")
    assert len(two) == 1, [c.evidence for c in two]
    shared = read_commitments("Brazil will build, train and equip the Angolan coastguard.", "en")
    assert len(shared) == 1, [c.evidence for c in shared]
