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


def status_after(store, corpus_dir, pledge: str, later: str, *, titles: tuple[str, str], dates: tuple[str, str],
                 agents: list[str], action: str, as_of: date, deadline: str | None = None) -> str:
    """The pledge's status on `as_of` once the later report is read (the pledge's mention and
    commitment stored by hand, so only the follow-up stage is under test)."""
    ids = pledge_then_report(store, corpus_dir, pledge, later, titles=titles, dates=dates)
    with store.begin() as conn:
        cid, _ = add_commitment(conn, ids[0], pledge, key="pledge", agents=agents, beneficiaries=["MLI"],
                                action=action, deadline=deadline)
    stage.run(store, None, noop)
    with store.connect() as conn:
        return status_of(conn, cid, as_of).status


def test_studies_told_complete_keep_the_pledge_to_carry_them_out(store, corpus_dir):
    pledge = "Belgium will carry out the engineering studies for the Kati solar plant in Mali by 2026."
    later = "Belgium said on Monday that the engineering studies for the Kati solar plant are complete."
    assert status_after(store, corpus_dir, pledge, later, titles=("Mali and Belgium", "Studies done"),
                        dates=("Published on 10 January 2025", "Published on 28 May 2026"), agents=["BEL"],
                        action="carry out the engineering studies for the Kati solar plant", deadline="2026",
                        as_of=date(2026, 6, 1)) == "fulfilled"


def test_a_party_s_withdrawal_named_before_the_partnership_breaks_its_pledge(store, corpus_dir):
    pledge = "La Belgique financera le partenariat pour l'énergie solaire du Mali à hauteur de 40 millions d'euros."
    later = ("Le gouvernement malien a confirmé le retrait de la Belgique du partenariat pour l'énergie solaire, "
             "annoncé lundi à Bamako.")
    assert status_after(store, corpus_dir, pledge, later, titles=("Mali et Belgique", "Retrait"),
                        dates=("Publié le 10 janvier 2025", "Publié le 28 mai 2026"), agents=["BEL"],
                        action="financera le partenariat pour l'énergie solaire du Mali",
                        as_of=date(2026, 6, 1)) == "broken"


def test_a_pledge_to_withdraw_troops_is_kept_by_their_withdrawal_across_languages(store, corpus_dir):
    """« La Belgique commencera à retirer ses soldats » then "Belgium has withdrawn all its
    soldiers": the pledge was to leave, so the withdrawal keeps it (own wording; the twenty-ninth
    blind set)."""
    pledge = ("La Belgique commencera à retirer ses soldats stationnés au Mali, un contingent de 80 personnes, "
              "le 10 mars, a annoncé le ministère malien.")
    later = "Belgium has withdrawn all its soldiers from Mali, the Malian foreign ministry said on Friday."
    assert status_after(store, corpus_dir, pledge, later, titles=("Mali et Belgique", "Troops gone"),
                        dates=("Publié le 2 février 2025", "Published on 10 May 2025"), agents=["BEL"],
                        action="retirer ses soldats stationnés au Mali", as_of=date(2025, 6, 1)) == "fulfilled"
