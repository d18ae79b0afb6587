"""Stories, duplicates, blocking indexes, disagreements, summaries: tables and queries.

Why index tables: the reconcile stage must stay near-linear as the store grows. A new article
reaches its candidate stories through `story_keys` (actor x day keys) and its near-duplicates
through `minhash_bands` (LSH band hashes): indexed equality lookups, never a scan.

The merged-commitment queries at the end write into the extraction stage's tables
(`commitments`, `commitment_mentions`, see docs/ARCHITECTURE.md): reconcile creates
commitments and sets `commitment_mentions.commitment_id`, nothing else of theirs.
"""

from __future__ import annotations

import weakref
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
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    bindparam,
    delete,
    func,
    insert,
    inspect,
    select,
    update,
)

from suivi.errors import NotFound
from suivi.store.meta import metadata

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("label", Text),
    Column("kind", String(32)),
    Column("event_date", String(10), index=True),
    Column("place", Text),
    Column("actors", JSON, nullable=False, default=list),
    Column("centroid", LargeBinary),
    Column("n_articles", Integer, nullable=False, server_default="0"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("extractor_version", String(32), nullable=False),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("score", Float, nullable=False),
    Column("extractor_version", String(32), nullable=False),
)

story_keys = Table(
    "story_keys",
    metadata,
    Column("key", String(96), nullable=False),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
    PrimaryKeyConstraint("key", "story_id", name="pk_story_keys"),
)

article_features = Table(
    "article_features",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("event_date", String(10)),
    Column("date_source", String(16)),
    Column("kind", String(32)),
    Column("place", Text),
    Column("actors", JSON, nullable=False, default=list),
    Column("vector", LargeBinary, nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Column("extractor_version", String(32), nullable=False),
)

minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column("band_key", String(40), nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    PrimaryKeyConstraint("band_key", "article_id", name="pk_minhash_bands"),
)

duplicates = Table(
    "duplicates",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("duplicate_of", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("similarity", Float, nullable=False),
)

disagreements = Table(
    "disagreements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("field", String(64), nullable=False),
    Column("values", JSON, nullable=False),
    Column("extractor_version", String(32), nullable=False),
)

attributions = Table(
    "attributions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("span_id", Integer, ForeignKey("spans.id", ondelete="CASCADE"), nullable=False),
    Column("source", Text, nullable=False),
    Column("cue", Text, nullable=False),
    Column("extractor_version", String(32), nullable=False),
)

commitment_parties = Table(
    "commitment_parties",
    metadata,
    Column("party_key", String(200), nullable=False),
    Column("commitment_id", Integer, ForeignKey("commitments.id", ondelete="CASCADE"), nullable=False),
    PrimaryKeyConstraint("party_key", "commitment_id", name="pk_commitment_parties"),
)

story_summaries = Table(
    "story_summaries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("rank", Integer, nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("span_id", Integer, ForeignKey("spans.id", ondelete="CASCADE"), nullable=False),
    Column("sentence", Text, nullable=False),
    Column("score", Float, nullable=False),
)


# --------------------------------------------------------------------------- plain objects


@dataclass
class StoredFeatures:
    """What reconcile keeps per article so later articles never recompute it."""

    article_id: int
    event_date: str | None
    kind: str | None
    place: str | None
    actors: list[str]
    vector: bytes
    signature: bytes
    date_source: str | None = None  # event (reading stage) | text (a stated date) | published


@dataclass
class StoryState:
    """A story as the clusterer sees it: its running centroid and actor counts."""

    id: int
    event_date: str | None
    kind: str | None
    place: str | None
    actors: list[str]
    centroid: bytes | None
    n_articles: int
    label: str | None = None


@dataclass
class StoryArticle:
    article_id: int
    title: str | None
    outlet: str | None
    published: str | None
    language: str | None
    score: float
    duplicate_of: int | None = None


@dataclass
class StoryView:
    id: int
    label: str | None
    kind: str | None
    event_date: str | None
    place: str | None
    actors: list[str]
    n_articles: int
    articles: list[StoryArticle] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "kind": self.kind,
            "event_date": self.event_date,
            "place": self.place,
            "actors": self.actors,
            "n_articles": self.n_articles,
            "articles": [a.__dict__ for a in self.articles],
        }


# --------------------------------------------------------------------------- features and bands


_TABLES_SEEN: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()
"""Per engine, the tables `has_table` found: a table a migration made is never dropped at run time."""


def has_table(conn: Connection, name: str) -> bool:
    """Whether another stage's table exists yet (stages land independently).

    Why remembered: asked before every read of another stage's rows, the catalogue query
    (SQLite: a PRAGMA per table) was 1,200 statements per 200 articles in the writer."""
    seen = _TABLES_SEEN.setdefault(conn.engine, set())
    if name in seen:
        return True
    found = inspect(conn).has_table(name)
    if found:
        seen.add(name)
    return found


def save_features(conn: Connection, feats: StoredFeatures, version: str) -> None:
    conn.execute(delete(article_features).where(article_features.c.article_id == feats.article_id))
    conn.execute(
        insert(article_features).values(
            article_id=feats.article_id,
            event_date=feats.event_date,
            date_source=feats.date_source,
            kind=feats.kind,
            place=feats.place,
            actors=feats.actors,
            vector=feats.vector,
            signature=feats.signature,
            extractor_version=version,
        )
    )


def features_for(conn: Connection, ids: Iterable[int]) -> dict[int, StoredFeatures]:
    ids = list(ids)
    if not ids:
        return {}
    rows = conn.execute(select(article_features).where(article_features.c.article_id.in_(ids)))
    return {
        r.article_id: StoredFeatures(
            r.article_id,
            r.event_date,
            r.kind,
            r.place,
            list(r.actors or []),
            r.vector,
            r.signature,
            r.date_source,
        )
        for r in rows
    }


def add_bands(conn: Connection, article_id: int, band_keys: list[str]) -> None:
    if band_keys:
        conn.execute(insert(minhash_bands), [{"band_key": k, "article_id": article_id} for k in band_keys])


def articles_sharing_bands(conn: Connection, band_keys: list[str], exclude: int) -> list[int]:
    if not band_keys:
        return []
    rows = conn.execute(
        select(minhash_bands.c.article_id)
        .where(minhash_bands.c.band_key.in_(band_keys), minhash_bands.c.article_id != exclude)
        .distinct()
    )
    return sorted(r[0] for r in rows)


def set_duplicate(conn: Connection, article_id: int, duplicate_of: int, similarity: float) -> None:
    conn.execute(insert(duplicates).values(article_id=article_id, duplicate_of=duplicate_of, similarity=similarity))


def duplicate_of(conn: Connection, article_id: int) -> int | None:
    return conn.execute(select(duplicates.c.duplicate_of).where(duplicates.c.article_id == article_id)).scalar()


def duplicate_roots(conn: Connection, ids: Iterable[int]) -> dict[int, int]:
    """Each article mapped to the original it copies (itself when it is no copy)."""
    ids = list(ids)
    roots = {i: i for i in ids}
    if ids:
        for r in conn.execute(select(duplicates).where(duplicates.c.article_id.in_(ids))):
            roots[r.article_id] = r.duplicate_of
    return roots


def list_duplicates(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(select(duplicates).order_by(duplicates.c.article_id))]


# --------------------------------------------------------------------------- stories


def candidate_stories(conn: Connection, keys: list[str], limit: int) -> list[int]:
    """Stories sharing the most blocking keys with an article (indexed lookup)."""
    if not keys:
        return []
    hits = func.count().label("hits")
    rows = conn.execute(
        select(story_keys.c.story_id, hits)
        .where(story_keys.c.key.in_(keys))
        .group_by(story_keys.c.story_id)
        .order_by(hits.desc(), story_keys.c.story_id)
        .limit(limit)
    )
    return [r[0] for r in rows]


def max_story_id(conn: Connection) -> int:
    """The newest story id (0 when none): stories opened by a run have larger ids."""
    return int(conn.execute(select(func.max(stories.c.id))).scalar() or 0)


def load_stories(conn: Connection, ids: Iterable[int]) -> list[StoryState]:
    ids = list(ids)
    if not ids:
        return []
    rows = conn.execute(select(stories).where(stories.c.id.in_(ids)).order_by(stories.c.id))
    return [
        StoryState(r.id, r.event_date, r.kind, r.place, list(r.actors or []), r.centroid, r.n_articles, r.label)
        for r in rows
    ]


def create_story(conn: Connection, state: StoryState, version: str) -> int:
    result = conn.execute(
        insert(stories).values(
            label=state.label,
            kind=state.kind,
            event_date=state.event_date,
            place=state.place,
            actors=state.actors,
            centroid=state.centroid,
            n_articles=state.n_articles,
            created_at=datetime.now(UTC),
            extractor_version=version,
        )
    )
    return int(result.inserted_primary_key[0])


def update_story(conn: Connection, state: StoryState) -> None:
    conn.execute(
        update(stories)
        .where(stories.c.id == state.id)
        .values(
            label=state.label,
            kind=state.kind,
            event_date=state.event_date,
            place=state.place,
            actors=state.actors,
            centroid=state.centroid,
            n_articles=state.n_articles,
        )
    )


def add_story_keys(conn: Connection, story_id: int, keys: Iterable[str]) -> None:
    existing = set(conn.execute(select(story_keys.c.key).where(story_keys.c.story_id == story_id)).scalars())
    new = sorted(set(keys) - existing)
    if new:
        conn.execute(insert(story_keys), [{"key": k, "story_id": story_id} for k in new])


def attach_article(conn: Connection, story_id: int, article_id: int, score: float, version: str) -> None:
    conn.execute(
        insert(story_articles).values(story_id=story_id, article_id=article_id, score=score, extractor_version=version)
    )


def story_of_article(conn: Connection, article_id: int) -> int | None:
    """The story an article belongs to (None before reconcile ran on it)."""
    return conn.execute(select(story_articles.c.story_id).where(story_articles.c.article_id == article_id)).scalar()


def story_members(conn: Connection, story_id: int) -> list[int]:
    return list(
        conn.execute(
            select(story_articles.c.article_id)
            .where(story_articles.c.story_id == story_id)
            .order_by(story_articles.c.article_id)
        ).scalars()
    )


def forget_articles(conn: Connection, ids: list[int]) -> set[int]:
    """Delete reconcile's own rows for these articles; returns the stories they belonged to."""
    if not ids:
        return set()
    touched = set(conn.execute(select(story_articles.c.story_id).where(story_articles.c.article_id.in_(ids))).scalars())
    conn.execute(delete(story_articles).where(story_articles.c.article_id.in_(ids)))
    conn.execute(delete(minhash_bands).where(minhash_bands.c.article_id.in_(ids)))
    conn.execute(delete(duplicates).where(duplicates.c.article_id.in_(ids)))
    conn.execute(delete(article_features).where(article_features.c.article_id.in_(ids)))
    conn.execute(delete(attributions).where(attributions.c.article_id.in_(ids)))
    conn.execute(delete(story_summaries).where(story_summaries.c.article_id.in_(ids)))
    return touched


def delete_story(conn: Connection, story_id: int) -> None:
    if has_table(conn, "commitments"):
        conn.execute(update(_commitments).where(_commitments.c.story_id == story_id).values(story_id=None))
    conn.execute(delete(story_keys).where(story_keys.c.story_id == story_id))
    conn.execute(delete(disagreements).where(disagreements.c.story_id == story_id))
    conn.execute(delete(story_summaries).where(story_summaries.c.story_id == story_id))
    conn.execute(delete(stories).where(stories.c.id == story_id))


def clear_all(conn: Connection) -> None:
    """Forget every reconcile row (a full re-run rebuilds them in a fixed order)."""
    if has_table(conn, "commitments"):
        conn.execute(update(_mentions).values(commitment_id=None))
        conn.execute(delete(commitment_parties))
        conn.execute(delete(_commitments))
    for t in (
        story_summaries,
        disagreements,
        attributions,
        duplicates,
        minhash_bands,
        article_features,
        story_keys,
        story_articles,
        stories,
    ):
        conn.execute(delete(t))


def _article_rows(conn: Connection, ids: list[int]) -> dict[int, Any]:
    from suivi.store.articles import articles

    if not ids:
        return {}
    rows = conn.execute(
        select(articles.c.id, articles.c.title, articles.c.outlet, articles.c.published, articles.c.language).where(
            articles.c.id.in_(ids)
        )
    )
    return {r.id: r for r in rows}


def list_stories(conn: Connection, limit: int | None = None) -> list[StoryView]:
    query = select(stories).order_by(stories.c.event_date.desc().nulls_last(), stories.c.id)
    if limit:
        query = query.limit(limit)
    return [
        StoryView(r.id, r.label, r.kind, r.event_date, r.place, list(r.actors or []), r.n_articles)
        for r in conn.execute(query)
    ]


def get_story(conn: Connection, story_id: int) -> StoryView:
    """A story with its articles in publication order (the timeline)."""
    r = conn.execute(select(stories).where(stories.c.id == story_id)).first()
    if r is None:
        raise NotFound(f"no story {story_id}")
    view = StoryView(r.id, r.label, r.kind, r.event_date, r.place, list(r.actors or []), r.n_articles)
    members = conn.execute(select(story_articles).where(story_articles.c.story_id == story_id)).all()
    info = _article_rows(conn, [m.article_id for m in members])
    roots = duplicate_roots(conn, [m.article_id for m in members])
    for m in members:
        a = info[m.article_id]
        view.articles.append(
            StoryArticle(
                a.id, a.title, a.outlet, a.published, a.language, m.score, roots[a.id] if roots[a.id] != a.id else None
            )
        )
    view.articles.sort(key=lambda x: (x.published or "", x.article_id))
    return view


# --------------------------------------------------------------------------- disagreements, summaries


def replace_disagreements(conn: Connection, story_id: int, items: list[tuple[str, list[dict]]], version: str) -> None:
    conn.execute(delete(disagreements).where(disagreements.c.story_id == story_id))
    if items:
        conn.execute(
            insert(disagreements),
            [{"story_id": story_id, "field": f, "values": v, "extractor_version": version} for f, v in items],
        )


def disagreements_of(conn: Connection, story_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(select(disagreements).where(disagreements.c.story_id == story_id).order_by(disagreements.c.id))
    return [{"field": r.field, "values": r.values} for r in rows]


def add_attribution(conn: Connection, article_id: int, span_id: int, source: str, cue: str, version: str) -> None:
    conn.execute(
        insert(attributions).values(
            article_id=article_id, span_id=span_id, source=source, cue=cue, extractor_version=version
        )
    )


def attributions_of(conn: Connection, article_ids: list[int]) -> list[dict[str, Any]]:
    from suivi.store.articles import spans

    if not article_ids:
        return []
    rows = conn.execute(
        select(
            attributions.c.article_id,
            attributions.c.source,
            attributions.c.cue,
            spans.c.start,
            spans.c.end,
            spans.c.sentence,
        )
        .join(spans, spans.c.id == attributions.c.span_id)
        .where(attributions.c.article_id.in_(article_ids))
        .order_by(attributions.c.article_id, spans.c.start, attributions.c.id)
    )
    return [dict(r._mapping) for r in rows]


def replace_summary(conn: Connection, story_id: int, items: list[dict[str, Any]]) -> None:
    conn.execute(delete(story_summaries).where(story_summaries.c.story_id == story_id))
    if items:
        conn.execute(insert(story_summaries), [{"story_id": story_id, **i} for i in items])


def summary_of(conn: Connection, story_id: int) -> list[dict[str, Any]]:
    from suivi.store.articles import articles

    rows = conn.execute(
        select(
            story_summaries.c.rank,
            story_summaries.c.article_id,
            story_summaries.c.span_id,
            story_summaries.c.sentence,
            story_summaries.c.score,
            articles.c.outlet,
        )
        .join(articles, articles.c.id == story_summaries.c.article_id)
        .where(story_summaries.c.story_id == story_id)
        .order_by(story_summaries.c.rank)
    )
    return [dict(r._mapping) for r in rows]


# --------------------------------------------------------------------------- merged commitments
# The extraction stage's tables (0003_commitments): reconcile fills commitments and links mentions.

from suivi.store.commitments import commitment_mentions as _mentions  # noqa: E402
from suivi.store.commitments import commitments as _commitments  # noqa: E402


@dataclass
class MentionRow:
    """One commitment_mentions row with the span facts merging needs."""

    id: int
    article_id: int
    commitment_id: int | None
    evidence: str
    agents: list[str]
    beneficiaries: list[str]
    action: str | None
    sector: str | None
    deadline: str | None
    deadline_precision: str | None
    recurrence: str | None
    modality: str | None
    start: int
    end: int
    sentence: str


def mentions_of_articles(conn: Connection, ids: list[int]) -> list[MentionRow]:
    if not ids or not has_table(conn, "commitment_mentions"):
        return []
    return _mention_rows(conn, _mentions.c.article_id.in_(ids))


def _mention_rows(conn: Connection, where: Any) -> list[MentionRow]:
    """Mention rows matching `where`, in article order, then span start."""
    from suivi.store.articles import spans

    m = _mentions.c
    rows = conn.execute(
        select(
            m.id,
            m.article_id,
            m.commitment_id,
            m.evidence,
            m.agents,
            m.beneficiaries,
            m.action,
            m.sector,
            m.deadline,
            m.deadline_precision,
            m.recurrence,
            m.modality,
            spans.c.start,
            spans.c.end,
            spans.c.sentence,
        )
        .join(spans, spans.c.id == m.span_id)
        .where(where)
        .order_by(m.article_id, spans.c.start, m.id)
    )
    return [
        MentionRow(
            r.id,
            r.article_id,
            r.commitment_id,
            r.evidence or "",
            list(r.agents or []),
            list(r.beneficiaries or []),
            r.action,
            r.sector,
            r.deadline,
            r.deadline_precision,
            r.recurrence,
            r.modality,
            r.start,
            r.end,
            r.sentence or "",
        )
        for r in rows
    ]


def commitment_ids_of_story(conn: Connection, story_id: int) -> list[int]:
    if not has_table(conn, "commitments"):
        return []
    return list(
        conn.execute(
            select(_commitments.c.id).where(_commitments.c.story_id == story_id).order_by(_commitments.c.id)
        ).scalars()
    )


def mentions_of_commitments(
    conn: Connection, commitment_ids: list[int], per_commitment: int | None = None
) -> list[MentionRow]:
    """The mentions of these commitments, in article order. With `per_commitment`, a
    commitment told more often keeps its first mention and its most recent ones: what a new
    mention is compared with stays bounded however often a pledge was reported."""
    if not commitment_ids:
        return []
    m = _mentions.c
    pairs = conn.execute(select(m.id, m.commitment_id).where(m.commitment_id.in_(commitment_ids))).all()
    by_commitment: dict[int, list[int]] = {}
    for mention_id, commitment_id in pairs:
        by_commitment.setdefault(commitment_id, []).append(mention_id)
    keep: list[int] = []
    for ids in by_commitment.values():
        ids.sort()
        if per_commitment is not None and len(ids) > per_commitment:
            ids = [ids[0], *ids[len(ids) - per_commitment + 1 :]]
        keep.extend(ids)
    return _mention_rows(conn, m.id.in_(keep)) if keep else []


def stories_of_articles(conn: Connection, article_ids: list[int]) -> dict[int, int]:
    """Article id -> its story, for the articles that have one (one query)."""
    if not article_ids:
        return {}
    rows = conn.execute(
        select(story_articles.c.article_id, story_articles.c.story_id).where(
            story_articles.c.article_id.in_(article_ids)
        )
    )
    return {int(a): int(st) for a, st in rows}


def unassign_articles(conn: Connection, ids: list[int]) -> None:
    """Detach these articles' mentions and drop commitments left without any mention."""
    if not ids or not has_table(conn, "commitment_mentions"):
        return
    conn.execute(update(_mentions).where(_mentions.c.article_id.in_(ids)).values(commitment_id=None))
    used = select(_mentions.c.commitment_id).where(_mentions.c.commitment_id.is_not(None))
    conn.execute(delete(commitment_parties).where(commitment_parties.c.commitment_id.not_in(used)))
    conn.execute(delete(_commitments).where(_commitments.c.id.not_in(used)))


_PARTY_KEY = select(commitment_parties.c.commitment_id).where(
    commitment_parties.c.party_key == bindparam("p"), commitment_parties.c.commitment_id == bindparam("c")
)
_PARTY_KEY_INSERT = insert(commitment_parties)
"""Built once, parameters given at execution (see `store.articles.add_span`)."""


def add_party_key(conn: Connection, commitment_id: int, party_key: str) -> None:
    """Index a commitment under its parties, so other stories' mentions can find it."""
    exists = conn.execute(_PARTY_KEY, {"p": party_key, "c": commitment_id}).first()
    if exists is None:
        conn.execute(_PARTY_KEY_INSERT, {"party_key": party_key, "commitment_id": commitment_id})


def add_party_keys(conn: Connection, pairs: Iterable[tuple[int, str]]) -> int:
    """`add_party_key` for many (commitment id, party key) pairs, in their order: one query for
    the pairs already indexed and one insert for the others (not two statements per pair).
    Returns how many were new."""
    wanted = list(dict.fromkeys(pairs))
    if not wanted:
        return 0
    known: set[tuple[int, str]] = set()
    ids = sorted({cid for cid, _key in wanted})
    c = commitment_parties.c
    for i in range(0, len(ids), 500):
        rows = conn.execute(select(c.commitment_id, c.party_key).where(c.commitment_id.in_(ids[i:i + 500])))
        known.update((int(cid), key) for cid, key in rows)
    new = [{"party_key": key, "commitment_id": cid} for cid, key in wanted if (cid, key) not in known]
    if new:
        conn.execute(_PARTY_KEY_INSERT, new)
    return len(new)


def commitments_with_parties(conn: Connection, party_keys: list[str], limit: int) -> list[int]:
    """The most recent commitments indexed under these party keys (indexed lookup)."""
    if not party_keys or not has_table(conn, "commitments"):
        return []
    rows = conn.execute(
        select(commitment_parties.c.commitment_id)
        .where(commitment_parties.c.party_key.in_(party_keys))
        .distinct()
        .order_by(commitment_parties.c.commitment_id.desc())
        .limit(limit)
    )
    return sorted(r[0] for r in rows)


def commitments_of_story(conn: Connection, story_id: int) -> list[dict[str, Any]]:
    if not has_table(conn, "commitments"):
        return []
    rows = conn.execute(select(_commitments).where(_commitments.c.story_id == story_id).order_by(_commitments.c.id))
    return [dict(r._mapping) for r in rows]


# --------------------------------------------------------------------------- reading-stage facts
# The reading stage's tables (0002_reading), read only.

from suivi.store.reading import actors as _actors  # noqa: E402
from suivi.store.reading import events as _events  # noqa: E402
from suivi.store.reading import mentions as _actor_mentions  # noqa: E402


@dataclass
class EventRow:
    kind: str | None
    date: str | None
    precision: str | None
    place: str | None
    start: int


def events_of_article(conn: Connection, article_id: int) -> list[EventRow]:
    """The reading stage's events of an article, in text order ([] before that stage exists)."""
    from suivi.store.articles import spans

    if not has_table(conn, "events"):
        return []
    e = _events.c
    rows = conn.execute(
        select(e.kind, e.date, e.date_precision, _actors.c.key, spans.c.start)
        .join(spans, spans.c.id == e.span_id)
        .outerjoin(_actors, _actors.c.id == e.place_actor_id)
        .where(e.article_id == article_id)
        .order_by(spans.c.start, e.id)
    )
    return [EventRow(r[0], r[1], r[2], r[3], r[4]) for r in rows]


@dataclass
class SurfaceRow:
    key: str
    kind: str
    surface: str
    start: int
    end: int


def actor_surfaces(conn: Connection, article_id: int) -> list[SurfaceRow]:
    """Actor mentions of an article with their canonical key ([] before reading exists)."""
    from suivi.store.articles import spans

    if not has_table(conn, "mentions") or not has_table(conn, "actors"):
        return []
    rows = conn.execute(
        select(_actors.c.key, _actors.c.kind, _actor_mentions.c.surface, spans.c.start, spans.c.end)
        .join(_actors, _actors.c.id == _actor_mentions.c.actor_id)
        .join(spans, spans.c.id == _actor_mentions.c.span_id)
        .where(_actor_mentions.c.article_id == article_id)
        .order_by(spans.c.start, _actor_mentions.c.id)
    )
    return [SurfaceRow(r[0], r[1], r[2] or "", r[3], r[4]) for r in rows]


def delete_commitment(conn: Connection, commitment_id: int) -> None:
    """Drop a commitment whose mentions were all moved into another one."""
    conn.execute(update(_mentions).where(_mentions.c.commitment_id == commitment_id).values(commitment_id=None))
    conn.execute(delete(commitment_parties).where(commitment_parties.c.commitment_id == commitment_id))
    conn.execute(delete(_commitments).where(_commitments.c.id == commitment_id))
