"""The register: every visible commitment with its status at a date, overdue first.

Why one function for the CLI, the web and watch rules: they must agree on what "the status
on that day" is, and on which commitments an analyst has hidden (rejected or merged away).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection

from suivi.follow import review
from suivi.follow.status import status_of
from suivi.store import commitments as commitment_store


@dataclass
class RegisterItem:
    id: int
    key: str
    agents: list[str]
    beneficiaries: list[str]
    action: str | None
    sector: str | None
    deadline: str | None
    recurrence: str | None
    first_reported: str | None
    status: str
    overdue: bool
    review: str | None
    occurrences: dict[str, int] | None
    mentions: list[dict[str, Any]] = field(default_factory=list)
    status_changes: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def register(
    conn: Connection, as_of: date | None = None, *, party: str | None = None, sector: str | None = None,
    include_hidden: bool = False,
) -> list[RegisterItem]:
    """Commitments with status and overdue at `as_of` (default today): overdue first, then by deadline."""
    as_of = as_of or date.today()
    state = review.review_state(conn)
    mentions = defaultdict(list)
    for m in commitment_store.list_mentions(conn):
        if m.commitment_id is not None and (not m.published or m.published[:10] <= as_of.isoformat()):
            mentions[m.commitment_id].append(m)
    items = []
    for c in commitment_store.list_commitments(conn, sector=sector):
        verdict = state.get(c.key)
        if not include_hidden and verdict in ("rejected", "merged"):
            continue
        if party and party.upper() not in {p.upper() for p in [*c.agents, *c.beneficiaries]}:
            continue
        if not mentions.get(c.id):
            continue  # not yet reported at as_of (or emptied by a merge)
        view = status_of(conn, c.id, as_of)
        items.append(
            RegisterItem(
                id=c.id, key=c.key, agents=c.agents, beneficiaries=c.beneficiaries, action=c.action,
                sector=c.sector, deadline=c.deadline, recurrence=c.recurrence, first_reported=c.first_reported,
                status=view.status, overdue=view.overdue, review=verdict, occurrences=view.occurrences,
                mentions=[
                    {"id": m.id, "article_id": m.article_id, "published": m.published, "start": m.start,
                     "end": m.end, "evidence": m.evidence, "sentence": m.sentence}
                    for m in mentions[c.id]
                ],
                status_changes=[
                    {"status": ch.status, "source": ch.source, "date": ch.date, "applied": ch.applied,
                     "article_id": ch.article_id, "start": ch.start, "end": ch.end, "sentence": ch.sentence,
                     "cue": ch.cue, "note": ch.note, "by": ch.actor_name}
                    for ch in view.changes
                    if ch.date is None or ch.date <= as_of.isoformat()
                ],
            )
        )
    items.sort(key=lambda i: (not i.overdue, i.deadline or "9999", i.id))
    return items
