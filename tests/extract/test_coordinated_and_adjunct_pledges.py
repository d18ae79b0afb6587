"""Own wording: two pledge verbs joined by "and" are two commitments even when the parser hangs
the second on the first one's infinitive; a pledge set after a comma is its clause's subject's
even when the parser hangs it on a noun; a conditional in « selon laquelle » is reported; talks
agreed on are a commitment (thirty-first round of blind sets, an Ethiopia-Somalia storyline)."""

from __future__ import annotations

import pytest


def _with(found, words):
    return [f for f in found if words in f.evidence]


def test_a_finite_pledge_joined_to_an_infinitive_is_a_statement_of_its_own(read_commitments):
    # the small model reads "pledged" as coordinated with "hold", inside what was agreed
    text = "Norway and Ghana agreed to hold fisheries talks and pledged to respect each other's quotas."
    found = read_commitments(text, "en")
    talks, quotas = _with(found, "agreed to hold"), _with(found, "pledged to respect")
    assert talks and quotas and talks[0] is not quotas[0]
    assert {"NOR", "GHA"} <= set(quotas[0].agents)
    assert "pledged" not in talks[0].evidence


def test_a_pledge_after_a_comma_hung_on_a_noun_is_the_clause_subjects(read_commitments):
    text = "Accra a dénoncé l'accord comme une agression, promettant de contester ce texte devant les tribunaux."
    found = _with(read_commitments(text, "fr"), "promettant")
    assert found and found[0].agents == ["GHA"]


def test_a_participle_without_a_comma_still_describes_its_noun(read_commitments):
    # the participle tells what the decision does, nobody promises anything
    text = "Le Ghana a condamné une décision prévoyant la fermeture des ports."
    assert _with(read_commitments(text, "fr"), "condamné") == []


def test_a_conditional_after_selon_laquelle_is_reported(read_commitments):
    text = ("Le ministre a indiqué que le pacte contenait une clause selon laquelle la Norvège financerait "
            "deux ports de pêche au Ghana.")
    found = _with(read_commitments(text, "fr"), "financerait")
    assert found and found[0].agents == ["NOR"]


def test_a_conditional_in_a_plain_relative_stays_a_hypothesis(read_commitments):
    text = "Les experts ont évoqué un scénario dans lequel la Norvège financerait deux ports de pêche au Ghana."
    assert _with(read_commitments(text, "fr"), "financerait") == []


@pytest.mark.parametrize(("lang", "text", "words", "deadline"), [
    ("en", "Norway and Ghana agreed to technical talks on fishing quotas.", "agreed to technical talks", None),
    ("fr", "La Norvège et le Ghana ont convenu d'un second cycle de négociations techniques en mars 2026.",
     "ont convenu", "2026-03-31"),
])
def test_talks_agreed_on_are_a_commitment(read_commitments, lang, text, words, deadline):
    found = _with(read_commitments(text, lang), words)
    assert found and {"NOR", "GHA"} <= set(found[0].agents) and found[0].deadline == deadline


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Norway and Ghana agreed on the importance of talks."),
    ("fr", "La Norvège et le Ghana ont salué les négociations techniques."),
])
def test_talks_named_but_not_agreed_on_are_nothing(read_commitments, lang, text):
    assert read_commitments(text, lang) == []
