"""What reconcile knows of one article: event date, kind, place, actors, vector, MinHash.

Why a feature object: clustering, duplicate detection and the benchmark all run on the same
plain object, whether it was read from the reading stage's tables, derived from the text when
that stage has not run, or generated synthetically.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from sqlalchemy import Connection

from suivi.models import Article
from suivi.reconcile.duplicates import signature
from suivi.reconcile.settings import settings
from suivi.reconcile.vectors import embed
from suivi.store import stories as story_store

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass
class ArticleFeatures:
    article_id: int
    outlet: str | None
    published: str | None
    event_date: str | None
    kind: str | None
    place: str | None
    actors: list[str]
    vector: np.ndarray
    signature: np.ndarray
    date_source: str | None = None  # event | text | published: only stated dates can disagree

    def to_stored(self) -> story_store.StoredFeatures:
        return story_store.StoredFeatures(
            self.article_id,
            self.event_date,
            self.kind,
            self.place,
            self.actors,
            self.vector.astype(np.float32).tobytes(),
            self.signature.astype(np.uint64).tobytes(),
            self.date_source,
        )

    @classmethod
    def from_stored(
        cls, s: story_store.StoredFeatures, outlet: str | None = None, published: str | None = None
    ) -> ArticleFeatures:
        return cls(
            s.article_id,
            outlet,
            published,
            s.event_date,
            s.kind,
            s.place,
            s.actors,
            np.frombuffer(s.vector, dtype=np.float32),
            np.frombuffer(s.signature, dtype=np.uint64),
            s.date_source,
        )


def lead(article: Article, chars: int) -> str:
    """Title plus the first sentences of the body: what a reader sees of the event first."""
    body = article.text
    if article.title and body.lstrip().startswith(article.title.strip()):
        body = body.lstrip()[len(article.title.strip()) :]
    out = []
    for sentence in _SENTENCE_END.split(body.strip()):
        if sum(len(s) for s in out) >= chars:
            break
        if sentence.strip():
            out.append(sentence.strip())
    head = article.title or ""
    return (head + ". " + " ".join(out)).strip(". ") if head else " ".join(out)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _near(day: date, published: date, max_days: int) -> bool:
    """A reported event happened before publication (or is previewed a day or two ahead);
    a date further ahead is a plan the article mentions, not its event."""
    return -max_days <= (day - published).days <= 2


def pick_event(
    events: list[story_store.EventRow], published: str | None, max_days: int = 30
) -> story_store.EventRow | None:
    """The article's reported event: the first day-precise event near publication.

    Why not the publication date alone: an article published on the 4th about a meeting on the
    3rd, and a preview published on the 2nd about a visit starting on the 2nd, report one event.
    """
    pub = _day(published)
    for ev in events:
        d = _day(ev.date)
        if d is None:
            continue
        if pub is None or _near(d, pub, max_days):
            return ev
    return None


def _fallback_event_date(article: Article) -> tuple[str | None, str | None]:
    """Without the reading stage: the first dated expression of the lead near publication.

    Returns (date, source): "text" for a stated date, "published" for the fallback.
    """
    anchor = _day(article.published)
    published = (article.published[:10], "published") if anchor else (None, None)
    try:
        from suivi.read.dates import normalise
    except ImportError:
        return published
    for tv in normalise(lead(article, 600), anchor, article.language or "fr"):
        d = _day(getattr(tv, "value", None))
        if d and getattr(tv, "precision", "") == "day" and (anchor is None or _near(d, anchor, 30)):
            return d.isoformat(), "text"
    return published


def _fallback_actors(article: Article) -> list[str]:
    """Gazetteer actors of the title and text, in the order they are first named."""
    try:
        from suivi.read.gazetteer import get_gazetteer
    except ImportError:
        return []
    found = get_gazetteer().find_all(f"{article.title or ''}\n{article.text}")
    return list(dict.fromkeys(ref.key for _s, _e, ref in sorted(found, key=lambda f: f[0])))


def _fallback_place(keys: list[str]) -> str | None:
    """The first place named (text order) that can host an event: a city or a capital.

    Why not any place: nearly every article on a partnership with Africa names "Africa" or
    "the Sahel"; a continent or region would make every such pair agree on the place.
    """
    try:
        from suivi.read.gazetteer import get_gazetteer
    except ImportError:
        return None
    gaz = get_gazetteer()
    for key in keys:
        ref = gaz.get(key) if key.startswith("place:") else None
        if ref is not None and ref.sub != "region":
            return key
    return None


def compute(conn: Connection, article: Article) -> ArticleFeatures:
    """Features of a stored article, from the reading stage's rows when they exist."""
    cfg = settings()
    surfaces = story_store.actor_surfaces(conn, article.id)
    # Without the reading stage's mentions (not run, or found none) the gazetteer still names them.
    named = [s.key for s in surfaces] if surfaces else _fallback_actors(article)  # text order
    actors = sorted(set(named))
    event = pick_event(story_store.events_of_article(conn, article.id), article.published)
    if event is not None:
        event_date, kind, place = event.date[:10] if event.date else None, event.kind, event.place
        source = "event"
    else:
        (event_date, source), kind = _fallback_event_date(article), None
        place = _fallback_place(named)
    vec = embed([lead(article, cfg["stories"]["lead_chars"])])[0]
    return ArticleFeatures(
        article.id,
        article.outlet,
        article.published,
        event_date,
        kind,
        place,
        actors,
        vec,
        signature(article.text),
        source,
    )


def days_between(a: str | None, b: str | None) -> int | None:
    da, db = _day(a), _day(b)
    return None if da is None or db is None else abs((da - db).days)


def day_range(value: str | None, window: int) -> list[str]:
    d = _day(value)
    if d is None:
        return []
    return [(d + timedelta(days=k)).isoformat() for k in range(-window, window + 1)]
