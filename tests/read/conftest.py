"""Fixtures of the reading tests: spaCy is loaded once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp_fr():
    from suivi.read.nlp import get_nlp

    return get_nlp("fr")


@pytest.fixture(scope="session")
def gaz():
    from suivi.read.gazetteer import get_gazetteer

    return get_gazetteer()


@pytest.fixture
def rules_only_en(monkeypatch):
    """English read by the rule layer, as when the English model is not installed."""
    from suivi.read import nlp

    monkeypatch.setitem(nlp.MODELS, "en", "no_such_english_model")
    nlp.reset("en")
    yield
    monkeypatch.undo()
    nlp.reset("en")


@pytest.fixture(params=["model", "rules"])
def en_reader(request, monkeypatch):
    """Runs an English test twice: with the English model, and with the rule layer alone."""
    from suivi.read import nlp

    if request.param == "rules":
        monkeypatch.setitem(nlp.MODELS, "en", "no_such_english_model")
        nlp.reset("en")
    yield request.param
    if request.param == "rules":
        monkeypatch.undo()
        nlp.reset("en")
