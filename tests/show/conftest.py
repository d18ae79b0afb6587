"""The sample corpus read once per session into a store for briefings and exports, with two
reports of one event that disagree on a figure (one with a hostile title), and an analyst's
status decision with a source link."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "articles"
AS_OF = "2026-11-22"

RICE_A = """Le Mali reçoit 300 tonnes de riz de la Russie

Bamako, le 14 octobre 2026 — La Russie a livré mardi 300 tonnes de riz au Mali au port sec de Bamako, a annoncé \
le ministère malien du Commerce. Moscou s'est engagé à livrer une seconde cargaison avant la fin de l'année 2026, \
selon l'ambassadeur russe à Bamako.

La cargaison a été réceptionnée par le ministre du Commerce en présence de l'ambassadeur russe.
"""
RICE_B = """Riz russe <script>alert('x')</script> : le Mali réceptionne une cargaison à Bamako

Bamako, le 15 octobre 2026 — La Russie a livré mardi 500 tonnes de riz au Mali au port sec de Bamako, selon le \
ministère malien du Commerce. Moscou s'est engagé à livrer une seconde cargaison avant la fin de l'année 2026, a \
indiqué l'ambassadeur russe.

Le ministre du Commerce a réceptionné la cargaison en présence de l'ambassadeur russe à Bamako.
"""


@pytest.fixture(scope="session")
def show_db(tmp_path_factory) -> Path:
    """Path of the session's store (read only: tests that write use `show_store_copy`)."""
    from suivi.follow import review
    from suivi.ingest.api import ingest
    from suivi.pipeline import run_pipeline
    from suivi.store import commitments as commitment_store
    from suivi.store import open_store

    folder = tmp_path_factory.mktemp("showcorpus")
    inputs = folder / "in"
    shutil.copytree(CORPUS, inputs)
    (inputs / "zz-riz-a.txt").write_text(RICE_A, encoding="utf-8")
    (inputs / "zz-riz-b.txt").write_text(RICE_B, encoding="utf-8")
    db = folder / "show.db"
    store = open_store(str(db))
    report = ingest(store, [str(inputs)])
    assert not report.rejected, report.rejected
    run_pipeline(store, report.new)
    with store.begin() as conn:
        china = [c for c in commitment_store.list_commitments(conn) if c.agents == ["CHN"] and c.deadline is None]
        review.set_status(conn, china[0].id, "stalled", user="alice", why="no loan agreement signed yet",
                          note="the loan agreement is still unsigned", source="https://example.org/ministry-note",
                          effective=date(2026, 10, 20))
    store.close()
    return db


@pytest.fixture
def show_store(show_db):
    from suivi.store import open_store

    store = open_store(str(show_db))
    yield store
    store.close()


@pytest.fixture
def show_store_copy(show_db, tmp_path):
    """A private copy of the session store, for tests that write."""
    from suivi.store import open_store

    copy = tmp_path / "copy.db"
    shutil.copy(show_db, copy)
    store = open_store(str(copy))
    yield store
    store.close()
