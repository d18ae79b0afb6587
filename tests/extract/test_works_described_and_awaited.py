"""A work described in the future is no pledge; a decision awaited or taken by a date is a
schedule (own wording; constructions found on the nineteenth set, a gas pipeline)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Ghana-Togo power line will originate in Akosombo and terminate near Lomé.", "en"),
        ("The railway would also accelerate trade between the two ports.", "en"),
        ("Le câble sous-marin entre le Sénégal et le Cap-Vert traversera quatre zones économiques.", "fr"),
        ("À terme, il se connectera au réseau électrique de la Mauritanie.", "fr"),
        ("The line will end in Lomé, where it will be connected to the Togolese grid.", "en"),
    ],
)
def test_a_work_described_in_the_future_is_not_a_pledge(read_commitments, text, lang):
    assert read_commitments(text, lang) == []


def test_a_party_that_connects_or_links_still_pledges(read_commitments):
    found = read_commitments("Ghana will connect the northern grid to Burkina Faso by 2027.", "en")
    assert [c.agents for c in found] == [["GHA"]]


def test_a_decision_awaited_by_a_date_is_a_schedule(read_commitments):
    found = read_commitments("Le Ghana et le Togo ont signé le protocole. La décision finale d'investissement "
                             "est attendue avant la fin de l'année 2026.", "fr")
    awaited = [c for c in found if "attendue" in c.evidence]
    assert len(awaited) == 1 and awaited[0].deadline == "2026-12-31", [(c.agents, c.evidence) for c in found]
    found = read_commitments("Ghana and Togo signed the protocol. The final investment decision is expected by "
                             "the end of 2026.", "en")
    awaited = [c for c in found if "expected" in c.evidence]
    assert len(awaited) == 1 and awaited[0].deadline == "2026-12-31", [(c.agents, c.evidence) for c in found]
    # a forecast is not awaited: "expected to reach", results with no act
    assert read_commitments("Growth is expected to reach 5% in 2026.", "en") == []


def test_a_decision_to_be_taken_on_a_date_is_a_schedule(read_commitments):
    found = read_commitments("Selon le Ghana, la décision sur le gazoduc sera prise en décembre 2026.", "fr")
    assert len(found) == 1 and found[0].deadline == "2026-12-31", found


def test_a_decision_noun_counts_with_its_act_only(read_commitments):
    found = read_commitments("Le ministre togolais a annoncé sa décision de mettre fin à l'accord de défense.", "fr")
    assert [c.agents for c in found] == [["TGO"]]
    assert read_commitments("Le Togo a pris des décisions importantes pour le fonds.", "fr") == []


def test_a_plan_the_model_tags_as_a_noun_is_still_a_plan(read_commitments):
    found = read_commitments("Ghana and the Togolese government plan to begin building the line in March 2026.", "en")
    assert len(found) == 1 and "GHA" in found[0].agents, found
    assert read_commitments("The plan to build a new line was dropped by Ghana.", "en") == []


def test_a_planned_output_and_a_scheduled_decision_are_plans(read_commitments):
    found = read_commitments("Ghana signed the deal with Togo. Ghana's new plant is planned to produce 200 "
                             "megawatts by 2028. The final investment decision is scheduled for the end of 2026.", "en")
    planned = [c for c in found if "planned to produce" in c.evidence]
    scheduled = [c for c in found if "scheduled" in c.evidence]
    assert [c.deadline for c in planned] == ["2028-12-31"], [(c.agents, c.evidence) for c in found]
    assert [c.deadline for c in scheduled] == ["2026-12-31"] and scheduled[0].agents


def test_a_work_in_working_order_by_a_date_is_a_schedule(read_commitments):
    found = read_commitments("Ghana signed the protocol with Togo. The two clinics should be operational by next "
                             "spring, officials said.", "en", published="2025-11-06")
    ready = [c for c in found if "operational" in c.evidence]
    assert [c.deadline for c in ready] == ["2026-05-31"], [(c.agents, c.evidence) for c in found]
    found = read_commitments("Le Ghana a signé le protocole avec le Togo. Les deux cliniques seront opérationnelles "
                             "au printemps 2026, selon Accra.", "fr", published="2025-11-06")
    ready = [c for c in found if "opérationnelles" in c.evidence]
    assert [c.deadline for c in ready] == ["2026-05-31"], [(c.agents, c.evidence) for c in found]
    # undated, or said of prices, it is a description or a guess
    assert not [c for c in read_commitments("The plant will be operational, Ghana said.", "en")
                if "operational" in c.evidence]
    assert read_commitments("Prices should fall in 2026, analysts in Ghana said.", "en") == []
