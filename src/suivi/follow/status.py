"""A commitment's status at a date, derived from its append-only status_changes log.

Why derived, never stored: the log keeps every piece of evidence and every analyst decision;
the status "as of" any day is a replay of that log, so past states can be shown exactly as
they were (`--as-of`) and a re-run of the extractors can only add or replace automatic rows.

Replay rules:
- a change counts at its effective date: the evidence article's publication day (automatic)
  or the day the analyst gave (default: the day of the decision); later changes are ignored;
- automatic evidence moves the status only along the lifecycle's allowed transitions;
- an analyst's change wins over every automatic change whose evidence the analyst could have
  seen (effective on or before the day of the decision); later evidence applies again;
- recurring commitments count occurrences: each fulfilled occurrence is one period done, and a
  recurring commitment is never frozen in `fulfilled` (the next session can still be postponed).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection

from suivi.follow import deadlines
from suivi.follow.lifecycle import Lifecycle, get_lifecycle
from suivi.store import commitments as commitment_store
from suivi.store import follow as follow_store
from suivi.store.follow import StatusChangeRow


@dataclass
class ChangeView:
    """One entry of the log as shown to users, with its evidence and whether it took effect."""

    id: int
    status: str
    source: str
    date: str | None
    applied: bool
    article_id: int | None = None
    start: int | None = None
    end: int | None = None
    sentence: str | None = None
    cue: str | None = None
    confidence: float = 1.0
    actor_name: str | None = None
    note: str | None = None
    source_ref: str | None = None
    occurrence: str | None = None


@dataclass
class StatusView:
    """What `status_of` returns: the status and overdue flag at `as_of`, and the log behind it."""

    commitment_id: int
    key: str
    status: str
    overdue: bool
    deadline: str | None
    as_of: str
    source: str | None  # auto | analyst | None (no change yet)
    changes: list[ChangeView] = field(default_factory=list)
    occurrences: dict[str, int] | None = None  # recurring: expected, reported

    @property
    def evidence(self) -> list[ChangeView]:
        return [c for c in self.changes if c.applied]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        return data


def _effective(change: StatusChangeRow, first_reported: str | None = None) -> date:
    """The day a change counts from.

    Automatic evidence from an article whose day is unknown (an excerpt without a date line)
    counts from the commitment's first report: the follow stage only takes evidence from
    articles later than that report, so it is known to come after it, not when. The day the
    article was stored would hide it from every earlier clock, however old the report is.
    """
    day = deadlines.parse_day(change.effective_date) or deadlines.parse_day(change.published)
    if day is None and change.source == "auto":
        day = deadlines.parse_day(first_reported) or date.min
    return day or change.at.date()


def derive(
    changes: list[StatusChangeRow],
    *,
    as_of: date,
    deadline: str | None,
    recurrence: str | None = None,
    first_reported: str | None = None,
    lifecycle: Lifecycle | None = None,
) -> tuple[str, bool, str | None, list[ChangeView], dict[str, int] | None]:
    """Replay a log: (status, overdue, source of the status, change views, occurrences)."""
    life = lifecycle or get_lifecycle()
    months = deadlines.period_months(recurrence)
    dated = sorted(((_effective(c, first_reported), c) for c in changes), key=lambda pair: (pair[0], pair[1].id))
    visible = [(d, c) for d, c in dated if d <= as_of]
    analyst_days = [c.at.date() for d, c in visible if c.source == "analyst"]
    status, source = life.initial, None
    views: list[ChangeView] = []
    occurrences: set[str] = set()
    for day, change in dated:
        applied = False
        if day <= as_of:
            if change.source == "analyst":
                applied = True
            else:
                overruled = any(decided >= day for decided in analyst_days)
                current = "in_progress" if (months and status == "fulfilled") else status
                applied = not overruled and life.allows(current, change.status)
            if applied:
                status, source = change.status, change.source
                if months and change.status == "fulfilled":
                    occurrences.add(change.occurrence or day.isoformat())
        views.append(
            ChangeView(
                # no day known at all (undated report of an undated pledge): shown undated, not
                # as the year 1 it sorts by
                id=change.id, status=change.status, source=change.source,
                date=None if day == date.min else day.isoformat(),
                applied=applied, article_id=change.article_id, start=change.start, end=change.end,
                sentence=change.sentence, cue=change.cue, confidence=change.confidence,
                actor_name=change.actor_name, note=change.note, source_ref=change.source_ref,
                occurrence=change.occurrence,
            )
        )
    occ = None
    overdue = not life.is_final(status) and deadlines.is_past(deadline, as_of)
    start = deadlines.parse_day(first_reported)
    if months and start:
        expected = deadlines.expected_occurrences(start, months, as_of)
        occ = {"expected": expected, "reported": len(occurrences)}
        overdue = status not in ("broken", "moot") and len(occurrences) < expected
    return status, overdue, source, views, occ


def status_of(conn: Connection, commitment_id: int, as_of: date | None = None) -> StatusView:
    """The status of one commitment at `as_of` (default: today), with its evidence."""
    as_of = as_of or date.today()
    commitment = commitment_store.get_commitment(conn, commitment_id)
    changes = follow_store.changes_for(conn, commitment.key)
    status, overdue, source, views, occ = derive(
        changes, as_of=as_of, deadline=commitment.deadline, recurrence=commitment.recurrence,
        first_reported=commitment.first_reported,
    )
    return StatusView(
        commitment_id=commitment.id, key=commitment.key, status=status, overdue=overdue,
        deadline=commitment.deadline, as_of=as_of.isoformat(), source=source, changes=views, occurrences=occ,
    )


def parse_as_of(value: str | None) -> date:
    """The `--as-of` option: an ISO day, a month (its last day) or a year; default today."""
    if not value:
        return date.today()
    end = deadlines.deadline_end(value)
    if end is None:
        from suivi.errors import SuiviError

        raise SuiviError(f"--as-of {value!r}: expected YYYY-MM-DD, YYYY-MM or YYYY")
    return end
