"""One article as a reader sees it: clean text with actors, quotes, dates and commitments
marked and linked, plus its metadata and story; and the article list."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from suivi.store import articles as article_store
from suivi.store import commitments as commitment_store
from suivi.store import queries
from suivi.store import reading as reading_store
from suivi.views.text import Mark, paragraphs


def list_articles(conn: Connection, *, offset: int = 0, limit: int = 50, language: str | None = None,
                  outlet: str | None = None, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    rows = queries.article_page(conn, offset=offset, limit=limit + 1, language=language, outlet=outlet,
                                since=since, until=until)
    return {"offset": offset, "limit": limit, "has_next": len(rows) > limit, "items": rows[:limit]}


def article_page(conn: Connection, ref: int | str) -> dict[str, Any]:
    """Metadata, marked paragraphs and the facts read from the article (each with its span)."""
    art = article_store.get_article(conn, ref)
    actors = reading_store.mentions_for_article(conn, art.id)
    quotes = reading_store.list_quotes(conn, article_id=art.id)
    times = reading_store.time_expressions_for_article(conn, art.id)
    commitments = commitment_store.mentions_for_article(conn, art.id)
    marks = [Mark(q.start, q.end, "quote", q.speaker_key, q.speaker) for q in quotes]
    marks += [Mark(m.start, m.end, "commitment", str(m.commitment_id) if m.commitment_id else None, m.action,
                   f"m{m.id}") for m in commitments]
    marks += [Mark(t["span_start"], t["span_end"], "date", None, t["value"]) for t in times]
    marks += [Mark(m.start, m.end, "actor", m.actor_key, m.name) for m in actors]
    story = queries.stories_of_articles(conn, [art.id]).get(art.id)
    meta = art.to_json(with_text=True)
    return {
        "article": meta,
        "story_id": story,
        "paragraphs": [[s.to_json() for s in p] for p in paragraphs(art.text, marks)],
        "actors": _unique_actors(actors),
        "quotes": [q.to_json() for q in quotes],
        "dates": times,
        "commitments": [
            {"id": m.id, "commitment_id": m.commitment_id, "agents": m.agents, "beneficiaries": m.beneficiaries,
             "action": m.action, "deadline": m.deadline, "evidence": m.evidence, "start": m.start, "end": m.end}
            for m in commitments
        ],
    }


def raw_text(conn: Connection, ref: int | str) -> tuple[bytes, str]:
    """The bytes as they arrived, and the kind of source (shown as plain text, never rendered)."""
    art = article_store.get_article(conn, ref)
    return queries.article_raw(conn, art.id), art.source_kind


def _unique_actors(mentions: list[reading_store.MentionView]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for m in mentions:
        entry = seen.setdefault(m.actor_key, {"key": m.actor_key, "name": m.name, "kind": m.kind, "mentions": 0})
        entry["mentions"] += 1
    return sorted(seen.values(), key=lambda a: (-a["mentions"], a["name"]))
