"""Compliance figures read from the register at a date, and their month-by-month series.

Why here and not in `follow`: scoring is the follow stage's rule (`follow.compliance`), but
which commitments count on a given day is the register's answer, and the register is a view.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection

from suivi.follow import deadlines
from suivi.follow.compliance import Compliance, compliance, month_ends
from suivi.views.register import RegisterItem, register


def compliance_at(conn: Connection, as_of: date, *, party: str | None = None,
                  items: list[RegisterItem] | None = None) -> list[Compliance]:
    """Compliance figures from the register as it stood at `as_of` (or from `items`, built at `as_of`)."""
    return compliance(register(conn, as_of, details=False) if items is None else items, as_of, party=party)


def compliance_over_time(conn: Connection, as_of: date, *, party: str | None = None) -> list[dict[str, Any]]:
    """Figures at the end of each month from the first report to `as_of`."""
    everything = register(conn, as_of, details=False)
    starts = [deadlines.parse_day(d) for i in everything for d in (i.first_reported, i.first_seen)]
    known = [d for d in starts if d is not None]
    if not known:
        return []
    return [
        {"as_of": day.isoformat(), "figures": [c.to_json() for c in compliance_at(conn, day, party=party)]}
        for day in month_ends(min(known), as_of)
    ]
