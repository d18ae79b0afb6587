"""A text signed is a step of a pledge to build, lend or deliver, and the pledge kept only when
the pledge was to sign it (own wording; found on the twenty-third and twenty-fourth blind sets: a
train purchase and a nuclear plant whose contracts were signed years before anything was built)."""

from __future__ import annotations

from datetime import date

from suivi.follow import stage
from suivi.follow.status import status_of

from .conftest import add_commitment, pledge_then_report


def noop(*_args) -> None:
    return None


def test_a_contract_signed_is_a_step_of_a_pledge_to_build_and_keeps_a_pledge_to_sign(store, corpus_dir):
    build = "Belgium will build a solar power plant in Kati for Mali by 2028."
    sign = "Belgium and Mali will sign a fisheries agreement by June 2025."
    later = ("The contract to build the solar power plant in Kati has been signed by Belgium and Mali, officials "
             "said. The fisheries agreement between Belgium and Mali was signed on the same day.")
    ids = pledge_then_report(store, corpus_dir, f"{build} {sign}", later,
                             titles=("Mali and Belgium", "Contracts signed"),
                             dates=("Published on 10 January 2025", "Published on 28 May 2025"))
    with store.begin() as conn:
        plant, _ = add_commitment(conn, ids[0], build, key="bel-plant", agents=["BEL"], beneficiaries=["MLI"],
                                  action="build a solar power plant in Kati", deadline="2028")
        fishing, _ = add_commitment(conn, ids[0], sign, key="bel-mli-fishing", agents=["BEL", "MLI"],
                                    beneficiaries=[], action="sign a fisheries agreement", deadline="2025-06")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, plant, date(2025, 6, 1)).status == "in_progress"
        assert status_of(conn, fishing, date(2025, 6, 1)).status == "fulfilled"
