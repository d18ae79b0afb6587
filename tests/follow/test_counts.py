"""Counts of things a pledge names, read against what a later report counts done (own wording):
"deploy 200 instructors" then « 80 instructeurs déjà déployés » is a part of the pledge, not a
mere step; all of them is the pledge kept; a count of other things says nothing of it."""

from __future__ import annotations

import pytest

from suivi.follow.counts import count_status, find_counts

from .conftest import add_commitment, pledge_then_report, status_after

DATES = ("Published on 10 January 2025", "Published on 28 May 2026")
SEND = ("Belgium will send 200 military instructors to Mali by the end of 2025, the ministry said.",
        "send 200 military instructors to Mali")


@pytest.mark.parametrize(("later", "status"), [
    ("Some 80 Belgian military instructors have been deployed in Mali, Belgium said on Monday.", "partial"),
    ("Quelque 80 instructeurs militaires belges ont déjà été déployés au Mali, a indiqué la Belgique.", "partial"),
    ("All 200 Belgian military instructors have been deployed in Mali, Belgium said on Monday.", "fulfilled"),
])
def test_a_count_reported_done_against_the_pledged_count(store, corpus_dir, later, status):
    assert status_after(store, corpus_dir, SEND[0], later, SEND[1], DATES) == status


def test_a_part_while_the_deadline_runs_is_on_its_way(store, corpus_dir):
    from datetime import date

    from suivi.follow import stage
    from suivi.follow.status import status_of

    pledge = "Belgium will send 200 military instructors to Mali by 2030, the ministry said."
    later = "Some 80 Belgian military instructors have been deployed in Mali, Belgium said on Monday."
    ids = pledge_then_report(store, corpus_dir, pledge, later, dates=DATES)
    with store.begin() as conn:
        cid, _ = add_commitment(conn, ids[0], pledge, key="bel-instructors", agents=["BEL"],
                                beneficiaries=["MLI"], action=SEND[1], deadline="2030")
    stage.run(store, None, lambda *_args: None)
    with store.connect() as conn:
        assert status_of(conn, cid, date(2026, 6, 1)).status == "in_progress"


def test_classes_are_compared_across_languages_and_not_across_things():
    pledged = find_counts("Kenya will deploy 1,000 police officers to Haiti")
    assert [(c.value, c.kind) for c in pledged] == [(1000.0, "police")]
    assert count_status(find_counts("les quelque 400 policiers kenyans déjà déployés"), pledged, True) == "partial"
    assert count_status(find_counts("400 soldiers arrived"), pledged, True) is None
    assert count_status(find_counts("17 boats were refitted"), pledged, True) is None
    # the pledged count told again ("the 1,000 officers") is no news of how many are there
    assert count_status(find_counts("the 1,000 officers"), pledged, True) is None
    assert count_status(find_counts("1,000 officers have arrived"), pledged, True) == "fulfilled"
    # a year or a sum is not a count
    assert find_counts("in 2025 it paid $400 million") == []
