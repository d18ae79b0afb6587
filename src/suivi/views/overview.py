"""One picture of a store: what was read, what was promised, what became of it.

Why a view of its own: `make demo` ends with it, the dashboard opens on it, and an analyst
opening a store wants the same first look everywhere; it only combines other views.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from suivi.follow import deadlines
from suivi.follow.lifecycle import get_lifecycle
from suivi.store import Store, queries
from suivi.store import reading as reading_store
from suivi.store import stories as story_store
from suivi.views.compliance import compliance_at
from suivi.views.register import RegisterItem, register


def overview(store: Store, as_of: date, *, stories: int | None = None, due_within: int = 90,
             recent: int = 10, items: list[RegisterItem] | None = None, overdue_shown: int = 10,
             register_rows: bool = True) -> dict[str, Any]:
    """Counts, people, stories (the latest `stories`, default all), the register, due and overdue
    pledges, recent status changes with their evidence, compliance by party.

    `items`: the register at `as_of` when the caller has it already (hidden ones are dropped);
    `register_rows=False` leaves out the full "register" list (the dashboard shows it paginated).
    """
    with store.connect() as conn:
        languages = queries.language_counts(conn)
        persons = reading_store.list_actors(conn, kind="person", limit=8)
        story_rows = story_store.list_stories(conn, stories)
        if items is None:
            items = register(conn, as_of, details=False)
        else:
            items = [i for i in items if i.review not in ("rejected", "merged")]
        parties = [c for c in compliance_at(conn, as_of, items=items) if c.kind == "party"]
        changes = queries.recent_status_changes(conn, as_of.isoformat(), recent)
        n_stories = queries.count_stories(conn)
    statuses: dict[str, int] = {}
    for item in items:
        statuses[item.status] = statuses.get(item.status, 0) + 1
    horizon = as_of + timedelta(days=due_within)
    life = get_lifecycle()
    due = [i for i in items if not i.overdue and not life.is_final(i.status)
           and _due_between(i.deadline, as_of, horizon)]
    return {
        "as_of": as_of.isoformat(),
        "articles": sum(languages.values()),
        "languages": languages,
        "top_persons": [{"key": p.key, "name": p.name, "mentions": p.mentions} for p in persons],
        "n_stories": n_stories,
        "stories": [
            {"id": s.id, "label": s.label, "articles": s.n_articles, "event_date": s.event_date} for s in story_rows
        ],
        "commitments": len(items),
        "statuses": statuses,
        "overdue": sum(1 for i in items if i.overdue),
        "register": [_row(i) for i in items] if register_rows else [],
        "due_soon": [_row(i) for i in sorted(due, key=lambda i: (i.deadline or "", i.id))],
        "overdue_items": [_row(i) for i in items if i.overdue][:overdue_shown],
        "due_within_days": due_within,
        "recent_changes": [
            {"commitment_id": c["commitment_id"], "status": c["status"], "source": c["source"], "date": c["day"],
             "by": c["actor_name"], "article_id": c["article_id"], "outlet": c["outlet"], "title": c["title"],
             "sentence": c["sentence"], "start": c["start"], "end": c["end"], "note": c["note"]}
            for c in changes
        ],
        "compliance": [c.to_json() for c in parties],
    }


def _row(i: Any) -> dict[str, Any]:
    return {
        "id": i.id, "agents": i.agents, "beneficiaries": i.beneficiaries, "action": i.action,
        "deadline": i.deadline, "status": i.status, "overdue": i.overdue, "articles": i.n_articles,
        "recurrence": i.recurrence, "occurrences": i.occurrences,
    }


def _due_between(deadline: str | None, start: date, end: date) -> bool:
    last = deadlines.deadline_end(deadline)
    return last is not None and start <= last <= end
