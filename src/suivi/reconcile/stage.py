"""The reconcile stage: duplicates, stories, merged commitments, disagreements, summaries.

Contract (see suivi.pipeline): run(store, article_ids, progress). New articles are added
incrementally (each joins a story or opens one; nothing is re-clustered). Re-running over
some articles first forgets reconcile's rows for them and rebuilds their stories' state;
re-running over every article (None) rebuilds everything in publication order, so the
grouping and the commitment keys come out the same each time.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection

from suivi import failpoints
from suivi.extract.anchoring import reanchor
from suivi.models import Article
from suivi.reconcile import attribution, disagreements, duplicates, merge, summary, vectors
from suivi.reconcile.features import compute
from suivi.reconcile.stories import place_article, rebuild_story
from suivi.reconcile.text import sentence_at
from suivi.store import Store
from suivi.store import stories as story_store
from suivi.store.articles import add_span, iter_articles

NAME = "reconcile"
VERSION = "reconcile-0.1"


def _order(a: Article) -> tuple[str, int]:
    return (a.published or "9999", a.id)


def add_article(conn: Connection, article: Article) -> tuple[int, bool]:
    """Reconcile one new article: features, duplicate flag, story. Returns (story, is_copy)."""
    feats = compute(conn, article)
    story_store.save_features(conn, feats.to_stored(), VERSION)
    copy = duplicates.record(conn, article.id, feats.signature)
    forced = story_store.story_of_article(conn, copy[0]) if copy else None
    story_id = place_article(conn, feats, article.title, VERSION, forced_story=forced)
    for att in attribution.find(article):
        s, e = sentence_at(article.text, att.start)
        span = add_span(
            conn, article.id, att.start, att.end, article.text[att.start : att.end], article.text[s:e], s, e
        )
        story_store.add_attribution(conn, article.id, span, att.source, att.cue, VERSION)
    return story_id, copy is not None


def refresh_story(conn: Connection, story_id: int) -> int:
    """Recompute a story's disagreements and summary; returns the number of disagreements."""
    found = disagreements.find(conn, story_id)
    story_store.replace_disagreements(conn, story_id, found, VERSION)
    members = story_store.story_members(conn, story_id)
    roots = story_store.duplicate_roots(conn, members)
    originals = iter_articles(conn, sorted({aid for aid in members if roots[aid] == aid}))
    texts = {a.id: a for a in originals}
    compared = [sentence for a in originals for _s, _e, sentence in summary.candidate_sentences(a)]
    vectors.recall(conn, compared)
    picked = summary.summarise(originals)
    vectors.keep(conn, compared)
    items = []
    for rank, p in enumerate(picked):
        a = texts[p.article_id]
        span = add_span(conn, a.id, p.start, p.end, p.sentence, p.sentence, p.start, p.end)
        items.append({"rank": rank, "article_id": a.id, "span_id": span, "sentence": p.sentence, "score": p.score})
    story_store.replace_summary(conn, story_id, items)
    return len(found)


def run(store: Store, article_ids: list[int] | None, progress: Callable[[str, int, int], None]) -> dict[str, int]:
    counts = {"articles": 0, "stories": 0, "duplicates": 0, "commitments": 0, "disagreements": 0}
    with store.begin() as conn:
        if article_ids is None:
            story_store.clear_all(conn)
            articles = iter_articles(conn)
        else:
            story_store.unassign_articles(conn, article_ids)
            for sid in sorted(story_store.forget_articles(conn, article_ids)):
                rebuild_story(conn, sid)
            articles = iter_articles(conn, article_ids)
        articles.sort(key=_order)
        touched: set[int] = set()
        last_story = story_store.max_story_id(conn)
        for done, article in enumerate(articles, 1):
            story_id, is_copy = add_article(conn, article)
            touched.add(story_id)
            counts["duplicates"] += is_copy
            progress(NAME, done, len(articles))
        counts["articles"] = len(articles)
        counts["stories"] = sum(1 for sid in touched if sid > last_story)
        # undated reports read from their story's date (a dated report may have just joined)
        reanchor(conn, sorted({m for sid in touched for m in story_store.story_members(conn, sid)}))
        counts["commitments"] = merge.merge_articles(conn, [a.id for a in articles])
        for sid in sorted(touched):
            counts["disagreements"] += refresh_story(conn, sid)
        merge.apply_overrides(conn)
        failpoints.reach("reconcile.commit")
    return counts
