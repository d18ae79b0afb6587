"""Sums written with a currency code after the number, a disbursement scheduled, what an
agreement "porte sur", and works to be carried out by a firm (own wording; constructions found
on the older blind sets -- a mining deal's roads, a coastal city's investment -- and a dam's
builder on the fortieth)."""

from __future__ import annotations

from suivi.extract.quantities import find_quantities

_DEAL_FR = "Le Ghana et la Norvège ont signé lundi l'accord sur le port. "


def test_a_code_after_the_number_makes_a_sum():
    found = [(q.kind, q.value, q.unit) for q in find_quantities("un prêt de 700 millions USD et 35 Mds USD")]
    assert found == [("money", 700_000_000.0, "USD"), ("money", 35_000_000_000.0, "USD")], found
    assert [q.kind for q in find_quantities("les 26 œuvres")] == ["count"]


def test_a_disbursement_scheduled_is_its_givers(read_commitments):
    found = read_commitments("La Norvège et le Ghana ont signé l'avenant. Un premier décaissement de 70 millions "
                             "USD est prévu pour des travaux d'urgence.", "fr")
    assert [c.agents for c in found if "décaissement" in c.evidence] == [["NOR"]], found


def test_what_an_agreement_bears_on_with_a_sum_is_pledged(read_commitments):
    found = read_commitments(_DEAL_FR + "L'accord porte sur un investissement de 35 milliards de dollars.", "fr")
    assert [c for c in found if "porte sur" in c.evidence], found
    found = read_commitments(_DEAL_FR + "L'accord porte sur la coopération entre les deux pays.", "fr")
    assert not [c for c in found if "porte sur" in c.evidence], found


def test_works_to_be_carried_out_by_a_firm_are_the_firms(read_commitments):
    found = read_commitments(_DEAL_FR + "Les travaux seront exécutés par le groupe norvégien Veltra Energy.", "fr")
    assert [c for c in found if "exécutés" in c.evidence and "NOR" in c.agents], found
