"""A named vessel of a state acts for it; what is done to the vessel pledges nothing (found on
blind set 54IA: "Türkiye's seismic exploration vessel, Oruc Reis ... The Oruc Reis is set to
conduct three-dimensional seismic studies"). Own wording: Ghana and Togo."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("intro", [
    "Togo welcomed Ghana's seismic survey vessel, Bright Star, at the port of Lome on Friday.",
    "Togo welcomed the Ghanaian research ship Bright Star at the port of Lome on Friday.",
])
def test_a_states_named_vessel_acts_for_it(read_commitments, intro):
    found = read_commitments(
        f"{intro} Ghana and Togo signed the survey accord in March. The Bright Star is set to conduct seismic "
        "studies in Togolese waters over six months.", "en", published="2025-03-01")
    studies = [c for c in found if "seismic studies" in c.evidence]
    assert [c.agents for c in studies] == [["GHA"]], [(c.evidence, c.agents) for c in found]


def test_a_vessel_in_french_acts_for_its_state(read_commitments):
    found = read_commitments(
        "Le Togo a accueilli vendredi le navire sismique ghanéen Bright Star. Le Ghana et le Togo ont signé "
        "l'accord en mars. Le Bright Star mènera des études sismiques pendant six mois.", "fr",
        published="2025-03-01")
    studies = [c for c in found if "études sismiques" in c.evidence]
    assert [c.agents for c in studies] == [["GHA"]], [(c.evidence, c.agents) for c in found]


def test_what_a_vessel_undergoes_is_no_pledge(read_commitments):
    found = read_commitments(
        "Ghana and Togo signed the survey accord. Ghana's seismic survey vessel, Bright Star, arrived in Lome. "
        "The Bright Star will undergo technical maintenance in Lome.", "en", published="2025-03-01")
    assert not [c for c in found if "undergo" in c.evidence], [(c.evidence, c.agents) for c in found]
