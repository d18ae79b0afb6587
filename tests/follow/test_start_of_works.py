"""A pledge to begin the works is kept when the works are reported under way; a pledge to build
is not (own wording; found on the twenty-fourth and twenty-sixth blind sets: works to begin "early
2025", then reported under way)."""

from __future__ import annotations

import pytest

from .conftest import status_after


@pytest.mark.parametrize(("pledge", "action", "status"), [
    ("Belgium said construction works on the Kati solar plant in Mali will begin early in 2026.",
     "begin construction works on the Kati solar plant", "fulfilled"),
    ("Belgium will build the Kati solar plant in Mali by 2029.", "build the Kati solar plant", "in_progress"),
])
def test_works_under_way_keep_a_pledge_to_begin_them_not_a_pledge_to_build(store, corpus_dir, pledge, action,
                                                                           status):
    later = "Construction of the Kati solar plant is under way, Belgium and Mali said on Monday."
    assert status_after(store, corpus_dir, pledge, later, action,
                         ("Published on 10 January 2025", "Published on 28 May 2026")) == status


@pytest.mark.parametrize(("pledge", "action", "later"), [
    ("Works on the Kati solar plant in Mali will be launched by Belgium on Tuesday 3 March, the ministry said.",
     "launch works on the Kati solar plant",
     "The first phase of the Kati solar plant begins today with the drilling of the foundations, Belgium said."),
    ("Les travaux de la centrale solaire de Kati seront lancés par la Belgique mardi 3 mars, a indiqué le ministère.",
     "lancer les travaux de la centrale solaire de Kati",
     "Les travaux de la centrale solaire de Kati ont commencé mardi, a indiqué la Belgique."),
])
def test_works_to_be_launched_are_kept_when_their_start_is_reported(store, corpus_dir, pledge, action, later):
    """Own wording (found on the thirty-fifth blind set: works "seront lancés mardi", then the first
    phase that "begins today")."""
    assert status_after(store, corpus_dir, pledge, later, action,
                         ("Published on 1 March 2026", "Published on 3 March 2026")) == "fulfilled"


@pytest.mark.parametrize(("later", "status"), [
    ("Les travaux, qui avaient démarré il y a un an à Kati, ont coûté 40 millions d'euros.", "fulfilled"),
    ("Les écoles de la région, qui avaient ouvert il y a un an, ont coûté 40 millions d'euros.", "announced"),
])
def test_works_told_started_in_a_sentence_naming_nobody(store, corpus_dir, later, status):
    """Own wording (found on the thirty-ninth blind set: works "qui avaient démarré il y a cinq
    ans" in a report naming no party in that sentence): two key words of the pledge, one in the
    clause of the cue, link it; a report on something else does not."""
    pledge = ("Les travaux de la centrale solaire de Kati au Mali devraient démarrer en juillet 2025, a indiqué "
              "la Belgique.")
    assert status_after(store, corpus_dir, pledge, "Le ministre belge était à Bamako lundi. " + later,
                        "démarrer les travaux de la centrale solaire de Kati",
                        ("Published on 10 January 2025", "Published on 28 May 2026")) == status
