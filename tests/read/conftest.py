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
