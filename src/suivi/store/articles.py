"""Articles and spans: tables and queries.

Why content_hash is the key: the same article arriving twice (another file name, other
whitespace, a feed and its page) must be stored once; the raw bytes are kept beside it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    bindparam,
    func,
    insert,
    or_,
    select,
    text,
)

from suivi.errors import NotFound
from suivi.models import Article, ArticleDraft, Span
from suivi.store.meta import metadata

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("raw_hash", String(64), nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("source_kind", String(16), nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("title", Text),
    Column("published", String(10), index=True),
    Column("published_precision", String(8), nullable=False, server_default="unknown"),
    Column("language", String(8)),
    Column("text", Text, nullable=False),
    Column("raw", LargeBinary, nullable=False),
    Column("meta", JSON, nullable=False, default=dict),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

spans = Table(
    "spans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sent_start", Integer, nullable=False),
    Column("sent_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("sentence", Text, nullable=False),
    UniqueConstraint("article_id", "start", "end", name="uq_spans_article_range"),
)
Index("ix_spans_article", spans.c.article_id)

_WS = re.compile(r"\s+")


def content_hash(clean_text: str) -> str:
    """sha256 of the clean text with whitespace normalised (the article's identity)."""
    return hashlib.sha256(_WS.sub(" ", clean_text).strip().encode("utf-8")).hexdigest()


def raw_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _row_to_article(row: Any) -> Article:
    m = row._mapping
    return Article(
        id=m["id"],
        content_hash=m["content_hash"],
        raw_hash=m["raw_hash"],
        source=m["source"],
        source_kind=m["source_kind"],
        url=m["url"],
        outlet=m["outlet"],
        author=m["author"],
        title=m["title"],
        published=m["published"],
        published_precision=m["published_precision"],
        language=m["language"],
        text=m["text"],
        ingested_at=m["ingested_at"],
        meta=m["meta"] or {},
    )


# Built once: compiling a fresh statement per article cost more than the insert itself.
_INSERT_ARTICLE = insert(articles)
_FIND_BY_HASH = select(articles.c.id).where(articles.c.content_hash == bindparam("chash"))


def find_by_hash(conn: Connection, chash: str) -> int | None:
    return conn.execute(_FIND_BY_HASH, {"chash": chash}).scalar()


def insert_article(conn: Connection, draft: ArticleDraft) -> tuple[int, bool]:
    """Store a draft unless its content is already stored. Returns (id, created)."""
    chash = content_hash(draft.text)
    existing = find_by_hash(conn, chash)
    if existing is not None:
        return existing, False
    result = conn.execute(
        _INSERT_ARTICLE,
        {
            "content_hash": chash,
            "raw_hash": raw_hash(draft.raw),
            "source": draft.source,
            "source_kind": draft.source_kind,
            "url": draft.url,
            "outlet": draft.outlet,
            "author": draft.author,
            "title": draft.title,
            "published": draft.published,
            "published_precision": draft.published_precision or "unknown",
            "language": draft.language,
            "text": draft.text,
            "raw": draft.raw,
            "meta": draft.meta or {},
            "ingested_at": datetime.now(UTC),
        },
    )
    return int(result.inserted_primary_key[0]), True


def get_article(conn: Connection, ref: int | str) -> Article:
    """An article by id or by a content-hash prefix (at least 6 characters)."""
    query = select(articles)
    if isinstance(ref, int) or str(ref).isdigit():
        query = query.where(articles.c.id == int(ref))
    elif len(str(ref)) >= 6:
        query = query.where(articles.c.content_hash.startswith(str(ref)))
    else:
        raise NotFound(f"no article {ref!r}: give an id or at least 6 characters of its hash")
    rows = conn.execute(query.limit(2)).all()
    if not rows:
        raise NotFound(f"no article {ref!r}")
    if len(rows) > 1:
        raise NotFound(f"article reference {ref!r} is ambiguous")
    return _row_to_article(rows[0])


def iter_articles(conn: Connection, ids: Iterable[int] | None = None) -> list[Article]:
    query = select(articles).order_by(articles.c.id)
    if ids is not None:
        query = query.where(articles.c.id.in_(list(ids)))
    return [_row_to_article(r) for r in conn.execute(query)]


def article_dates(conn: Connection) -> list[tuple[int, str | None, str | None]]:
    """(id, published, language) of every article, without its text: what deciding which
    articles to re-read needs, at a few bytes per stored article."""
    rows = conn.execute(select(articles.c.id, articles.c.published, articles.c.language).order_by(articles.c.id))
    return [(int(a), p, lang) for a, p, lang in rows]


def article_ids(conn: Connection) -> list[int]:
    return list(conn.execute(select(articles.c.id).order_by(articles.c.id)).scalars())


def list_articles(
    conn: Connection,
    *,
    outlet: str | None = None,
    language: str | None = None,
    since: str | None = None,
    until: str | None = None,
    contains: str | None = None,
    limit: int | None = None,
) -> list[Article]:
    query = select(articles).order_by(articles.c.published.desc().nulls_last(), articles.c.id)
    if outlet:
        query = query.where(func.lower(articles.c.outlet).contains(outlet.lower()))
    if language:
        query = query.where(articles.c.language == language)
    if since:
        query = query.where(articles.c.published >= since)
    if until:
        query = query.where(articles.c.published <= until + "\uffff")
    if contains:
        like = f"%{contains.lower()}%"
        query = query.where(or_(func.lower(articles.c.title).like(like), func.lower(articles.c.text).like(like)))
    if limit:
        query = query.limit(limit)
    return [_row_to_article(r) for r in conn.execute(query)]


def count_articles(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(articles)).scalar() or 0)


def search(conn: Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Full-text search: FTS5 ranked with highlighted snippets on SQLite, tsvector on PostgreSQL."""
    if conn.dialect.name == "sqlite":
        fts_query = _fts5_query(query)
        if not fts_query:
            return []
        rows = conn.execute(
            text(
                "SELECT a.id, a.title, a.outlet, a.published, "
                "snippet(articles_fts, 1, '[', ']', ' … ', 16) AS snippet, bm25(articles_fts) AS rank "
                "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                "WHERE articles_fts MATCH :q ORDER BY rank LIMIT :n"
            ),
            {"q": fts_query, "n": limit},
        )
    else:
        rows = conn.execute(
            text(
                "SELECT a.id, a.title, a.outlet, a.published, "
                "ts_headline('simple', a.text, plainto_tsquery('simple', :q), "
                "'StartSel=[,StopSel=],MaxWords=24,MinWords=8') AS snippet, "
                "-ts_rank(to_tsvector('simple', coalesce(a.title,'') || ' ' || a.text), "
                "plainto_tsquery('simple', :q)) AS rank "
                "FROM articles a WHERE to_tsvector('simple', coalesce(a.title,'') || ' ' || a.text) "
                "@@ plainto_tsquery('simple', :q) ORDER BY rank LIMIT :n"
            ),
            {"q": query, "n": limit},
        )
    return [dict(r._mapping) for r in rows]


_TOKEN = re.compile(r"\w+", re.UNICODE)


def _fts5_query(query: str) -> str:
    """Quote each word so user text can never be FTS5 syntax (AND/NEAR/column filters)."""
    words = _TOKEN.findall(query)
    return " ".join(f'"{w}"' for w in words)


_SPAN_ID = select(spans.c.id).where(
    spans.c.article_id == bindparam("a"), spans.c.start == bindparam("s"), spans.c.end == bindparam("e")
)
_SPAN_INSERT = insert(spans)
"""Built once: a statement built per call (`.where(...)`, `.values(...)`) costs SQLAlchemy a new
cache key each time, and spans are written by the thousand (bench/README.md)."""


def add_span(conn: Connection, article_id: int, start: int, end: int, text_: str,
             sentence: str, sent_start: int, sent_end: int) -> int:
    """Get or create the span (article, start, end); returns its id."""
    existing = conn.execute(_SPAN_ID, {"a": article_id, "s": start, "e": end}).scalar()
    if existing is not None:
        return int(existing)
    result = conn.execute(_SPAN_INSERT, {
        "article_id": article_id, "start": start, "end": end, "text": text_,
        "sentence": sentence, "sent_start": sent_start, "sent_end": sent_end,
    })
    return int(result.inserted_primary_key[0])


def add_spans(conn: Connection, article_id: int,
              items: list[tuple[int, int, str, str, int, int]]) -> dict[tuple[int, int], int]:
    """Get or create many spans of one article at once: (start, end) -> span id.

    Same semantics as `add_span` (unique article/start/end), batched: one SELECT of the
    article's spans, one multi-row INSERT ... RETURNING of the missing ones, created in the
    order of `items` (the first item of a range gives its text and sentence).
    """
    def existing() -> dict[tuple[int, int], int]:
        rows = conn.execute(select(spans.c.id, spans.c.start, spans.c.end).where(spans.c.article_id == article_id))
        return {(r.start, r.end): r.id for r in rows}

    have = existing()
    new: dict[tuple[int, int], dict[str, Any]] = {}
    for start, end, text_, sentence, s, e in items:
        if (start, end) not in have and (start, end) not in new:
            new[(start, end)] = {"article_id": article_id, "start": start, "end": end, "text": text_,
                                 "sentence": sentence, "sent_start": s, "sent_end": e}
    if new:
        returned = conn.execute(insert(spans).returning(spans.c.id, spans.c.start, spans.c.end), list(new.values()))
        have.update({(r.start, r.end): r.id for r in returned})
    return have


def get_span(conn: Connection, span_id: int) -> Span:
    row = conn.execute(select(spans).where(spans.c.id == span_id)).first()
    if row is None:
        raise NotFound(f"no span {span_id}")
    return Span(**{k: row._mapping[k] for k in Span.__dataclass_fields__})


_ENTRY_SUFFIX = re.compile(r"(?:#entry-\d+|:\d+)$")


def stored_sources(conn: Connection, refs: Iterable[str]) -> set[str]:
    """The inputs among `refs` that already gave stored articles (a file, or a feed or JSONL
    file through its entries "feed.xml#entry-3", "export.jsonl:12"): a resumed batch skips them."""
    wanted = set(refs)
    done: set[str] = set()
    rows = conn.execution_options(yield_per=5000).execute(select(articles.c.source))
    for (source,) in rows:
        if source in wanted:
            done.add(source)
        else:
            base = _ENTRY_SUFFIX.sub("", source)
            if base in wanted:
                done.add(base)
    return done
