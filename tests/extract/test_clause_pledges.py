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


def test_a_while_clause_with_its_own_subject_is_a_second_party_and_statement(read_commitments):
    found = read_commitments("Norway has confirmed its support for Ghana's fisheries by pledging 40 million euros "
                             "to the coastal fund while Denmark will halt its grants to the fund.", "en")
    by_agent = {tuple(c.agents): c.evidence for c in found}
    assert set(by_agent) == {("NOR",), ("DNK",)}, found
    # the pledge told as the means of its clause keeps that clause: who confirmed what, by doing what
    assert by_agent[("NOR",)] == ("Norway has confirmed its support for Ghana's fisheries by pledging "
                                  "40 million euros to the coastal fund")
    assert by_agent[("DNK",)] == "Denmark will halt its grants to the fund"


def test_a_tandis_que_clause_is_apart_and_a_hyphenated_name_is_whole(read_commitments):
    found = read_commitments("Le Royaume-Uni versera 40 millions d'euros au fonds ghanéen tandis que le Danemark "
                             "cessera de financer ce fonds.", "fr")
    by_agent = {tuple(c.agents): c.evidence for c in found}
    assert set(by_agent) == {("GBR",), ("DNK",)}, found
    assert by_agent[("GBR",)].startswith("Royaume-Uni versera")  # not "Uni versera": the parser cut the name
    assert by_agent[("DNK",)] == "le Danemark cessera de financer ce fonds"


def test_a_while_clause_without_a_subject_of_its_own_stays_with_its_pledge(read_commitments):
    found = read_commitments("Norway will build the harbour while keeping its grants to Ghana's fishermen.", "en")
    assert len(found) == 1 and found[0].agents == ["NOR"], found


def test_further_payers_in_an_absolute_construction_are_pledges_of_their_own(read_commitments):
    text = ("The Nordic Investment Bank has pledged $300m, the Ghana Fisheries Fund (of the West African "
            "coastal states) adding $40m and the Tema Port Trust pitching in with $5m in technical support, "
            "the minister said.")
    found = read_commitments(text, "en")
    evidence = [c.evidence for c in found]
    assert len(found) == 3, evidence
    assert evidence[0] == "The Nordic Investment Bank has pledged $300m"
    assert evidence[1] == "the Ghana Fisheries Fund (of the West African coastal states) adding $40m"
    assert evidence[2] == "the Tema Port Trust pitching in with $5m in technical support"
    assert all(text[c.start:c.end] == c.evidence for c in found)


def test_a_with_clause_names_a_further_payer(read_commitments):
    found = read_commitments("Norway pledged 50 million euros to Ghana's coastal fund, with Denmark adding "
                             "20 million euros.", "en")
    assert {tuple(c.agents) for c in found} == {("NOR",), ("DNK",)}, [(c.agents, c.evidence) for c in found]


def test_an_absolute_clause_about_a_thing_is_no_second_pledge(read_commitments):
    found = read_commitments("Norway pledged 50 million euros to Ghana's coastal fund, the money going to "
                             "harbours in the west.", "en")
    assert len(found) == 1 and found[0].agents == ["NOR"], [(c.agents, c.evidence) for c in found]
