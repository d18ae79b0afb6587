"""Two pledges in one sentence that the parser nests: each is its own commitment (own wording)."""

from __future__ import annotations


def test_relative_clause_with_its_own_doer_on_the_subject_is_that_doers_pledge(read_commitments):
    text = ("L'accord avec le Ghana, qui sera financé par le Japon à hauteur de 12 millions de livres "
            "(14 millions euros), prévoit que les élèves soient accueillis dans les écoles du pays.")
    found = read_commitments(text, "fr")
    funded = [c for c in found if c.agents == ["JPN"]]
    assert len(found) == 2 and funded, [(c.agents, c.evidence) for c in found]
    assert "financé par le Japon" in funded[0].evidence and "prévoit" not in funded[0].evidence
    other = next(c for c in found if c is not funded[0])
    assert other.evidence.startswith("prévoit que") and other.start >= funded[0].end  # told apart


def test_participle_opened_by_et_is_a_second_pledge_with_the_first_subject(read_commitments):
    text = ("Les ministres ghanéens se réengageant à atteindre l'objectif de cent écoles d'ici 2030 et "
            "s'engageant à fermer la plupart des mines illégales.")
    found = read_commitments(text, "fr")
    assert len(found) == 2, [(c.agents, c.evidence) for c in found]
    assert all(c.agents == ["GHA"] for c in found)
    assert found[1].evidence.startswith("s'engageant à fermer")
