"""Follow-up tables (status changes, audit, review decisions, watch rules) and the queries the
follow stage needs over commitments.

Why follow-up rows hang on a commitment's stable `key` (and mentions on their natural key),
never only on ids: reconcile may rebuild commitments with new ids on a re-run, and analysts'
decisions must survive that. Commitments themselves are read through `store.commitments`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    delete,
    func,
    insert,
    select,
    update,
)

from suivi.errors import NotFound
from suivi.store.articles import articles, spans
from suivi.store.meta import metadata

status_changes = Table(
    "status_changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("commitment_id", Integer),
    Column("commitment_key", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE")),
    Column("span_id", Integer, ForeignKey("spans.id", ondelete="SET NULL")),
    Column("source", String(8), nullable=False),
    Column("actor_name", Text),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("effective_date", String(10)),
    Column("confidence", Float, nullable=False, server_default="1.0"),
    Column("cue", Text),
    Column("note", Text),
    Column("source_ref", Text),
    Column("occurrence", String(10)),
    Column("extractor_version", String(32)),
    Index("ix_status_changes_key", "commitment_key"),
    Index("ix_status_changes_article", "article_id"),
)

follow_pending = Table(
    "follow_pending",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("since", String(10), nullable=False),
)
"""At most one row: the day after which stored articles await a follow-up re-read (migration 0009)."""

audit_entries = Table(
    "audit_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user", Text, nullable=False),
    Column("action", String(32), nullable=False),
    Column("target_type", String(16), nullable=False),
    Column("target_id", Text, nullable=False),
    Column("before", JSON),
    Column("after", JSON),
    Column("why", Text),
    Index("ix_audit_entries_target", "target_type", "target_id"),
)

review_decisions = Table(
    "review_decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user", Text, nullable=False),
    Column("action", String(16), nullable=False),
    Column("commitment_key", Text, nullable=False),
    Column("payload", JSON, nullable=False),
    Column("why", Text),
    Index("ix_review_decisions_key", "commitment_key"),
)

watch_rules = Table(
    "watch_rules",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("actor", Text),
    Column("sector", Text),
    Column("within_days", Integer),
    Column("created_by", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_run_at", DateTime(timezone=True)),
    UniqueConstraint("name", name="uq_watch_rules_name"),
)

watch_runs = Table(
    "watch_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("rule_id", Integer, ForeignKey("watch_rules.id", ondelete="CASCADE"), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("as_of", String(10), nullable=False),
    Column("items", JSON, nullable=False),
)

def now() -> datetime:
    return datetime.now(UTC)


@dataclass
class StatusChangeRow:
    id: int
    commitment_key: str
    status: str
    article_id: int | None
    span_id: int | None
    source: str
    actor_name: str | None
    at: datetime
    effective_date: str | None
    confidence: float
    cue: str | None
    note: str | None
    source_ref: str | None
    occurrence: str | None
    extractor_version: str | None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    published: str | None = None


@dataclass
class AuditRow:
    id: int
    at: datetime
    user: str
    action: str
    target_type: str
    target_id: str
    before: Any
    after: Any
    why: str | None


@dataclass
class DecisionRow:
    id: int
    at: datetime
    user: str
    action: str
    commitment_key: str
    payload: dict[str, Any] = field(default_factory=dict)
    why: str | None = None


@dataclass
class WatchRule:
    id: int
    name: str
    actor: str | None
    sector: str | None
    within_days: int | None
    created_by: str
    created_at: datetime
    last_run_at: datetime | None


# --- status changes ----------------------------------------------------------------------------

def add_status_change(
    conn: Connection, *, commitment_key: str, status: str, source: str, commitment_id: int | None = None,
    article_id: int | None = None, span_id: int | None = None, actor_name: str | None = None,
    at: datetime | None = None, effective_date: str | None = None, confidence: float = 1.0,
    cue: str | None = None, note: str | None = None, source_ref: str | None = None,
    occurrence: str | None = None, extractor_version: str | None = None,
) -> int:
    result = conn.execute(
        insert(status_changes).values(
            commitment_id=commitment_id, commitment_key=commitment_key, status=status, article_id=article_id,
            span_id=span_id, source=source, actor_name=actor_name, at=at or now(),
            effective_date=effective_date, confidence=confidence, cue=cue, note=note, source_ref=source_ref,
            occurrence=occurrence, extractor_version=extractor_version,
        )
    )
    return int(result.inserted_primary_key[0])


def delete_auto_changes(conn: Connection, article_ids: Iterable[int] | None) -> int:
    """Remove automatic rows for these articles (None: all); analyst rows are never touched."""
    query = delete(status_changes).where(status_changes.c.source == "auto")
    if article_ids is not None:
        query = query.where(status_changes.c.article_id.in_(list(article_ids)))
    return conn.execute(query).rowcount


def changes_for(conn: Connection, commitment_key: str) -> list[StatusChangeRow]:
    """A commitment's whole log, with evidence sentence and article date, oldest first."""
    sc = status_changes
    rows = conn.execute(
        select(sc, spans.c.sentence, spans.c.start, spans.c.end, articles.c.published)
        .select_from(sc)
        .outerjoin(spans, spans.c.id == sc.c.span_id)
        .outerjoin(articles, articles.c.id == sc.c.article_id)
        .where(sc.c.commitment_key == commitment_key)
        .order_by(sc.c.id)
    ).all()
    return [
        StatusChangeRow(
            id=r.id, commitment_key=r.commitment_key, status=r.status, article_id=r.article_id,
            span_id=r.span_id, source=r.source, actor_name=r.actor_name, at=r.at,
            effective_date=r.effective_date, confidence=r.confidence, cue=r.cue, note=r.note,
            source_ref=r.source_ref, occurrence=r.occurrence, extractor_version=r.extractor_version,
            sentence=r.sentence, start=r.start, end=r.end, published=r.published,
        )
        for r in rows
    ]


def changes_since(conn: Connection, since: datetime | None) -> list[tuple[str, str, str, datetime]]:
    """(commitment key, status, source, at) of every change recorded after `since`."""
    query = select(status_changes.c.commitment_key, status_changes.c.status, status_changes.c.source,
                   status_changes.c.at)
    if since is not None:
        query = query.where(status_changes.c.at > since)
    return [tuple(r) for r in conn.execute(query.order_by(status_changes.c.id)).all()]


# --- audit and decisions -----------------------------------------------------------------------

def add_audit(
    conn: Connection, *, user: str, action: str, target_type: str, target_id: str,
    before: Any = None, after: Any = None, why: str | None = None,
) -> int:
    result = conn.execute(
        insert(audit_entries).values(
            at=now(), user=user, action=action, target_type=target_type, target_id=str(target_id),
            before=before, after=after, why=why,
        )
    )
    return int(result.inserted_primary_key[0])


def audit_for(conn: Connection, target_type: str, target_ids: Iterable[str]) -> list[AuditRow]:
    rows = conn.execute(
        select(audit_entries)
        .where(audit_entries.c.target_type == target_type, audit_entries.c.target_id.in_(list(target_ids)))
        .order_by(audit_entries.c.id)
    ).all()
    return [AuditRow(**r._mapping) for r in rows]


def add_decision(
    conn: Connection, *, user: str, action: str, commitment_key: str, payload: dict[str, Any], why: str | None
) -> int:
    result = conn.execute(
        insert(review_decisions).values(
            at=now(), user=user, action=action, commitment_key=commitment_key, payload=payload, why=why
        )
    )
    return int(result.inserted_primary_key[0])


def list_decisions(conn: Connection, actions: Iterable[str] | None = None) -> list[DecisionRow]:
    query = select(review_decisions).order_by(review_decisions.c.id)
    if actions is not None:
        query = query.where(review_decisions.c.action.in_(list(actions)))
    return [DecisionRow(**r._mapping) for r in conn.execute(query).all()]


# --- watch rules -------------------------------------------------------------------------------

def add_watch_rule(
    conn: Connection, *, name: str, actor: str | None, sector: str | None, within_days: int | None, user: str
) -> int:
    result = conn.execute(
        insert(watch_rules).values(
            name=name, actor=actor, sector=sector, within_days=within_days, created_by=user, created_at=now()
        )
    )
    return int(result.inserted_primary_key[0])


def list_watch_rules(conn: Connection) -> list[WatchRule]:
    rows = conn.execute(select(watch_rules).order_by(watch_rules.c.id)).all()
    return [WatchRule(**r._mapping) for r in rows]


def get_watch_rule(conn: Connection, ref: int | str) -> WatchRule:
    query = select(watch_rules)
    if isinstance(ref, int) or str(ref).isdigit():
        query = query.where(watch_rules.c.id == int(ref))
    else:
        query = query.where(watch_rules.c.name == str(ref))
    row = conn.execute(query).first()
    if row is None:
        raise NotFound(f"no watch rule {ref}")
    return WatchRule(**row._mapping)


def remove_watch_rule(conn: Connection, rule_id: int) -> None:
    conn.execute(delete(watch_runs).where(watch_runs.c.rule_id == rule_id))
    conn.execute(delete(watch_rules).where(watch_rules.c.id == rule_id))


def record_watch_run(conn: Connection, rule_id: int, at: datetime, as_of: str, items: list[dict]) -> None:
    conn.execute(insert(watch_runs).values(rule_id=rule_id, at=at, as_of=as_of, items=items))
    conn.execute(update(watch_rules).where(watch_rules.c.id == rule_id).values(last_run_at=at))


def article_dates(conn: Connection, article_ids: Iterable[int] | None = None) -> dict[int, str | None]:
    query = select(articles.c.id, articles.c.published)
    if article_ids is not None:
        query = query.where(articles.c.id.in_(list(article_ids)))
    return {int(i): (str(p)[:10] if p else None) for i, p in conn.execute(query).all()}


def last_watch_run(conn: Connection, rule_id: int) -> tuple[datetime, str, list[dict]] | None:
    """(at, as_of, items) of a rule's latest run, or None before its first run."""
    row = conn.execute(
        select(watch_runs.c.at, watch_runs.c.as_of, watch_runs.c["items"])
        .where(watch_runs.c.rule_id == rule_id)
        .order_by(watch_runs.c.id.desc())
        .limit(1)
    ).first()
    return (row.at, row.as_of, list(row.items or [])) if row else None


def pending_rescan(conn: Connection) -> str | None:
    """The day after which stored articles await a follow-up re-read, if any."""
    return conn.execute(select(func.min(follow_pending.c.since))).scalar()


def note_rescan(conn: Connection, since: str) -> None:
    """Remember that articles published after `since` await a re-read (the earliest day wins)."""
    current = pending_rescan(conn)
    if current is not None and current <= since:
        return
    conn.execute(delete(follow_pending))
    conn.execute(insert(follow_pending).values(since=since))


def clear_rescan(conn: Connection) -> None:
    conn.execute(delete(follow_pending))
