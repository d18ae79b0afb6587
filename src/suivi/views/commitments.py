"""One commitment as an analyst checks it: every mention in its article, the status timeline
with its evidence, how many independent outlets back it, and the audit trail."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection

from suivi.follow import review
from suivi.follow.status import status_of
from suivi.reconcile import corroboration
from suivi.store import articles as article_store
from suivi.store import commitments as commitment_store
from suivi.store import follow as follow_store
from suivi.views.text import context


def commitment_page(conn: Connection, commitment_id: int, as_of: date | None = None) -> dict[str, Any]:
    """Fields, status at `as_of` with the whole log, mentions in context, corroboration, audit."""
    c = commitment_store.get_commitment(conn, commitment_id)
    view = status_of(conn, c.id, as_of)
    mentions = commitment_store.list_mentions(conn, commitment_id=c.id)
    texts = {a.id: a for a in article_store.iter_articles(conn, sorted({m.article_id for m in mentions}))}
    src = corroboration.sources(conn, sorted(texts)) if texts else {}
    shown = []
    for m in mentions:
        art = texts.get(m.article_id)
        segs, cut_before, cut_after = context(art.text, m.start, m.end, m.sentence) if art else ([], False, False)
        shown.append({
            "id": m.id, "key": m.key, "article_id": m.article_id, "title": m.article_title, "outlet": m.outlet,
            "published": m.published, "url": art.url if art else None, "start": m.start, "end": m.end,
            "evidence": m.evidence, "sentence": m.sentence, "cue": m.cue, "modality": m.modality,
            "confidence": m.confidence, "source": src.get(m.article_id), "context": [s.to_json() for s in segs],
            "cut_before": cut_before, "cut_after": cut_after,
        })
    changes = [vars(ch) for ch in view.changes]
    change_articles = {ch["article_id"] for ch in changes if ch["article_id"]}
    titles = {a.id: (a.title, a.outlet) for a in article_store.iter_articles(conn, sorted(change_articles))}
    for ch in changes:
        ch["title"], ch["outlet"] = titles.get(ch["article_id"], (None, None))
    independent = sorted({s for s in src.values() if s})
    audit = follow_store.audit_for(conn, "commitment", [c.key])
    return {
        "commitment": c.to_json(),
        "status": view.status,
        "overdue": view.overdue,
        "as_of": view.as_of,
        "occurrences": view.occurrences,
        "review": review.review_state(conn).get(c.key),
        "mentions": shown,
        "status_changes": changes,
        "corroboration": {"independent_outlets": independent, "n_independent": len(independent),
                          "n_mentions": len(shown), "n_articles": len(texts),
                          "single_source": len(independent) <= 1},
        "audit": [
            {"id": a.id, "at": a.at.isoformat(), "user": a.user, "action": a.action, "before": a.before,
             "after": a.after, "why": a.why}
            for a in audit
        ],
    }
