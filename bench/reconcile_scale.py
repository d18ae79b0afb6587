"""The reconcile stage's time per new article as the store grows (part of bench/scale.py).

A base store is made by the real pipeline from a generated corpus. A store of N articles is
that base copied N/base times, each copy shifted further into the past by the base's span of
days (new ids, new unique keys, dates, story keys and LSH band keys moved): a longer archive
of the same density, with every table the stages read filled as the pipeline fills it. The
same new articles — generated with the base, read and extracted once by the workers' code —
are then written into each store by the one writer, a segment at a time, and only the
reconcile stage is timed. Follow-up is not run here (its cost is not this figure's subject).
"""

from __future__ import annotations

import pickle
import shutil
import time
from pathlib import Path

import corpus as corpus_gen

SHIFT_DAYS = 80
"""Each copy is this many days older than the previous one (more than the base's span)."""
# text_vectors are keyed by the text itself: the copies hold the same texts, so the kept vectors
# already serve them (a copy would repeat the primary key)
NOT_COPIED = {"actors", "audit_entries", "review_decisions", "watch_rules", "watch_runs", "text_vectors"}
DATE_COLUMNS = {
    ("articles", "published"), ("commitments", "deadline"), ("commitments", "first_reported"),
    ("stories", "event_date"), ("article_features", "event_date"), ("commitment_mentions", "deadline"),
    ("events", "date"), ("status_changes", "effective_date"), ("time_expressions", "value"),
    ("time_expressions", "start"), ("time_expressions", "end"),
}
UNIQUE_TEXT = {("articles", "content_hash"), ("commitments", "key"), ("commitment_mentions", "key"),
               ("status_changes", "commitment_key"), ("minhash_bands", "band_key")}
KEYED_BY = {"article_features": ("article_id", "articles"), "commitment_parties": ("commitment_id", "commitments"),
            "duplicates": ("article_id", "articles"), "minhash_bands": ("article_id", "articles"),
            "story_articles": ("article_id", "articles"), "story_keys": ("story_id", "stories")}
UNDECLARED_REFS = {("commitments", "story_id"): "stories", ("status_changes", "commitment_id"): "commitments"}


def _q(name: str) -> str:
    return f'"{name}"'


def _shift_date(expr: str, days: int) -> str:
    return (f"CASE WHEN {expr} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' "
            f"THEN date(substr({expr}, 1, 10), '-{days} days') || substr({expr}, 11) ELSE {expr} END")


def grow(store, copies: int) -> None:
    """Add `copies` time-shifted copies of everything the store holds (SQLite)."""
    from sqlalchemy import text

    import suivi.pipeline as pipeline
    from suivi.store.meta import metadata

    pipeline.available_stages()
    tables = [t for t in metadata.sorted_tables if t.name not in NOT_COPIED]
    with store.begin() as conn:
        offsets = {}
        for t in tables:
            if "id" in t.c and t.c.id.primary_key:
                offsets[t.name] = int(conn.execute(text(f"SELECT coalesce(max(id), 0) + 1 FROM {t.name}")).scalar())
        for k in range(1, copies + 1):
            for t in tables:
                cols, exprs = [], []
                for c in t.columns:
                    name, col = c.name, _q(c.name)
                    ref = next((fk.column.table.name for fk in c.foreign_keys), None) or UNDECLARED_REFS.get(
                        (t.name, name))
                    if name == "id" and c.primary_key:
                        expr = f"{col} + {k * offsets[t.name]}"
                    elif ref and ref != "actors":
                        expr = f"{col} + {k * offsets[ref]}"
                    elif (t.name, name) in DATE_COLUMNS:
                        expr = _shift_date(col, k * SHIFT_DAYS)
                    elif (t.name, name) in UNIQUE_TEXT:
                        expr = f"{col} || '~{k}'"
                    elif (t.name, name) == ("story_keys", "key"):
                        day = f"substr({col}, instr({col}, '|') + 1)"
                        expr = f"substr({col}, 1, instr({col}, '|')) || {_shift_date(day, k * SHIFT_DAYS)}"
                    else:
                        expr = col
                    cols.append(col)
                    exprs.append(expr)
                if t.name in offsets:  # the original rows only
                    where = f" WHERE {_q('id')} < {offsets[t.name]}"
                else:
                    key, ref = KEYED_BY[t.name]
                    where = f" WHERE {_q(key)} < {offsets[ref]}"
                conn.execute(text(f"INSERT INTO {t.name} ({', '.join(cols)}) SELECT {', '.join(exprs)} "
                                  f"FROM {t.name}{where}"))
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def reconcile_growth(sizes: list[int], new: int, work: Path) -> dict:
    """ms of the reconcile stage per new article at each store size."""
    import os

    from suivi.ingest.api import expand_inputs
    from suivi.reconcile import stage as reconcile_stage
    from suivi.reconcile import vectors
    from suivi.reconcile.vectors import embed
    from suivi.scale import engine
    from suivi.scale.analyse import analyse_inputs
    from suivi.scale.writer import Writer
    from suivi.store import open_store
    from suivi.store.articles import count_articles

    base_n = min(sizes)
    folder = work / "reconcile_corpus"
    corpus_gen.generate(folder, base_n + new, seed=9)
    refs, _ = expand_inputs([str(folder)])
    base_refs, new_refs = refs[:base_n], refs[base_n:]
    base_db = work / "base.db"
    print(f"reconcile: base store of {base_n} articles by the pipeline; load {_load()}", flush=True)
    t0 = time.perf_counter()
    engine.run(open_store(str(base_db)), base_refs, engine.local_executor(2))
    print(f"  base made in {time.perf_counter() - t0:.0f} s", flush=True)
    pending = analyse_inputs(new_refs)
    segments = [pickle.dumps(pending[i:i + engine.SEGMENT_ARTICLES])
                for i in range(0, len(pending), engine.SEGMENT_ARTICLES)]
    out: dict = {"new_articles": new, "segment": engine.SEGMENT_ARTICLES, "sizes": []}
    built = []
    for size in sizes:
        db = work / f"grown_{size}.db"
        shutil.copy(base_db, db)
        store = open_store(str(db))
        t0 = time.perf_counter()
        grow(store, size // base_n - 1)
        with store.connect() as conn:
            stored = count_articles(conn)
        built.append({"size": size, "db": db, "store": store, "writer": Writer(store, later=("reconcile",)),
                      "stored": stored, "built_s": time.perf_counter() - t0, "spent": []})
        print(f"  store of {stored} articles built in {time.perf_counter() - t0:.0f} s", flush=True)
    embed(["Une phrase pour charger le modèle.", "A sentence to load the model."])  # load once, untimed
    real_run = reconcile_stage.run
    try:
        for segment in segments:  # sizes take turns, so the machine's load hits each alike
            for b in built:
                def timed(store_, ids, progress, _spent=b["spent"]):
                    start = time.perf_counter()
                    try:
                        return real_run(store_, ids, progress)
                    finally:
                        _spent.append(time.perf_counter() - start)

                reconcile_stage.run = timed
                vectors._cache.clear()  # every store pays for the same sentence vectors
                b["writer"].write(pickle.loads(segment))
    finally:
        reconcile_stage.run = real_run
    for b in built:
        ms = 1000 * sum(b["spent"]) / new
        out["sizes"].append({"stored_articles": b["stored"], "ms_per_new_article": round(ms, 2),
                             "segments_s": [round(s, 2) for s in b["spent"]], "store_built_s": round(b["built_s"], 1),
                             "store_mb": round(os.path.getsize(b["db"]) / 2**20)})
        print(f"  {b['stored']:>7} stored: reconcile {ms:.1f} ms per new article; load {_load()}", flush=True)
        b["store"].close()
        b["db"].unlink()
    first, last = out["sizes"][0]["ms_per_new_article"], out["sizes"][-1]["ms_per_new_article"]
    out["ratio_largest_to_smallest"] = round(last / first, 2) if first else None
    return out


def _load() -> str:
    import os

    return " ".join(f"{x:.2f}" for x in os.getloadavg())
