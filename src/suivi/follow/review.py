"""Analyst review: confirm, reject, edit, merge, split, set a status — each one audited.

Why decisions are stored against natural keys and re-applied: the extractors and reconcile
may be re-run at any time (a new version, a new corpus) and rebuild mentions and
commitments. An analyst's decision names the commitment by its deterministic `key` and
mentions by their natural key (article content hash, start, end), so
`apply_review_decisions` can replay every decision, in order, on whatever the re-run
produced: re-extraction never overwrites an analyst. Every action also appends an
AuditEntry (who, when, before, after, why); nothing is ever updated in place in the logs.
"""

from __future__ import annotations

import getpass
import os
from datetime import date
from typing import Any

from sqlalchemy import Connection

from suivi import failpoints
from suivi.errors import NotFound, ReviewError
from suivi.follow.lifecycle import get_lifecycle
from suivi.store import commitments as commitment_store
from suivi.store import follow as follow_store
from suivi.store.commitments import Commitment

EDITABLE = ("agents", "beneficiaries", "deadline", "action", "sector")


def current_user(name: str | None = None) -> str:
    """`--as NAME`, else $SUIVI_USER, else the logged-in OS user."""
    if name:
        return name
    env = os.environ.get("SUIVI_USER")
    if env:
        return env
    try:
        return getpass.getuser()
    except Exception:  # no login name (containers)
        return "unknown"


def resolve(conn: Connection, ref: int | str) -> Commitment:
    """A commitment by id or by key."""
    if isinstance(ref, int) or str(ref).isdigit():
        return commitment_store.get_commitment(conn, int(ref))
    for c in commitment_store.list_commitments(conn):
        if c.key == ref:
            return c
    raise NotFound(f"no commitment {ref!r}")


def _fields(c: Commitment) -> dict[str, Any]:
    return {"key": c.key, "agents": c.agents, "beneficiaries": c.beneficiaries, "action": c.action,
            "sector": c.sector, "deadline": c.deadline}


def _audit(conn: Connection, user: str, action: str, c: Commitment, before: Any, after: Any, why: str | None) -> int:
    entry = follow_store.add_audit(
        conn, user=user, action=action, target_type="commitment", target_id=c.key,
        before=before, after=after, why=why,
    )
    failpoints.reach("review.write")  # the decision and its audit entry are written, not committed
    return entry


def confirm(conn: Connection, ref: int | str, *, user: str, why: str | None = None) -> int:
    c = resolve(conn, ref)
    follow_store.add_decision(conn, user=user, action="confirm", commitment_key=c.key, payload={}, why=why)
    return _audit(conn, user, "confirm", c, {"review": review_state(conn).get(c.key)}, {"review": "confirmed"}, why)


def reject(conn: Connection, ref: int | str, *, user: str, why: str | None = None) -> int:
    """Not a commitment (or not a real one): hidden from the register and compliance, kept in logs."""
    c = resolve(conn, ref)
    follow_store.add_decision(conn, user=user, action="reject", commitment_key=c.key, payload={}, why=why)
    return _audit(conn, user, "reject", c, {"review": review_state(conn).get(c.key)}, {"review": "rejected"}, why)


def edit(conn: Connection, ref: int | str, values: dict[str, Any], *, user: str, why: str | None = None) -> int:
    """Correct agent(s), beneficiary(ies), deadline, action or sector."""
    clean = {k: v for k, v in values.items() if k in EDITABLE and v is not None}
    if not clean:
        raise ReviewError(f"nothing to edit: give one of {', '.join(EDITABLE)}")
    c = resolve(conn, ref)
    before = {k: getattr(c, k) for k in clean}
    commitment_store.upsert_commitment(conn, key=c.key, **clean)
    follow_store.add_decision(conn, user=user, action="edit", commitment_key=c.key, payload=clean, why=why)
    return _audit(conn, user, "edit", c, before, clean, why)


def merge(conn: Connection, keep_ref: int | str, other_ref: int | str, *, user: str, why: str | None = None) -> int:
    """`other` states the same pledge as `keep`: its mentions move to `keep`, `other` is hidden."""
    keep, other = resolve(conn, keep_ref), resolve(conn, other_ref)
    if keep.key == other.key:
        raise ReviewError("cannot merge a commitment into itself")
    mentions = [m.key for m in commitment_store.list_mentions(conn, commitment_id=other.id)]
    payload = {"into": keep.key, "mentions": mentions}
    follow_store.add_decision(conn, user=user, action="merge", commitment_key=other.key, payload=payload, why=why)
    _move(conn, mentions, keep.id)
    return _audit(conn, user, "merge", other, _fields(other), payload, why)


def split(
    conn: Connection, ref: int | str, mention_refs: list[int | str], *, user: str, why: str | None = None
) -> tuple[int, str]:
    """Some mentions state another pledge: they move to a new commitment. Returns (audit id, new key)."""
    c = resolve(conn, ref)
    own = {m.id: m.key for m in commitment_store.list_mentions(conn, commitment_id=c.id)}
    keys = []
    for m_ref in mention_refs:
        m = commitment_store.get_mention(conn, m_ref)
        if m.id not in own:
            raise ReviewError(f"mention {m_ref} is not a mention of commitment {c.id}")
        keys.append(m.key)
    if not keys or len(keys) == len(own):
        raise ReviewError("a split needs some, but not all, of the commitment's mentions")
    n = 1 + sum(1 for d in follow_store.list_decisions(conn, ["split"]) if d.commitment_key == c.key)
    new_key = f"{c.key}#split{n}"
    fields = {k: v for k, v in _fields(c).items() if k != "key"}
    payload = {"new_key": new_key, "mentions": keys, "fields": fields}
    follow_store.add_decision(conn, user=user, action="split", commitment_key=c.key, payload=payload, why=why)
    _apply_split(conn, payload, c)
    return _audit(conn, user, "split", c, {"mentions": list(own.values())}, payload, why), new_key


def set_status(
    conn: Connection, ref: int | str, status: str, *, user: str, why: str | None = None,
    note: str | None = None, source: str | None = None, effective: date | None = None,
) -> int:
    """An analyst's status, with a note and a source (URL, document); it wins over earlier evidence."""
    life = get_lifecycle()
    if status not in life.statuses:
        raise ReviewError(f"unknown status {status!r}: one of {', '.join(life.statuses)}")
    c = resolve(conn, ref)
    from suivi.follow.status import status_of

    before = status_of(conn, c.id).status
    follow_store.add_status_change(
        conn, commitment_key=c.key, commitment_id=c.id, status=status, source="analyst", actor_name=user,
        effective_date=effective.isoformat() if effective else None, note=note or why, source_ref=source,
    )
    after = {"status": status, "note": note, "source": source,
             "effective": effective.isoformat() if effective else None}
    return _audit(conn, user, "set_status", c, {"status": before}, after, why)


# --- re-application after a re-run --------------------------------------------------------------

def _move(conn: Connection, mention_keys: list[str], commitment_id: int) -> int:
    moved = 0
    for key in mention_keys:
        try:
            m = commitment_store.get_mention(conn, key)
        except NotFound:
            continue  # the text changed: that mention no longer exists
        if m.commitment_id != commitment_id:
            commitment_store.assign_mention(conn, m.id, commitment_id)
            moved += 1
    return moved


def _apply_split(conn: Connection, payload: dict[str, Any], source: Commitment | None = None) -> int:
    fields = dict(payload.get("fields") or {})
    if source is not None:
        fields.update({k: v for k, v in _fields(source).items() if k != "key"})
    new_id = commitment_store.upsert_commitment(conn, key=payload["new_key"], **fields)
    return _move(conn, payload["mentions"], new_id)


def apply_merge_overrides(conn: Connection) -> int:
    """Re-apply analysts' merges and splits on the current commitments. Returns mentions moved.

    Reconcile calls this after assigning mentions; the follow stage calls it too.
    """
    moved = 0
    decisions = follow_store.list_decisions(conn, ["merge", "split"])
    if not decisions:
        return 0  # the usual case; listing every commitment would cost O(store) per segment
    by_key = {c.key: c for c in commitment_store.list_commitments(conn)}
    for d in decisions:
        if d.action == "merge":
            keep = by_key.get(d.payload.get("into", ""))
            if keep is None:
                continue
            keys = list(d.payload.get("mentions") or [])
            other = by_key.get(d.commitment_key)
            if other is not None:
                keys += [m.key for m in commitment_store.list_mentions(conn, commitment_id=other.id)]
            moved += _move(conn, keys, keep.id)
        else:
            moved += _apply_split(conn, d.payload)
            by_key = {c.key: c for c in commitment_store.list_commitments(conn)}
    return moved


def apply_review_decisions(conn: Connection) -> dict[str, int]:
    """Re-apply every analyst decision (merges, splits, then edits in order) after a re-run."""
    moved = apply_merge_overrides(conn)
    edits = 0
    decisions = follow_store.list_decisions(conn, ["edit"])
    if not decisions:
        return {"moved": moved, "edits": 0}  # without any, listing the register costs O(store)
    existing = {c.key for c in commitment_store.list_commitments(conn)}
    for d in decisions:
        if d.commitment_key in existing:
            commitment_store.upsert_commitment(conn, key=d.commitment_key, **d.payload)
            edits += 1
    return {"moved": moved, "edits": edits}


def review_state(conn: Connection) -> dict[str, str]:
    """Commitment key -> latest review verdict: confirmed, rejected or merged."""
    state: dict[str, str] = {}
    for d in follow_store.list_decisions(conn, ["confirm", "reject", "merge"]):
        state[d.commitment_key] = {"confirm": "confirmed", "reject": "rejected", "merge": "merged"}[d.action]
    return state


def hidden_keys(conn: Connection) -> set[str]:
    """Keys the register and compliance leave out: rejected, or merged into another commitment."""
    return {k for k, v in review_state(conn).items() if v in ("rejected", "merged")}


def history(conn: Connection, ref: int | str, as_of: date | None = None) -> dict[str, Any]:
    """A commitment's full history: fields, mentions, status log, audit trail (oldest first).

    The status and overdue flag are those at `as_of`; the log is shown whole, each change
    marked applied or not at that date.
    """
    from suivi.follow.status import status_of

    c = resolve(conn, ref)
    view = status_of(conn, c.id, as_of)
    mentions = commitment_store.list_mentions(conn, commitment_id=c.id)
    audit = follow_store.audit_for(conn, "commitment", [c.key])
    return {
        "commitment": c.to_json(),
        "review": review_state(conn).get(c.key),
        "as_of": view.as_of,
        "status": view.status,
        "overdue": view.overdue,
        "occurrences": view.occurrences,
        "mentions": [
            {"id": m.id, "key": m.key, "article_id": m.article_id, "published": m.published,
             "start": m.start, "end": m.end, "evidence": m.evidence, "sentence": m.sentence, "cue": m.cue}
            for m in mentions
        ],
        "status_changes": [vars(ch) for ch in view.changes],
        "audit": [
            {"id": a.id, "at": a.at.isoformat(), "user": a.user, "action": a.action,
             "before": a.before, "after": a.after, "why": a.why}
            for a in audit
        ],
    }
