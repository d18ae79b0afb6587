"""What a work or a sum will do, told with the thing for subject, is a prospect, not a pledge;
the party's own act stays one (own wording; sentences shaped like those of the twenty-fifth
blind set)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("sentence", [
    "The Kenya-Uganda Oil Pipeline (KUOP), designed to be 1,400km long, will reduce fuel costs in Uganda.",
    "Kenya's finance minister said the money would help his country meet its new climate targets.",
    "The new railway will boost trade between Kenya and Uganda, officials said.",
    "This landmark ten-year pact will significantly bolster the Kenyan government's efforts to protect its coast.",
    "Analyst says Kenya's new mining code will make Chinese investors hesitate",
])
def test_an_english_prospect_is_no_pledge(read_commitments, sentence):
    assert [c.evidence for c in read_commitments(sentence, "en")] == []


@pytest.mark.parametrize("sentence", [
    "Le Gazoduc Transsaharien s'étendra sur près de 4 000 kilomètres, selon le ministre nigérien.",
    "Le ministre kényan a déclaré que le financement soutiendrait la sécurité énergétique du pays.",
])
def test_a_french_prospect_is_no_pledge(read_commitments, sentence):
    assert [c.evidence for c in read_commitments(sentence, "fr")] == []


def test_a_party_s_act_and_a_passive_support_stay_pledges(read_commitments):
    found = read_commitments(
        "Le Premier ministre a annoncé que le Japon formerait 3 000 infirmiers au Kenya et soutiendrait "
        "la recherche médicale kényane.", "fr")
    assert any("soutiendrait" in c.evidence and c.agents == ["JPN"] for c in found), [(c.agents, c.evidence)
                                                                                  for c in found]
    found = read_commitments("The pipeline will be supported by a new loan from the World Bank.", "en")
    assert any(c.agents == ["BM"] for c in found), [(c.agents, c.evidence) for c in found]
