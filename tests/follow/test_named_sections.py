"""A report naming the section a pledge named is about that pledge, not about another pledge of
the same parties that is closer in meaning (own wording; found on the thirty-seventh blind set: a
minister who "inspected the progress of the railway construction on the Mwanza–Isaka section",
pledged as « construire 341 kilomètres de rails entre Mwanza et Isaka »)."""

from __future__ import annotations

from datetime import date

from suivi.follow import evidence, stage
from suivi.follow.status import status_of

from .conftest import add_commitment, pledge_then_report


def noop(*_args) -> None:
    return None


_BUILD = "Belgium will build 341 kilometres of railway track between Koulikoro and Kayes, the ministry said."
_RUN = "Belgium pledged to support railway construction in Mali."
_LATER = ("On the section between Koulikoro and Kayes, Mali's Minister of Transport, Prof. Amadou Traore, "
          "inspected the progress of the railway construction on Monday, with Belgian engineers.")


def _statuses(store, corpus_dir) -> tuple[str, str]:
    ids = pledge_then_report(store, corpus_dir, _BUILD + " " + _RUN, _LATER, titles=("Mali and Belgium", "Railway"))
    with store.begin() as conn:
        build, _ = add_commitment(conn, ids[0], _BUILD, key="bel-track", agents=["BEL"], beneficiaries=["MLI"],
                                  action="build 341 kilometres of railway track between Koulikoro and Kayes")
        run, _ = add_commitment(conn, ids[0], _RUN, key="bel-service", agents=["BEL"], beneficiaries=["MLI"],
                                action="support railway construction")
    stage.run(store, None, noop)
    with store.connect() as conn:
        return status_of(conn, build, date(2026, 6, 1)).status, status_of(conn, run, date(2026, 6, 1)).status


def test_the_section_named_in_both_ranks_its_pledge_first(store, corpus_dir):
    assert _statuses(store, corpus_dir) == ("in_progress", "announced")


def test_names_of_a_pledge_leave_out_its_opening_word_and_generic_titles():
    assert evidence.named_words(["Construction of the track between Koulikoro and Kayes"]) == {"koulikoro", "kayes"}
    assert "minister" not in evidence.named_words(["Belgium said its Minister would visit Kayes"])

