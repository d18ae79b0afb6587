"""The follow stage on real stored articles and commitments: evidence spans, replays, review
decisions surviving a rebuild of the commitments, the CLI over the same store."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from suivi.cli import app
from suivi.follow import review, stage
from suivi.follow.status import status_of
from suivi.store import articles as article_store
from suivi.store import commitments as commitment_store
from suivi.views.register import register

from .conftest import add_commitment, ingest_files, write_article

PLEDGE = "La Norvège financera la construction de trois écoles à Kayes d'ici fin 2025."
VISIT = "Le président ghanéen se rendra à Ouagadougou en septembre pour une visite officielle."
BRIDGE = "Le Japon construira un pont sur le fleuve Niger à Niamey avant 2026."


def noop(*_args) -> None:
    return None


@pytest.fixture
def populated(store, corpus_dir):
    a1 = write_article(corpus_dir, "a1.txt", "Coopération : trois annonces", "Publié le 10 mars 2025",
                       f"{PLEDGE} {VISIT} {BRIDGE} Les discussions se poursuivent.")
    a2 = write_article(corpus_dir, "a2.txt", "Les écoles de Kayes ouvertes", "Publié le 2 octobre 2025",
                       "Kayes célèbre la rentrée. Les trois écoles financées par la Norvège ont été inaugurées "
                       "mardi à Kayes en présence du ministre. Les élèves sont nombreux.")
    a3 = write_article(corpus_dir, "a3.txt", "Le pont attendra", "Publié le 5 novembre 2025",
                       "Mauvaise nouvelle à Niamey. La construction du pont japonais sur le fleuve Niger a été "
                       "reportée à une date ultérieure, faute de financement. Le Japon n'a pas commenté.")
    ids = ingest_files(store, [a1, a2, a3])
    with store.begin() as conn:
        c_school, _ = add_commitment(conn, ids[0], PLEDGE, key="nor-schools", agents=["NOR"], beneficiaries=["MLI"],
                                     action="financer la construction de trois écoles à Kayes", deadline="2025-12",
                                     agent_text="La Norvège")
        c_visit, _ = add_commitment(conn, ids[0], VISIT, key="gha-visit", agents=["GHA"], beneficiaries=["BFA"],
                                    action="se rendre à Ouagadougou", deadline="2025-09",
                                    agent_text="Le président ghanéen")
        c_bridge, _ = add_commitment(conn, ids[0], BRIDGE, key="jpn-bridge", agents=["JPN"], beneficiaries=["NER"],
                                     action="construire un pont sur le fleuve Niger", deadline="2025",
                                     agent_text="Le Japon")
    counts = stage.run(store, None, noop)
    return {"ids": ids, "school": c_school, "visit": c_visit, "bridge": c_bridge, "counts": counts}


def test_evidence_spans_and_replays(store, populated):
    ids = populated["ids"]
    assert populated["counts"]["status_changes"] == 2
    with store.connect() as conn:
        school = status_of(conn, populated["school"], date(2025, 12, 1))
        assert school.status == "fulfilled" and not school.overdue
        (ev,) = school.evidence
        text = article_store.get_article(conn, ids[1]).text
        assert ev.article_id == ids[1]
        assert text[ev.start:ev.end] == ev.cue and "inaugurées" in ev.cue
        assert ev.sentence.startswith("Les trois écoles financées par la Norvège")
        # replay: before the inauguration was reported it was only announced
        assert status_of(conn, populated["school"], date(2025, 9, 30)).status == "announced"

        bridge = status_of(conn, populated["bridge"], date(2025, 12, 1))
        assert (bridge.status, bridge.overdue) == ("stalled", False)
        assert "reportée" in bridge.evidence[0].cue
        assert status_of(conn, populated["bridge"], date(2026, 1, 1)).overdue
        assert status_of(conn, populated["bridge"], date(2025, 11, 4)).status == "announced"

        visit = status_of(conn, populated["visit"], date(2025, 12, 1))
        assert (visit.status, visit.overdue, visit.changes) == ("announced", True, [])
        items = register(conn, date(2025, 12, 1))
        assert items[0].overdue and items[0].id == populated["visit"]  # overdue first


def test_stage_rerun_is_idempotent(store, populated):
    again = stage.run(store, [populated["ids"][1]], noop)
    assert (again["articles"], again["status_changes"]) == (1, 1)
    # an article that brings commitments makes the stage rescan the articles published after it
    again = stage.run(store, [populated["ids"][0]], noop)
    assert (again["articles"], again["status_changes"]) == (3, 2)
    with store.connect() as conn:
        assert len(status_of(conn, populated["school"]).changes) == 1
        assert len(status_of(conn, populated["bridge"]).changes) == 1


def test_analyst_decisions_survive_a_rebuild(store, populated):
    with store.begin() as conn:
        review.reject(conn, populated["visit"], user="ana", why="a courtesy visit, not a pledge")
        review.edit(conn, "jpn-bridge", {"deadline": "2026-06", "beneficiaries": ["NER", "MLI"]},
                    user="ana", why="per the signed agreement")
        review.set_status(conn, populated["school"], "partial", user="bob", why="only two schools open",
                          source="https://example.org/report", effective=date(2025, 10, 5))
    # rebuild as extraction + reconcile would: mentions deleted and re-created, commitment fields rewritten
    with store.begin() as conn:
        commitment_store.delete_mentions_for_articles(conn, None)
        commitment_store.upsert_commitment(conn, key="jpn-bridge", deadline="2025", beneficiaries=["NER"])
        add_commitment(conn, populated["ids"][0], VISIT, key="gha-visit", agents=["GHA"], beneficiaries=["BFA"],
                       action="se rendre à Ouagadougou", deadline="2025-09")
        add_commitment(conn, populated["ids"][0], BRIDGE, key="jpn-bridge", agents=["JPN"], beneficiaries=["NER"],
                       action="construire un pont sur le fleuve Niger", deadline="2025")
        add_commitment(conn, populated["ids"][0], PLEDGE, key="nor-schools", agents=["NOR"], beneficiaries=["MLI"],
                       action="financer la construction de trois écoles à Kayes", deadline="2025-12")
    stage.run(store, None, noop)
    with store.connect() as conn:
        bridge = review.resolve(conn, "jpn-bridge")
        assert (bridge.deadline, bridge.beneficiaries) == ("2026-06", ["NER", "MLI"])
        keys = {i.key for i in register(conn, date(2025, 12, 1))}
        assert "gha-visit" not in keys and {"jpn-bridge", "nor-schools"} <= keys
        school = status_of(conn, populated["school"], date(2025, 12, 1))
        assert (school.status, school.source) == ("partial", "analyst")
        history = review.history(conn, "nor-schools")
        assert [a["action"] for a in history["audit"]] == ["set_status"]
        assert history["audit"][0]["user"] == "bob" and history["audit"][0]["before"] == {"status": "fulfilled"}
        assert {c["source"] for c in history["status_changes"]} == {"auto", "analyst"}


def test_merge_and_split_are_reapplied(store, populated):
    with store.begin() as conn:
        review.merge(conn, populated["school"], populated["bridge"], user="ana", why="test merge")
        assert len(commitment_store.list_mentions(conn, commitment_id=populated["school"])) == 2
        bridge_mention = commitment_store.list_mentions(conn, commitment_id=populated["school"])[-1]
        _, new_key = review.split(conn, populated["school"], [bridge_mention.id], user="ana", why="undo")
    with store.begin() as conn:  # reconcile puts every mention back where it thinks it belongs
        for m in commitment_store.list_mentions(conn):
            target = populated["bridge"] if "pont" in m.evidence else m.commitment_id
            commitment_store.assign_mention(conn, m.id, target)
        assert review.apply_merge_overrides(conn) >= 1
        moved = commitment_store.list_mentions(conn, commitment_id=review.resolve(conn, new_key).id)
        assert [m.evidence for m in moved] == [BRIDGE]


def test_cli_status_review_compliance_watch(store, populated):
    runner = CliRunner()
    db = store.url
    res = runner.invoke(app, ["--db", db, "status", "--as-of", "2025-12-01", "--json"])
    assert res.exit_code == 0, res.output
    items = json.loads(res.stdout)
    first = items[0]
    assert {"id", "agents", "beneficiaries", "action", "deadline", "status", "overdue", "mentions",
            "status_changes"} <= set(first)
    assert first["overdue"] and first["status"] == "announced"
    school = next(i for i in items if i["key"] == "nor-schools")
    assert school["status"] == "fulfilled" and "inaugurées" in school["status_changes"][0]["sentence"]
    assert school["mentions"][0]["evidence"] == PLEDGE

    res = runner.invoke(app, ["--db", db, "review", "edit", "gha-visit", "--deadline", "2026-03", "--as", "carla",
                              "--why", "trip rescheduled", "--json"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["--db", db, "review", "history", "gha-visit", "--json"])
    audit = json.loads(res.stdout)["audit"]
    assert audit[-1]["user"] == "carla" and audit[-1]["after"]["deadline"] == "2026-03"

    res = runner.invoke(app, ["--db", db, "compliance", "--party", "JPN", "--as-of", "2026-01-15", "--json"])
    figures = {f["group"]: f for f in json.loads(res.stdout)}
    assert figures["JPN"]["scored"] == 1 and figures["JPN"]["percent"] == 0.0  # stalled past its deadline

    assert runner.invoke(app, ["--db", db, "watch", "add", "sahel", "--actor", "NER", "--as", "ana"]).exit_code == 0
    res = runner.invoke(app, ["--db", db, "watch", "run", "sahel", "--as-of", "2025-10-01", "--json"])
    assert res.exit_code == 0, (res.output, res.exception)
    assert [c["change"] for c in json.loads(res.stdout)] == ["new"]
    res = runner.invoke(app, ["--db", db, "watch", "run", "sahel", "--as-of", "2025-12-01", "--json"])
    assert [(c["change"], c["status"]) for c in json.loads(res.stdout)] == [("status", "stalled")]
    res = runner.invoke(app, ["--db", db, "watch", "run", "sahel", "--as-of", "2025-12-01", "--json"])
    assert json.loads(res.stdout) == []


def test_watch_rule_on_deadlines_due_soon(store, populated):
    from suivi.follow import watch

    with store.begin() as conn:
        watch.add_rule(conn, "due", actor=None, sector=None, within_days=50, user="ana")
        first = watch.run_rule(conn, "due", date(2025, 8, 15))
        assert [c.key for c in first] == ["gha-visit"]  # due 2025-09-30; the others later
        assert watch.run_rule(conn, "due", date(2025, 8, 16)) == []
        later = watch.run_rule(conn, "due", date(2025, 10, 1))
        assert {(c.key, c.change) for c in later} == {("gha-visit", "overdue")}
