"""Own wording: an agreement its party says it will not renew is a decision announced, read as
a commitment whose action keeps the negation; other negated acts stay no pledge."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("lang", "text", "action"), [
    ("en", "The European Union will not renew its fishing agreement with Ghana, the delegation announced.",
     "not renew its fishing agreement with Ghana"),
    ("en", "The EU said it won't renew the fishing agreement with Ghana.",
     "not renew the fishing agreement with Ghana"),
    ("fr", "L'Union européenne a annoncé qu'elle ne renouvellera pas l'accord de pêche avec le Ghana.",
     "ne renouvellera pas l'accord de pêche avec le Ghana"),
])
def test_an_agreement_not_renewed_is_a_decision_that_keeps_its_negation(read_commitments, lang, text, action):
    found = read_commitments(text, lang)
    assert [(c.agents, c.action) for c in found] == [(["UE"], action)], [(c.agents, c.action) for c in found]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Norway will not build the harbour in Ghana."),
    ("en", "Norway will not renew its support for the fishing programme."),
    ("fr", "La Norvège ne construira pas le port au Ghana."),
])
def test_other_negated_acts_pledge_nothing(read_commitments, lang, text):
    assert read_commitments(text, lang) == []
