"""What every briefing format shares: labels, the chart, short forms of facts."""

from __future__ import annotations

from datetime import date

from suivi.follow import deadlines
from suivi.show import charts
from suivi.views.briefing import Briefing
from suivi.views.labels import recurrence_label

SECTIONS = {
    "summary": "At a glance",
    "stories": "Stories of the period",
    "new": "New commitments",
    "changes": "Status changes and their evidence",
    "overdue": "Overdue pledges",
    "compliance": "Compliance by party",
    "disagreements": "Where outlets disagree",
    "sources": "Sources",
}
STATUS_WORDS = {"in_progress": "in progress"}


def status_word(status: str) -> str:
    return STATUS_WORDS.get(status, status)


def parties(brief: Briefing, keys: list[str]) -> str:
    return ", ".join(brief.name(k) for k in keys) or "—"


def who(brief: Briefing, agents: list[str], beneficiaries: list[str]) -> str:
    text = parties(brief, agents)
    return f"{text} → {parties(brief, beneficiaries)}" if beneficiaries else text


def days_overdue(deadline: str | None, as_of: date) -> int | None:
    end = deadlines.deadline_end(deadline)
    return (as_of - end).days if end else None


def field_label(field: str) -> str:
    """'event_date' -> 'date of the event', 'figure:solda' -> 'figure (solda…)', 'label:AES' -> 'name of AES'."""
    if field == "event_date":
        return "date of the event"
    kind, _, rest = field.partition(":")
    if kind == "figure":
        return f"figure ({rest}…)"
    if kind == "label":
        return f"name used for {rest}"
    return field


def compliance_chart(brief: Briefing) -> tuple[bytes, bytes] | None:
    """(SVG, PNG) of the compliance chart, or None when no party has a commitment."""
    title = f"Compliance by party as of {brief.end.isoformat()} (score 0–100 %)"
    fig = charts.compliance_figure(brief.compliance, title=title)
    if fig is None:
        return None
    try:
        return charts.to_svg(fig), charts.to_png(fig)
    finally:
        charts.close(fig)


def what(item: object, limit: int = 220) -> str:
    """A commitment in the words of its first report (the extractor's action as a fallback)."""
    text = " ".join((getattr(item, "evidence", None) or getattr(item, "action", None) or "").split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def deadline_text(item: object) -> str:
    deadline = getattr(item, "deadline", None)
    if deadline:
        return deadline
    recurrence = getattr(item, "recurrence", None)
    return recurrence_label(recurrence) if recurrence else "—"


def outlet(name: str | None) -> str:
    """An outlet's name; reconcile labels a source with no outlet name "article:N"."""
    if not name or name.startswith("article:"):
        return "outlet not known"
    return name
