"""Stories: the list, and one story with its articles side by side, merged commitments,
event facts and the points where outlets disagree."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from suivi.reconcile.report import story_detail
from suivi.store import articles as article_store
from suivi.store import commitments as commitment_store
from suivi.store import stories as story_store
from suivi.views.text import Mark, paragraphs


def list_stories(conn: Connection, *, offset: int = 0, limit: int = 50) -> dict[str, Any]:
    rows = story_store.list_stories(conn, offset + limit + 1)
    return {"offset": offset, "limit": limit, "has_next": len(rows) > offset + limit,
            "items": [s.to_json() for s in rows[offset:offset + limit]]}


def story_page(conn: Connection, story_id: int) -> dict[str, Any]:
    """`reconcile.report.story_detail` plus each article's text with its commitment mentions marked."""
    data = story_detail(conn, story_id)
    ids = [a["article_id"] for a in data["articles"]]
    texts = {a.id: a for a in article_store.iter_articles(conn, ids)}
    marks: dict[int, list[Mark]] = {i: [] for i in ids}
    for m in commitment_store.list_mentions(conn, article_ids=ids):
        ref = str(m.commitment_id) if m.commitment_id is not None else None
        marks[m.article_id].append(Mark(m.start, m.end, "commitment", ref, m.action, f"m{m.id}"))
    for a in data["articles"]:
        art = texts.get(a["article_id"])
        a["url"] = art.url if art else None
        a["paragraphs"] = ([[s.to_json() for s in p] for p in paragraphs(art.text, marks[art.id])]
                           if art else [])
    return data
