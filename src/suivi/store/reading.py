"""Reading tables (actors, mentions, roles, quotes, events, time expressions) and queries.

Why actors are global and everything else per article: an actor ("person:serguei-lavrov",
"RUS", "AES") is one row across the whole store, its aliases accumulating as articles
arrive; mentions, roles, quotes, events and time expressions are facts of one article,
each pointing to a span (article, offsets, sentence), and are replaced whenever the read
stage re-reads that article.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
    update,
)

from suivi.errors import NotFound
from suivi.store.articles import add_spans, articles, spans  # noqa: F401 - add_spans: its home was here
from suivi.store.meta import metadata

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(200), nullable=False, unique=True),
    Column("kind", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("code", String(32)),
    Column("wikidata", String(32)),
    Column("aliases", JSON, nullable=False, default=list),
)
Index("ix_actors_kind", actors.c.kind)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("actor_id", Integer, ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
    Column("span_id", Integer, ForeignKey("spans.id", ondelete="CASCADE"), nullable=False),
    Column("surface", Text, nullable=False),
    Column("role", Text),
    Column("serves", String(32)),
    Column("label", String(32)),
    Column("extractor_version", String(32), nullable=False),
)
Index("ix_mentions_article", mentions.c.article_id)
Index("ix_mentions_actor", mentions.c.actor_id)

actor_roles = Table(
    "actor_roles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("span_id", Integer, ForeignKey("spans.id", ondelete="CASCADE"), nullable=False),
    Column("role", Text, nullable=False),
    Column("serves", String(32)),
    Column("extractor_version", String(32), nullable=False),
)
Index("ix_actor_roles_article", actor_roles.c.article_id)
Index("ix_actor_roles_actor", actor_roles.c.actor_id)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("span_id", Integer, ForeignKey("spans.id", ondelete="CASCADE"), nullable=False),
    Column("speaker_actor_id", Integer, ForeignKey("actors.id", ondelete="SET NULL")),
    Column("verb", Text),
    Column("direct", Boolean, nullable=False),
    Column("text", Text, nullable=False),
    Column("extractor_version", String(32), nullable=False),
)
Index("ix_quotes_article", quotes.c.article_id)
Index("ix_quotes_speaker", quotes.c.speaker_actor_id)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("span_id", Integer, ForeignKey("spans.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("date", String(10)),
    Column("date_precision", String(12)),
    Column("place_actor_id", Integer, ForeignKey("actors.id", ondelete="SET NULL")),
    Column("participants", JSON, nullable=False, default=list),
    Column("extractor_version", String(32), nullable=False),
)
Index("ix_events_article", events.c.article_id)

time_expressions = Table(
    "time_expressions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("span_id", Integer, ForeignKey("spans.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("value", String(32)),
    Column("precision", String(12), nullable=False),
    Column("start", String(10)),
    Column("end", String(10)),
    Column("recurrence", String(16)),
    Column("extractor_version", String(32), nullable=False),
)
Index("ix_time_expressions_article", time_expressions.c.article_id)

READING_TABLES = (mentions, actor_roles, quotes, events, time_expressions)


# ---------------------------------------------------------------------------- views


@dataclass
class ActorRow:
    id: int
    key: str
    kind: str
    name: str
    code: str | None
    aliases: list[str]


@dataclass
class MentionView:
    actor_key: str
    kind: str
    name: str
    start: int
    end: int
    surface: str
    role: str | None
    serves: str | None
    label: str | None = None
    sentence: str | None = None
    article_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class QuoteView:
    id: int
    article_id: int
    speaker_key: str | None
    speaker: str | None
    verb: str | None
    direct: bool
    text: str
    start: int
    end: int
    sentence: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ActorSummary:
    key: str
    kind: str
    name: str
    code: str | None
    mentions: int
    articles: int
    roles: list[dict[str, Any]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------------------- writes


def delete_for_articles(conn: Connection, article_ids: Iterable[int]) -> None:
    """Remove this stage's rows for these articles (actors stay: they are shared)."""
    ids = list(article_ids)
    if not ids:
        return
    for table in READING_TABLES:
        conn.execute(delete(table).where(table.c.article_id.in_(ids)))


def load_actors(conn: Connection, kind: str | None = None) -> list[ActorRow]:
    query = select(actors)
    if kind:
        query = query.where(actors.c.kind == kind)
    return [
        ActorRow(r.id, r.key, r.kind, r.name, r.code, list(r.aliases or []))
        for r in conn.execute(query.order_by(actors.c.id))
    ]


def upsert_actors(conn: Connection, wanted: list[dict[str, Any]]) -> dict[str, int]:
    """Get or create actors by key; names are replaced by `name` when `rename`, aliases merged.

    `wanted` items: {"key", "kind", "name", "code", "aliases": [...], "rename": bool}.
    Returns key -> id. One SELECT, one executemany INSERT, updates only for changed rows.
    """
    if not wanted:
        return {}
    merged: dict[str, dict[str, Any]] = {}
    for w in wanted:
        cur = merged.get(w["key"])
        if cur is None:
            merged[w["key"]] = {**w, "aliases": list(dict.fromkeys(w.get("aliases") or []))}
        else:
            cur["aliases"] = list(dict.fromkeys(cur["aliases"] + list(w.get("aliases") or [])))
            if w.get("rename") and len(w["name"]) > len(cur["name"]):
                cur["name"] = w["name"]
    keys = list(merged)
    existing = {
        r.key: r
        for r in conn.execute(select(actors.c.id, actors.c.key, actors.c.name, actors.c.aliases)
                              .where(actors.c.key.in_(keys)))
    }
    new_rows = [
        {"key": k, "kind": w["kind"], "name": w["name"], "code": w.get("code"), "aliases": w["aliases"]}
        for k, w in merged.items() if k not in existing
    ]
    if new_rows:
        conn.execute(insert(actors), new_rows)
    for k, w in merged.items():
        row = existing.get(k)
        if row is None:
            continue
        aliases = list(dict.fromkeys(list(row.aliases or []) + w["aliases"]))
        name = w["name"] if w.get("rename") and w["name"] != row.name else row.name
        if aliases != list(row.aliases or []) or name != row.name:
            conn.execute(update(actors).where(actors.c.id == row.id).values(aliases=aliases, name=name))
    return {r.key: r.id for r in conn.execute(select(actors.c.id, actors.c.key).where(actors.c.key.in_(keys)))}


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """executemany insert (no-op for no rows)."""
    if rows:
        conn.execute(insert(table), rows)


# ---------------------------------------------------------------------------- queries

@dataclass
class ArticleActorRow:
    """One mention of an article with its actor's stored names (for `views.actors.article_actors`)."""

    key: str
    kind: str
    name: str
    aliases: list[str]
    surface: str
    label: str | None


def article_actor_rows(conn: Connection, article_id: int) -> list[ArticleActorRow]:
    """Every actor mention of one article, in the order they were stored."""
    rows = conn.execute(
        select(actors.c.key, actors.c.kind, actors.c.name, actors.c.aliases, mentions.c.surface, mentions.c.label)
        .join(mentions, mentions.c.actor_id == actors.c.id)
        .where(mentions.c.article_id == article_id)
        .order_by(mentions.c.id)
    ).all()
    return [ArticleActorRow(r.key, r.kind, r.name, list(r.aliases or []), r.surface, r.label) for r in rows]


def mentions_for_article(conn: Connection, article_id: int) -> list[MentionView]:
    """Every mention of an article in text order, with its actor and sentence."""
    rows = conn.execute(
        select(actors.c.key, actors.c.kind, actors.c.name, spans.c.start, spans.c.end, spans.c.sentence,
               mentions.c.surface, mentions.c.role, mentions.c.serves, mentions.c.label)
        .join(actors, mentions.c.actor_id == actors.c.id)
        .join(spans, mentions.c.span_id == spans.c.id)
        .where(mentions.c.article_id == article_id)
        .order_by(spans.c.start, mentions.c.id)
    )
    return [
        MentionView(r.key, r.kind, r.name, r.start, r.end, r.surface, r.role, r.serves, r.label, r.sentence,
                    article_id)
        for r in rows
    ]


def list_actors(conn: Connection, kind: str | None = None, limit: int | None = None) -> list[ActorSummary]:
    """Actors with at least one mention, most mentioned first, with their roles."""
    query = (
        select(actors.c.id, actors.c.key, actors.c.kind, actors.c.name, actors.c.code, actors.c.aliases,
               func.count(mentions.c.id).label("n"),
               func.count(func.distinct(mentions.c.article_id)).label("na"))
        .join(mentions, mentions.c.actor_id == actors.c.id)
        .group_by(actors.c.id)
        .order_by(func.count(mentions.c.id).desc(), actors.c.name, actors.c.id)
    )
    if kind:
        query = query.where(actors.c.kind == kind)
    if limit:
        query = query.limit(limit)
    rows = conn.execute(query).all()
    roles = _roles_by_actor(conn, [r.id for r in rows])
    return [
        ActorSummary(r.key, r.kind, r.name, r.code, r.n, r.na, roles.get(r.id, []), list(r.aliases or []))
        for r in rows
    ]


def _roles_by_actor(conn: Connection, actor_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    if not actor_ids:
        return out
    rows = conn.execute(
        select(actor_roles.c.actor_id, actor_roles.c.role, actor_roles.c.serves,
               func.count(actor_roles.c.id).label("n"))
        .where(actor_roles.c.actor_id.in_(actor_ids))
        .group_by(actor_roles.c.actor_id, actor_roles.c.role, actor_roles.c.serves)
        # ties: first seen first, the same on every backend
        .order_by(func.count(actor_roles.c.id).desc(), func.min(actor_roles.c.id))
    )
    for r in rows:
        out.setdefault(r.actor_id, []).append({"role": r.role, "serves": r.serves, "count": r.n})
    return out


def find_actor(conn: Connection, name: str) -> ActorRow:
    """An actor by key, exact name, alias or name fragment (case and accents ignored)."""
    from suivi.read.textnorm import fold

    wanted = fold(name.strip())
    rows = load_actors(conn)
    for test in (
        lambda a: a.key.lower() == name.strip().lower(),
        lambda a: fold(a.name) == wanted,
        lambda a: any(fold(x) == wanted for x in a.aliases),
        lambda a: wanted in fold(a.name),
    ):
        hits = [a for a in rows if test(a)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            with_mentions = _mentioned(conn, [a.id for a in hits])
            hits = [a for a in hits if a.id in with_mentions] or hits
            if len(hits) == 1:
                return hits[0]
            raise NotFound(f"actor {name!r} is ambiguous: " + ", ".join(a.key for a in hits[:8]))
    raise NotFound(f"no actor {name!r}")


def _mentioned(conn: Connection, actor_ids: list[int]) -> set[int]:
    return set(conn.execute(select(mentions.c.actor_id).where(mentions.c.actor_id.in_(actor_ids))).scalars())


def actor_detail(conn: Connection, name: str) -> dict[str, Any]:
    """One actor: its mentions with sentences, its quotes, roles and co-actors."""
    actor = find_actor(conn, name)
    rows = conn.execute(
        select(mentions.c.article_id, mentions.c.surface, mentions.c.role, mentions.c.serves, spans.c.start,
               spans.c.end, spans.c.sentence, articles.c.title, articles.c.published)
        .join(spans, mentions.c.span_id == spans.c.id)
        .join(articles, mentions.c.article_id == articles.c.id)
        .where(mentions.c.actor_id == actor.id)
        .order_by(articles.c.published.nulls_first(), mentions.c.article_id, spans.c.start, mentions.c.id)
    ).all()
    article_ids = sorted({r.article_id for r in rows})
    co = conn.execute(
        select(actors.c.key, actors.c.name, actors.c.kind, func.count(mentions.c.id).label("n"))
        .join(mentions, mentions.c.actor_id == actors.c.id)
        .where(mentions.c.article_id.in_(article_ids), actors.c.id != actor.id)
        .group_by(actors.c.id)
        .order_by(func.count(mentions.c.id).desc(), actors.c.id)
        .limit(20)
    ).all()
    return {
        "key": actor.key,
        "kind": actor.kind,
        "name": actor.name,
        "code": actor.code,
        "aliases": actor.aliases,
        "roles": _roles_by_actor(conn, [actor.id]).get(actor.id, []),
        "mentions": [
            {"article_id": r.article_id, "title": r.title, "published": r.published, "surface": r.surface,
             "start": r.start, "end": r.end, "role": r.role, "serves": r.serves, "sentence": r.sentence}
            for r in rows
        ],
        "quotes": [q.to_json() for q in list_quotes(conn, speaker_id=actor.id)],
        "co_actors": [{"key": r.key, "name": r.name, "kind": r.kind, "mentions": r.n} for r in co],
    }


def list_quotes(
    conn: Connection, *, speaker_id: int | None = None, article_id: int | None = None, limit: int | None = None
) -> list[QuoteView]:
    """Quotes with their speaker, in article and text order."""
    query = (
        select(quotes.c.id, quotes.c.article_id, quotes.c.verb, quotes.c.direct, quotes.c.text,
               actors.c.key, actors.c.name, spans.c.start, spans.c.end, spans.c.sentence)
        .join(spans, quotes.c.span_id == spans.c.id)
        .outerjoin(actors, quotes.c.speaker_actor_id == actors.c.id)
        .order_by(quotes.c.article_id, spans.c.start, quotes.c.id)
    )
    if speaker_id is not None:
        query = query.where(quotes.c.speaker_actor_id == speaker_id)
    if article_id is not None:
        query = query.where(quotes.c.article_id == article_id)
    if limit:
        query = query.limit(limit)
    return [
        QuoteView(r.id, r.article_id, r.key, r.name, r.verb, bool(r.direct), r.text, r.start, r.end, r.sentence)
        for r in conn.execute(query)
    ]


def events_for_article(conn: Connection, article_id: int) -> list[dict[str, Any]]:
    place = actors.alias("place")
    rows = conn.execute(
        select(events.c.kind, events.c.date, events.c.date_precision, events.c.participants, place.c.key,
               spans.c.start, spans.c.end, spans.c.sentence)
        .join(spans, events.c.span_id == spans.c.id)
        .outerjoin(place, events.c.place_actor_id == place.c.id)
        .where(events.c.article_id == article_id)
        .order_by(spans.c.start, events.c.id)
    )
    return [
        {"kind": r.kind, "date": r.date, "date_precision": r.date_precision, "participants": r.participants,
         "place": r.key, "start": r.start, "end": r.end, "sentence": r.sentence}
        for r in rows
    ]


def time_expressions_for_article(conn: Connection, article_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(time_expressions, spans.c.start.label("span_start"), spans.c.end.label("span_end"))
        .join(spans, time_expressions.c.span_id == spans.c.id)
        .where(time_expressions.c.article_id == article_id)
        .order_by(spans.c.start, time_expressions.c.id)
    )
    return [
        {"text": r.text, "kind": r.kind, "value": r.value, "precision": r.precision, "interval_start": r.start,
         "interval_end": r.end, "recurrence": r.recurrence, "span_start": r.span_start, "span_end": r.span_end}
        for r in rows
    ]


def roles_for_article(conn: Connection, article_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(actors.c.key, actors.c.name, actor_roles.c.role, actor_roles.c.serves, spans.c.start)
        .join(actors, actor_roles.c.actor_id == actors.c.id)
        .join(spans, actor_roles.c.span_id == spans.c.id)
        .where(actor_roles.c.article_id == article_id)
        .order_by(spans.c.start, actor_roles.c.id)
    )
    return [{"key": r.key, "name": r.name, "role": r.role, "serves": r.serves, "start": r.start} for r in rows]
