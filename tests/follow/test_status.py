"""Status replay from the log: as_of, overdue, analyst precedence, allowed transitions, recurrences."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from suivi.follow.deadlines import deadline_end, expected_occurrences, period_months
from suivi.follow.status import derive, parse_as_of
from suivi.store.follow import StatusChangeRow

_ids = iter(range(1, 10_000))


def change(status: str, day: str, source: str = "auto", decided: str | None = None, occurrence: str | None = None):
    at = datetime.fromisoformat(decided or day).replace(tzinfo=UTC)
    return StatusChangeRow(
        id=next(_ids), commitment_key="k", status=status, article_id=None, span_id=None, source=source,
        actor_name="ana" if source == "analyst" else None, at=at, effective_date=day, confidence=1.0,
        cue=None, note=None, source_ref=None, occurrence=occurrence, extractor_version=None,
    )


def undated(status: str, source: str = "auto", at: datetime = datetime(2026, 12, 3, tzinfo=UTC)):
    """A change with no day of its own (an undated report, or an analyst's change without one)."""
    return StatusChangeRow(
        id=next(_ids), commitment_key="k", status=status, article_id=None, span_id=None, source=source,
        actor_name="ana" if source == "analyst" else None, at=at, effective_date=None, confidence=1.0, cue=None,
        note=None, source_ref=None, occurrence=None, extractor_version=None,
    )


@pytest.mark.parametrize(
    ("value", "end"),
    [("2026", date(2026, 12, 31)), ("2025-02", date(2025, 2, 28)), ("2024-02", date(2024, 2, 29)),
     ("2025-06-30", date(2025, 6, 30)), (None, None), ("soon", None)],
)
def test_deadline_is_the_end_of_its_period(value, end):
    assert deadline_end(value) == end


def test_replay_counts_only_evidence_published_by_as_of():
    log = [change("in_progress", "2025-05-10"), change("fulfilled", "2025-09-01")]
    assert derive(log, as_of=date(2025, 5, 1), deadline="2025-12")[0] == "announced"
    assert derive(log, as_of=date(2025, 6, 1), deadline="2025-12")[0] == "in_progress"
    status, overdue, source, views, _ = derive(log, as_of=date(2025, 9, 1), deadline="2025-12")
    assert (status, overdue, source) == ("fulfilled", False, "auto")
    assert [v.applied for v in views] == [True, True]


def test_overdue_is_a_flag_against_the_clock():
    assert derive([], as_of=date(2025, 12, 31), deadline="2025-12")[:2] == ("announced", False)
    assert derive([], as_of=date(2026, 1, 1), deadline="2025-12")[:2] == ("announced", True)
    stalled = [change("stalled", "2025-11-02")]
    assert derive(stalled, as_of=date(2026, 1, 1), deadline="2025-12")[:2] == ("stalled", True)
    done = [change("fulfilled", "2025-11-02")]
    assert derive(done, as_of=date(2026, 1, 1), deadline="2025-12")[:2] == ("fulfilled", False)
    assert derive([], as_of=date(2030, 1, 1), deadline=None)[1] is False


def test_automatic_evidence_cannot_reopen_a_final_status():
    log = [change("fulfilled", "2025-05-01"), change("in_progress", "2025-06-01")]
    status, _, _, views, _ = derive(log, as_of=date(2025, 7, 1), deadline=None)
    assert status == "fulfilled"
    assert [v.applied for v in views] == [True, False]


def test_analyst_wins_over_earlier_automatic_evidence_not_later_one():
    log = [
        change("fulfilled", "2025-05-01"),
        change("partial", "2025-06-15", source="analyst", decided="2025-06-15"),
        change("in_progress", "2025-06-01"),  # evidence the analyst had seen
        change("fulfilled", "2025-08-01"),  # news after the decision
    ]
    assert derive(log, as_of=date(2025, 7, 1), deadline=None)[:3] == ("partial", False, "analyst")
    assert derive(log, as_of=date(2025, 9, 1), deadline=None)[:3] == ("fulfilled", False, "auto")
    # the analyst may also move out of a final status
    log2 = [change("fulfilled", "2025-05-01"), change("broken", "2025-06-01", source="analyst")]
    assert derive(log2, as_of=date(2025, 7, 1), deadline=None)[0] == "broken"


def test_recurring_commitments_count_occurrences():
    assert period_months("P1Y") == 12 and period_months("P6M") == 6 and period_months("weekly-ish") is None
    assert expected_occurrences(date(2025, 4, 3), 12, date(2026, 4, 2)) == 0
    assert expected_occurrences(date(2025, 4, 3), 12, date(2027, 4, 3)) == 2
    log = [change("fulfilled", "2026-03-20", occurrence="1"), change("stalled", "2027-05-01")]
    status, overdue, _, _, occ = derive(
        log, as_of=date(2026, 12, 1), deadline=None, recurrence="P1Y", first_reported="2025-04-03"
    )
    assert (status, overdue, occ) == ("fulfilled", False, {"expected": 1, "reported": 1})
    # a held session does not freeze a recurring pledge: the next one can be postponed
    status, overdue, _, _, occ = derive(
        log, as_of=date(2027, 6, 1), deadline=None, recurrence="P1Y", first_reported="2025-04-03"
    )
    assert (status, overdue, occ) == ("stalled", True, {"expected": 2, "reported": 1})


def test_as_of_accepts_a_day_a_month_or_a_year():
    assert parse_as_of("2025-06-30") == date(2025, 6, 30)
    assert parse_as_of("2025-06") == date(2025, 6, 30)
    assert parse_as_of("2025") == date(2025, 12, 31)
    assert parse_as_of(None) == date.today()


def test_evidence_from_an_undated_article_counts_from_the_first_report_not_the_day_it_was_stored():
    report = undated("fulfilled")
    assert derive([report], as_of=date(2026, 11, 1), deadline=None, first_reported="2024-03-01")[0] == "fulfilled"
    assert derive([report], as_of=date(2024, 2, 1), deadline=None, first_reported="2024-03-01")[0] == "announced"
    # an analyst's change without a day still counts from the day it was made
    decided = undated("broken", source="analyst")
    assert derive([decided], as_of=date(2026, 11, 1), deadline=None, first_reported="2024-03-01")[0] == "announced"


def test_evidence_with_no_day_anywhere_counts_and_is_shown_undated():
    """An undated report about a pledge whose first report is undated too: the evidence counts
    (it came after the pledge) and its day is shown as unknown, not as the year 1."""
    status, _overdue, _source, views, _occ = derive([undated("in_progress")], as_of=date(2026, 11, 1),
                                                    deadline=None, first_reported=None)
    assert status == "in_progress"
    assert views[0].applied and views[0].date is None
