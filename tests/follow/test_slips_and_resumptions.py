"""What later reports say of a pledge in words the cue files lacked (own wording; found on the
forty-fourth and forty-fifth blind sets): a timeline that "has slipped", a date it "had
originally been scheduled for", talks "deadlocked"; works or talks that "resumed" (a pledge to
restart them kept); a loan "approved" (a step, not yet paid); money "retiré du financement"
(broken). And a step named as what is pledged or asked for ("has pledged the deployment of")
is not a step taken."""

from __future__ import annotations

import pytest

from .conftest import status_after

DATES = ("Published on 10 January 2025", "Published on 28 May 2026")
BUILD = ("Belgium will build the Kayes water treatment plant in Mali by 2027, the ministry said.",
         "build the Kayes water treatment plant")


@pytest.mark.parametrize(("later", "status"), [
    ("The Kayes water treatment plant's timeline has slipped, Belgium and Mali said on Monday.", "stalled"),
    ("Completion of the Kayes water treatment plant had originally been scheduled for 2027, Belgium said.",
     "stalled"),
    ("Talks between Belgium and Mali on the Kayes water treatment plant remain deadlocked.", "stalled"),
    ("Construction of the Kayes water treatment plant has resumed, Belgium and Mali said.", "in_progress"),
    ("Mali, to which Belgium has pledged the completion of the Kayes water treatment plant, welcomed the news.",
     "announced"),
    ("Belgium and Mali are pushing for a swift launch of works on the Kayes water treatment plant.", "announced"),
])
def test_later_wording_about_a_pledge_to_build(store, corpus_dir, later, status):
    assert status_after(store, corpus_dir, BUILD[0], later, BUILD[1], DATES) == status


@pytest.mark.parametrize(("pledge", "action", "later", "status"), [
    ("Belgium said it will resume construction of the Kayes water treatment plant in Mali in March.",
     "resume construction of the Kayes water treatment plant",
     "Construction of the Kayes water treatment plant has resumed, Belgium and Mali said.", "fulfilled"),
    ("La Belgique reprendra les travaux de la station de traitement d'eau de Kayes au Mali en mars.",
     "reprendre les travaux de la station de traitement d'eau de Kayes",
     "Les travaux de la station de traitement d'eau de Kayes ont repris, a indiqué la Belgique.", "fulfilled"),
    # a pledge to restart a plant's operations, kept when its operator took them up again (found
    # on blind set 51)
    ("Le Mali et la Belgique ont convenu du redémarrage des activités de la cimenterie de Kayes.",
     "redémarrage des activités de la cimenterie de Kayes",
     "La société belge a officiellement repris ses activités à la cimenterie de Kayes, a indiqué le Mali.",
     "fulfilled"),
    ("La Belgique reprendra les travaux de la station de traitement d'eau de Kayes au Mali en mars.",
     "reprendre les travaux de la station de traitement d'eau de Kayes",
     "Près de la station de traitement d'eau de Kayes, les raids ont repris, a indiqué la Belgique.",
     "announced"),
    ("Belgium will lend Mali 40 million euros for the Kayes water treatment plant.",
     "lend Mali 40 million euros for the Kayes water treatment plant",
     "The Belgian development agency approved a loan for the Kayes water treatment plant in Mali.", "in_progress"),
    ("La Belgique financera la station de traitement d'eau de Kayes au Mali.",
     "financer la station de traitement d'eau de Kayes",
     "La Belgique a retiré plus de 30 millions d'euros du financement prévu pour la station de traitement "
     "d'eau de Kayes.", "broken"),
])
def test_resumptions_approvals_and_withdrawn_money(store, corpus_dir, pledge, action, later, status):
    assert status_after(store, corpus_dir, pledge, later, action, DATES) == status


FR_BUILD = ("La Belgique construira la station de traitement d'eau de Kayes au Mali d'ici 2027, a indiqué le "
            "ministère.", "construire la station de traitement d'eau de Kayes")
GIVE = ("Belgium will give Mali 60 million euros in budget support for the Kayes water treatment plant.",
        "give Mali 60 million euros in budget support")
FR_GIVE = ("La Belgique versera au Mali 60 millions d'euros d'appui budgétaire pour la station de Kayes.",
           "verser au Mali 60 millions d'euros d'appui budgétaire")


@pytest.mark.parametrize(("pledge", "later", "status"), [
    # no nearer than before (found on blind set 48CA)
    (BUILD, "Belgium and Mali are no closer to agreement on the Kayes water treatment plant.", "stalled"),
    (BUILD, "There has been no progress on the Kayes water treatment plant since, Mali said.", "stalled"),
    (FR_BUILD, "La station de traitement d'eau de Kayes n'a connu aucune avancée, selon la Belgique.", "stalled"),
    # the works' tender won, the early stages of implementation: a step (found on 48CC, 48CA)
    (BUILD, "A Belgian firm won the tender to build the Kayes water treatment plant in Mali.", "in_progress"),
    (BUILD, "The Kayes water treatment plant is in the early stages of its construction, Belgium said.",
     "in_progress"),
    (FR_BUILD, "Une entreprise belge a remporté l'appel d'offres pour construire la station de traitement "
               "d'eau de Kayes.", "in_progress"),
    (FR_BUILD, "La station de traitement d'eau de Kayes en est à ses premiers stades de construction, a "
               "indiqué la Belgique.", "in_progress"),
    # a decision not to go ahead; the money sent back by its figure (found on 48CB, 48CA)
    (BUILD, "Belgium has opted not to proceed with the Kayes water treatment plant in Mali.", "broken"),
    (FR_BUILD, "La Belgique a décidé de ne pas donner suite au projet de station de traitement d'eau de Kayes.",
     "broken"),
    (GIVE, "Last week Mali returned €60 million to Belgium, citing the Kayes water treatment plant.", "broken"),
    (FR_GIVE, "Le Mali a rendu 60 millions d'euros à la Belgique, a indiqué Bamako.", "broken"),
])
def test_no_nearer_tenders_won_and_decisions_not_to_proceed(store, corpus_dir, pledge, later, status):
    assert status_after(store, corpus_dir, pledge[0], later, pledge[1], DATES) == status


@pytest.mark.parametrize(("pledge", "action", "later"), [
    ("Belgium said it would immediately cancel the procurement process for the Kayes port concession in Mali.",
     "cancel the procurement process for the Kayes port concession",
     "The procurement process for the Kayes port concession was formally cancelled, Belgium and Mali said."),
    ("La Belgique annulera la procédure d'attribution de la concession du port de Kayes au Mali, a dit le ministre.",
     "annuler la procédure d'attribution de la concession du port de Kayes",
     "La procédure d'attribution de la concession du port de Kayes a été annulée, a indiqué la Belgique."),
])
def test_a_pledge_to_cancel_is_kept_by_the_cancellation(store, corpus_dir, pledge, action, later):
    """Found on blind set 48CB (a president ordering a procurement cancelled), own wording."""
    assert status_after(store, corpus_dir, pledge, later, action, DATES) == "fulfilled"
