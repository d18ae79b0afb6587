"""The cue lexicon loader: the shipped files load, malformed data fails loudly."""

from __future__ import annotations

import pytest

from suivi.errors import DataFileError
from suivi.extract.cues import get_lexicon, parse_lexicon


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_shipped_lexicons_load(lang):
    lex = get_lexicon(lang)
    assert lex.language == lang
    assert lex.verb_cues or lex.pattern_cues
    assert lex.sector_of("un hôpital" if lang == "fr" else "a hospital") == "health"


def test_unknown_language_falls_back_to_surface_patterns():
    assert get_lexicon("de").language == "en"


def _minimal() -> dict:
    return {"language": "fr", "verb_cues": {"promettre": {"modality": "promise"}}, "sectors": {"x": ["y"]}}


@pytest.mark.parametrize(
    "patch, message",
    [
        ({"language": "xx"}, "language"),
        ({"verb_cues": {"promettre": {"modality": "sure"}}}, "modality"),
        ({"verb_cues": {"promettre": {"modality": "promise", "needs": "nothing"}}}, "needs"),
        ({"cues": [{"pattern": "(unclosed", "modality": "plan"}]}, "regular expression"),
        ({"action_nouns": "soutien"}, "action_nouns"),
        ({"sectors": {}}, "sectors"),
        ({"acton_nouns": ["soutien"]}, "unknown keys"),
        ({"verb_cues": {}, "cues": []}, "no cues"),
    ],
)
def test_malformed_lexicon_fails_loudly(patch, message):
    data = {**_minimal(), **patch}
    with pytest.raises(DataFileError, match=message):
        parse_lexicon(data, "test.yaml")


def test_non_mapping_fails():
    with pytest.raises(DataFileError):
        parse_lexicon(["not", "a", "mapping"], "test.yaml")
