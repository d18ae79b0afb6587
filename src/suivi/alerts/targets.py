"""Attach alert targets to watch rules: `suivi alerts add RULE --jsonl FILE | --webhook URL | --email ADDR`."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection

from suivi.alerts.channels import channel
from suivi.follow import watch
from suivi.store import follow as follow_store
from suivi.store import monitor as monitor_store


@dataclass
class TargetView:
    id: int
    rule: str
    kind: str
    target: str
    pending: int
    sent: int
    failed: int
    last_error: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def add(conn: Connection, rule_ref: int | str, kind: str, target: str, *, user: str,
        as_of: date | None = None) -> int:
    """Attach a target to a rule. A rule that never ran is run once now, without sending:
    alerts report what changes from now on, not every commitment already in the store."""
    validate, _send = channel(kind)
    rule = follow_store.get_watch_rule(conn, rule_ref)
    clean = validate(target)
    if follow_store.last_watch_run(conn, rule.id) is None:
        watch.run_rule(conn, rule.id, as_of or date.today())
    target_id = monitor_store.add_alert_target(conn, rule_id=rule.id, kind=kind, target=clean, user=user)
    follow_store.add_audit(conn, user=user, action="alert_add", target_type="watch", target_id=rule.name,
                           after={"kind": kind, "target": clean})
    return target_id


def remove(conn: Connection, target_id: int, *, user: str) -> None:
    target = monitor_store.get_alert_target(conn, target_id)
    monitor_store.remove_alert_target(conn, target_id)
    follow_store.add_audit(conn, user=user, action="alert_remove", target_type="watch",
                           target_id=target.rule_name or str(target.rule_id),
                           before={"kind": target.kind, "target": target.target})


def list_views(conn: Connection) -> list[TargetView]:
    out = []
    for t in monitor_store.list_alert_targets(conn):
        messages = monitor_store.list_messages(conn, t.id)
        errors = [m.last_error for m in messages if m.last_error]
        out.append(TargetView(
            id=t.id, rule=t.rule_name or str(t.rule_id), kind=t.kind, target=t.target,
            pending=sum(m.state == "pending" for m in messages), sent=sum(m.state == "sent" for m in messages),
            failed=sum(m.state == "failed" for m in messages), last_error=errors[-1] if errors else None,
        ))
    return out
