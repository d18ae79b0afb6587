"""The follow stage: status evidence from new articles, and analysts' decisions re-applied.

Contract (docs/ARCHITECTURE.md): `run(store, article_ids, progress)`. It first replays every
analyst decision (merges, splits, edits) on what reconcile produced, then scans articles for
evidence about commitments first reported *before* them, and replaces only its own automatic
status changes for the articles it scans. Why it may scan more than `article_ids`: a new
article can bring an older commitment into the register (an article ingested late), and
articles already stored that were published after it may hold its follow-up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import Connection

from suivi import failpoints
from suivi.follow import deadlines, review
from suivi.follow.evidence import (
    Profile,
    _get_gazetteer,
    expand_parties,
    find_evidence,
    key_stems,
    proper_words,
)
from suivi.follow.lifecycle import get_lifecycle
from suivi.models import Article
from suivi.store import Store
from suivi.store import articles as article_store
from suivi.store import commitments as commitment_store
from suivi.store import follow as follow_store
from suivi.store import stories as story_store

NAME = "follow"
VERSION = "follow-1"


def _story(conn: Connection, article_id: int, cache: dict[int, int | None]) -> int | None:
    if article_id not in cache:
        cache[article_id] = story_store.story_of_article(conn, article_id)
    return cache[article_id]


def build_profiles(
    conn: Connection, stories: dict[int, int | None] | None = None, languages: dict[int, str | None] | None = None
) -> list[Profile]:
    """One matching profile per visible commitment (rejected and merged-away ones are skipped).

    `languages`: article id -> language, to read the sums each mention states (English and
    French write them differently); without it the language is guessed as English."""
    from suivi.reconcile.amounts import amounts
    from suivi.reconcile.merge import act_families

    stories = {} if stories is None else stories
    languages = languages or {}
    life = get_lifecycle()
    gaz = _get_gazetteer()
    hidden = review.hidden_keys(conn)
    by_commitment: dict[int, list[commitment_store.CommitmentMention]] = defaultdict(list)
    for m in commitment_store.list_mentions(conn):
        if m.commitment_id is not None:
            by_commitment[m.commitment_id].append(m)
    profiles = []
    for c in commitment_store.list_commitments(conn):
        if c.key in hidden:
            continue
        mentions = by_commitment.get(c.id, [])
        parties = set(c.agents) | set(c.beneficiaries)
        names: set[str] = set()
        for m in mentions:
            parties |= set(m.agents) | set(m.beneficiaries)
            names |= proper_words(m.agent_text) | proper_words(m.beneficiary_text)
        texts = list(dict.fromkeys(t for t in [c.action, *(m.evidence for m in mentions)] if t))
        if not texts:
            continue
        lang = "fr"
        all_text = " ".join(texts)
        action_text = " ".join(t for t in [c.action, *(m.action for m in mentions)] if t)
        dates = sorted(m.published[:10] for m in mentions if m.published)
        profiles.append(
            Profile(
                commitment_id=c.id, key=c.key, parties=expand_parties(gaz, parties), names=names,
                texts=texts,
                stems=key_stems(all_text, lang, life.min_key_word_length)
                | key_stems(all_text, "en", life.min_key_word_length),
                action_stems=key_stems(action_text or all_text, "any", 4),
                first_published=dates[0] if dates else c.first_reported,
                deadline=c.deadline,
                mention_articles={m.article_id for m in mentions},
                sums=[(m.article_id, a) for m in mentions
                      for a in amounts(m.evidence or "", languages.get(m.article_id) or "en")],
                families=frozenset().union(
                    *(act_families(m.evidence or "", m.action, languages.get(m.article_id)) for m in mentions)
                ),
                stories={s for s in (_story(conn, a, stories) for a in _first_articles(mentions)) if s},
            )
        )
    return profiles


def _first_articles(mentions: list[commitment_store.CommitmentMention]) -> set[int]:
    """The articles of the first report: a later article restating the pledge while reporting
    its fate belongs to another story, and must not hide that story's evidence."""
    dated = [m for m in mentions if m.published]
    if not dated:
        return {min(m.article_id for m in mentions)} if mentions else set()
    first = min(m.published[:10] for m in dated)
    return {m.article_id for m in dated if m.published[:10] == first}


def _scan_set(conn: Connection, article_ids: list[int] | None, profiles: list[Profile]) -> list[Article]:
    everything = article_store.iter_articles(conn)
    if article_ids is None:
        return everything
    wanted = set(article_ids)
    starts = [p.first_published for p in profiles if p.mention_articles & wanted and p.first_published]
    if starts:
        earliest = min(starts)
        wanted |= {a.id for a in everything if a.published and a.published[:10] > earliest}
    return [a for a in everything if a.id in wanted]


def _reading_actors(conn: Connection, article_id: int) -> dict[tuple[int, int], set[str]]:
    """Actors the reading stage found (persons with the state they serve), when it is built."""
    try:
        from suivi.store import reading
    except ImportError:
        return {}
    out: dict[tuple[int, int], set[str]] = {}
    for m in reading.mentions_for_article(conn, article_id):
        keys = {k for k in (getattr(m, "key", None), getattr(m, "actor_key", None), getattr(m, "serves", None)) if k}
        if keys:
            out[(m.start, m.end)] = keys
    return out


def run(store: Store, article_ids: list[int] | None, progress: Callable[[str, int, int], None]) -> dict[str, int]:
    """Re-apply analysts' decisions, then record automatic status changes found in the articles."""
    counts = {"articles": 0, "status_changes": 0, "decisions_reapplied": 0}
    with store.begin() as conn:
        applied = review.apply_review_decisions(conn)
        counts["decisions_reapplied"] = applied["moved"] + applied["edits"]
        stories: dict[int, int | None] = {}
        languages = {a.id: a.language for a in article_store.iter_articles(conn)}
        profiles = build_profiles(conn, stories, languages)
        by_id = {p.commitment_id: p for p in profiles}
        recurrence = {c.id: c.recurrence for c in commitment_store.list_commitments(conn)}
        scan = sorted(_scan_set(conn, article_ids, profiles), key=lambda a: (a.published or "", a.id))
        follow_store.delete_auto_changes(conn, [a.id for a in scan])
        total = len(scan)
        for done, article in enumerate(scan, 1):
            spans = [(m.start, m.end, m.commitment_id) for m in commitment_store.mentions_for_article(conn, article.id)]
            found = find_evidence(article, profiles, spans, _reading_actors(conn, article.id),
                                  _story(conn, article.id, stories))
            for ev in found:
                span_id = article_store.add_span(
                    conn, article.id, ev.start, ev.end, article.text[ev.start:ev.end],
                    article.text[ev.sent_start:ev.sent_end], ev.sent_start, ev.sent_end,
                )
                follow_store.add_status_change(
                    conn, commitment_key=ev.key, commitment_id=ev.commitment_id, status=ev.status,
                    source="auto", article_id=article.id, span_id=span_id,
                    effective_date=_evidence_day(conn, article), confidence=ev.confidence,
                    cue=ev.cue, occurrence=_occurrence(by_id[ev.commitment_id], recurrence, article),
                    extractor_version=VERSION,
                )
                counts["status_changes"] += 1
            counts["articles"] += 1
            progress(NAME, done, total)
        failpoints.reach("follow.commit")
    return counts


def _evidence_day(conn: Connection, article: Article) -> str | None:
    """The day the evidence counts from: the article's publication day, else the day of the
    event it reports (reconcile's features: a stated date, never a guess); None when neither
    is known (status.py then counts it from the commitment's first report)."""
    if article.published and len(article.published) >= 10:
        return article.published[:10]
    feats = story_store.features_for(conn, [article.id]).get(article.id)
    if feats is not None and feats.event_date and feats.date_source in ("event", "text"):
        return feats.event_date[:10]
    return None


def _occurrence(profile: Profile, recurrence: dict[int, str | None], article: Article) -> str | None:
    months = deadlines.period_months(recurrence.get(profile.commitment_id))
    start = deadlines.parse_day(profile.first_published)
    day = deadlines.parse_day(article.published)
    if not (months and start and day):
        return None
    return str(deadlines.occurrence_index(start, day, months))
