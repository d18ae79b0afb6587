"""A sum that will pay for something, or that is set aside for it, is the pledge of whoever gives
the money, though the sentence names no giver (own wording; sentences shaped like those of the
twenty-sixth blind set)."""

from __future__ import annotations

_OPENING = "Norway and Ghana held talks in Accra on Monday on the fisheries partnership. "


def test_a_sum_that_will_finance_works_is_the_giver_s_pledge(read_commitments):
    found = read_commitments(_OPENING + "A first phase of $3bn will finance fishing harbours on the coast.", "en")
    assert [(c.agents, c.evidence) for c in found] == [
        (["NOR"], "A first phase of $3bn will finance fishing harbours on the coast.")]


def test_a_sum_earmarked_for_works_is_the_giver_s_pledge(read_commitments):
    found = read_commitments(_OPENING + "A further $2bn is earmarked for rehabilitating the cold stores.", "en")
    assert [(c.agents, c.evidence) for c in found] == [
        (["NOR"], "A further $2bn is earmarked for rehabilitating the cold stores.")]


def test_a_sum_that_will_rise_is_no_pledge(read_commitments):
    assert read_commitments(_OPENING + "Exports worth $3bn will rise next year.", "en") == []
