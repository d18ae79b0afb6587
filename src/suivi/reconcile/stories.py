"""Incremental story clustering: a new article joins the best existing story or opens one.

Why blocking: candidate stories come from the `story_keys` index (actor x event-day keys over
a small date window), so the cost per article depends on how many stories share its actors
in those few days, not on the size of the store. The score then weighs shared actors, event
date (the reported event's, not the publication date alone), place, event kind and the
multilingual vector of title + lead; signals unknown on either side are left out and the
weights renormalised, so a missing place neither helps nor hurts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection

from suivi.reconcile.features import ANOTHER_YEAR, ArticleFeatures, day_range, days_between, weekday_of
from suivi.reconcile.settings import settings
from suivi.store import stories as story_store

NO_ACTOR = "_"


def blocking_actors(feats: ArticleFeatures) -> list[str]:
    """Actors that make blocking keys: places are too common to block on alone."""
    keys = [a for a in feats.actors if not a.startswith("place:")]
    return keys or [NO_ACTOR]


def index_keys(feats: ArticleFeatures) -> list[str]:
    """Keys a story is indexed under for this member: actor x its event day, and actor x
    month-day, so that an article stating its day without a year ("jeudi 30 novembre") finds it."""
    day = feats.event_date or "nodate"
    days = [day]
    if feats.event_date and not feats.event_date.startswith("--") and len(feats.event_date) >= 10:
        days.append("--" + feats.event_date[5:10])
    elif feats.event_date and len(feats.event_date) == 7:  # a month: found from any of its days
        days += day_range(feats.event_date, 0)
    return [f"{a}|{d}" for a in blocking_actors(feats) for d in days] + list(feats.sums)


def query_keys(feats: ArticleFeatures, window: int) -> list[str]:
    """Keys a new article looks up: its actors x every day of its date window, and the sums
    its lead states."""
    days = day_range(feats.event_date, window) or ["nodate"]
    return [f"{a}|{d}" for a in blocking_actors(feats) for d in days] + list(feats.sums)


@dataclass
class Match:
    story_id: int | None
    score: float


def score(feats: ArticleFeatures, story: story_store.StoryState) -> float:
    """Weighted agreement in [0, 1] over the signals known on both sides."""
    cfg = settings()["stories"]
    w = cfg["weights"]
    window = cfg["date_window_days"]
    parts: list[tuple[float, float]] = []
    mine = set(blocking_actors(feats)) - {NO_ACTOR}
    theirs = set(story.actors) - {NO_ACTOR}
    if mine and theirs:
        parts.append((w["actors"], len(mine & theirs) / len(mine)))
    gap = days_between(feats.event_date, story.event_date, weekday_of(feats.date_source))
    if gap is not None:
        parts.append((w["date"], max(0.0, 1.0 - gap / (window + 1))))
    if feats.place and story.place:
        parts.append((w["place"], 1.0 if feats.place == story.place else 0.0))
    if feats.kind and story.kind:
        parts.append((w["kind"], 1.0 if feats.kind == story.kind else 0.0))
    if story.centroid:
        centroid = np.frombuffer(story.centroid, dtype=np.float32)
        norm = float(np.linalg.norm(centroid))
        if norm:
            parts.append((w["text"], max(0.0, float(feats.vector @ centroid) / norm)))
    total = sum(weight for weight, _ in parts)
    return sum(weight * value for weight, value in parts) / total if total else 0.0


def needed(feats: ArticleFeatures, story: story_store.StoryState, same_sum: bool = False) -> float:
    """The score an article needs to join this story.

    Why higher without a date on both sides: title, lead and actors say which partnership an
    article is about, not which event; the articles of one partnership over the years (the
    summit, the trip announced two years later, the visit, the review) are as close in
    wording and actors as two reports of one summit. Only the event date tells them apart,
    so without it an article joins only what is nearly the same text about the same actors --
    unless both lead with the same sum of money (`same_sum`): "7.4 billion euros" in an English
    lead and "7,4 milliards d'euros" in a French one are one event's figure, and they then need
    what dated reports need.
    """
    cfg = settings()["stories"]
    gap = days_between(feats.event_date, story.event_date, weekday_of(feats.date_source))
    if gap is None:
        return float(cfg["join_threshold"] if same_sum else cfg["undated_join_threshold"])
    if gap >= ANOTHER_YEAR:
        return float("inf")  # "ce samedi 30 novembre" is not the Thursday 30 November of the story
    return float(cfg["join_threshold"])


def best_story(conn: Connection, feats: ArticleFeatures) -> Match:
    """The best candidate story at or above its join threshold (None: open a new one)."""
    cfg = settings()["stories"]
    ids = story_store.candidate_stories(conn, query_keys(feats, cfg["date_window_days"]), cfg["max_candidates"])
    shared = set(story_store.candidate_stories(conn, list(feats.sums), cfg["max_candidates"])) if feats.sums else set()
    best, margin, top = Match(None, 0.0), float("-inf"), 0.0
    for story in story_store.load_stories(conn, ids):
        s = score(feats, story)
        top = max(top, s)
        need = needed(feats, story, story.id in shared)
        if s - need > margin:
            best, margin = Match(story.id, s), s - need
    return best if margin >= 0 else Match(None, top)


def _non_place(actors: list[str]) -> list[str]:
    return [a for a in actors if not a.startswith("place:")]


def place_article(
    conn: Connection, feats: ArticleFeatures, label: str | None, version: str, forced_story: int | None = None
) -> int:
    """Attach the article to a story (the forced one, the best match, or a new one)."""
    match = Match(forced_story, 1.0) if forced_story is not None else best_story(conn, feats)
    vec = feats.vector.astype(np.float32)
    if match.story_id is None:
        state = story_store.StoryState(
            0, feats.event_date, feats.kind, feats.place, sorted(_non_place(feats.actors)), vec.tobytes(), 1, label
        )
        story_id = story_store.create_story(conn, state, version)
        story_store.attach_article(conn, story_id, feats.article_id, 1.0, version)
    else:
        story_id = match.story_id
        state = story_store.load_stories(conn, [story_id])[0]
        centroid = np.frombuffer(state.centroid, dtype=np.float32) if state.centroid else np.zeros_like(vec)
        state.centroid = (centroid + vec).astype(np.float32).tobytes()
        state.actors = sorted(set(state.actors) | set(_non_place(feats.actors)))
        state.n_articles += 1
        state.event_date = _better_date(state.event_date, feats.event_date)
        state.kind = state.kind or feats.kind
        state.place = state.place or feats.place
        state.label = state.label or label
        story_store.update_story(conn, state)
        story_store.attach_article(conn, story_id, feats.article_id, round(match.score, 3), version)
    story_store.add_story_keys(conn, story_id, index_keys(feats))
    return story_id


def _better_date(current: str | None, new: str | None) -> str | None:
    """The story's event date: the first stated, but a full day replaces a yearless one."""
    if current is None or (current.startswith("--") and new and not new.startswith("--")):
        return new or current
    if len(current) == 7 and new and len(new) >= 10 and new.startswith(current):
        return new  # a day of the month the story was dated to
    return current


def rebuild_story(conn: Connection, story_id: int) -> None:
    """Recompute a story's state from its remaining members after some were re-run."""
    members = story_store.story_members(conn, story_id)
    if not members:
        story_store.delete_story(conn, story_id)
        return
    state = story_store.load_stories(conn, [story_id])[0]
    feats = [ArticleFeatures.from_stored(f) for f in story_store.features_for(conn, members).values()]
    feats.sort(key=lambda f: f.article_id)
    if not feats:
        return
    state.centroid = np.sum([f.vector for f in feats], axis=0).astype(np.float32).tobytes()
    state.actors = sorted({a for f in feats for a in _non_place(f.actors)})
    state.n_articles = len(members)
    state.event_date = None
    for f in feats:
        state.event_date = _better_date(state.event_date, f.event_date)
    state.kind = next((f.kind for f in feats if f.kind), None)
    state.place = next((f.place for f in feats if f.place), None)
    story_store.update_story(conn, state)
    story_store.add_story_keys(conn, story_id, [k for f in feats for k in index_keys(f)])
