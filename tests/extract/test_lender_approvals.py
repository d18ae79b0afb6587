"""A lender's approval of a loan is its pledge to pay; signing is also "inking" (own wording;
constructions found on the twenty-third blind sets, an IMF programme and a state visit's deals)."""

from __future__ import annotations


def test_approving_a_loan_is_the_lenders_pledge(read_commitments):
    found = read_commitments("The African Development Bank approved on Friday a $400 million loan for Zambia "
                             "over four years.", "en")
    assert len(found) == 1, found
    assert found[0].agents == ["BAD"] and found[0].beneficiaries == ["ZMB"], (found[0].agents, found[0].beneficiaries)
    assert found[0].deadline == "2029-03-10"
    fr = read_commitments("La Banque mondiale a approuvé un crédit de 250 millions de dollars pour le Togo.", "fr")
    assert len(fr) == 1 and fr[0].agents == ["BM"], fr


def test_approving_a_payment_or_a_deal_is_no_new_pledge(read_commitments):
    assert read_commitments("The IMF board approved a $500 million disbursement for Zambia.", "en") == []
    assert read_commitments("Le conseil du FMI a approuvé l'accord conclu avec la Zambie.", "fr") == []


def test_inking_a_deal_is_signing_it(read_commitments):
    found = read_commitments("Egypt also inked a deal with Morocco to build two desalination plants.", "en")
    assert len(found) == 1 and found[0].agents == ["EGY"], [(c.agents, c.evidence) for c in found]


def test_a_payment_a_step_opens_the_way_to_is_the_lenders_pledge(read_commitments):
    found = read_commitments("Zambia reached a deal with its creditors on Friday, paving the way for a $200 million "
                             "disbursement from the African Development Bank in June.", "en")
    assert len(found) == 1, [(c.agents, c.evidence) for c in found]
    assert found[0].agents == ["BAD"], found[0].agents
    fr = read_commitments("La Banque mondiale et le Togo ont conclu un accord, ouvrant ainsi la voie à un "
                          "décaissement de 80 millions de dollars.", "fr")
    assert len(fr) == 1 and "BM" in fr[0].agents, [(c.agents, c.evidence) for c in fr]


def test_a_payment_the_step_opened_the_way_to_is_a_report(read_commitments):
    assert read_commitments("The deal paved the way for a $200 million disbursement from the African "
                            "Development Bank.", "en") == []


def test_reaching_or_striking_a_deal_to_act_is_signing_it(read_commitments):
    found = read_commitments("Angola has reached an agreement with Brazil to build two hydropower dams by 2028.", "en")
    assert [(c.agents, c.deadline) for c in found] == [(["AGO"], "2028-12-31")], [(c.agents, c.evidence) for c in found]
    assert len(read_commitments("Angola and Brazil struck a deal to open three new consulates.", "en")) == 1
    fr = read_commitments("L'Angola et le Brésil ont trouvé un accord pour construire deux barrages.", "fr")
    assert len(fr) == 1 and set(fr[0].agents) == {"AGO", "BRA"}, fr


def test_reaching_people_or_finding_money_is_no_deal(read_commitments):
    assert read_commitments("The Angolan vaccination campaign reached 5 million people in March.", "en") == []
    assert read_commitments("L'Angola a trouvé des fonds pour construire deux barrages.", "fr") == []


def test_a_signed_agreement_worth_a_sum_states_its_content(read_commitments):
    found = read_commitments("Angola and Brazil signed an agreement worth 500 million dollars.", "en")
    assert len(found) == 1 and set(found[0].agents) == {"AGO", "BRA"}, [(c.agents, c.evidence) for c in found]
    fr = read_commitments("L'Angola et le Brésil ont signé un accord d'une valeur de 500 millions de dollars.", "fr")
    assert len(fr) == 1, fr
    # with nothing said of what it does, a signing is news, not a pledge
    assert read_commitments("Angola and Brazil signed an agreement on Monday.", "en") == []


def test_what_a_visit_aims_at_is_nobodys_pledge(read_commitments):
    found = read_commitments("Angola and Brazil reached agreements totalling 2 billion dollars, during the "
                             "president's visit to Luanda aiming to mend strained relations.", "en")
    assert all("aiming" not in c.evidence or "reached" in c.evidence for c in found), [c.evidence for c in found]
    assert len(read_commitments("Angola aims to double its oil output by 2028.", "en")) == 1


def test_announcing_an_act_to_come_is_a_pledge_announcing_one_done_is_a_report(read_commitments):
    assert len(read_commitments("Le Brésil annonce débloquer 10 millions d'euros pour l'Angola.", "fr")) == 1
    assert read_commitments("Le Brésil annonce avoir débloqué 10 millions d'euros pour l'Angola.", "fr") == []


def test_an_agreement_for_a_party_to_act_states_its_content(read_commitments):
    found = read_commitments("Angola and Brazil signed an agreement for Brazil to build a dam on the Kwanza.", "en")
    assert len(found) == 1, [(c.agents, c.evidence) for c in found]
    later = read_commitments("Angola and Brazil signed an agreement in 2023 for Brazil to build a dam on the "
                             "Kwanza.", "en", published="2024-05-02")
    assert len(later) == 1, [(c.agents, c.evidence) for c in later]
