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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from sqlalchemy import Connection

from suivi import failpoints
from suivi.extract.enumeration import tells_a_part
from suivi.follow import deadlines, review
from suivi.follow.counts import find_counts
from suivi.follow.cues import is_to_start
from suivi.follow.evidence import (
    Profile,
    ProfileIndex,
    _get_gazetteer,
    as_givers,
    expand_parties,
    find_evidence,
    key_stems,
    proper_words,
)
from suivi.follow.lifecycle import get_lifecycle
from suivi.models import Article
from suivi.reconcile.vectors import embed_kept, keep, recall
from suivi.store import Store
from suivi.store import articles as article_store
from suivi.store import commitments as commitment_store
from suivi.store import follow as follow_store
from suivi.store import stories as story_store

NAME = "follow"
VERSION = "follow-1"


SCAN_CHUNK = 200
"""Articles whose texts are read at once: memory stays flat however many are re-read."""


def _story(conn: Connection, article_id: int, cache: dict[int, int | None]) -> int | None:
    if article_id not in cache:
        cache[article_id] = story_store.story_of_article(conn, article_id)
    return cache[article_id]


MENTIONS_PER_PROFILE = 20
"""Mentions a commitment is matched on: its first and its most recent ones. Why: a pledge told
in fifty reports would otherwise carry fifty texts into every comparison (merging keeps the
same bound, merge.max_mentions_per_commitment)."""

_profiles: dict[int, tuple[tuple, Profile]] = {}
"""Profiles built in this process, by commitment id, with the signature they were built from:
the writer calls the stage once per segment, and rebuilding (stems, sums, sentence vectors)
every commitment of the store each time made the follow stage grow with the store."""


def build_profiles(
    conn: Connection, stories: dict[int, int | None] | None = None, languages: dict[int, str | None] | None = None
) -> list[Profile]:
    """One matching profile per visible commitment (rejected and merged-away ones are skipped).

    `languages`: article id -> language, to read the sums each mention states (English and
    French write them differently); without it the language is guessed as English.
    Profiles whose commitment and mentions are unchanged since the last call are reused."""
    stories = {} if stories is None else stories
    languages = languages or {}
    hidden = review.hidden_keys(conn)
    index: dict[int, list[tuple[int, int, str | None]]] = defaultdict(list)
    versions: dict[int, tuple] = {}
    told: dict[int, dict[int, bool]] = defaultdict(dict)  # commitment -> article -> only restated there
    for mention_id, commitment_id, article_id, published, restates, version in commitment_store.mention_index(conn):
        index[commitment_id].append((mention_id, article_id, published))
        versions[mention_id] = version
        told[commitment_id][article_id] = told[commitment_id].get(article_id, True) and restates
    store_id = str(conn.engine.url)
    commitments = [c for c in commitment_store.list_commitments(conn) if c.key not in hidden]
    signatures: dict[int, tuple] = {}
    kept: dict[int, list[int]] = {}
    for c in commitments:
        rows = index.get(c.id, [])
        chosen = rows if len(rows) <= MENTIONS_PER_PROFILE else [rows[0], *rows[-(MENTIONS_PER_PROFILE - 1):]]
        kept[c.id] = [r[0] for r in chosen]
        signatures[c.id] = (store_id, c.key, c.action, c.deadline, tuple(c.agents), tuple(c.beneficiaries),
                            c.first_reported, tuple(versions[r[0]] for r in chosen),
                            tuple(languages.get(r[1]) for r in chosen))
    stale = [c for c in commitments if c.id not in _profiles or _profiles[c.id][0] != signatures[c.id]]
    by_commitment: dict[int, list[commitment_store.CommitmentMention]] = defaultdict(list)
    for m in commitment_store.mentions_by_ids(conn, [i for c in stale for i in kept[c.id]]):
        by_commitment[m.commitment_id].append(m)
    for c in stale:
        profile = _profile(c, by_commitment.get(c.id, []), languages)
        if profile is None:
            _profiles.pop(c.id, None)
        else:
            _profiles[c.id] = (signatures[c.id], profile)
    for gone in set(_profiles) - set(signatures):
        del _profiles[gone]
    first_articles = {c.id: _first_articles(index.get(c.id, [])) for c in commitments}
    missing = {a for ids in first_articles.values() for a in ids if a not in stories}
    if missing:
        found = story_store.stories_of_articles(conn, sorted(missing))
        stories.update({a: found.get(a) for a in missing})
    profiles = []
    for c in commitments:
        if c.id not in _profiles:
            continue
        profile = _profiles[c.id][1]
        rows = index.get(c.id, [])
        dates = sorted(p[:10] for _m, _a, p in rows if p)
        profile.first_published = dates[0] if dates else c.first_reported
        profile.mention_articles = {a for _m, a, _p in rows}
        profile.first_articles = first_articles[c.id]
        profile.recurrence = c.recurrence
        profile.stories = {s for s in (stories.get(a) for a in first_articles[c.id]) if s}
        profile.recalled_in = {a for a, only in told[c.id].items() if only}
        profiles.append(profile)
    return profiles


def _profile(
    c: commitment_store.Commitment, mentions: list[commitment_store.CommitmentMention],
    languages: dict[int, str | None],
) -> Profile | None:
    from suivi.reconcile.merge import act_families

    life = get_lifecycle()
    gaz = _get_gazetteer()
    parties = set(c.agents) | set(c.beneficiaries)
    givers = set(c.agents)
    names: set[str] = set()
    for m in mentions:
        parties |= set(m.agents) | set(m.beneficiaries)
        givers |= set(m.agents)
        names |= proper_words(m.agent_text) | proper_words(m.beneficiary_text)
    texts = list(dict.fromkeys(t for t in [c.action, *(m.evidence for m in mentions)] if t))
    if not texts:
        return None
    all_text = " ".join(texts)
    action_text = " ".join(t for t in [c.action, *(m.action for m in mentions)] if t)
    return Profile(
        commitment_id=c.id, key=c.key, parties=expand_parties(gaz, parties), names=names,
        texts=texts,
        stems=key_stems(all_text, "fr", life.min_key_word_length) | key_stems(all_text, "en", life.min_key_word_length),
        action_stems=key_stems(action_text or all_text, "any", 4),
        first_published=c.first_reported,
        deadline=c.deadline,
        sums=[(m.article_id, a) for m in mentions
              for a in _whole_sums(m.evidence or "", languages.get(m.article_id) or "en")],
        counts=[(m.article_id, n) for m in mentions for n in find_counts(m.evidence or "")],
        givers=as_givers(gaz, givers),
        # every mention tells a start of works, not a start merged with the pledge to build
        to_start=bool(mentions) and all(is_to_start(m.evidence or "") for m in mentions),
        families=frozenset().union(
            *(act_families(m.evidence or "", m.action, languages.get(m.article_id)) for m in mentions)
        ),
    )


def _first_articles(rows: list[tuple[int, int, str | None]]) -> set[int]:
    """The articles of the first report (rows: mention id, article id, published): a later
    article restating the pledge while reporting its fate belongs to another story, and must
    not hide that story's evidence."""
    dated = [(a, p) for _m, a, p in rows if p]
    if not dated:
        return {min(a for _m, a, _p in rows)} if rows else set()
    first = min(p[:10] for _a, p in dated)
    return {a for a, p in dated if p[:10] == first}


def _scan_set(
    dates: list[tuple[int, str | None, str | None]], article_ids: list[int] | None, profiles: list[Profile],
) -> tuple[list[int], str | None]:
    """The articles to read for evidence now, and the day after which stored articles are
    worth reading again.

    The new articles are read; when one of them is the first report of a commitment (an
    article ingested late, or a new pledge), the stored articles published after that report
    may hold its follow-up. A new article that only tells an older pledge again does not
    re-open them (they were read against it already); without this, every report recalling a
    two-year-old pledge re-read two years of news."""
    if article_ids is None:
        return _ordered(dates, {i for i, _p, _lang in dates}), None
    wanted = set(article_ids)
    starts = [p.first_published for p in profiles if p.first_articles & wanted and p.first_published]
    return _ordered(dates, wanted), (min(starts) if starts else None)


def _later(dates: list[tuple[int, str | None, str | None]], since: str | None) -> set[int]:
    return {i for i, p, _lang in dates if since and p and p[:10] > since}


def _ordered(dates: list[tuple[int, str | None, str | None]], ids: set[int]) -> list[int]:
    """Articles in publication order (undated ones first, then by id): evidence is recorded
    in the order it was published."""
    return [i for _p, i in sorted((p or "", i) for i, p, _lang in dates if i in ids)]


_deferring: ContextVar[bool] = ContextVar("follow_deferring", default=False)


@contextmanager
def deferring_rescans() -> Iterator[None]:
    """Within it, runs note the stored articles worth reading again (`follow_pending`) instead
    of reading them; `finish_rescans` reads them once. The segmented writer uses it: a run of
    many segments re-reads the store once, not once per segment."""
    token = _deferring.set(True)
    try:
        yield
    finally:
        _deferring.reset(token)


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
        dates = article_store.article_dates(conn)
        stories: dict[int, int | None] = {}
        profiles = build_profiles(conn, stories, {i: lang for i, _p, lang in dates})
        scan, since = _scan_set(dates, article_ids, profiles)
        later = _later(dates, since) - set(scan)
        if _deferring.get():
            if later:
                follow_store.note_rescan(conn, since)
        else:
            pending = follow_store.pending_rescan(conn) if article_ids is not None else None
            if pending is not None:  # left by a run that stopped before its end
                later |= _later(dates, pending)
            scan = _ordered(dates, set(scan) | later)
            follow_store.clear_rescan(conn)
        _read(conn, scan, profiles, stories, counts, progress)
        failpoints.reach("follow.commit")
    return counts


def finish_rescans(store: Store, progress: Callable[[str, int, int], None]) -> dict[str, int]:
    """Read again the stored articles that runs within `deferring_rescans` left noted."""
    counts = {"articles": 0, "status_changes": 0, "decisions_reapplied": 0}
    with store.begin() as conn:
        since = follow_store.pending_rescan(conn)
        if since is None:
            return counts
        dates = article_store.article_dates(conn)
        stories: dict[int, int | None] = {}
        profiles = build_profiles(conn, stories, {i: lang for i, _p, lang in dates})
        _read(conn, _ordered(dates, _later(dates, since)), profiles, stories, counts, progress)
        follow_store.clear_rescan(conn)
        failpoints.reach("follow.commit")
    return counts


def _index(conn: Connection, profiles: list[Profile]) -> ProfileIndex:
    """The run's profile index; the vectors of new profiles are read from the store when it
    keeps them, and kept there (see `vectors.recall`)."""
    texts = [t for p in profiles if p.vectors is None for t in p.texts]
    recall(conn, texts)
    index = ProfileIndex(profiles)
    keep(conn, texts)
    return index


def _read(
    conn: Connection, scan: list[int], profiles: list[Profile], stories: dict[int, int | None],
    counts: dict[str, int], progress: Callable[[str, int, int], None],
) -> None:
    """Replace the automatic status changes of the `scan` articles with what they state now."""
    index = _index(conn, profiles)
    by_id = {p.commitment_id: p for p in profiles}
    recurrence = {p.commitment_id: p.recurrence for p in profiles}
    follow_store.delete_auto_changes(conn, scan)
    total = len(scan)
    done = 0
    for at in range(0, total, SCAN_CHUNK):
        chunk = {a.id: a for a in article_store.iter_articles(conn, scan[at:at + SCAN_CHUNK])}
        for article_id in scan[at:at + SCAN_CHUNK]:
            article = chunk[article_id]
            spans = [(m.start, m.end, m.commitment_id) for m in commitment_store.mentions_for_article(conn, article.id)]
            found = find_evidence(article, index, spans, _reading_actors(conn, article.id),
                                  _story(conn, article.id, stories), partial(embed_kept, conn))
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
            done += 1
            progress(NAME, done, total)


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


PART_REACH = 40  # characters from a sum to a smaller one told as its part


def _whole_sums(evidence: str, lang: str) -> list:
    """The sums a mention pledges, without the parts it tells of a bigger one ("cinq milliards
    d'euros de prêts dont un milliard versé avant fin 2024"): a report that the part was paid
    is a step of the whole pledge, not the whole pledge kept."""
    from suivi.reconcile.amounts import amounts

    found = amounts(evidence, lang)
    return [a for i, a in enumerate(found)
            if not any(b.value > a.value and 0 <= a.start - b.end <= PART_REACH
                       and tells_a_part(evidence[b.end:a.start]) for b in found[:i])]

