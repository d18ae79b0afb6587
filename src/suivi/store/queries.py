"""Read-side queries across the stages' tables, one query per call, for `suivi.views`.

Why a module of its own: the register, the overview and the web pages read whole columns at
once (every commitment's mention dates and outlets, every status change) instead of one row
at a time; those bulk reads live here, beside the tables, so no SQL leaves `store/`. The
stages' own modules keep the queries the stages need.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from suivi.store.articles import articles, spans
from suivi.store.commitments import Commitment, _row_to_commitment, commitment_mentions, commitments
from suivi.store.follow import StatusChangeRow, audit_entries, review_decisions, status_changes
from suivi.store.reading import actors, events, mentions, quotes
from suivi.store.stories import story_articles


@dataclass(frozen=True, slots=True)
class MentionFact:
    """What the register needs of one commitment mention, without its sentence or evidence."""

    id: int
    commitment_id: int | None
    article_id: int
    outlet: str | None
    published: str | None


def mention_facts(conn: Connection) -> list[MentionFact]:
    """Every assigned commitment mention's commitment, article, outlet and date, in id order."""
    cm = commitment_mentions
    rows = conn.execute(
        select(cm.c.id, cm.c.commitment_id, cm.c.article_id, articles.c.outlet, articles.c.published)
        .join(articles, articles.c.id == cm.c.article_id)
        .where(cm.c.commitment_id.is_not(None))
        .order_by(cm.c.id)
    )
    return [MentionFact(*r) for r in rows]


def first_evidence(conn: Connection) -> dict[int, str]:
    """Commitment id -> the evidence of its first (lowest id) mention."""
    cm = commitment_mentions
    first = select(func.min(cm.c.id)).where(cm.c.commitment_id.is_not(None)).group_by(cm.c.commitment_id)
    rows = conn.execute(select(cm.c.commitment_id, cm.c.evidence).where(cm.c.id.in_(first.scalar_subquery())))
    return {int(c): e for c, e in rows}


def commitment_rows(conn: Connection) -> list[Commitment]:
    """Every commitment, first reported first, without its mention ids (the register counts them itself)."""
    rows = conn.execute(select(commitments).order_by(commitments.c.first_reported, commitments.c.id))
    return [_row_to_commitment(r, []) for r in rows]


def _change_query(with_sentence: bool) -> Any:
    sc = status_changes
    cols = [sc, articles.c.published]
    query = select(*cols) if not with_sentence else select(*cols, spans.c.sentence, spans.c.start, spans.c.end)
    query = query.select_from(sc).outerjoin(articles, articles.c.id == sc.c.article_id)
    if with_sentence:
        query = query.outerjoin(spans, spans.c.id == sc.c.span_id)
    return query.order_by(sc.c.id)


def status_logs(conn: Connection, *, with_sentence: bool = True) -> dict[str, list[StatusChangeRow]]:
    """Every commitment's status log (oldest first), keyed by commitment key: one query."""
    out: dict[str, list[StatusChangeRow]] = {}
    for r in conn.execute(_change_query(with_sentence)):
        m = r._mapping
        row = StatusChangeRow(
            id=m["id"], commitment_key=m["commitment_key"], status=m["status"], article_id=m["article_id"],
            span_id=m["span_id"], source=m["source"], actor_name=m["actor_name"], at=m["at"],
            effective_date=m["effective_date"], confidence=m["confidence"], cue=m["cue"], note=m["note"],
            source_ref=m["source_ref"], occurrence=m["occurrence"], extractor_version=m["extractor_version"],
            sentence=m.get("sentence"), start=m.get("start"), end=m.get("end"), published=m["published"],
        )
        out.setdefault(row.commitment_key, []).append(row)
    return out


def fingerprint(conn: Connection) -> tuple[Any, ...]:
    """A cheap summary that changes whenever anything the register or the overview shows changes.

    Why these figures: every stage writes by inserting (a re-run deletes then inserts fresh rows
    with new, higher ids), so the largest id of each table moves with any new row; reconcile
    assigns mentions by an update, caught by the count of assigned mentions; analysts' decisions
    and status changes are append-only (counted). Each figure is one index lookup or index-only
    count (a count and a max in one SELECT would scan the table itself: never combine them).
    """
    parts: list[Any] = []
    for table in (articles, commitments, commitment_mentions, status_changes, review_decisions, audit_entries,
                  mentions):
        parts.append(conn.execute(select(func.max(table.c.id))).scalar())
    for table in (commitments, status_changes, review_decisions):
        parts.append(conn.execute(select(func.count()).select_from(table)).scalar())
    parts.append(conn.execute(select(func.count()).select_from(commitment_mentions)
                              .where(commitment_mentions.c.commitment_id.is_not(None))).scalar())
    return tuple(parts)


def actor_names(conn: Connection, keys: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Actor key -> (name, kind) for these keys (those stored)."""
    wanted = sorted(set(keys))
    out: dict[str, tuple[str, str]] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i:i + 500]
        for key, name, kind in conn.execute(
            select(actors.c.key, actors.c.name, actors.c.kind).where(actors.c.key.in_(chunk))
        ):
            out[key] = (name, kind)
    return out


def count_stories(conn: Connection) -> int:
    from suivi.store.stories import stories

    return int(conn.execute(select(func.count()).select_from(stories)).scalar() or 0)


def language_counts(conn: Connection) -> dict[str, int]:
    """Articles per language."""
    rows = conn.execute(select(articles.c.language, func.count()).group_by(articles.c.language)).all()
    return {str(k): int(v) for k, v in rows}


def stories_of_articles(conn: Connection, article_ids: Iterable[int]) -> dict[int, int]:
    """Article id -> its story id (articles not in a story are absent)."""
    ids = sorted(set(article_ids))
    out: dict[int, int] = {}
    for i in range(0, len(ids), 500):
        rows = conn.execute(
            select(story_articles.c.article_id, story_articles.c.story_id)
            .where(story_articles.c.article_id.in_(ids[i:i + 500]))
        )
        out.update({int(a): int(s) for a, s in rows})
    return out


def recent_status_changes(conn: Connection, as_of: str, limit: int) -> list[dict[str, Any]]:
    """The latest status changes effective by `as_of` (ISO day), newest first, with their evidence."""
    sc = status_changes
    day = func.coalesce(sc.c.effective_date, func.substr(articles.c.published, 1, 10))
    rows = conn.execute(
        select(sc.c.id, sc.c.commitment_key, sc.c.status, sc.c.source, sc.c.actor_name, sc.c.article_id,
               sc.c.note, sc.c.cue, sc.c.at, day.label("day"), spans.c.sentence, spans.c.start, spans.c.end,
               articles.c.outlet, articles.c.title, commitments.c.id.label("commitment_id"))
        .select_from(sc)
        .outerjoin(articles, articles.c.id == sc.c.article_id)
        .outerjoin(spans, spans.c.id == sc.c.span_id)
        .outerjoin(commitments, commitments.c.key == sc.c.commitment_key)
        .where((day <= as_of) | day.is_(None))
        .order_by(day.desc(), sc.c.id.desc())
        .limit(limit)
    )
    return [dict(r._mapping) for r in rows]


def article_meta(conn: Connection, article_id: int) -> dict[str, Any]:
    """An article's metadata dictionary (dateline, closing, ...), without its text."""
    meta = conn.execute(select(articles.c.meta).where(articles.c.id == article_id)).scalar()
    return meta if isinstance(meta, dict) else {}


def article_page(conn: Connection, *, offset: int, limit: int, language: str | None = None,
                 outlet: str | None = None, since: str | None = None, until: str | None = None) -> list[dict]:
    """Articles newest first, without their text."""
    a = articles
    query = select(a.c.id, a.c.title, a.c.outlet, a.c.published, a.c.language, a.c.url).order_by(
        a.c.published.desc(), a.c.id.desc())
    if language:
        query = query.where(a.c.language == language)
    if outlet:
        query = query.where(a.c.outlet == outlet)
    if since:
        query = query.where(a.c.published >= since)
    if until:
        query = query.where(a.c.published <= until)
    return [dict(r._mapping) for r in conn.execute(query.offset(max(0, offset)).limit(limit))]


def article_raw(conn: Connection, article_id: int) -> bytes:
    return conn.execute(select(articles.c.raw).where(articles.c.id == article_id)).scalar() or b""


def dated_events(conn: Connection, *, since: str | None = None, until: str | None = None,
                 limit: int = 500) -> list[dict[str, Any]]:
    """Events with a date (meetings, visits, signatures ...), latest first, with their sentence."""
    place = actors.alias("place")
    query = (
        select(events.c.id, events.c.article_id, events.c.kind, events.c.date, events.c.date_precision,
               events.c.participants, place.c.key.label("place"), place.c.name.label("place_name"),
               spans.c.sentence, articles.c.outlet, articles.c.title)
        .join(spans, spans.c.id == events.c.span_id)
        .join(articles, articles.c.id == events.c.article_id)
        .outerjoin(place, place.c.id == events.c.place_actor_id)
        .where(events.c.date.is_not(None))
        .order_by(events.c.date.desc(), events.c.id.desc())
        .limit(limit)
    )
    if since:
        query = query.where(events.c.date >= since)
    if until:
        query = query.where(events.c.date <= until)
    out = []
    for r in conn.execute(query):
        row = dict(r._mapping)
        row["participants"] = list(row["participants"] or [])
        out.append(row)
    return out


def search_quotes(conn: Connection, words: list[str], limit: int) -> list[dict[str, Any]]:
    """Quotes whose text holds every word (case-insensitive), with speaker and article."""
    if not words:
        return []
    query = (
        select(quotes.c.id, quotes.c.article_id, quotes.c.text, quotes.c.direct, actors.c.key.label("speaker_key"),
               actors.c.name.label("speaker"), articles.c.title, articles.c.published)
        .join(articles, articles.c.id == quotes.c.article_id)
        .outerjoin(actors, actors.c.id == quotes.c.speaker_actor_id)
        .order_by(articles.c.published.desc(), quotes.c.id)
        .limit(limit)
    )
    for w in words:
        escaped = w.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(func.lower(quotes.c.text).like(f"%{escaped}%", escape="\\"))
    return [dict(r._mapping) for r in conn.execute(query)]
