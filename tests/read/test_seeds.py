"""The read stage on the five real seed articles, scored like ../shared/eval/score.py.

Expected quote speakers below were determined by reading the seeds (names only, in text
order; None where the article names no speaker: a journalist's scare quotes, list items).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from suivi.ingest.api import ingest
from suivi.read import stage
from suivi.read.gazetteer import get_gazetteer
from suivi.store import open_store
from suivi.store import reading as rstore
from suivi.store.articles import iter_articles
from suivi.views.actors import article_actors

LAVROV, DIOP, SANGARE = "Sergueï Lavrov", "Abdoulaye Diop", "Bakary Yaou Sangaré"
TRAORE, BELOUSOV = "Karamoko Jean-Marie Traoré", "Andrei Belousov"

DIRECT_SPEAKERS = {
    "000": [LAVROV],
    "001": [BELOUSOV, "Sadio Camara", "Célestin Simpone"],
    "002": [DIOP, None, None, LAVROV, LAVROV, TRAORE, SANGARE],
    "003": ["RFI", None, "RFI", "RFI", "RFI", None, None, None, "RFI"],
    "004": [LAVROV, LAVROV, DIOP],
}
INDIRECT_SPEAKERS = {
    "000": [LAVROV, LAVROV, LAVROV, DIOP, DIOP, SANGARE, SANGARE, TRAORE, TRAORE],
    "001": [BELOUSOV],
    "004": [DIOP, DIOP],
}


@pytest.fixture(scope="module")
def scorer():
    path = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/eval/score.py not present")
    spec = importlib.util.spec_from_file_location("suivi_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    seeds = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds not present")
    store = open_store(str(tmp_path_factory.mktemp("seeds") / "seeds.db"))
    ingest(store, [str(seeds)])
    counts = stage.run(store, None, lambda *_: None)
    assert counts["articles"] == 5
    yield store
    store.close()


def _by_file(store) -> dict[str, int]:
    with store.connect() as conn:
        return {Path(a.source).name: a.id for a in iter_articles(conn)}


def test_persons_orgs_places_against_gold(seeds_store, gold_path, scorer):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    ids = _by_file(seeds_store)
    tp = fp = fn = org_hit = org_n = place_hit = place_n = 0
    outlets = {scorer.norm(n) for ref in get_gazetteer().outlets() for n in get_gazetteer().names_of(ref.key)}
    with seeds_store.connect() as conn:
        for ga in gold["articles"]:
            pred = article_actors(conn, ids[ga["file"]])
            hit: set[str] = set()
            for name in pred["persons"]:
                assert scorer.norm(name) not in outlets
                matched = [g for g in ga["persons"] if scorer.person_match(name, g)]
                hit.update(matched)
                fp += not matched
            tp += len(hit)
            fn += len(set(ga["persons"]) - hit)
            orgs = {scorer.org_key(o) for o in pred["organizations"]}
            org_n += len(ga["organizations"])
            org_hit += sum(scorer.org_key(o) in orgs for o in ga["organizations"])
            places = {scorer.norm(p) for p in pred["places"]}
            place_n += len(ga["places"])
            place_hit += sum(scorer.norm(p) in places for p in ga["places"])
    _, _, f1 = scorer.f1(tp, fp, fn)
    assert f1 >= 0.95, (tp, fp, fn)
    assert org_hit / org_n >= 0.9
    assert place_hit / place_n >= 0.9


def test_no_author_or_furniture_among_persons(seeds_store):
    with seeds_store.connect() as conn:
        for a in iter_articles(conn):
            persons = article_actors(conn, a.id)["persons"]
            if a.author:
                assert a.author not in persons
            for bad in ("K. Mamadou", "Touré Soulémane", "Pierre", "Kemi Seba", "Ad image", "Lire aussi"):
                assert bad not in persons


def _speakers(conn, article_id: int, direct: bool, scorer) -> list[str | None]:
    out = []
    for q in rstore.list_quotes(conn, article_id=article_id):
        if q.direct is direct:
            out.append(q.speaker_key if q.speaker_key and not q.speaker_key.startswith("person:") else q.speaker)
    return out


def _same(pred: list[str | None], expected: list[str | None], scorer) -> bool:
    if len(pred) != len(expected):
        return False
    for p, e in zip(pred, expected, strict=True):
        if e is None or p is None:
            if e is not p:
                return False
        elif e.isupper():
            if p != e:
                return False
        elif not scorer.person_match(p, e):
            return False
    return True


@pytest.mark.parametrize("prefix", sorted(DIRECT_SPEAKERS))
def test_direct_quote_speakers(seeds_store, scorer, prefix):
    ids = {name[:3]: i for name, i in _by_file(seeds_store).items()}
    with seeds_store.connect() as conn:
        pred = _speakers(conn, ids[prefix], True, scorer)
    assert _same(pred, DIRECT_SPEAKERS[prefix], scorer), pred


@pytest.mark.parametrize("prefix", sorted(INDIRECT_SPEAKERS))
def test_indirect_speech_speakers(seeds_store, scorer, prefix):
    ids = {name[:3]: i for name, i in _by_file(seeds_store).items()}
    with seeds_store.connect() as conn:
        pred = _speakers(conn, ids[prefix], False, scorer)
    assert _same(pred, INDIRECT_SPEAKERS[prefix], scorer), pred


def test_lavrov_is_one_actor_across_articles_with_roles(seeds_store):
    with seeds_store.connect() as conn:
        persons = rstore.list_actors(conn, kind="person")
        lavrov = [p for p in persons if "Lavrov" in p.name]
        assert len(lavrov) == 1
        assert lavrov[0].articles == 4
        assert any(r["serves"] == "RUS" for r in lavrov[0].roles)
        detail = rstore.actor_detail(conn, "Lavrov")
        assert detail["quotes"] and all(m["sentence"] for m in detail["mentions"])


def test_every_fact_points_to_a_span_inside_the_text(seeds_store):
    with seeds_store.connect() as conn:
        for a in iter_articles(conn):
            for m in rstore.mentions_for_article(conn, a.id):
                assert a.text[m.start:m.end] == m.surface
                assert m.surface in m.sentence
            for t in rstore.time_expressions_for_article(conn, a.id):
                assert t["text"] == a.text[t["span_start"]:t["span_end"]]


def test_rerun_replaces_rows(seeds_store):
    with seeds_store.connect() as conn:
        first = len(rstore.list_quotes(conn))
    stage.run(seeds_store, None, lambda *_: None)
    with seeds_store.connect() as conn:
        assert len(rstore.list_quotes(conn)) == first
