"""Benchmark: time to reconcile a new article as the store grows (1k, 10k, 100k articles).

Why synthetic: the claim under test is the stage's cost per new article, which must stay
flat because candidates come from indexed blocking keys (actor x event day, LSH bands), never
from a scan. Articles, stories, blocking keys, MinHash bands and vectors are bulk-generated
straight into a real SQLite store (no spaCy, no encoder); then 200 new articles go through
the stage's own incremental entry points (`duplicates.record`, `stories.place_article`) fed
with synthetic features. Batches alternate between the sizes (the machine is shared) and the
median batch's mean time per article is reported.

    .venv/bin/python bench/reconcile.py                 # 1k, 10k, 100k
    .venv/bin/python bench/reconcile.py --sizes 1000 5000 --new 100
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import event, insert, text

from suivi.reconcile import duplicates
from suivi.reconcile.features import ArticleFeatures
from suivi.reconcile.settings import settings
from suivi.reconcile.stage import VERSION
from suivi.reconcile.stories import index_keys, place_article
from suivi.store import open_store
from suivi.store import stories as story_store
from suivi.store.articles import articles

ACTORS = [f"S{i:03d}" for i in range(200)]  # synthetic state codes
ARTICLES_PER_DAY = 60  # constant density: a bigger store covers more days, as a real archive does
ARTICLES_PER_EVENT = 3
DIM = 512
START = date(2020, 1, 1)


@dataclass
class Event:
    day: date
    actors: list[str]
    center: np.ndarray


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)


def make_event(rng: np.random.Generator, n_days: int) -> Event:
    day = START + timedelta(days=int(rng.integers(0, n_days)))
    actors = sorted(rng.choice(ACTORS, size=int(rng.integers(2, 5)), replace=False).tolist())
    return Event(day, actors, _unit(rng.normal(size=DIM)))


def article_features(rng: np.random.Generator, aid: int, ev: Event, num_perm: int) -> ArticleFeatures:
    day = ev.day + timedelta(days=int(rng.integers(0, 2)))
    vec = _unit(ev.center + 0.6 * _unit(rng.normal(size=DIM)))
    sig = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return ArticleFeatures(
        aid, "outlet", day.isoformat(), day.isoformat(), "meeting", None, list(ev.actors), vec, sig, "text"
    )


def populate(store, n: int, rng: np.random.Generator) -> tuple[list[Event], int]:
    """Bulk-insert n articles grouped in stories, with every index row the stage would write."""
    cfg = settings()
    n_days = max(1, n // ARTICLES_PER_DAY)
    events = [make_event(rng, n_days) for _ in range(max(1, n // ARTICLES_PER_EVENT))]
    now = datetime.now(UTC)
    art_rows, feat_rows, band_rows, sa_rows, key_rows, story_rows = [], [], [], [], [], []
    aid = 0
    for sid, ev in enumerate(events, 1):
        members = [
            article_features(rng, aid + k + 1, ev, cfg["duplicates"]["num_perm"]) for k in range(ARTICLES_PER_EVENT)
        ]
        centroid = np.sum([m.vector for m in members], axis=0).astype(np.float32)
        story_rows.append(
            {
                "id": sid,
                "label": f"event {sid}",
                "kind": "meeting",
                "event_date": ev.day.isoformat(),
                "place": None,
                "actors": ev.actors,
                "centroid": centroid.tobytes(),
                "n_articles": len(members),
                "created_at": now,
                "extractor_version": VERSION,
            }
        )
        keys = set()
        for m in members:
            aid = m.article_id
            text = f"synthetic article {aid}"
            art_rows.append(
                {
                    "id": aid,
                    "content_hash": hashlib.sha256(text.encode()).hexdigest(),
                    "raw_hash": "0" * 64,
                    "source": f"bench:{aid}",
                    "source_kind": "bench",
                    "published": m.published,
                    "published_precision": "day",
                    "language": "fr",
                    "text": text,
                    "raw": b"",
                    "meta": {},
                    "ingested_at": now,
                }
            )
            stored = m.to_stored()
            feat_rows.append(
                {
                    "article_id": aid,
                    "event_date": stored.event_date,
                    "date_source": "text",
                    "kind": stored.kind,
                    "place": None,
                    "actors": stored.actors,
                    "vector": stored.vector,
                    "signature": stored.signature,
                    "extractor_version": VERSION,
                }
            )
            band_rows.extend({"band_key": k, "article_id": aid} for k in duplicates.band_keys(m.signature))
            sa_rows.append({"article_id": aid, "story_id": sid, "score": 1.0, "extractor_version": VERSION})
            keys.update(index_keys(m))
        key_rows.extend({"key": k, "story_id": sid} for k in keys)
    with store.begin() as conn:
        for table, rows in (
            (articles, art_rows),
            (story_store.stories, story_rows),
            (story_store.article_features, feat_rows),
            (story_store.minhash_bands, band_rows),
            (story_store.story_articles, sa_rows),
            (story_store.story_keys, key_rows),
        ):
            for i in range(0, len(rows), 20000):
                conn.execute(insert(table), rows[i : i + 20000])
    return events, aid


def add_new(store, events: list[Event], first_id: int, count: int, rng: np.random.Generator) -> float:
    """Reconcile `count` new articles (half join existing events); mean seconds per article."""
    cfg = settings()
    now = datetime.now(UTC)
    n_days = max(1, (first_id - 1) // ARTICLES_PER_DAY)
    feats = []
    for k in range(count):
        ev = events[int(rng.integers(0, len(events)))] if k % 2 == 0 else make_event(rng, n_days)
        feats.append(article_features(rng, first_id + k, ev, cfg["duplicates"]["num_perm"]))
    with store.begin() as conn:  # the articles themselves arrive before reconcile runs
        conn.execute(
            insert(articles),
            [
                {
                    "id": f.article_id,
                    "content_hash": hashlib.sha256(f"new {f.article_id}".encode()).hexdigest(),
                    "raw_hash": "0" * 64,
                    "source": f"bench:{f.article_id}",
                    "source_kind": "bench",
                    "published": f.published,
                    "published_precision": "day",
                    "language": "fr",
                    "text": f"new {f.article_id}",
                    "raw": b"",
                    "meta": {},
                    "ingested_at": now,
                }
                for f in feats
            ],
        )
    start = time.perf_counter()
    with store.begin() as conn:
        for f in feats:
            story_store.save_features(conn, f.to_stored(), VERSION)
            duplicates.record(conn, f.article_id, f.signature)
            place_article(conn, f, None, VERSION)
    return (time.perf_counter() - start) / count


def _tune(store) -> None:
    """A 256 MB page cache per connection, as a server deployment would set: without it SQLite
    keeps 2 MB and the larger stores pay for disk reads the OS happens to have evicted."""

    def pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 - DBAPI objects
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA cache_size=-262144")
        cur.close()

    event.listen(store.engine, "connect", pragmas)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--new", type=int, default=200, help="new articles timed at each size")
    parser.add_argument("--rounds", type=int, default=5, help="batches per size, interleaved across sizes")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        built = []
        for size in args.sizes:
            rng = np.random.default_rng(size)
            store = open_store(str(Path(tmp) / f"bench_{size}.db"))
            _tune(store)
            t0 = time.perf_counter()
            events, last = populate(store, size, rng)
            with store.begin() as conn:
                conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
            setup = time.perf_counter() - t0
            add_new(store, events, last + 1, 20, rng)  # warm caches and the query planner
            built.append(
                {
                    "size": size,
                    "store": store,
                    "events": events,
                    "next": last + 21,
                    "rng": rng,
                    "setup": setup,
                    "batches": [],
                }
            )
            if not args.json:
                print(f"{size:>7} articles generated in {setup:.0f}s", flush=True)
        # Batches alternate between sizes so that load from other processes hits every size alike.
        batch = max(1, args.new // args.rounds)
        for _ in range(args.rounds):
            for b in built:
                b["batches"].append(add_new(b["store"], b["events"], b["next"], batch, b["rng"]))
                b["next"] += batch
        for b in built:
            per_article = float(np.median(b["batches"]))
            results.append(
                {
                    "store_articles": b["size"],
                    "new_articles": batch * args.rounds,
                    "ms_per_new_article": round(per_article * 1000, 2),
                    "batch_ms": [round(x * 1000, 2) for x in b["batches"]],
                    "setup_s": round(b["setup"], 1),
                }
            )
            b["store"].close()
            if not args.json:
                print(
                    f"{b['size']:>7} articles: {per_article * 1000:7.2f} ms per new article "
                    f"(median of {args.rounds} batches of {batch})",
                    flush=True,
                )
    if args.json:
        print(json.dumps(results))
    else:
        times = [r["ms_per_new_article"] for r in results]
        print(f"slowest / fastest size: {max(times) / min(times):.2f}x (flat means within 2x)")


if __name__ == "__main__":
    main()
