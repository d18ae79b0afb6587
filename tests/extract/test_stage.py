"""The extract stage on a real SQLite store: provenance, natural keys, idempotence, seeds score."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from suivi.extract import stage as extract_stage
from suivi.ingest.api import ingest
from suivi.store import articles as art_store
from suivi.store import commitments as cstore

pytestmark = pytest.mark.slow

TEXT = (
    "La Chine construira un port en eau profonde au Togo d’ici 2027.\n"
    "Le Sénégal a promis de soutenir la force régionale de la CEDEAO.\n"
    "Les prix du cacao pourraient encore augmenter.\n"
)


def _noop(*_a) -> None:
    return None


def _ingest_text(store, tmp_path: Path, text: str = TEXT) -> int:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    report = ingest(store, [str(path)], _noop, lambda s, r: None)
    return report.new[0]


def test_stage_writes_mentions_with_spans(store, tmp_path):
    aid = _ingest_text(store, tmp_path)
    counts = extract_stage.run(store, [aid], _noop)
    assert counts["commitment_mentions"] == 2
    with store.connect() as conn:
        article = art_store.get_article(conn, aid)
        mentions = cstore.mentions_for_article(conn, aid)
        for m in mentions:
            span = art_store.get_span(conn, m.span_id)
            assert article.text[span.start:span.end] == m.evidence == span.text
            assert m.key == cstore.mention_key(article.content_hash, span.start, span.end)
            assert m.commitment_id is None and m.extractor_version == extract_stage.VERSION
    assert [m.agents for m in mentions] == [["CHN"], ["SEN"]]
    assert mentions[0].deadline == "2027-12-31" and mentions[0].deadline_precision == "year"


def test_rerun_replaces_rows_and_keeps_keys(store, tmp_path):
    aid = _ingest_text(store, tmp_path)
    extract_stage.run(store, [aid], _noop)
    with store.connect() as conn:
        before = [(m.key, m.id) for m in cstore.mentions_for_article(conn, aid)]
    extract_stage.run(store, None, _noop)
    with store.connect() as conn:
        after = [(m.key, m.id) for m in cstore.mentions_for_article(conn, aid)]
    assert [k for k, _ in after] == [k for k, _ in before]
    with store.connect() as conn:
        assert len(cstore.list_mentions(conn)) == len(before)  # replaced, not duplicated


def test_register_lists_unassigned_mentions_and_merged_commitments(store, tmp_path):
    from suivi.views.register import entries as register
    from suivi.views.register import entry

    aid = _ingest_text(store, tmp_path)
    extract_stage.run(store, [aid], _noop)
    with store.begin() as conn:
        first = cstore.mentions_for_article(conn, aid)[0]
        cid = cstore.upsert_commitment(conn, key="test-port", agents=["CHN"], beneficiaries=["TGO"],
                                       action="construire port", sector="infrastructure", deadline="2027")
        cstore.assign_mention(conn, first.id, cid)
    with store.connect() as conn:
        rows = register(conn)
        assert [r.id for r in rows] == [str(cid), f"m{first.id + 1}"]
        assert [r.id for r in register(conn, agent="sen")] == [f"m{first.id + 1}"]
        assert register(conn, beneficiary="TGO")[0].mentions == 1
        assert register(conn, sector="energy") == []
        one = entry(conn, str(cid))
        assert one.evidence[0].evidence == first.evidence and one.evidence[0].sentence
        assert entry(conn, first.key).id == str(cid)


def _score_module():
    path = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("suivi_reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_articles_meet_the_targets(store, seeds_dir, gold_path):
    """Commitment F1, agent and deadline accuracy on the seeds, computed by the reference scorer."""
    from suivi.read import stage as read_stage

    report = ingest(store, [str(seeds_dir)], _noop, lambda s, r: None)
    read_stage.run(store, report.new, _noop)
    extract_stage.run(store, report.new, _noop)
    articles = []
    with store.connect() as conn:
        for article in art_store.iter_articles(conn):
            mentions = cstore.mentions_for_article(conn, article.id)
            articles.append({
                "file": Path(article.source).name,
                "commitments": [
                    {"id": m.key, "agent": m.agents, "beneficiary": m.beneficiaries, "evidence": m.evidence,
                     "deadline": m.deadline}
                    for m in mentions
                ],
            })
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    figures = _score_module().score(gold, {"format": "suivi-predictions/1", "articles": articles})
    assert figures["commitment_f1"] >= 0.85, figures
    assert figures["agent_accuracy"] >= 0.9, figures
    assert figures["deadline_accuracy"] == 1.0, figures


def test_persons_pronouns_and_impersonal_agents_with_the_reading_stage(store, tmp_path):
    """Agents through the reading stage's persons: quotes, "il", "son pays", "il a été convenu"."""
    from suivi.read import stage as read_stage

    text = (
        "La Turquie et le Niger renforcent leur coopération\n\n"
        "Le président nigérien a reçu lundi le ministre turc des Affaires étrangères, Ahmet Korkmaz, à Niamey.\n"
        "« Nous allons livrer de nouveaux drones au Niger dans les prochains mois », a déclaré Ahmet Korkmaz.\n"
        "Il a été convenu de créer une commission mixte de défense.\n"
        "Les deux ministres se sont engagés à intensifier les échanges commerciaux.\n"
        "Il a promis que son pays ouvrirait un consulat à Agadez.\n"
        "La Turquie n’a pas l’intention de retirer ses entreprises du pays.\n"
    )
    aid = _ingest_text(store, tmp_path, text)
    read_stage.run(store, [aid], _noop)
    extract_stage.run(store, [aid], _noop)
    with store.connect() as conn:
        found = {m.cue: m for m in cstore.mentions_for_article(conn, aid)}
    assert set(found) == {"allons livrer", "convenir", "engager", "ouvrirait"}  # not the negated one
    assert found["allons livrer"].agents == ["TUR"] and found["allons livrer"].beneficiaries == ["NER"]
    assert set(found["convenir"].agents) == {"TUR", "NER"}  # "Il a été convenu"
    assert set(found["engager"].agents) == {"TUR", "NER"}  # "Les deux ministres"
    assert found["ouvrirait"].agents == ["TUR"]  # "Il a promis que son pays ..."


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def new_store(request, tmp_path):
    """A factory of new stores on each backend (PostgreSQL: fresh databases of the tests' own server)."""
    from suivi.store import open_store

    made = []

    def new():
        db = str(tmp_path / f"b{len(made)}.db") if request.param == "sqlite" else request.getfixturevalue("pg_new_db")()
        made.append(open_store(db))
        return made[-1]

    yield new
    for s in made:
        s.close()


def _one_by_one(conn, article, candidates) -> None:
    """How `store_candidates` wrote before it was batched: a span and a mention per candidate."""
    for c in candidates:
        span_id = art_store.add_span(conn, article.id, c.start, c.end, c.evidence,
                                     article.text[c.unit_start:c.unit_end], c.unit_start, c.unit_end)
        cstore.insert_mention(
            conn, key=cstore.mention_key(article.content_hash, c.start, c.end), article_id=article.id,
            span_id=span_id, extractor_version=extract_stage.VERSION,
            **{name: getattr(c, name) for name in cstore._MENTION_FIELDS},
        )


def _rows(conn, table) -> list[tuple]:
    from sqlalchemy import select

    return [tuple(r) for r in conn.execute(select(table).order_by(table.c.id))]


def test_batched_candidates_write_the_rows_one_by_one_wrote(new_store, tmp_path):
    """Spans and mentions are written in one batch each, with the ids, order and values the
    one-by-one writes gave, on both backends; a span the reading stage made is reused."""
    from sqlalchemy import event

    from suivi.extract.commitments import extract
    from suivi.read import stage as read_stage
    from suivi.read.nlp import parse

    results = {}
    for way in ("one_by_one", "batched"):
        store = new_store()
        aid = _ingest_text(store, tmp_path)
        read_stage.run(store, [aid], _noop)
        with store.begin() as conn:
            article = art_store.get_article(conn, aid)
            candidates = extract(parse([article])[0], article, extract_stage._reading_mentions(conn, aid))
            # the second candidate's span exists already (as a reading mention's would)
            art_store.add_span(conn, aid, candidates[1].start, candidates[1].end, "x", "y", 0, 1)
        assert len(candidates) == 2
        statements: list[str] = []
        event.listen(store.engine, "before_cursor_execute", lambda *a, seen=statements: seen.append(a[2]))
        with store.begin() as conn:
            del statements[:]
            if way == "batched":
                assert extract_stage.store_candidates(conn, article, candidates) == 2
            else:
                _one_by_one(conn, article, candidates)
            written = len(statements)
            results[way] = (_rows(conn, art_store.spans), _rows(conn, cstore.commitment_mentions), written)
    one, batched = results["one_by_one"], results["batched"]
    assert batched[:2] == one[:2]
    assert batched[2] == 3 < one[2]  # the article's spans, the new spans, the mentions
