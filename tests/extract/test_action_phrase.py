"""The action a reader sees: the pledged act, not the verb that declares the will (own wording)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("lang", "text", "action"),
    [
        ("fr", "La Norvège a exprimé sa volonté de financer trois hôpitaux à Accra.", "financer trois hôpitaux"),
        ("fr", "Le Japon a réaffirmé son engagement à construire deux ponts au Ghana.", "construire deux ponts"),
        ("fr", "La Norvège a annoncé son intention de se rendre à Accra l'an prochain.", "se rendre à Accra"),
        ("en", "Norway expressed its willingness to fund three hospitals in Accra.", "fund three hospitals"),
        ("en", "Japan reaffirmed its commitment to build two bridges in Ghana.", "build two bridges"),
        ("en", "Norway announced its intention to visit Accra next year.", "visit Accra"),
    ],
)
def test_noun_of_will_gives_way_to_the_act_it_governs(read_commitments, lang, text, action):
    found = read_commitments(text, lang)
    assert found, text
    assert found[0].action.startswith(action), (found[0].action, text)


@pytest.mark.parametrize(
    ("lang", "text", "action"),
    [
        ("fr", "La France avait promis, lors d'un sommet des dirigeants qu'elle avait accueilli à Paris fin 2022, "
               "de se rendre au Ghana l'année suivante.", "se rendre au Ghana"),
        ("en", "Norway had pledged, at a summit it hosted in Oslo in late 2022, to visit Ghana the following year.",
         "visit Ghana"),
        # the pledged act governs its own complement: a later infinitive belongs to someone else
        ("en", "Japan announced that it would appoint an envoy to the Sahel, where officials have begun to warn "
               "of famine.", "appoint an envoy"),
    ],
)
def test_an_incise_between_the_pledge_and_its_act(read_commitments, lang, text, action):
    found = read_commitments(text, lang)
    assert found, text
    assert found[0].action.startswith(action), (found[0].action, text)


@pytest.mark.parametrize(
    ("text", "action", "sum_"),
    [
        ("The Norwegian government said it paid a further 100 million euros to Ghana this year, with another "
         "50 million euros to come.", "another 50 million", 50_000_000),
        ("Norway has paid Ghana $40 million, with a further $10 million to come next year.", "a further $10 million",
         10_000_000),
    ],
)
def test_a_sum_to_come_is_the_act_not_the_payment_before_it(read_commitments, text, action, sum_):
    """The act and the sum of "with another 50 million to come" are that sum's, not those of the
    payment its clause reports (own wording)."""
    found = [c for c in read_commitments(text, "en") if c.cue == "to come"]
    assert found, text
    assert found[0].action.startswith(action) and found[0].quantity == sum_, (found[0].action, found[0].quantity)
