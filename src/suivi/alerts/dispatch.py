"""Evaluate watch rules into the outbox, then deliver what is due, retrying with backoff.

Why rules without targets are left alone: `suivi watch run RULE` reports "what changed since
the last run"; if the monitor ran such a rule it would use up the changes the analyst has not
seen yet. Only rules that an analyst gave a target (`suivi alerts add`) are run here.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta
from typing import Any

from suivi.alerts.channels import DeliveryError, channel
from suivi.config import AlertSettings
from suivi.follow import watch
from suivi.store import Store
from suivi.store import follow as follow_store
from suivi.store import monitor as monitor_store

# After the in-round retries fail, the next round's attempt waits this long, doubling, at most an hour.
LATER = timedelta(minutes=1)
LATER_MAX = timedelta(hours=1)


def evaluate(store: Store, as_of: date) -> list[dict[str, Any]]:
    """Run every rule that has targets; queue one message per target when it found changes.

    The rule's snapshot and its messages are written in one transaction: a change is either
    queued for every target or not seen at all.
    """
    queued = []
    with store.connect() as conn:
        targets = monitor_store.list_alert_targets(conn)
    by_rule: dict[int, list[monitor_store.AlertTarget]] = {}
    for t in targets:
        by_rule.setdefault(t.rule_id, []).append(t)
    for rule_id, rule_targets in by_rule.items():
        with store.begin() as conn:
            rule = follow_store.get_watch_rule(conn, rule_id)
            changes = watch.run_rule(conn, rule_id, as_of)
            if not changes:
                continue
            payload = {"rule": rule.name, "rule_id": rule.id, "as_of": as_of.isoformat(),
                       "found_at": monitor_store.now().isoformat(timespec="seconds"),
                       "changes": [c.to_json() for c in changes]}
            for t in rule_targets:
                message_id = monitor_store.queue_message(conn, t.id, payload)
                queued.append({"rule": rule.name, "target": t.target, "kind": t.kind, "message": message_id,
                               "changes": len(changes)})
    return queued


def deliver_due(store: Store, settings: AlertSettings | None = None,
                at: datetime | None = None) -> list[dict[str, Any]]:
    """Send every pending message that is due, oldest first; a target that fails keeps its order."""
    settings = settings or AlertSettings()
    at = at or monitor_store.now()
    with store.connect() as conn:
        messages = monitor_store.due_messages(conn, at)
        targets = {t.id: t for t in monitor_store.list_alert_targets(conn)}
    blocked: set[int] = set()
    results = []
    for message in messages:
        target = targets.get(message.target_id)
        if target is None or message.target_id in blocked:
            continue
        state, attempts, error = _attempt(target.kind, target.target, message.payload, settings)
        attempts += message.attempts
        values: dict[str, Any] = {"attempts": attempts, "last_error": error}
        if state == "sent":
            values.update(state="sent", sent_at=monitor_store.now(), next_attempt_at=None)
        elif state == "failed" or attempts >= settings.max_attempts:
            values.update(state="failed", next_attempt_at=None)
            state = "failed"
        else:
            rounds = max(1, attempts // max(1, settings.retries))
            values.update(next_attempt_at=monitor_store.now() + min(LATER * 2 ** (rounds - 1), LATER_MAX))
            blocked.add(message.target_id)
        with store.begin() as conn:
            monitor_store.update_message(conn, message.id, **values)
        results.append({"message": message.id, "rule": message.payload.get("rule"), "kind": target.kind,
                        "target": target.target, "state": state, "attempts": attempts, "error": error})
    return results


def _attempt(kind: str, target: str, payload: dict[str, Any], settings: AlertSettings) -> tuple[str, int, str | None]:
    """(sent | failed | retry, tries made, last error): up to `retries` tries, the wait doubling."""
    _validate, send = channel(kind)
    error = None
    tries = max(1, settings.retries)
    for attempt in range(tries):
        if attempt:
            time.sleep(settings.backoff * 2 ** (attempt - 1))
        try:
            send(target, payload, settings)
            return "sent", attempt + 1, None
        except DeliveryError as exc:
            error = str(exc)
            if exc.permanent:
                return "failed", attempt + 1, error
    return "retry", tries, error
