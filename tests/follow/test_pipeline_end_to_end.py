"""Through the real pipeline: ingest a pledge, then a later article fulfilling it, then one
postponing another pledge; check statuses, evidence spans and --as-of replays; then an
analyst's rejection and edit surviving a full re-extraction."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from suivi.cli import app
from suivi.follow import review
from suivi.follow.status import status_of
from suivi.pipeline import run_pipeline
from suivi.store import articles as article_store
from suivi.store import commitments as commitment_store
from suivi.views.register import register

from .conftest import ingest_files, write_article

pytestmark = pytest.mark.slow

FIRST = (
    "Le Togo et le Bénin signent un accord sur l'électricité\n\nPublié le 12 février 2025\n\n"
    "Le Togo et le Bénin ont tenu mardi à Lomé une réunion de leur commission mixte. "
    "Le Bénin s'est engagé à construire une ligne électrique à haute tension vers Lomé d'ici juin 2025. "
    "Le Togo a promis d'ouvrir un consulat à Cotonou avant la fin de l'année 2025. "
    "Les deux délégations ont salué la qualité de leurs échanges."
)
FULFIL = (
    "La ligne électrique Bénin-Togo en service\n\nPublié le 20 mai 2025\n\n"
    "La nouvelle ligne électrique à haute tension construite par le Bénin vers Lomé est entrée en service lundi, "
    "a indiqué la compagnie d'électricité. Les premiers foyers sont déjà raccordés."
)
POSTPONE = (
    "Le consulat togolais attendra\n\nPublié le 3 septembre 2025\n\n"
    "L'ouverture du consulat du Togo à Cotonou a été reportée à 2026, a annoncé le ministère togolais "
    "des Affaires étrangères. Aucune nouvelle date n'a été fixée."
)


def _commitment_with(conn, word: str) -> int:
    for m in commitment_store.list_mentions(conn):
        if word in m.sentence and m.commitment_id is not None:
            return m.commitment_id
    raise AssertionError(f"no commitment extracted from the sentence with {word!r}")


def test_pledge_fulfilment_postponement_and_replays(store, corpus_dir):
    pytest.importorskip("suivi.extract.stage")
    first = write_article(corpus_dir, "1.txt", *FIRST.split("\n\n", 2))
    ids = ingest_files(store, [first])
    run_pipeline(store, ids)
    later = [write_article(corpus_dir, "2.txt", *FULFIL.split("\n\n", 2)),
             write_article(corpus_dir, "3.txt", *POSTPONE.split("\n\n", 2))]
    new = ingest_files(store, later)
    run_pipeline(store, new)
    with store.connect() as conn:
        line, consulate = _commitment_with(conn, "ligne électrique"), _commitment_with(conn, "consulat")
        assert line != consulate
        done = status_of(conn, line, date(2025, 6, 1))
        assert done.status == "fulfilled"
        (ev,) = done.evidence
        text = article_store.get_article(conn, new[0]).text
        assert ev.article_id == new[0] and text[ev.start:ev.end] == ev.cue
        assert "entrée en service" in ev.sentence
        late = status_of(conn, consulate, date(2025, 10, 1))
        assert late.status == "stalled" and "reportée" in late.evidence[0].cue
        assert late.evidence[0].article_id == new[1]
        # replays: before each later article, both were only announced
        assert status_of(conn, line, date(2025, 5, 19)).status == "announced"
        assert status_of(conn, consulate, date(2025, 9, 2)).status == "announced"
        assert status_of(conn, consulate, date(2026, 1, 2)).overdue
    res = CliRunner().invoke(app, ["--db", store.url, "status", "--as-of", "2025-10-01", "--json"])
    by_id = {i["id"]: i for i in json.loads(res.stdout)}
    assert by_id[line]["status"] == "fulfilled" and by_id[consulate]["status"] == "stalled"


def test_rejection_and_edit_survive_full_reextraction(store, corpus_dir):
    pytest.importorskip("suivi.extract.stage")
    paths = [write_article(corpus_dir, "1.txt", *FIRST.split("\n\n", 2)),
             write_article(corpus_dir, "2.txt", *FULFIL.split("\n\n", 2))]
    ingest_files(store, paths)
    run_pipeline(store, None)
    with store.begin() as conn:
        line, consulate = _commitment_with(conn, "ligne électrique"), _commitment_with(conn, "consulat")
        line_key = review.resolve(conn, line).key
        consulate_key = review.resolve(conn, consulate).key
        review.reject(conn, line, user="ana", why="test: pretend it is not a pledge")
        review.edit(conn, consulate, {"deadline": "2026-03", "agents": ["TGO"]}, user="ana", why="test: corrected")
    run_pipeline(store, None)  # full re-extraction over every article
    with store.connect() as conn:
        keys = {i.key for i in register(conn, date(2025, 12, 1))}
        assert line_key not in keys
        assert consulate_key in keys
        edited = review.resolve(conn, consulate_key)
        assert (edited.deadline, edited.agents) == ("2026-03", ["TGO"])
        history = review.history(conn, consulate_key)
        assert [a["action"] for a in history["audit"]] == ["edit"]


RECALL_AND_WITHDRAW = (
    "Le Danemark se retire du fonds ghanéen des pêches\n\nPublié le 4 mars 2026\n\n"
    "Le ministre danois de la Coopération a annoncé mercredi que son pays retirait son soutien au fonds "
    "ghanéen des pêches. Le Danemark soutient ce fonds depuis longtemps; avant les élections, le pays "
    "s'était engagé à verser 40 millions d'euros au fonds des pêches jusqu'en 2030."
)
RECALL_AND_DONE = (
    "Le port de Tema rénové\n\nPublié le 10 mars 2026\n\n"
    "Les travaux de rénovation du port de Tema ont commencé lundi. Le gouvernement ghanéen a achevé en "
    "février la route d'accès au port, comme il s'y était engagé lors de la signature de l'accord."
)
ROAD_PLEDGE = (
    "Le Ghana et la Norvège signent un accord portuaire\n\nPublié le 2 juin 2025\n\n"
    "Le Ghana construira la route d'accès au port de Tema avant la fin de l'année, selon l'accord signé lundi "
    "avec la Norvège."
)


def test_a_report_recalling_an_earlier_pledge_tells_what_became_of_it(store, corpus_dir):
    """An article whose only telling of a pledge is a recall ("le pays s'était engagé à ...")
    is news about that pledge: its withdrawal in the same article is the pledge's status."""
    pytest.importorskip("suivi.extract.stage")
    path = write_article(corpus_dir, "1.txt", *RECALL_AND_WITHDRAW.split("\n\n", 2))
    ids = ingest_files(store, [path])
    run_pipeline(store, ids)
    with store.connect() as conn:
        fund = _commitment_with(conn, "40 millions")
        now = status_of(conn, fund, date(2026, 4, 1))
        assert now.status == "broken", now
        assert "retir" in now.evidence[0].cue  # the headline's "se retire" or the body's "retirait son soutien"


def test_a_recall_not_merged_with_the_pledge_it_recalls_does_not_take_its_status(store, corpus_dir):
    pytest.importorskip("suivi.extract.stage")
    first = write_article(corpus_dir, "1.txt", *ROAD_PLEDGE.split("\n\n", 2))
    run_pipeline(store, ingest_files(store, [first]))
    later = write_article(corpus_dir, "2.txt", *RECALL_AND_DONE.split("\n\n", 2))
    run_pipeline(store, ingest_files(store, [later]))
    with store.connect() as conn:
        road = _commitment_with(conn, "construira la route")
        assert status_of(conn, road, date(2026, 4, 1)).status == "fulfilled"
