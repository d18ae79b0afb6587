"""A body's short name after its full name (own wording): "the Commission" after "the European
Commission" is that body, even when the reader finds the short form as an organisation of its
own."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, lang, agent", [
    ("The European Commission reviewed Ghana's port plan in May. According to officials, the Commission plans "
     "to spend 200 million euros on the harbour.", "en", "UE"),
    ("The European Commission is set to cut its aid to the fund. According to research by Health Watch, the "
     "Commission plans to pledge €700 million over four years.", "en", "UE"),
])
def test_a_short_name_is_the_body_named_in_full_before(make_article, text: str, lang: str, agent: str) -> None:
    from suivi.extract.commitments import extract
    from suivi.read.gazetteer import get_gazetteer
    from suivi.read.nlp import parse_text
    from suivi.read.reader import read_article
    from suivi.scale.analyse import local_mentions

    article = make_article(text, lang)
    doc = parse_text(text, lang)
    found = extract(doc, article, local_mentions(read_article(doc, article, get_gazetteer())))
    later = [c for c in found if "Commission plans" in c.evidence]
    assert later and all(c.agents == [agent] for c in later), [(c.agents, c.evidence) for c in found]


def test_the_board_is_the_body_named_before(make_article) -> None:
    from suivi.extract.commitments import extract
    from suivi.read.gazetteer import get_gazetteer
    from suivi.read.nlp import parse_text
    from suivi.read.reader import read_article
    from suivi.scale.analyse import local_mentions

    text = ("The Board of the Coastal Fisheries Fund (CFF) met in Accra on Monday. Board co-chair Ama Mensah "
            "described the meeting as historic. The Board also cleared new rules for grants. The Board has agreed "
            "to begin a new funding round in 2027.")
    article = make_article(text, "en")
    doc = parse_text(text, "en")
    found = extract(doc, article, local_mentions(read_article(doc, article, get_gazetteer())))
    later = [c for c in found if "funding round" in c.evidence]
    assert later and all(c.agents == ["org:cff"] for c in later), [(c.agents, c.evidence) for c in found]


def test_a_state_named_with_its_article_is_not_a_body_holding_its_name(make_article) -> None:
    """"The Gambia" after "the Gambia River Basin Development Organisation" is the state: only a
    short form the reader took for a body of its own is read as the body named in full."""
    from suivi.extract.commitments import extract
    from suivi.read.gazetteer import get_gazetteer
    from suivi.read.nlp import parse_text
    from suivi.read.reader import read_article
    from suivi.scale.analyse import local_mentions

    text = "The Gambia River Basin Development Organisation met in Banjul. The Gambia will build two bridges by 2027."
    article = make_article(text, "en")
    doc = parse_text(text, "en")
    found = extract(doc, article, local_mentions(read_article(doc, article, get_gazetteer())))
    assert [c.agents for c in found if "bridges" in c.evidence] == [["GMB"]], [(c.agents, c.evidence) for c in found]


def test_an_elided_short_name_is_the_body_named_before(read_commitments):
    """« l'Union » after « l'Union européenne »: the elided article apart, the short form of
    the body named in full before (own wording; found on the twenty-third blind set D)."""
    found = read_commitments("L'Union européenne a reçu le ministre togolais. Selon la presse, l'Union s'est "
                             "engagée à fournir au Togo un financement de 40 millions d'euros.", "fr")
    assert [(c.agents, c.beneficiaries) for c in found] == [(["UE"], ["TGO"])], [(c.agents, c.evidence) for c in found]


def test_a_subject_owned_by_a_body_named_before_is_that_bodys(read_commitments):
    """« une délégation de la Commission » after « la Commission européenne »: the owner closing
    the subject phrase is the body named in full before (own wording; blind set 23D)."""
    found = read_commitments("La Commission européenne a reçu le ministre togolais. Une délégation de "
                             "fonctionnaires de la Commission se rendra à Lomé en juin.", "fr")
    assert [(c.agents, c.deadline) for c in found] == [(["UE"], "2025-06-30")], [(c.agents, c.evidence) for c in found]
