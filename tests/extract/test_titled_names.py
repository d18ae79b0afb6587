"""A leader named after a title, whose name the parser splits into appositions (own wording):
the subject keeps the whole name, so the pledge is the state the leader serves."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, agent", [
    ("À l’issue des entretiens, le président Luiz Inácio Lula da Silva a promis d’envoyer deux cents "
     "médecins au Mozambique.", "BRA"),
    ("Après la réunion, le président Cyril Ramaphosa a promis de livrer des vaccins au Lesotho.", "ZAF"),
])
def test_a_title_keeps_the_name_that_follows_it(make_article, text: str, agent: str) -> None:
    from suivi.extract.commitments import extract
    from suivi.read.gazetteer import get_gazetteer
    from suivi.read.nlp import parse_text
    from suivi.read.reader import read_article
    from suivi.scale.analyse import local_mentions

    article = make_article(text, "fr")
    doc = parse_text(text, "fr")
    found = extract(doc, article, local_mentions(read_article(doc, article, get_gazetteer())))
    assert [c.agents for c in found] == [[agent]], [(c.agents, c.evidence) for c in found]
