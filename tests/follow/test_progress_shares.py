"""Works reported by the share done, or visited in progress, are under way (own wording; found on
the thirty-seventh blind set: a railway's "construction progress has reached 63.04%, despite brief
delays", a minister who "inspected the progress of" its construction, another's "79.9 percent of
completion")."""

from __future__ import annotations

import pytest

from .conftest import status_after


@pytest.mark.parametrize(("pledge", "action", "later"), [
    ("Belgium will build the Kati solar plant in Mali by 2029, the ministry said.", "build the Kati solar plant",
     "Construction progress on the Kati solar plant has reached 63 percent, Belgium and Mali said on Monday."),
    ("Belgium will build the Kati solar plant in Mali by 2029, the ministry said.", "build the Kati solar plant",
     "The Kati solar plant built by Belgium in Mali has reached 79.9 percent of completion, the ministry said."),
    ("La Belgique construira la centrale solaire de Kati au Mali d'ici 2029, a indiqué le ministère.",
     "construire la centrale solaire de Kati",
     "Les travaux de la centrale solaire de Kati construite par la Belgique au Mali sont réalisés à 63 %."),
    ("La Belgique construira la centrale solaire de Kati au Mali d'ici 2029, a indiqué le ministère.",
     "construire la centrale solaire de Kati",
     "Le taux d'avancement des travaux de la centrale solaire de Kati au Mali est de 63 %, a indiqué la "
     "Belgique."),
    # a delay conceded ("despite") is not the fact reported
    ("Belgium will build the Kati solar plant in Mali by 2029, the ministry said.", "build the Kati solar plant",
     "Construction progress on the Kati solar plant has reached 63 percent despite brief delays, Belgium said."),
    # a minister's visit to the works' progress; "Prof." does not end the sentence
    ("Belgium will build the Kati solar plant in Mali by 2029, the ministry said.", "build the Kati solar plant",
     "Mali's Minister of Energy, Prof. Amadou Traore, inspected the progress of the Kati solar plant built by "
     "Belgium on Monday."),
])
def test_works_told_by_their_share_done_are_under_way(store, corpus_dir, pledge, action, later):
    assert status_after(store, corpus_dir, pledge, later, action,
                        ("Published on 10 January 2025", "Published on 28 May 2026")) == "in_progress"
