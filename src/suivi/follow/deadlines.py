"""Deadlines and recurrences against a clock.

Why a deadline is read as the *end* of its period: "by 2026" is kept until 31 December 2026,
"in June 2025" until 30 June; a commitment is overdue only once that whole period is over.
Recurring commitments ("annual session", "every six months") have no single deadline: each
period since the first report is an occurrence that is expected by the end of the period.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_PERIOD = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
_WORDS = {"annual": 12, "yearly": 12, "semiannual": 6, "biannual": 6, "quarterly": 3, "monthly": 1}


def parse_day(value: str | None) -> date | None:
    """'2025-06-30' (or a longer timestamp) -> date; anything else -> None."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def deadline_end(deadline: str | None) -> date | None:
    """Last day of the deadline's period: '2026' -> 2026-12-31, '2025-06' -> 2025-06-30."""
    if not deadline:
        return None
    parts = deadline.strip()[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        return None


def is_past(deadline: str | None, as_of: date) -> bool:
    end = deadline_end(deadline)
    return end is not None and as_of > end


def period_months(recurrence: str | None) -> int | None:
    """'P1Y' -> 12, 'P6M' -> 6, 'annual' -> 12; None when not a recurrence we can count."""
    if not recurrence:
        return None
    value = recurrence.strip()
    if value.lower() in _WORDS:
        return _WORDS[value.lower()]
    m = _PERIOD.match(value.upper())
    if not m:
        return None
    years, months, weeks, days = (int(g) if g else 0 for g in m.groups())
    total = years * 12 + months + round(weeks / 4.345) + round(days / 30.44)
    return total or None


def _add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def occurrence_index(start: date, when: date, months: int) -> int:
    """Which period after `start` a day falls in: 1 for the first full period, and so on."""
    elapsed = (when.year - start.year) * 12 + (when.month - start.month) - (1 if when.day < start.day else 0)
    return max(1, elapsed // months + 1) if when > start else 0


def expected_occurrences(start: date, months: int, as_of: date) -> int:
    """Occurrences whose period has fully ended by `as_of` (the first is due start + period)."""
    count = 0
    while _add_months(start, months * (count + 1)) <= as_of:
        count += 1
    return count
