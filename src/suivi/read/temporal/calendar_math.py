"""Calendar arithmetic and the value a resolver returns, before it becomes a TimeValue.

Why apart: month and year arithmetic (end of month, "+6 months" on 31 August) is easy to
get wrong and is shared by every resolver; kept here with no regex and no language data.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Resolved:
    kind: str
    value: str | None
    precision: str
    start: date | None = None
    end: date | None = None


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(d: date, n: int, unit: str) -> date:
    if unit == "Y":
        return add_months(d, 12 * n)
    if unit == "M":
        return add_months(d, n)
    if unit == "W":
        return d + timedelta(weeks=n)
    if unit == "D":
        return d + timedelta(days=n)
    return d + timedelta(hours=n)  # H: whole days only survive; fine at day precision


def iso(d: date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def day_value(d: date) -> Resolved:
    return Resolved("date", d.isoformat(), "day", d, d)


def month_value(year: int, month: int) -> Resolved:
    return Resolved("date", f"{year:04d}-{month:02d}", "month", date(year, month, 1), last_day(year, month))


def year_value(year: int) -> Resolved:
    return Resolved("date", f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))


def interval_value(start: date, end: date, granularity: str) -> Resolved:
    return Resolved("interval", iso(end, granularity), "interval", start, end)


UNIT_PRECISION = {"H": "day", "D": "day", "W": "day", "M": "month", "Y": "year"}

def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
