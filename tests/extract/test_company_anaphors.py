"""A state company named again by a common noun ("the state corporation", « la compagnie ») acts
for its state, as it does when named (found on blind set 57LA: "This is Rosatom's first major
project ... the state corporation will build four units"). Own wording: Ghana and the
gazetteer's state companies."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("noun", ["the state corporation", "the company", "the contractor"])
def test_a_state_company_named_again_acts_for_its_state(read_with_names, noun):
    found = read_with_names(
        "Ghana signed a refinery deal with Sonatrach in Accra on Monday. It is Sonatrach's first large "
        f"project in West Africa. By 2028, {noun} will build two refinery units near Tema.", "en")
    units = [c for c in found if "refinery units" in c.evidence]
    assert [c.agents for c in units] == [["DZA"]], [(c.evidence, c.agents) for c in found]


def test_in_french_too(read_with_names):
    found = read_with_names(
        "Le Ghana a signé lundi un accord de raffinage avec Sonatrach. C'est le premier grand projet de "
        "Sonatrach en Afrique de l'Ouest. D'ici 2028, la compagnie construira deux unités de raffinage "
        "près de Tema.", "fr")
    units = [c for c in found if "unités de raffinage" in c.evidence]
    assert [c.agents for c in units] == [["DZA"]], [(c.evidence, c.agents) for c in found]
