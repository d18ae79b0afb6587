"""Acts named as the next step, deadlines set with "must" in a report of an earlier statement, and
month names abbreviated without a full stop (found on blind set 53; own wording: Ghana and Togo)."""

from __future__ import annotations

from datetime import date


def test_the_next_step_is_the_parties_plan(read_commitments):
    found = read_commitments("Ghana and Togo signed the bridge framework on Monday. The next step is to secure "
                             "financing for the bridge and to launch the tender by June.", "en",
                             published="2025-03-10")
    steps = [c for c in found if "next step" in c.evidence]
    assert len(steps) == 1 and set(steps[0].agents) == {"GHA", "TGO"}, [(c.evidence, c.agents) for c in found]
    assert steps[0].deadline == "2025-06-30"


def test_la_prochaine_etape_of_the_partners(read_commitments):
    found = read_commitments("Le Ghana et le Togo ont signé l'accord-cadre du pont. Prochaine étape pour les "
                             "partenaires : finaliser les estimations de coûts et obtenir les approbations "
                             "nécessaires.")
    steps = [c for c in found if c.evidence.startswith("Prochaine étape")]
    assert len(steps) == 1 and set(steps[0].agents) <= {"GHA", "TGO"} and steps[0].agents, \
        [(c.evidence, c.agents) for c in found]


def test_a_next_step_that_names_no_act_is_no_pledge(read_commitments):
    found = read_commitments("Ghana and Togo signed the bridge framework on Monday. The next step: a summit in "
                             "Lomé.", "en")
    assert not [c for c in found if "next step" in c.evidence], [(c.evidence, c.agents) for c in found]


def test_a_must_with_a_date_said_last_year_is_still_a_deadline(read_commitments):
    found = read_commitments(
        "In March last year Ghana's government, which took office in a Jan. 2021 vote, said the Tema bridge "
        "must be completed by Dec 2024 and tolls must start by March 31, 2025.", "en", published="2023-02-01")
    assert sorted(c.deadline for c in found) == ["2024-12-31", "2025-03-31"], \
        [(c.evidence, c.deadline) for c in found]


def test_months_abbreviated_without_a_full_stop():
    from suivi.extract.deadlines import time_values

    anchor = date(2023, 2, 1)
    assert [v.value for v in time_values("must be completed by Dec 2024", anchor, "en")] == ["2024-12"]
    assert [v.value for v in time_values("on Oct 3, 2025", anchor, "en")] == ["2025-10-03"]
    assert [v.value for v in time_values("by Sept 2025", anchor, "en")] == ["2025-09"]
    assert time_values("Jan Egeland visited Accra", anchor, "en") == []


def test_goods_sent_on_and_bans_lifted_in_the_passive_future(read_commitments):
    fr = read_commitments("Le pétrole ghanéen sera exporté pour la première fois début janvier, a affirmé le "
                          "ministre ghanéen de l'Énergie.", published="2025-12-10")
    assert [(c.agents, c.deadline[:7]) for c in fr] == [(["GHA"], "2026-01")], [(c.evidence, c.agents) for c in fr]
    en = read_commitments("Ghana's energy minister said the country's crude will be shipped to Lomé from "
                          "January and the export ban will be lifted by March.", "en", published="2025-12-10")
    assert len(en) >= 1 and all(c.agents == ["GHA"] for c in en), [(c.evidence, c.agents) for c in en]
    assert any(c.deadline and c.deadline.startswith("2026-03") for c in en), [(c.evidence, c.deadline) for c in en]


def test_what_a_thing_will_be_is_no_pledge(read_commitments):
    assert read_commitments("Ghana and Togo signed the accord. The new harbour will belong to the people of Ghana, "
                            "the Togolese minister said.", "en") == []
    assert read_commitments("Le Ghana et le Togo ont signé l'accord. Le nouveau port appartiendra au peuple "
                            "ghanéen, a dit le ministre togolais.") == []
