"""The project's sample corpus (corpus/): a syndicated copy, a rewrite, two events with the
same actors, and one commitment restated three ways (one in English).

Gold commitments are inserted as mentions so the merge figures are reconcile's own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from suivi.reconcile import stage
from suivi.store import stories as story_store

from .conftest import _noop, build_store
from .helpers import add_mention, articles_by_file, load_scorer

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    if not (CORPUS / "gold.json").is_file():
        pytest.skip("corpus/ not present")
    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    s = build_store(tmp_path_factory.mktemp("corpus") / "corpus.db", [str(CORPUS / "articles")])
    with s.begin() as conn:
        arts = articles_by_file(conn)
        for ga in gold["articles"]:
            for c in ga["commitments"]:
                add_mention(conn, arts[ga["file"]], c["evidence"], c["agent"], c["beneficiary"])
    stage.run(s, None, _noop)
    yield s, gold
    s.close()


def _predictions(store, gold) -> dict:
    with store.connect() as conn:
        arts = articles_by_file(conn)
        return {
            "format": "suivi-predictions/1",
            "articles": [
                {
                    "file": ga["file"],
                    "story": str(story_store.story_of_article(conn, arts[ga["file"]].id)),
                    "commitments": [
                        {"id": m.commitment_id, "evidence": m.evidence, "agent": m.agents}
                        for m in story_store.mentions_of_articles(conn, [arts[ga["file"]].id])
                    ],
                }
                for ga in gold["articles"]
            ],
        }


def _file(gold, prefix: str) -> str:
    return next(ga["file"] for ga in gold["articles"] if ga["file"].startswith(prefix))


def test_syndicated_copy_points_to_its_original(corpus_store):
    store, gold = corpus_store
    with store.connect() as conn:
        arts = articles_by_file(conn)
        original, copy = arts[_file(gold, "01_")], arts[_file(gold, "03_")]
        assert story_store.duplicate_of(conn, copy.id) == original.id
        rewrite = arts[_file(gold, "02_")]
        assert story_store.duplicate_of(conn, rewrite.id) is None
        assert story_store.story_of_article(conn, rewrite.id) == story_store.story_of_article(conn, original.id)


def test_same_actors_different_events_are_two_stories(corpus_store):
    store, gold = corpus_store
    with store.connect() as conn:
        arts = articles_by_file(conn)
        april = story_store.story_of_article(conn, arts[_file(gold, "01_")].id)
        september = story_store.story_of_article(conn, arts[_file(gold, "07_")].id)
    assert april is not None and september is not None and april != september


def test_story_bcubed_on_the_corpus(corpus_store):
    store, gold = corpus_store
    figures = load_scorer().score(gold, _predictions(store, gold))
    assert figures["story_bcubed_f1"] == 1.0


def test_commitment_restated_three_ways_is_one(corpus_store):
    store, gold = corpus_store
    pred = _predictions(store, gold)
    ids = {}
    for ga, pa in zip(gold["articles"], pred["articles"], strict=True):
        for g in ga["commitments"]:
            p = next(p for p in pa["commitments"] if p["evidence"] == g["evidence"])
            ids.setdefault(g["id"], set()).add(p["id"])
    restated = [cid for cid, files in _files_by_id(gold).items() if len(files) >= 3]
    assert restated, "the corpus should hold a commitment restated in three articles"
    for cid in restated:
        assert len(ids[cid]) == 1, (cid, ids[cid])
    figures = load_scorer().score(gold, pred)
    print("corpus merge figures:", {k: figures[k] for k in ("merge_pair_f1", "story_bcubed_f1")})
    assert figures["merge_pair_f1"] >= 0.8


def _files_by_id(gold) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for ga in gold["articles"]:
        for c in ga["commitments"]:
            out.setdefault(c["id"], set()).add(ga["file"])
    return out


def test_corroboration_counts_the_copy_once(corpus_store):
    from suivi.reconcile.corroboration import commitments

    store, gold = corpus_store
    with store.connect() as conn:
        arts = articles_by_file(conn)
        story = story_store.story_of_article(conn, arts[_file(gold, "01_")].id)
        rows = commitments(conn, story)
    copy_pair = {arts[_file(gold, "01_")].id, arts[_file(gold, "03_")].id}
    for c in rows:
        articles = {m["article_id"] for m in c["mentions"]}
        if articles == copy_pair:
            assert c["n_outlets"] == 1 and c["single_source"]
    assert any(c["n_outlets"] >= 3 and not c["single_source"] for c in rows)
