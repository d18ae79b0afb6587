"""Commitment mentions (one article's statement) and commitments (the merged pledge).

Why two tables: extraction only ever sees one article, so it writes mentions; the reconcile
stage decides which mentions state the same real-world pledge and fills `commitments`.
A mention's natural key is (article content hash, span start, span end): re-extracting the
same text reproduces it, so analysts' decisions that cite it survive a re-run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
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
    bindparam,
    delete,
    false,
    insert,
    select,
    type_coerce,
    update,
)

from suivi.errors import NotFound
from suivi.store.articles import articles, spans
from suivi.store.meta import metadata

commitments = Table(
    "commitments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(200), nullable=False, unique=True),
    Column("agents", JSON, nullable=False, default=list),
    Column("beneficiaries", JSON, nullable=False, default=list),
    Column("action", Text),
    Column("sector", String(32)),
    Column("deadline", String(10)),
    Column("deadline_precision", String(16)),
    Column("recurrence", String(16)),
    Column("modality", String(16)),
    Column("first_reported", String(10)),
    Column("story_id", Integer, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("deadline_kind", String(8)),
    Column("quantity", Float),
    Column("quantity_unit", String(64)),
    Column("quantity_kind", String(8)),
    Column("quantity_text", Text),
)

commitment_mentions = Table(
    "commitment_mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(200), nullable=False, unique=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("span_id", Integer, ForeignKey("spans.id", ondelete="CASCADE"), nullable=False),
    Column("commitment_id", Integer, ForeignKey("commitments.id", ondelete="SET NULL")),
    Column("evidence", Text, nullable=False),
    Column("cue", Text, nullable=False),
    Column("modality", String(16), nullable=False),
    Column("agents", JSON, nullable=False, default=list),
    Column("beneficiaries", JSON, nullable=False, default=list),
    Column("agent_text", Text),
    Column("beneficiary_text", Text),
    Column("action", Text),
    Column("sector", String(32)),
    Column("deadline", String(10)),
    Column("deadline_precision", String(16)),
    Column("recurrence", String(16)),
    Column("condition", Text),
    Column("restates", Boolean, nullable=False, server_default=false()),
    Column("confidence", Float, nullable=False),
    Column("extractor_version", String(32), nullable=False),
    Column("deadline_kind", String(8)),
    Column("quantity", Float),
    Column("quantity_unit", String(64)),
    Column("quantity_kind", String(8)),
    Column("quantity_text", Text),
)
Index("ix_commitment_mentions_article_id", commitment_mentions.c.article_id)
Index("ix_commitment_mentions_commitment_id", commitment_mentions.c.commitment_id)


def mention_key(content_hash: str, start: int, end: int) -> str:
    """The natural key of a mention: stable across re-extraction of the same text."""
    return f"{content_hash}:{start}-{end}"


@dataclass
class CommitmentMention:
    """One article's statement of a commitment, with its span in the clean text."""

    id: int
    key: str
    article_id: int
    span_id: int
    commitment_id: int | None
    evidence: str
    cue: str
    modality: str
    agents: list[str]
    beneficiaries: list[str]
    agent_text: str | None
    beneficiary_text: str | None
    action: str | None
    sector: str | None
    deadline: str | None
    deadline_precision: str | None
    recurrence: str | None
    condition: str | None
    restates: bool
    confidence: float
    extractor_version: str
    deadline_kind: str | None = None  # by | start | on
    quantity: float | None = None  # the pledged sum or count
    quantity_unit: str | None = None  # ISO 4217 code for money, the counted noun for a count
    quantity_kind: str | None = None  # money | count
    quantity_text: str | None = None  # the phrase it was read from
    start: int = 0
    end: int = 0
    sentence: str = ""
    article_title: str | None = None
    outlet: str | None = None
    published: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Commitment:
    """The merged, real-world pledge (reconcile creates these)."""

    id: int
    key: str
    agents: list[str]
    beneficiaries: list[str]
    action: str | None
    sector: str | None
    deadline: str | None
    deadline_precision: str | None
    recurrence: str | None
    modality: str | None
    first_reported: str | None
    story_id: int | None
    created_at: datetime | None
    mention_ids: list[int] = field(default_factory=list)
    deadline_kind: str | None = None
    quantity: float | None = None
    quantity_unit: str | None = None
    quantity_kind: str | None = None
    quantity_text: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat() if self.created_at else None
        return data


_MENTION_FIELDS = [
    "agents", "beneficiaries", "agent_text", "beneficiary_text", "action", "sector", "deadline",
    "deadline_precision", "recurrence", "condition", "restates", "confidence", "evidence", "cue", "modality",
    "deadline_kind", "quantity", "quantity_unit", "quantity_kind", "quantity_text",
]
_QUANTITY_FIELDS = ("deadline_kind", "quantity", "quantity_unit", "quantity_kind", "quantity_text")


_MENTION_INSERT = insert(commitment_mentions)
"""Built once, parameters given at execution (see `store.articles.add_span`)."""


def mention_row(*, key: str, article_id: int, span_id: int, extractor_version: str, **values: Any) -> dict[str, Any]:
    """The row `insert_mention` writes for these values (raises TypeError on an unknown field)."""
    unknown = set(values) - set(_MENTION_FIELDS)
    if unknown:
        raise TypeError(f"unknown commitment mention fields: {sorted(unknown)}")
    row = {name: values.get(name) for name in _MENTION_FIELDS}
    row["agents"] = list(row["agents"] or [])
    row["beneficiaries"] = list(row["beneficiaries"] or [])
    row["restates"] = bool(row["restates"])
    row["confidence"] = float(row["confidence"] or 0.0)
    row.update(key=key, article_id=article_id, span_id=span_id, extractor_version=extractor_version)
    return row


def insert_mention(
    conn: Connection, *, key: str, article_id: int, span_id: int, extractor_version: str, **values: Any
) -> int:
    """Store one mention (commitment_id stays NULL until reconcile). Returns its id."""
    row = mention_row(key=key, article_id=article_id, span_id=span_id, extractor_version=extractor_version,
                      **values)
    result = conn.execute(_MENTION_INSERT, row)
    return int(result.inserted_primary_key[0])


def insert_mentions(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Store many mentions (rows from `mention_row`) in one executemany, in the order given.

    Why: extraction stored each mention with a statement of its own (with its span, about
    3,500 statements per 200 articles in the writer of `suivi ingest`); ids are given in list
    order on both backends, as the one-by-one inserts gave them."""
    if rows:
        conn.execute(_MENTION_INSERT, rows)


def set_mention_deadline(conn: Connection, mention_id: int, deadline: str | None, precision: str | None,
                         kind: str | None) -> None:
    """A mention's deadline read again (an undated article anchored on its story's date)."""
    conn.execute(
        update(commitment_mentions)
        .where(commitment_mentions.c.id == mention_id)
        .values(deadline=deadline, deadline_precision=precision, deadline_kind=kind)
    )


def delete_mentions_for_articles(conn: Connection, article_ids: Iterable[int] | None) -> int:
    """Remove the extraction stage's rows for these articles (None: all) before a re-run."""
    stmt = delete(commitment_mentions)
    if article_ids is not None:
        stmt = stmt.where(commitment_mentions.c.article_id.in_(list(article_ids)))
    return int(conn.execute(stmt).rowcount or 0)


def _mention_query() -> Any:
    return (
        select(
            commitment_mentions,
            spans.c.start,
            spans.c.end,
            spans.c.sentence,
            articles.c.title.label("article_title"),
            articles.c.outlet,
            articles.c.published,
        )
        .join(spans, spans.c.id == commitment_mentions.c.span_id)
        .join(articles, articles.c.id == commitment_mentions.c.article_id)
    )


def _row_to_mention(row: Any) -> CommitmentMention:
    m = dict(row._mapping)
    m["agents"] = list(m["agents"] or [])
    m["beneficiaries"] = list(m["beneficiaries"] or [])
    m["restates"] = bool(m["restates"])
    return CommitmentMention(**{k: m[k] for k in CommitmentMention.__dataclass_fields__})


def mentions_for_article(conn: Connection, article_id: int) -> list[CommitmentMention]:
    """An article's mentions in text order."""
    query = _mention_query().where(commitment_mentions.c.article_id == article_id).order_by(
        spans.c.start, commitment_mentions.c.id)
    return [_row_to_mention(r) for r in conn.execute(query)]


def list_mentions(
    conn: Connection,
    *,
    article_ids: Iterable[int] | None = None,
    unassigned: bool = False,
    commitment_id: int | None = None,
) -> list[CommitmentMention]:
    """Mentions, optionally only those not yet assigned to a commitment, or of one commitment."""
    query = _mention_query().order_by(commitment_mentions.c.article_id, spans.c.start, commitment_mentions.c.id)
    if article_ids is not None:
        query = query.where(commitment_mentions.c.article_id.in_(list(article_ids)))
    if unassigned:
        query = query.where(commitment_mentions.c.commitment_id.is_(None))
    if commitment_id is not None:
        query = query.where(commitment_mentions.c.commitment_id == commitment_id)
    return [_row_to_mention(r) for r in conn.execute(query)]


def mention_index(conn: Connection) -> list[tuple[int, int, int, str | None, bool, tuple]]:
    """(mention id, commitment id, article id, article published, restates, version) of every
    assigned mention; restates: told as an earlier pledge ("had pledged"); version: what its
    matching depends on besides its text (key, agents, action ...).

    Why so little: the follow stage tells from it which commitments changed since its last run
    and when each was first reported, and reads whole mentions (their texts) only for those."""
    m = commitment_mentions.c
    rows = conn.execute(
        select(m.id, m.commitment_id, m.article_id, articles.c.published, m.restates, m.key,
               type_coerce(m.agents, Text), type_coerce(m.beneficiaries, Text),  # compared, not read
               m.agent_text, m.beneficiary_text, m.action, m.extractor_version)
        .join(articles, articles.c.id == m.article_id)
        .where(m.commitment_id.is_not(None))
        .order_by(m.article_id, m.id)
    )
    return [(int(r[0]), int(r[1]), int(r[2]), r[3], bool(r[4]), tuple(r[5:])) for r in rows]


def mentions_by_ids(conn: Connection, ids: Iterable[int]) -> list[CommitmentMention]:
    """These mentions, in article and text order (chunked: IN lists stay short)."""
    wanted = sorted(set(ids))
    out: list[CommitmentMention] = []
    for i in range(0, len(wanted), 500):
        query = _mention_query().where(commitment_mentions.c.id.in_(wanted[i:i + 500]))
        out.extend(_row_to_mention(r) for r in conn.execute(query))
    out.sort(key=lambda x: (x.article_id, x.start, x.id))
    return out


def get_mention(conn: Connection, ref: int | str) -> CommitmentMention:
    """A mention by id or by natural key."""
    query = _mention_query()
    if isinstance(ref, int) or str(ref).isdigit():
        query = query.where(commitment_mentions.c.id == int(ref))
    else:
        query = query.where(commitment_mentions.c.key == str(ref))
    row = conn.execute(query).first()
    if row is None:
        raise NotFound(f"no commitment mention {ref!r}")
    return _row_to_mention(row)


def upsert_commitment(conn: Connection, *, key: str, **values: Any) -> int:
    """Get or create the commitment with this key, updating its fields. Returns its id."""
    allowed = set(commitments.c.keys()) - {"id", "key", "created_at"}
    unknown = set(values) - allowed
    if unknown:
        raise TypeError(f"unknown commitment fields: {sorted(unknown)}")
    existing = conn.execute(select(commitments.c.id).where(commitments.c.key == key)).scalar()
    if existing is not None:
        if values:
            conn.execute(update(commitments).where(commitments.c.id == existing).values(**values))
        return int(existing)
    values.setdefault("agents", [])
    values.setdefault("beneficiaries", [])
    if not any(f in values for f in _QUANTITY_FIELDS):
        # a commitment's key is its first mention's key: it states the quantity and the kind of
        # deadline unless the caller says otherwise
        row = conn.execute(
            select(*[commitment_mentions.c[f] for f in _QUANTITY_FIELDS]).where(commitment_mentions.c.key == key)
        ).first()
        if row is not None:
            values.update({f: row._mapping[f] for f in _QUANTITY_FIELDS})
    result = conn.execute(insert(commitments).values(key=key, created_at=datetime.now(UTC), **values))
    return int(result.inserted_primary_key[0])


_ASSIGN = update(commitment_mentions).where(commitment_mentions.c.id == bindparam("m"))


def assign_mention(conn: Connection, mention_id: int, commitment_id: int | None) -> None:
    """Attach a mention to its merged commitment (reconcile's decision)."""
    conn.execute(_ASSIGN, {"m": mention_id, "commitment_id": commitment_id})


def assign_mentions(conn: Connection, pairs: Iterable[tuple[int, int | None]]) -> None:
    """`assign_mention` for many (mention id, commitment id) pairs, in one executemany."""
    rows = [{"m": mention_id, "commitment_id": commitment_id} for mention_id, commitment_id in pairs]
    if rows:
        conn.execute(_ASSIGN, rows)


def _row_to_commitment(row: Any, mention_ids: list[int]) -> Commitment:
    m = row._mapping
    return Commitment(
        id=m["id"], key=m["key"], agents=list(m["agents"] or []),
        beneficiaries=list(m["beneficiaries"] or []),
        action=m["action"], sector=m["sector"], deadline=m["deadline"],
        deadline_precision=m["deadline_precision"], recurrence=m["recurrence"], modality=m["modality"],
        first_reported=m["first_reported"], story_id=m["story_id"], created_at=m["created_at"],
        mention_ids=mention_ids, **{f: m[f] for f in _QUANTITY_FIELDS},
    )


def _mention_ids_by_commitment(conn: Connection) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    rows = conn.execute(
        select(commitment_mentions.c.commitment_id, commitment_mentions.c.id)
        .where(commitment_mentions.c.commitment_id.is_not(None))
        .order_by(commitment_mentions.c.id)
    )
    for cid, mid in rows:
        out.setdefault(int(cid), []).append(int(mid))
    return out


def list_commitments(
    conn: Connection,
    *,
    agent: str | None = None,
    beneficiary: str | None = None,
    sector: str | None = None,
    story_id: int | None = None,
) -> list[Commitment]:
    """Merged commitments, filtered on an agent/beneficiary key, a sector or a story.

    Why filters on JSON lists are applied here in Python: the same query must run on SQLite
    and PostgreSQL, and the register is small enough (thousands) to filter after reading.
    """
    query = select(commitments).order_by(commitments.c.first_reported.nulls_first(), commitments.c.id)
    if sector:
        query = query.where(commitments.c.sector == sector)
    if story_id is not None:
        query = query.where(commitments.c.story_id == story_id)
    by_commitment = _mention_ids_by_commitment(conn)
    out = []
    for row in conn.execute(query):
        item = _row_to_commitment(row, by_commitment.get(int(row._mapping["id"]), []))
        if agent and agent.upper() not in [a.upper() for a in item.agents]:
            continue
        if beneficiary and beneficiary.upper() not in [b.upper() for b in item.beneficiaries]:
            continue
        out.append(item)
    return out


def get_commitment(conn: Connection, commitment_id: int) -> Commitment:
    row = conn.execute(select(commitments).where(commitments.c.id == commitment_id)).first()
    if row is None:
        raise NotFound(f"no commitment {commitment_id}")
    ids = list(
        conn.execute(
            select(commitment_mentions.c.id)
            .where(commitment_mentions.c.commitment_id == commitment_id)
            .order_by(commitment_mentions.c.id)
        ).scalars()
    )
    return _row_to_commitment(row, ids)
