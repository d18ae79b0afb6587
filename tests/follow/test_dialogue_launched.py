"""A pledge to launch a dialogue or a forum is kept by its launch, as a pledge to set up a body is
(own wording; found on the thirty-first set, a Korea-Africa summit): "agreed to launch a
maritime dialogue", then "have launched the ... Maritime Dialogue"."""

from __future__ import annotations

from datetime import date

from suivi.follow import stage
from suivi.follow.status import status_of

from .conftest import add_commitment, ingest_files, write_article


def noop(*_args) -> None:
    return None


def test_a_dialogue_pledged_then_launched_is_fulfilled(store, corpus_dir):
    pledge = "Norway and Ghana agreed to launch a maritime dialogue to secure their fishing grounds."
    works = "Norway pledged to build a fishing harbour in Tema by 2027."
    later = ("Since the summit, both countries have launched several initiatives, including the Norway-Ghana "
             "Maritime Dialogue, and works on the Tema fishing harbour were launched in May.")
    ids = ingest_files(store, [
        write_article(corpus_dir, "0.txt", "Norway and Ghana", "Published on 10 January 2025", f"{pledge} {works}"),
        write_article(corpus_dir, "1.txt", "A year on", "Published on 28 August 2025", later),
    ])
    with store.begin() as conn:
        dialogue, _ = add_commitment(conn, ids[0], pledge, key="nor-gha-dialogue", agents=["NOR", "GHA"],
                                     beneficiaries=[], action="launch a maritime dialogue")
        harbour, _ = add_commitment(conn, ids[0], works, key="nor-harbour", agents=["NOR"], beneficiaries=["GHA"],
                                    action="build a fishing harbour in Tema", deadline="2027")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, dialogue, date(2025, 9, 1)).status == "fulfilled"
        # works launched are only begun
        assert status_of(conn, harbour, date(2025, 9, 1)).status in ("announced", "in_progress")
