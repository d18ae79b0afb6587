"""Words for values the store keeps in machine form, shared by the web pages, briefings and CLI.

Why here: the store keeps recurrences as ISO 8601 durations ('P1Y') so they can be counted;
an analyst reads 'yearly'. One function keeps every screen saying it the same way.
"""

from __future__ import annotations

from suivi.follow import deadlines


def recurrence_label(recurrence: str | None) -> str:
    """'P1Y' -> 'yearly', 'P6M' -> 'every 6 months', 'P2Y' -> 'every 2 years'; '' for none."""
    if not recurrence:
        return ""
    months = deadlines.period_months(recurrence)
    if not months:
        return f"every {recurrence}"
    if months % 12 == 0:
        return "yearly" if months == 12 else f"every {months // 12} years"
    return "monthly" if months == 1 else f"every {months} months"
