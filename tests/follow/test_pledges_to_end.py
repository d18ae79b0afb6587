"""A pledge to end or leave something is kept when a later report says it ended (own wording;
found on the nineteenth set, French troops leaving Chad): the cues that break another pledge
("mis fin à", "withdrew") fulfil this one."""

from __future__ import annotations

from datetime import date

from suivi.follow import stage
from suivi.follow.status import status_of

from .conftest import add_commitment, ingest_files, write_article


def noop(*_args) -> None:
    return None


def test_ending_an_agreement_pledged_then_reported_ended_is_fulfilled(store, corpus_dir):
    pledge = ("Le ministre malien a annoncé sa décision de mettre fin à l'accord de coopération militaire "
              "avec la Belgique d'ici au 31 mars 2025.")
    keep = "La Belgique s'est engagée à former trente pilotes maliens d'ici à 2026."
    later = ("Le Mali a mis fin à l'accord de coopération militaire avec la Belgique, a confirmé vendredi "
             "le ministère malien.")
    ids = ingest_files(store, [
        write_article(corpus_dir, "0.txt", "Le Mali et la Belgique", "Publié le 10 janvier 2025", f"{pledge} {keep}"),
        write_article(corpus_dir, "1.txt", "Fin de l'accord", "Publié le 28 mars 2025", later),
    ])
    with store.begin() as conn:
        ended, _ = add_commitment(conn, ids[0], pledge, key="mli-end", agents=["MLI"], beneficiaries=["BEL"],
                                  action="mettre fin à l'accord de coopération militaire avec la Belgique",
                                  deadline="2025-03-31")
        trained, _ = add_commitment(conn, ids[0], keep, key="bel-train", agents=["BEL"], beneficiaries=["MLI"],
                                    action="former trente pilotes maliens", deadline="2026")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, ended, date(2025, 4, 1)).status == "fulfilled"
        # the same words said of another pledge of the parties still break it, or say nothing of it
        assert status_of(conn, trained, date(2025, 4, 1)).status in ("announced", "broken")


def test_a_body_pledged_then_launched_is_fulfilled(store, corpus_dir):
    pledge = "Le Mali et la Belgique ont convenu de la mise en place d'un mécanisme de sécurité conjoint d'ici à 2026."
    works = "La Belgique s'engage à construire une caserne à Kati d'ici à 2027."
    later = ("The Belgian envoy welcomed the launch of the joint security mechanism between Mali and Belgium, "
             "and said work on the Kati barracks was launched in May.")
    ids = ingest_files(store, [
        write_article(corpus_dir, "0.txt", "Le Mali et la Belgique", "Publié le 10 janvier 2025", f"{pledge} {works}"),
        write_article(corpus_dir, "1.txt", "Security mechanism launched", "Published on 28 August 2025", later),
    ])
    with store.begin() as conn:
        body, _ = add_commitment(conn, ids[0], pledge, key="mli-bel-mechanism", agents=["MLI", "BEL"],
                                 beneficiaries=[], action="mise en place d'un mécanisme de sécurité conjoint",
                                 deadline="2026")
        barracks, _ = add_commitment(conn, ids[0], works, key="bel-barracks", agents=["BEL"], beneficiaries=["MLI"],
                                     action="construire une caserne à Kati", deadline="2027")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, body, date(2025, 9, 1)).status == "fulfilled"
        # works launched are only begun
        assert status_of(conn, barracks, date(2025, 9, 1)).status in ("announced", "in_progress")
