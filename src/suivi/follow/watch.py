"""Watch rules: "tell me what changed" for an actor, a sector, or deadlines coming up.

Why a snapshot per run: a rule's run stores the status and overdue flag of every commitment
it covers; the next run reports what is new or different since then (a new commitment, a
status that moved, a deadline that passed). Replaying with `--as-of` works the same way.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection

from suivi.errors import ReviewError
from suivi.follow import deadlines
from suivi.store import follow as follow_store
from suivi.store.follow import WatchRule, now
from suivi.views.register import RegisterItem, register


@dataclass
class WatchChange:
    id: int
    key: str
    action: str | None
    agents: list[str]
    deadline: str | None
    status: str
    overdue: bool
    change: str  # new | status | overdue | due_soon
    before: dict[str, Any] | None = None
    evidence: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def add_rule(
    conn: Connection, name: str, *, actor: str | None, sector: str | None, within_days: int | None, user: str
) -> int:
    if not (actor or sector or within_days is not None):
        raise ReviewError("a watch rule needs --actor, --sector or --within")
    rule_id = follow_store.add_watch_rule(
        conn, name=name, actor=actor.upper() if actor else None, sector=sector, within_days=within_days, user=user
    )
    follow_store.add_audit(conn, user=user, action="watch_add", target_type="watch", target_id=name,
                           after={"actor": actor, "sector": sector, "within_days": within_days})
    return rule_id


def remove_rule(conn: Connection, ref: int | str, *, user: str) -> None:
    rule = follow_store.get_watch_rule(conn, ref)
    follow_store.remove_watch_rule(conn, rule.id)
    follow_store.add_audit(conn, user=user, action="watch_remove", target_type="watch", target_id=rule.name,
                           before={"actor": rule.actor, "sector": rule.sector, "within_days": rule.within_days})


def _covered(rule: WatchRule, items: list[RegisterItem], as_of: date) -> list[RegisterItem]:
    out = []
    for item in items:
        if rule.within_days is not None:
            end = deadlines.deadline_end(item.deadline)
            if end is None or not (end <= as_of + timedelta(days=rule.within_days)):
                continue
        out.append(item)
    return out


def run_rule(conn: Connection, ref: int | str, as_of: date | None = None, *, record: bool = True) -> list[WatchChange]:
    """What changed for this rule since its last run; the run is recorded (snapshot)."""
    as_of = as_of or date.today()
    rule = follow_store.get_watch_rule(conn, ref)
    items = _covered(rule, register(conn, as_of, party=rule.actor, sector=rule.sector), as_of)
    last = follow_store.last_watch_run(conn, rule.id)
    before = {i["key"]: i for i in (last[2] if last else [])}
    changes = []
    for item in items:
        prev = before.get(item.key)
        if prev is None:
            kind = "new"
        elif prev["status"] != item.status:
            kind = "status"
        elif prev["overdue"] != item.overdue:
            kind = "overdue"
        else:
            continue
        changes.append(
            WatchChange(
                id=item.id, key=item.key, action=item.action, agents=item.agents, deadline=item.deadline,
                status=item.status, overdue=item.overdue, change=kind, before=prev,
                evidence=[c["sentence"] for c in item.status_changes if c["applied"] and c["sentence"]],
            )
        )
    if record:
        snapshot = [{"key": i.key, "status": i.status, "overdue": i.overdue} for i in items]
        follow_store.record_watch_run(conn, rule.id, now(), as_of.isoformat(), snapshot)
    return changes
