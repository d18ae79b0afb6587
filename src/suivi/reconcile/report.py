"""What the CLI (and later the web) shows of reconcile: story details and article comparisons.

Why a library module: `suivi story` and `suivi compare` are thin wrappers; the same plain
dictionaries serve the JSON output, the Rich tables and any other front end.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from suivi.reconcile import corroboration
from suivi.store import stories as story_store
from suivi.store.articles import get_article


def story_detail(conn: Connection, story_id: int) -> dict[str, Any]:
    """Timeline of articles, merged commitments with corroboration, disagreements, summary."""
    view = story_store.get_story(conn, story_id)
    members = [a.article_id for a in view.articles]
    src = corroboration.sources(conn, members)
    data = view.to_json()
    for a in data["articles"]:
        a["source"] = src[a["article_id"]]
    n, outlets = corroboration.count_outlets(conn, members)
    data["independent_outlets"] = n
    data["outlets"] = outlets
    data["commitments"] = corroboration.commitments(conn, story_id)
    data["events"] = corroboration.events(conn, story_id)
    data["disagreements"] = story_store.disagreements_of(conn, story_id)
    data["attributions"] = story_store.attributions_of(conn, members)
    data["summary"] = story_store.summary_of(conn, story_id)
    return data


def _facts(conn: Connection, ref: int | str) -> dict[str, Any]:
    a = get_article(conn, ref)
    feats = story_store.features_for(conn, [a.id]).get(a.id)
    mentions = story_store.mentions_of_articles(conn, [a.id])
    return {
        "article": {"id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published, "language": a.language},
        "story": story_store.story_of_article(conn, a.id),
        "duplicate_of": story_store.duplicate_of(conn, a.id),
        "event_date": feats.event_date if feats else None,
        "place": feats.place if feats else None,
        "actors": sorted(feats.actors) if feats else [],
        "events": [e.__dict__ for e in story_store.events_of_article(conn, a.id)],
        "commitments": [
            {
                "commitment_id": m.commitment_id,
                "evidence": m.evidence,
                "agents": m.agents,
                "beneficiaries": m.beneficiaries,
            }
            for m in mentions
        ],
    }


def compare(conn: Connection, left: int | str, right: int | str) -> dict[str, Any]:
    """Side-by-side facts of two articles, with what they share and where they differ."""
    a, b = _facts(conn, left), _facts(conn, right)
    ca = {m["commitment_id"] for m in a["commitments"] if m["commitment_id"] is not None}
    cb = {m["commitment_id"] for m in b["commitments"] if m["commitment_id"] is not None}
    return {
        "left": a,
        "right": b,
        "same_story": a["story"] is not None and a["story"] == b["story"],
        "duplicate": a["duplicate_of"] == b["article"]["id"] or b["duplicate_of"] == a["article"]["id"],
        "actors": {
            "shared": sorted(set(a["actors"]) & set(b["actors"])),
            "left_only": sorted(set(a["actors"]) - set(b["actors"])),
            "right_only": sorted(set(b["actors"]) - set(a["actors"])),
        },
        "event_date": {"left": a["event_date"], "right": b["event_date"], "agree": a["event_date"] == b["event_date"]},
        "commitments": {"shared": sorted(ca & cb), "left_only": sorted(ca - cb), "right_only": sorted(cb - ca)},
    }
