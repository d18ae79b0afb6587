"""Acronyms defined in the text (suivi.read.acronyms); sentences written for these tests."""

from __future__ import annotations

from suivi.read.acronyms import definitions, uses
from suivi.read.lexicon import get_lexicon


def _defs(text: str, lang: str = "fr") -> list[tuple[str, str]]:
    return [(text[d.start:d.end], d.acronym) for d in definitions(text, get_lexicon(lang).org_words)]


def test_long_forms_that_spell_their_acronym():
    assert _defs("selon l'Agence nationale de la météorologie (ANM), il pleuvra") == [
        ("Agence nationale de la météorologie", "ANM")]
    assert _defs("la Banque ouest-africaine de crédit (BOAC) prête") == [("Banque ouest-africaine de crédit", "BOAC")]
    assert _defs("the Fund for Coastal Resilience and Adaptation (FCRA) paid", "en") == [
        ("Fund for Coastal Resilience and Adaptation", "FCRA")]


def test_a_french_name_with_an_english_acronym_opens_with_a_head_word():
    assert _defs("au Forum pour la coopération sino-andine (FOCAN) de mai") == [
        ("Forum pour la coopération sino-andine", "FOCAN")]


def test_what_is_not_a_definition():
    assert _defs("the price rose (up 4%) in May", "en") == []
    assert _defs("he said (AFP) that talks would resume", "en") == []
    text = "le Conseil supérieur de la magistrature (CSM). Le CSM se réunira, le CSMX non."
    [d] = definitions(text, get_lexicon("fr").org_words)
    assert [text[s:e] for s, e in uses(text, d.acronym, d.acr_end)] == ["CSM"]
