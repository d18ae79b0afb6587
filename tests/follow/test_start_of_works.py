"""A pledge to begin the works is kept when the works are reported under way; a pledge to build
is not (own wording; found on the twenty-fourth and twenty-sixth blind sets: works to begin "early
2025", then reported under way)."""

from __future__ import annotations

from datetime import date

import pytest

from suivi.follow import stage
from suivi.follow.status import status_of

from .conftest import add_commitment, pledge_then_report


def noop(*_args) -> None:
    return None


@pytest.mark.parametrize(("pledge", "action", "status"), [
    ("Belgium said construction works on the Kati solar plant in Mali will begin early in 2026.",
     "begin construction works on the Kati solar plant", "fulfilled"),
    ("Belgium will build the Kati solar plant in Mali by 2029.", "build the Kati solar plant", "in_progress"),
])
def test_works_under_way_keep_a_pledge_to_begin_them_not_a_pledge_to_build(store, corpus_dir, pledge, action,
                                                                           status):
    later = "Construction of the Kati solar plant is under way, Belgium and Mali said on Monday."
    ids = pledge_then_report(store, corpus_dir, pledge, later,
                             titles=("Mali and Belgium", "Works"),
                             dates=("Published on 10 January 2025", "Published on 28 May 2026"))
    with store.begin() as conn:
        kati, _ = add_commitment(conn, ids[0], pledge, key="bel-kati", agents=["BEL"], beneficiaries=["MLI"],
                                 action=action)
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, kati, date(2026, 6, 1)).status == status
