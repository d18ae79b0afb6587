"""A coordinated verb with its own "will" is not under the negation of the verb before it; a
share of a sum due paid in the passive is the payer's pledge (found on blind set 55JC).
Own wording: Ghana and Togo."""

from __future__ import annotations


def test_a_will_clause_after_a_negated_verb_is_a_pledge(read_commitments):
    found = read_commitments(
        "Ghana signed the compensation deal with the Togolese traders. However, Ghana does not have "
        "the money and will issue long-term bonds to raise it, according to the deal.", "en",
        published="2025-03-01")
    bonds = [c for c in found if "will issue" in c.evidence]
    assert [c.agents for c in bonds] == [["GHA"]], [(c.evidence, c.agents) for c in found]


def test_a_negated_will_clause_is_still_no_pledge(read_commitments):
    found = read_commitments(
        "Ghana signed the compensation deal with the Togolese traders. However, Ghana has the money "
        "and will not issue long-term bonds, according to the deal.", "en", published="2025-03-01")
    assert not [c for c in found if "issue" in c.evidence and c.cue != "will not issue"], \
        [(c.evidence, c.cue) for c in found]


def test_a_share_of_the_balance_paid_in_the_passive_is_the_payers(read_commitments):
    found = read_commitments(
        "Le Ghana a signé l'accord d'indemnisation avec les commerçants togolais. Le Ghana versera un "
        "acompte de 50 % dans les douze mois. Un quart du solde sera payé chaque année.",
        "fr", published="2025-03-01")
    share = [c for c in found if "quart du solde" in c.evidence]
    assert [c.agents for c in share] == [["GHA"]], [(c.evidence, c.agents) for c in found]


def test_a_pledge_announced_at_an_event_told_by_where_is_a_pledge(read_commitments):
    """Found on blind set 54IB: "the visit in February, where the President announced the
    mobilisation of EUR 210 million for Mauritania"."""
    found = read_commitments(
        "The trade dialogue follows the Ghanaian president's visit to Lome in February, where Ghana announced "
        "the mobilisation of 80 million dollars for Togo.", "en", published="2025-03-01")
    assert [c.agents for c in found if "mobilisation" in c.evidence] == [["GHA"]], \
        [(c.evidence, c.agents) for c in found]


def test_a_deal_signed_at_an_event_told_by_where_is_a_recall(read_commitments):
    found = read_commitments(
        "It follows the trade talks in Lome, where Ghana and Togo signed agreements to formalise their "
        "roles regarding the fund.", "en", published="2025-03-01")
    assert found == [], [(c.evidence, c.agents) for c in found]
