"""The five real seed articles through the whole pipeline (read, extract, reconcile, follow):
story B-cubed 1.0 and merge pair F1 >= 0.8 by the reference score.py, as `suivi evaluate`.
"""

from __future__ import annotations

import json

import pytest

from suivi.ingest.api import ingest
from suivi.pipeline import run_pipeline
from suivi.reconcile import stage
from suivi.store import open_store
from suivi.store import stories as story_store
from suivi.store.commitments import list_mentions

from .conftest import _noop
from .helpers import SHARED, articles_by_file, load_scorer

SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.json"


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    if not SEEDS.is_dir() or not GOLD.is_file():
        pytest.skip("../shared seeds or gold not present")
    s = open_store(str(tmp_path_factory.mktemp("seeds") / "seeds.db"))
    report = ingest(s, [str(SEEDS)], _noop, _noop)
    stages = run_pipeline(s, report.new, _noop)
    if "extract" not in stages:
        pytest.skip("the extraction stage is not built")
    yield s, json.loads(GOLD.read_text(encoding="utf-8"))
    s.close()


def _predictions(store, gold) -> dict:
    with store.connect() as conn:
        arts = articles_by_file(conn)
        out = []
        for ga in gold["articles"]:
            a = arts[ga["file"]]
            rows = story_store.mentions_of_articles(conn, [a.id])
            out.append(
                {
                    "file": ga["file"],
                    "story": str(story_store.story_of_article(conn, a.id)),
                    "commitments": [{"id": m.commitment_id, "evidence": m.evidence, "agent": m.agents} for m in rows],
                }
            )
    return {"format": "suivi-predictions/1", "articles": out}


def test_seed_stories_bcubed_is_one(seeds_store):
    store, gold = seeds_store
    figures = load_scorer().score(gold, _predictions(store, gold))
    assert figures["story_bcubed_f1"] == 1.0


def test_seed_merge_pair_f1_at_least_08(seeds_store):
    store, gold = seeds_store
    figures = load_scorer().score(gold, _predictions(store, gold))
    print("seed merge figures:", {k: figures[k] for k in ("merge_pair_f1", "commitment_tp")})
    assert figures["merge_pair_f1"] >= 0.8


def test_seed_disagreements_name_both_dates_and_both_labels(seeds_store):
    store, gold = seeds_store
    with store.connect() as conn:
        arts = articles_by_file(conn)
        april = next(ga["file"] for ga in gold["articles"] if ga["published"] == "2025-04-04")
        found = {
            d["field"]: d["values"]
            for d in story_store.disagreements_of(conn, story_store.story_of_article(conn, arts[april].id))
        }
    assert {"2025-04-02", "2025-04-03"} <= {v["value"] for v in found["event_date"]}
    labels = {v["value"] for v in found["label:AES"]}
    assert any(v.startswith("Alliance") for v in labels) and any(v.startswith("Confédération") for v in labels)


def test_rerun_reproduces_commitment_keys_and_grouping(seeds_store):
    store, gold = seeds_store
    with store.connect() as conn:
        before = {m.key: m.commitment_id for m in list_mentions(conn)}
        keys_before = _keys(conn)
    stage.run(store, None, _noop)
    with store.connect() as conn:
        after = {m.key: m.commitment_id for m in list_mentions(conn)}
        keys_after = _keys(conn)
    assert keys_after == keys_before

    def groups(mapping):
        return sorted(sorted(k for k in mapping if mapping[k] == c) for c in set(mapping.values()))

    assert groups(after) == groups(before)


def _keys(conn) -> dict[str, list[str]]:
    from suivi.store.commitments import list_commitments

    by_id = {c.id: c.key for c in list_commitments(conn)}
    out: dict[str, list[str]] = {}
    for m in list_mentions(conn):
        out.setdefault(by_id[m.commitment_id], []).append(m.key)
    return {k: sorted(v) for k, v in out.items()}


def test_seed_story_corroboration_marks_single_source_claims(seeds_store):
    from suivi.reconcile.report import story_detail

    store, gold = seeds_store
    with store.connect() as conn:
        arts = articles_by_file(conn)
        april = next(ga["file"] for ga in gold["articles"] if ga["published"] == "2025-04-04")
        detail = story_detail(conn, story_store.story_of_article(conn, arts[april].id))
    assert detail["independent_outlets"] == 4
    by_outlets = {c["n_outlets"] for c in detail["commitments"]}
    assert 2 in by_outlets and 1 in by_outlets  # the joint-force pledge has two outlets, most have one
    for c in detail["commitments"]:
        assert c["single_source"] is (c["n_outlets"] == 1)
    assert detail["events"], "the reading stage's events are grouped as facts"
    for e in detail["events"]:
        assert e["n_outlets"] == len(e["outlets"]) and e["single_source"] is (e["n_outlets"] == 1)
