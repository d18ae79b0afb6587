"""Two ways the press tells that something was done or dropped, beyond the usual verbs: done told
with an adjective ("the studies are complete") and a party's withdrawal named before what it
leaves (« le retrait des États-Unis du partenariat ») (own wording; found on the twenty-fifth
blind set)."""

from __future__ import annotations

from datetime import date

from suivi.follow import stage
from suivi.follow.status import status_of

from .conftest import add_commitment, pledge_then_report


def noop(*_args) -> None:
    return None


def test_studies_told_complete_keep_the_pledge_to_carry_them_out(store, corpus_dir):
    pledge = "Belgium will carry out the engineering studies for the Kati solar plant in Mali by 2026."
    later = "Belgium said on Monday that the engineering studies for the Kati solar plant are complete."
    ids = pledge_then_report(store, corpus_dir, pledge, later,
                             titles=("Mali and Belgium", "Studies done"),
                             dates=("Published on 10 January 2025", "Published on 28 May 2026"))
    with store.begin() as conn:
        studies, _ = add_commitment(conn, ids[0], pledge, key="bel-studies", agents=["BEL"], beneficiaries=["MLI"],
                                    action="carry out the engineering studies for the Kati solar plant",
                                    deadline="2026")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, studies, date(2026, 6, 1)).status == "fulfilled"


def test_a_party_s_withdrawal_named_before_the_partnership_breaks_its_pledge(store, corpus_dir):
    pledge = "La Belgique financera le partenariat pour l'énergie solaire du Mali à hauteur de 40 millions d'euros."
    later = ("Le gouvernement malien a confirmé le retrait de la Belgique du partenariat pour l'énergie solaire, "
             "annoncé lundi à Bamako.")
    ids = pledge_then_report(store, corpus_dir, pledge, later,
                             titles=("Mali et Belgique", "Retrait"),
                             dates=("Publié le 10 janvier 2025", "Publié le 28 mai 2026"))
    with store.begin() as conn:
        solar, _ = add_commitment(conn, ids[0], pledge, key="bel-solar", agents=["BEL"], beneficiaries=["MLI"],
                                  action="financera le partenariat pour l'énergie solaire du Mali")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, solar, date(2026, 6, 1)).status == "broken"


def test_a_pledge_to_withdraw_troops_is_kept_by_their_withdrawal_across_languages(store, corpus_dir):
    """« La Belgique commencera à retirer ses soldats » then "Belgium has withdrawn all its
    soldiers": the pledge was to leave, so the withdrawal keeps it (own wording; the twenty-ninth
    blind set)."""
    pledge = ("La Belgique commencera à retirer ses soldats stationnés au Mali, un contingent de 80 personnes, "
              "le 10 mars, a annoncé le ministère malien.")
    later = "Belgium has withdrawn all its soldiers from Mali, the Malian foreign ministry said on Friday."
    ids = pledge_then_report(store, corpus_dir, pledge, later,
                             titles=("Mali et Belgique", "Troops gone"),
                             dates=("Publié le 2 février 2025", "Published on 10 May 2025"))
    with store.begin() as conn:
        troops, _ = add_commitment(conn, ids[0], pledge, key="bel-troops", agents=["BEL"], beneficiaries=["MLI"],
                                   action="retirer ses soldats stationnés au Mali")
    stage.run(store, None, noop)
    with store.connect() as conn:
        assert status_of(conn, troops, date(2025, 6, 1)).status == "fulfilled"
