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
