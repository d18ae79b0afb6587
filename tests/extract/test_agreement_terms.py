"""Terms of an agreement as the press reports them (own wording; found on the twentieth set, the
DRC-Rwanda agreement of 2025): the time a party is given to act, and a list under a relative
clause that says what the agreement provides for."""

from __future__ import annotations


def test_the_time_a_party_is_given_to_act_is_an_obligation_with_its_deadline(read_commitments):
    found = read_commitments("Under the accord, Burundi has ninety days to withdraw its troops from Tanzania.", "en",
                             published="2025-06-28")
    assert [(c.agents, c.deadline) for c in found] == [(["BDI"], "2025-09-26")], found
    found = read_commitments("Selon l'accord, le Burundi dispose de 90 jours pour retirer ses troupes de Tanzanie.",
                             "fr", published="2025-06-28")
    assert [(c.agents, c.deadline) for c in found] == [(["BDI"], "2025-09-26")], found
    # a count of people to feed is no time given
    assert read_commitments("Burundi has 30 million people to feed, officials said.", "en") == []


def test_a_list_under_a_relative_clause_of_contents_is_the_agreements(read_commitments):
    text = ("Ce rappel met en lumière les défis de l'accord entre le Burundi et la Tanzanie, qui prévoit notamment :\n"
            "- la fin des hostilités,\n- le retour des déplacés.\n")
    found = read_commitments(text, "fr")
    assert [c.evidence.rstrip(",.") for c in found] == ["la fin des hostilités", "le retour des déplacés"], found
    # the main clause still rejects a list of principles it recalls
    recalled = ("Le communiqué rappelle les principes de l'accord entre le Burundi et la Tanzanie :\n"
                "- la non-ingérence,\n- le respect mutuel.\n")
    assert read_commitments(recalled, "fr") == []


def test_what_an_agreement_provides_for_is_its_parties(read_commitments):
    found = read_commitments("Le Burundi a signé un accord avec la Tanzanie. L'accord prévoyait un accès au port "
                             "de Dar es Salaam pour le Burundi.", "fr")
    provided = [c for c in found if "prévoyait" in c.evidence]
    assert len(provided) == 1 and set(provided[0].agents) <= {"BDI", "TZA"} and provided[0].agents, found
    # "as the agreement provides", a procedure described, is no pledge
    described = read_commitments("Le Burundi a signé un accord avec la Tanzanie. Comme le prévoit l'accord, les "
                                 "camions sont contrôlés au port.", "fr")
    assert not [c for c in described if "Comme le prévoit" in c.evidence]
