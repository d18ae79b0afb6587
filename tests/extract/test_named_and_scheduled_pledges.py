"""Pledges told without the usual pledge verb (own wording; constructions found on the
eighteenth blind set): a receipt with its source, an agreement in the passive, a payment in the
passive future, a decision on what is to come, a pledge named by its noun, a scheduled payment."""

from __future__ import annotations


def _by_agents(found) -> dict[tuple[str, ...], object]:
    return {tuple(sorted(c.agents)): c for c in found}


def test_a_receipt_from_a_named_source_is_the_sources_pledge(read_commitments):
    found = read_commitments("The partnership signed in Accra will see Ghana receive €80 million from the "
                             "Netherlands over four years.", "en")
    assert len(found) == 1, found
    assert found[0].agents == ["NLD"] and found[0].beneficiaries == ["GHA"]


def test_an_agreement_in_the_passive_is_the_pledge_of_the_parties_between(read_commitments):
    found = read_commitments("Quarterly payments have been agreed between Norway and Malawi under the accord.", "en")
    assert len(found) == 1, found
    assert sorted(found[0].agents) == ["MWI", "NOR"]


def test_a_payment_in_the_passive_future_is_the_payers(read_commitments):
    found = read_commitments("Denmark paid €20 million to Tanzania in May. Another €30 million will be paid "
                             "next year, officials said.", "en")
    paid = [c for c in found if c.evidence.startswith("Another")]
    assert len(paid) == 1, [(c.agents, c.evidence) for c in found]
    assert paid[0].agents == ["DNK"] and paid[0].deadline == "2026-12-31"


def test_a_decision_that_something_will_be_done_is_an_agreement(read_commitments):
    found = read_commitments("Le Portugal et le Sénégal ont convenu que les demandes des étudiants seront "
                             "examinées à Dakar dès la rentrée.", "fr")
    assert len(found) == 1, found
    assert sorted(found[0].agents) == ["PRT", "SEN"] and found[0].deadline == "2025-09-30"
    assert found[0].evidence.startswith("Le Portugal et le Sénégal ont convenu")
    # told in the past, a state of things decided is no pledge
    assert read_commitments("Le Portugal a décidé que le dossier était clos.", "fr") == []


def test_a_pledge_named_by_its_noun_with_its_sum_is_its_owners(read_commitments):
    found = read_commitments("The transfer is part of Oman's $2 billion investment pledge to Jordan, "
                             "officials said.", "en")
    assert len(found) == 1, found
    assert found[0].agents == ["OMN"] and "$2 billion investment pledge" in found[0].evidence
    assert found[0].action == "Oman's $2 billion investment pledge to Jordan"  # the pledge named is the act
    planned = read_commitments("The payment forms part of a planned $4 billion investment by Kuwait in "
                               "the port.", "en")
    assert [c.agents for c in planned] == [["KWT"]]
    french = read_commitments("Ce versement s'inscrit dans la promesse de 900 millions de dollars du Koweït.", "fr")
    assert [c.agents for c in french] == [["KWT"]]


def test_a_pledge_noun_with_no_owner_or_no_sum_is_not_a_pledge(read_commitments):
    assert read_commitments("Initial pledges of $300 million fall far short of the needs.", "en") == []
    assert read_commitments("The visit is part of Oman's commitment to the region, officials said.", "en") == []


def test_a_scheduled_payment_told_by_its_sum_is_the_givers(read_commitments):
    found = read_commitments("Kuwait signed the agreement with Jordan on Monday. The first tranche will be "
                             "$500 million within three months.", "en")
    tranche = [c for c in found if "first tranche" in c.evidence]
    assert len(tranche) == 1 and tranche[0].agents == ["KWT"], [(c.agents, c.evidence) for c in found]
    assert tranche[0].deadline == "2025-06-10" and tranche[0].action == "The first tranche will be $500 million"
    french = read_commitments("Le Koweït a signé l'accord avec la Jordanie lundi. Le premier versement sera de "
                              "500 millions de dollars dans trois mois.", "fr")
    versement = [c for c in french if "premier versement" in c.evidence]
    assert len(versement) == 1 and versement[0].agents == ["KWT"], [(c.agents, c.evidence) for c in french]
    # a sum that a payment was, in the past, is a report
    assert not [c for c in read_commitments("The first tranche was $500 million, paid in March.", "en")]


def test_a_will_shown_with_its_act_is_its_owners_pledge(read_commitments):
    found = read_commitments("Oman signed the deal with Jordan. “This loan underscores our commitment to "
                             "building the Aqaba port,” the Omani minister said.", "en")
    shown = [c for c in found if "underscores" in c.evidence]
    assert len(shown) == 1, [(c.agents, c.evidence) for c in found]
    assert shown[0].action.startswith("building the Aqaba port")
    # a will with no act says nothing to be done
    assert not [c for c in read_commitments("Oman signed the deal. “This visit reflects our commitment to "
                                            "peace,” the Omani minister said.", "en") if "reflects" in c.evidence]


def test_a_will_a_thing_shows_of_a_named_owner_is_no_pledge(read_commitments):
    # the narrator's (or a spokesman's) reading of someone's will, not the will stated by its owner
    for text in ("Oman lent Jordan 40 million dollars last week. The loan reflects Oman's lasting commitment "
                 "to supporting growth in the region.",
                 "“This grant demonstrates the Union's commitment to keeping its word to Jordan,” the envoy said."):
        found = read_commitments(text, "en")
        assert not [c for c in found if "commitment" in c.evidence], [(c.agents, c.evidence) for c in found]
    # the speaker's own will with its act stays a pledge
    found = read_commitments("“This grant demonstrates our commitment to rebuilding the Irbid hospital,” the "
                             "Omani minister said.", "en")
    assert [c.action for c in found if "demonstrates" in c.evidence][:1] == ["rebuilding the Irbid hospital"], found


def test_an_aim_held_with_have_is_an_intention(read_commitments):
    found = read_commitments("“We have a plan to support Ghana with 20 million euros,” the Danish envoy said "
                             "on behalf of Denmark.", "en")
    assert [c.cue for c in found] == ["have plan to"], [(c.cue, c.evidence) for c in found]
    assert found[0].action.startswith("support Ghana with 20 million euros")
    assert read_commitments("Denmark has no plan to support Ghana.", "en") == []


def test_a_dated_wish_of_a_party_is_an_aim(read_commitments):
    found = read_commitments("Le Danemark souhaite construire le port de Tema en 2027.", "fr")
    assert [(c.agents, c.deadline) for c in found] == [(["DNK"], "2027-12-31")], found
    # undated, or a wish for a state of things, it is a wish
    assert read_commitments("Le Danemark souhaite construire un port.", "fr") == []
    assert read_commitments("Le Danemark souhaite la paix en 2027.", "fr") == []


def test_a_party_expected_to_sign_plans_the_signature_and_other_expectations_stay_forecasts(read_commitments):
    found = read_commitments("The leaders of Kenya and Uganda are expected to sign the border treaty in March.", "en",
                             published="2025-11-08")
    assert [(c.agents, c.deadline) for c in found] == [(["KEN", "UGA"], "2026-03-31")], found
    for text in ("Kenya is expected to grow by five percent next year.",
                 "The Kenyan president is expected to address a press conference on the treaty."):
        assert not read_commitments(text, "en", published="2025-11-08"), text


def test_a_person_or_delegation_expected_at_a_place_is_a_visit_planned(read_commitments):
    """Own wording (found on the thirtieth blind set): « est attendue à Dakar », "is expected in
    Dakar" said of a mission or a leader is a visit planned; results expected are nothing."""
    fr = read_commitments("Une délégation de la Banque mondiale est attendue à Niamey la semaine prochaine.", "fr",
                          published="2025-10-15")
    assert [c.cue for c in fr] == ["est attendue à"], [(c.cue, c.evidence) for c in fr]
    en = read_commitments("The Ghanaian president is expected in Lomé on March 12 for talks.", "en",
                          published="2025-10-15")
    assert [(c.agents, c.deadline) for c in en] == [(["GHA"], "2026-03-12")], [(c.agents, c.deadline) for c in en]
    assert not read_commitments("Les résultats sont attendus à Niamey.", "fr", published="2025-10-15")
    assert not read_commitments("Growth is expected in Ghana next year.", "en", published="2025-10-15")


def test_these_countries_and_their_representatives_are_the_reports_parties(read_commitments):
    """Own wording (found on the thirty-fourth blind set): « ces pays », "representatives of
    African countries" point back to the states the report names; their pledge is those states'."""
    fr = ("Le roi du Maroc a reçu les ministres du Mali, du Niger et du Burkina Faso à Rabat. Ces pays ont "
          "réaffirmé leur disponibilité à accélérer la mise en œuvre du projet.")
    found = [c for c in read_commitments(fr, "fr") if "Ces pays" in c.evidence]
    assert len(found) == 1 and {"MLI", "NER"} & set(found[0].agents), found
    en = ("Mali, Niger and Morocco met in Marrakesh on Saturday. Representatives of the countries taking part in "
          "the meeting agreed to set up a task force in each country.")
    found = [c for c in read_commitments(en, "en") if "task force" in c.evidence]
    assert len(found) == 1 and {"MLI", "NER"} & set(found[0].agents), found
