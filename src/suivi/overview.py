"""One picture of a store: what was read, what was promised, what became of it.

Why a module of its own: `make demo` ends with it, and an analyst opening a store wants the
same first look; it only calls the stages' query functions.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select

from suivi.follow.compliance import compliance_at
from suivi.follow.register import register
from suivi.store import Store
from suivi.store import reading as reading_store
from suivi.store import stories as story_store
from suivi.store.articles import articles


def overview(store: Store, as_of: date) -> dict[str, Any]:
    with store.connect() as conn:
        languages = dict(
            conn.execute(select(articles.c.language, func.count()).group_by(articles.c.language)).all()
        )
        persons = reading_store.list_actors(conn, kind="person", limit=8)
        stories = story_store.list_stories(conn)
        items = register(conn, as_of)
        parties = [c for c in compliance_at(conn, as_of) if c.kind == "party"]
    statuses: dict[str, int] = {}
    for item in items:
        statuses[item.status] = statuses.get(item.status, 0) + 1
    return {
        "as_of": as_of.isoformat(),
        "articles": sum(languages.values()),
        "languages": {str(k): v for k, v in languages.items()},
        "top_persons": [{"name": p.name, "mentions": p.mentions} for p in persons],
        "stories": [
            {"id": s.id, "label": s.label, "articles": s.n_articles, "event_date": s.event_date} for s in stories
        ],
        "commitments": len(items),
        "statuses": statuses,
        "overdue": sum(1 for i in items if i.overdue),
        "register": [
            {
                "id": i.id, "agents": i.agents, "beneficiaries": i.beneficiaries, "action": i.action,
                "deadline": i.deadline, "status": i.status, "overdue": i.overdue,
                "articles": len({m["article_id"] for m in i.mentions}),
            }
            for i in items
        ],
        "compliance": [c.to_json() for c in parties],
    }
