"""Sentence ranges: a quoted fragment inside a sentence does not end it (own wording; found on
the twentieth set, « son pays terminerait « d'ici janvier » 2025 le déploiement »)."""

from __future__ import annotations

from suivi.read.nlp import get_nlp
from suivi.read.sentences import Sentences


def _sentences(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in Sentences(get_nlp(lang)(text)).ranges]


def test_a_quoted_fragment_followed_by_more_of_the_sentence_does_not_end_it():
    text = ("Le président ghanéen a assuré jeudi que son pays terminerait « d’ici mars » 2026 le retrait de ses "
            "troupes du Mali. Il a ajouté que le calendrier était tenu.")
    found = _sentences(text, "fr")
    assert found[0].endswith("troupes du Mali."), found
    assert len(found) == 2


def test_a_quoted_sentence_still_ends_its_sentence():
    text = "« Nous partirons en mars. » Le ministre a ensuite quitté la salle. « Nous verrons » a-t-il dit."
    found = _sentences(text, "fr")
    assert found[0] == "« Nous partirons en mars. »", found
