"""Sources polled on a schedule, what each has handed over, and alert deliveries: tables and queries.

Why these rows: `suivi run` may be stopped at any moment and started again days later.
A source keeps its conditional-GET validators (ETag, Last-Modified), its failure count and
next due time; `source_items` remembers which feed entries and folder files were already
taken (so a summary-only entry's page is not fetched again on every poll);
`monitor_pending` holds the articles stored by the monitor whose stages have not all run
yet (written in the article's own transaction, cleared once the pipeline finished), so a
stop between storing and processing loses nothing. `alert_outbox` is the outbox of alert
messages: a change found by a watch rule is written there in the same transaction as the
rule's snapshot, then delivered, and retried on later runs while its target is down.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    delete,
    insert,
    select,
    update,
)

from suivi.errors import NotFound
from suivi.store.meta import metadata

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(8), nullable=False),  # url | folder | file
    Column("location", Text, nullable=False),
    Column("every_seconds", Integer, nullable=False),
    Column("enabled", Boolean, nullable=False, server_default="1"),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("added_by", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled_at", DateTime(timezone=True)),
    Column("last_ok_at", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("last_error_at", DateTime(timezone=True)),
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("next_due_at", DateTime(timezone=True)),
    Column("last_new", Integer, nullable=False, server_default="0"),
    Column("total_new", Integer, nullable=False, server_default="0"),
    UniqueConstraint("name", name="uq_sources_name"),
)

source_items = Table(
    "source_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("item_key", Text, nullable=False),
    Column("fingerprint", Text),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source_id", "item_key", name="uq_source_items_key"),
)

monitor_pending = Table(
    "monitor_pending",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="SET NULL")),
    Column("added_at", DateTime(timezone=True), nullable=False),
)

alert_targets = Table(
    "alert_targets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("rule_id", Integer, ForeignKey("watch_rules.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(8), nullable=False),  # jsonl | webhook | email
    Column("target", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", Text),
)

alert_outbox = Table(
    "alert_outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("target_id", Integer, ForeignKey("alert_targets.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("state", String(8), nullable=False, server_default="pending"),  # pending | sent | failed
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("sent_at", DateTime(timezone=True)),
    Index("ix_alert_outbox_state", "state"),
)


def now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands timestamps back without a zone; they were written in UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


@dataclass
class Source:
    id: int
    name: str
    kind: str
    location: str
    every_seconds: int
    enabled: bool
    added_at: datetime
    added_by: str | None
    etag: str | None
    last_modified: str | None
    last_polled_at: datetime | None
    last_ok_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    failures: int
    next_due_at: datetime | None
    last_new: int
    total_new: int

    @classmethod
    def from_row(cls, row: Any) -> Source:
        data = dict(row._mapping)
        for key in ("added_at", "last_polled_at", "last_ok_at", "last_error_at", "next_due_at"):
            data[key] = _aware(data[key])
        data["enabled"] = bool(data["enabled"])
        return cls(**data)


@dataclass
class AlertTarget:
    id: int
    rule_id: int
    kind: str
    target: str
    created_at: datetime
    created_by: str | None
    rule_name: str | None = None


@dataclass
class OutboxMessage:
    id: int
    target_id: int
    created_at: datetime
    payload: dict[str, Any]
    state: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    sent_at: datetime | None


# --- sources ----------------------------------------------------------------------------------

def add_source(conn: Connection, *, name: str, kind: str, location: str, every_seconds: int,
               user: str | None) -> int:
    result = conn.execute(
        insert(sources).values(name=name, kind=kind, location=location, every_seconds=every_seconds,
                               enabled=True, added_at=now(), added_by=user, failures=0, last_new=0, total_new=0)
    )
    return int(result.inserted_primary_key[0])


def list_sources(conn: Connection) -> list[Source]:
    return [Source.from_row(r) for r in conn.execute(select(sources).order_by(sources.c.id)).all()]


def find_source(conn: Connection, *, name: str | None = None, location: str | None = None) -> Source | None:
    query = select(sources)
    query = query.where(sources.c.name == name) if name is not None else query.where(sources.c.location == location)
    row = conn.execute(query).first()
    return Source.from_row(row) if row else None


def get_source(conn: Connection, ref: int | str) -> Source:
    query = select(sources)
    if isinstance(ref, int) or str(ref).isdigit():
        query = query.where(sources.c.id == int(ref))
    else:
        query = query.where(sources.c.name == str(ref))
    row = conn.execute(query).first()
    if row is None:
        raise NotFound(f"no source {ref!r} (see suivi sources list)")
    return Source.from_row(row)


def remove_source(conn: Connection, source_id: int) -> None:
    conn.execute(delete(source_items).where(source_items.c.source_id == source_id))
    conn.execute(update(monitor_pending).where(monitor_pending.c.source_id == source_id).values(source_id=None))
    conn.execute(delete(sources).where(sources.c.id == source_id))


def update_source(conn: Connection, source_id: int, **values: Any) -> None:
    conn.execute(update(sources).where(sources.c.id == source_id).values(**values))


def seen_items(conn: Connection, source_id: int) -> dict[str, str | None]:
    """item key -> fingerprint of everything this source already handed over."""
    rows = conn.execute(
        select(source_items.c.item_key, source_items.c.fingerprint).where(source_items.c.source_id == source_id)
    ).all()
    return {r.item_key: r.fingerprint for r in rows}


def mark_seen(conn: Connection, source_id: int, item_key: str, fingerprint: str | None = None) -> None:
    existing = conn.execute(
        select(source_items.c.id).where(source_items.c.source_id == source_id, source_items.c.item_key == item_key)
    ).first()
    if existing:
        conn.execute(update(source_items).where(source_items.c.id == existing.id)
                     .values(fingerprint=fingerprint, seen_at=now()))
    else:
        conn.execute(insert(source_items).values(source_id=source_id, item_key=item_key, fingerprint=fingerprint,
                                                 seen_at=now()))


# --- articles waiting for their stages ---------------------------------------------------------

def add_pending(conn: Connection, article_id: int, source_id: int | None) -> None:
    exists = conn.execute(select(monitor_pending.c.article_id).where(monitor_pending.c.article_id == article_id))
    if exists.first() is None:
        conn.execute(insert(monitor_pending).values(article_id=article_id, source_id=source_id, added_at=now()))


def pending_articles(conn: Connection) -> list[int]:
    rows = conn.execute(select(monitor_pending.c.article_id).order_by(monitor_pending.c.article_id)).all()
    return [int(r.article_id) for r in rows]


def clear_pending(conn: Connection, article_ids: list[int]) -> None:
    if article_ids:
        conn.execute(delete(monitor_pending).where(monitor_pending.c.article_id.in_(article_ids)))


# --- alert targets and the outbox --------------------------------------------------------------

def add_alert_target(conn: Connection, *, rule_id: int, kind: str, target: str, user: str | None) -> int:
    result = conn.execute(
        insert(alert_targets).values(rule_id=rule_id, kind=kind, target=target, created_at=now(), created_by=user)
    )
    return int(result.inserted_primary_key[0])


def list_alert_targets(conn: Connection, rule_id: int | None = None) -> list[AlertTarget]:
    from suivi.store.follow import watch_rules

    query = (
        select(alert_targets, watch_rules.c.name.label("rule_name"))
        .select_from(alert_targets.join(watch_rules, watch_rules.c.id == alert_targets.c.rule_id))
        .order_by(alert_targets.c.id)
    )
    if rule_id is not None:
        query = query.where(alert_targets.c.rule_id == rule_id)
    out = []
    for r in conn.execute(query).all():
        data = dict(r._mapping)
        data["created_at"] = _aware(data["created_at"])
        out.append(AlertTarget(**data))
    return out


def get_alert_target(conn: Connection, target_id: int) -> AlertTarget:
    for target in list_alert_targets(conn):
        if target.id == target_id:
            return target
    raise NotFound(f"no alert target {target_id} (see suivi alerts list)")


def remove_alert_target(conn: Connection, target_id: int) -> None:
    conn.execute(delete(alert_outbox).where(alert_outbox.c.target_id == target_id))
    conn.execute(delete(alert_targets).where(alert_targets.c.id == target_id))


def queue_message(conn: Connection, target_id: int, payload: dict[str, Any]) -> int:
    result = conn.execute(
        insert(alert_outbox).values(target_id=target_id, created_at=now(), payload=payload, state="pending",
                                    attempts=0, next_attempt_at=now())
    )
    return int(result.inserted_primary_key[0])


def _message(row: Any) -> OutboxMessage:
    data = dict(row._mapping)
    for key in ("created_at", "next_attempt_at", "sent_at"):
        data[key] = _aware(data[key])
    return OutboxMessage(**data)


def due_messages(conn: Connection, at: datetime) -> list[OutboxMessage]:
    """Pending messages whose next attempt is due, oldest first."""
    rows = conn.execute(
        select(alert_outbox).where(alert_outbox.c.state == "pending").order_by(alert_outbox.c.id)
    ).all()
    return [m for m in map(_message, rows) if m.next_attempt_at is None or m.next_attempt_at <= at]


def list_messages(conn: Connection, target_id: int | None = None) -> list[OutboxMessage]:
    query = select(alert_outbox).order_by(alert_outbox.c.id)
    if target_id is not None:
        query = query.where(alert_outbox.c.target_id == target_id)
    return [_message(r) for r in conn.execute(query).all()]


def update_message(conn: Connection, message_id: int, **values: Any) -> None:
    conn.execute(update(alert_outbox).where(alert_outbox.c.id == message_id).values(**values))
