"""The extract stage: commitment mentions for each article, with provenance.

Why delete-then-write per batch: a re-run over an article must leave exactly what the
current extractor finds, and the mention's natural key (content hash, span) makes the same
statement come back with the same key, so decisions that cite it still apply.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from suivi import failpoints
from suivi.extract.commitments import CommitmentCandidate, extract
from suivi.models import Article
from suivi.read.nlp import parse
from suivi.store import Store
from suivi.store import articles as art_store
from suivi.store import commitments as cstore

NAME = "extract"
VERSION = "extract-2"
BATCH = 32

Progress = Callable[[str, int, int], None]


def _reading_mentions(conn: Connection, article_id: int) -> list[Any]:
    """The reading stage's actor mentions, or none when that stage is not built."""
    try:
        from suivi.store.reading import mentions_for_article
    except ImportError:
        return []
    return list(mentions_for_article(conn, article_id))


def store_candidates(conn: Connection, article: Article, candidates: list[CommitmentCandidate]) -> int:
    """Write one article's candidates as mentions (each with its span); returns how many.

    Spans and mentions go in one batch each (`add_spans`, `insert_mentions`): written one by
    one they were about 17 statements per article in the writer of `suivi ingest`. Both are
    created in candidate order, so ids are the ones the one-by-one writes gave."""
    if not candidates:
        return 0
    text = article.text
    span_ids = art_store.add_spans(conn, article.id, [
        (c.start, c.end, c.evidence, text[c.unit_start:c.unit_end], c.unit_start, c.unit_end) for c in candidates
    ])
    cstore.insert_mentions(conn, [
        cstore.mention_row(
            key=cstore.mention_key(article.content_hash, c.start, c.end),
            article_id=article.id,
            span_id=span_ids[(c.start, c.end)],
            extractor_version=VERSION,
            evidence=c.evidence, cue=c.cue, modality=c.modality, agents=c.agents,
            beneficiaries=c.beneficiaries, agent_text=c.agent_text, beneficiary_text=c.beneficiary_text,
            action=c.action, sector=c.sector, deadline=c.deadline, deadline_precision=c.deadline_precision,
            recurrence=c.recurrence, condition=c.condition, restates=c.restates, confidence=c.confidence,
            deadline_kind=c.deadline_kind, quantity=c.quantity, quantity_unit=c.quantity_unit,
            quantity_kind=c.quantity_kind, quantity_text=c.quantity_text,
        )
        for c in candidates
    ])
    return len(candidates)


def run(store: Store, article_ids: list[int] | None, progress: Progress) -> dict[str, int]:
    """Extract commitment mentions for the given articles (None: all), replacing earlier ones."""
    with store.connect() as conn:
        ids = list(article_ids) if article_ids is not None else art_store.article_ids(conn)
    total, done, found = len(ids), 0, 0
    progress(NAME, 0, total)
    for i in range(0, total, BATCH):
        chunk = ids[i:i + BATCH]
        with store.begin() as conn:
            articles = art_store.iter_articles(conn, chunk)
            docs = parse(articles)
            cstore.delete_mentions_for_articles(conn, chunk)
            for article, doc in zip(articles, docs, strict=True):
                found += store_candidates(conn, article, extract(doc, article, _reading_mentions(conn, article.id)))
            failpoints.reach("extract.batch")
        done += len(chunk)
        progress(NAME, done, total)
    return {"articles": total, "commitment_mentions": found}
