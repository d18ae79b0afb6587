"""Corroboration: how many independent outlets back a merged commitment or an event fact.

Why outlets, not articles: a syndicated copy or a light rewrite (flagged by duplicates) and
two articles of one outlet add no independent confirmation; a claim with one source is
marked `single_source` so a reader sees it rests on one outlet's word.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection

from suivi.store import stories as story_store
from suivi.store.articles import iter_articles


def sources(conn: Connection, article_ids: list[int]) -> dict[int, str]:
    """Each article mapped to its independent source: the outlet of the original it copies."""
    roots = story_store.duplicate_roots(conn, article_ids)
    arts = {a.id: a for a in iter_articles(conn, sorted(set(roots.values()) | set(article_ids)))}
    out = {}
    for aid in article_ids:
        root = arts.get(roots[aid])
        outlet = (root.outlet or "").strip().lower() if root else ""
        out[aid] = outlet or f"article:{roots[aid]}"
    return out


def count_outlets(conn: Connection, article_ids: list[int]) -> tuple[int, list[str]]:
    names = sorted(set(sources(conn, article_ids).values()))
    return len(names), names


def commitments(conn: Connection, story_id: int) -> list[dict[str, Any]]:
    """A story's merged commitments with their mentions and independent-outlet counts."""
    rows = story_store.commitments_of_story(conn, story_id)
    mentions = story_store.mentions_of_commitments(conn, [r["id"] for r in rows])
    by_c: dict[int, list[story_store.MentionRow]] = defaultdict(list)
    for m in mentions:
        by_c[int(m.commitment_id)].append(m)  # type: ignore[arg-type]
    src = sources(conn, sorted({m.article_id for m in mentions}))
    out = []
    for r in rows:
        ms = by_c.get(r["id"], [])
        outlets = sorted({src[m.article_id] for m in ms})
        out.append(
            {
                "id": r["id"],
                "key": r["key"],
                "agents": r["agents"],
                "beneficiaries": r["beneficiaries"],
                "action": r["action"],
                "sector": r["sector"],
                "deadline": r["deadline"],
                "mentions": [
                    {"article_id": m.article_id, "evidence": m.evidence, "start": m.start, "end": m.end} for m in ms
                ],
                "outlets": outlets,
                "n_outlets": len(outlets),
                "single_source": len(outlets) <= 1,
            }
        )
    return out


def events(conn: Connection, story_id: int) -> list[dict[str, Any]]:
    """The story's event facts (kind, date, place) with the independent outlets reporting each."""
    members = story_store.story_members(conn, story_id)
    src = sources(conn, members)
    facts: dict[tuple, set[int]] = defaultdict(set)
    for aid in members:
        for ev in story_store.events_of_article(conn, aid):
            facts[(ev.kind, (ev.date or "")[:10] or None, ev.place)].add(aid)
    out = []
    for (kind, day, place), aids in sorted(facts.items(), key=lambda kv: (-len(kv[1]), str(kv[0]))):
        outlets = sorted({src[a] for a in aids})
        out.append(
            {
                "kind": kind,
                "date": day,
                "place": place,
                "articles": sorted(aids),
                "outlets": outlets,
                "n_outlets": len(outlets),
                "single_source": len(outlets) <= 1,
            }
        )
    return out
