"""The wide views: the network of actors, the timeline of events and deadlines, the map of
states involved. Each is computed from the register and the stored events, never from text."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from sqlalchemy import Connection

from suivi.store import queries
from suivi.views.register import RegisterItem

_STATE = re.compile(r"^[A-Z]{3}$")


def network(conn: Connection, items: list[RegisterItem], *, max_nodes: int = 80, events: int = 2000) -> dict[str, Any]:
    """Actors linked by commitments (agent -> beneficiary) and by meeting in the same event.

    The most connected `max_nodes` actors are kept, so a large store still draws legibly.
    """
    edges: Counter[tuple[str, str, str]] = Counter()
    for i in items:
        if i.review in ("rejected", "merged"):
            continue
        for a in i.agents:
            for b in i.beneficiaries:
                if a != b:
                    edges[(a, b, "commitment")] += 1
    for e in queries.dated_events(conn, limit=events):
        people = sorted(set(e["participants"]))[:12]
        for x in range(len(people)):
            for y in range(x + 1, len(people)):
                edges[(people[x], people[y], "event")] += 1
    degree: Counter[str] = Counter()
    for (a, b, _), n in edges.items():
        degree[a] += n
        degree[b] += n
    keep = {k for k, _ in degree.most_common(max_nodes)}
    names = queries.actor_names(conn, keep)
    nodes = [{"id": k, "name": names.get(k, (k, ""))[0], "kind": names.get(k, (k, _kind(k)))[1] or _kind(k),
              "weight": degree[k]} for k in sorted(keep)]
    links = [{"source": a, "target": b, "kind": kind, "weight": n}
             for (a, b, kind), n in sorted(edges.items()) if a in keep and b in keep]
    return {"nodes": nodes, "links": links}


def _kind(key: str) -> str:
    if _STATE.match(key):
        return "state"
    return key.split(":", 1)[0] if ":" in key else "organization"


def timeline(conn: Connection, items: list[RegisterItem], *, since: str | None = None, until: str | None = None,
             limit: int = 400) -> list[dict[str, Any]]:
    """Dated events and commitment deadlines in one list, latest first."""
    out = [
        {"date": e["date"], "kind": e["kind"], "what": e["sentence"], "article_id": e["article_id"],
         "outlet": e["outlet"], "place": e["place_name"], "participants": e["participants"], "type": "event"}
        for e in queries.dated_events(conn, since=since, until=until, limit=limit)
    ]
    for i in items:
        if i.review in ("rejected", "merged") or not i.deadline:
            continue
        if (since and i.deadline < since[:len(i.deadline)]) or (until and i.deadline > until[:len(i.deadline)]):
            continue
        out.append({"date": i.deadline, "kind": "deadline", "what": i.action or i.evidence, "commitment_id": i.id,
                    "status": i.status, "overdue": i.overdue, "participants": [*i.agents, *i.beneficiaries],
                    "type": "deadline"})
    out.sort(key=lambda x: (x["date"] or ""), reverse=True)
    return out[:limit]


def states(conn: Connection, items: list[RegisterItem]) -> list[dict[str, Any]]:
    """States (ISO alpha-3 keys of actors of kind state) named as agents or beneficiaries, with counts."""
    made: Counter[str] = Counter()
    received: Counter[str] = Counter()
    overdue: Counter[str] = Counter()
    for i in items:
        if i.review in ("rejected", "merged"):
            continue
        for a in set(i.agents):
            if _STATE.match(a):
                made[a] += 1
                overdue[a] += int(i.overdue)
        for b in set(i.beneficiaries):
            if _STATE.match(b):
                received[b] += 1
    names = queries.actor_names(conn, set(made) | set(received))
    keys = sorted(k for k in set(made) | set(received) if names.get(k, ("", "state"))[1] == "state")
    return [{"key": k, "name": names.get(k, (k, ""))[0], "made": made[k], "received": received[k],
             "overdue": overdue[k]} for k in keys]
