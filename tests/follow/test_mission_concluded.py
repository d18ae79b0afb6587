"""A visit or a mission pledged, then reported carried to its end, is kept (own wording): « une
mission est attendue à Accra », then « a bouclé une mission de deux semaines au Ghana »;
"will send a mission", then "concluded a two-week mission"."""

from __future__ import annotations

from datetime import date

import pytest

from suivi.follow import stage
from suivi.follow.status import status_of

from .conftest import add_commitment, ingest_files, write_article


def noop(*_args) -> None:
    return None


@pytest.mark.parametrize(("pledge", "action", "later", "dated"), [
    ("La Norvège enverra une mission d'experts des pêches au Ghana en mars.", "envoyer une mission d'experts",
     "Une équipe d'experts norvégiens a bouclé, ce jeudi, une mission de deux semaines au Ghana.",
     "Publié le 27 mars 2025"),
    ("Norway will send a mission of fisheries experts to Ghana in March.", "send a mission of experts",
     "A team of Norwegian fisheries experts concluded a two-week mission to Ghana on Thursday.",
     "Published on 27 March 2025"),
])
def test_a_mission_pledged_then_concluded_is_fulfilled(store, corpus_dir, pledge, action, later, dated):
    ids = ingest_files(store, [
        write_article(corpus_dir, "0.txt", "Norway and Ghana", "Published on 10 January 2025", pledge),
        write_article(corpus_dir, "1.txt", "Mission", dated, later),
    ])
    with store.begin() as conn:
        mission, _ = add_commitment(conn, ids[0], pledge, key="nor-mission", agents=["NOR"], beneficiaries=["GHA"],
                                    action=action, deadline="2025-03")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, mission, date(2025, 4, 1)).status == "fulfilled"
