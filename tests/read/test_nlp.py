"""spaCy loading and the parse cache."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from suivi.models import Article
from suivi.read import nlp as nlpmod


def _article(i: int, text: str, lang: str) -> Article:
    return Article(i, f"hash-{i}-{lang}", "raw", "src", "text", None, None, None, None, None,
                   "unknown", lang, text, datetime.now(UTC))


def test_get_nlp_is_loaded_once(nlp_fr):
    assert nlpmod.get_nlp("fr") is nlp_fr
    assert {"parser", "ner", "lemmatizer"} <= set(nlp_fr.pipe_names)


def test_english_reads_with_the_statistical_model():
    nlp = nlpmod.get_nlp("en")
    assert {"tagger", "parser", "lemmatizer", "ner"} <= set(nlp.pipe_names)
    doc = nlp("The minister Jane Okafor arrived in Lagos. She said the bank would lend more.")
    assert len(list(doc.sents)) == 2
    assert nlpmod.doc_has_ner(doc) and doc.has_annotation("DEP")
    assert "say" in {t.lemma_ for t in doc}
    assert any(nlpmod.entity_kind(e.label_) == "person" and e.text == "Jane Okafor" for e in doc.ents)


def test_missing_english_model_falls_back_to_the_rule_layer(rules_only_en, caplog):
    nlp = nlpmod.get_nlp("en")
    assert nlp.pipe_names == ["sentencizer"]
    doc = nlp("The minister arrived. He spoke.")
    assert len(list(doc.sents)) == 2
    assert not nlpmod.doc_has_ner(doc) and not doc.has_annotation("DEP")
    assert "rules only" in caplog.text


def test_missing_french_model_is_an_error(monkeypatch):
    from suivi.errors import ConfigError

    monkeypatch.setitem(nlpmod.MODELS, "fr", "no_such_model_here")
    with pytest.raises(ConfigError, match="no_such_model_here"):
        nlpmod._load("fr")  # the loader itself: the session's French pipeline stays loaded


def test_entity_labels_of_both_models():
    assert [nlpmod.entity_kind(x) for x in ("PER", "PERSON", "ORG", "LOC", "GPE", "FAC", "MISC", "DATE")] == [
        "person", "person", "organization", "place", "place", "place", None, None]


def test_parse_by_language_and_cache(nlp_fr):
    arts = [_article(1, "Le ministre est arrivé à Bamako.", "fr"), _article(2, "The minister left.", "en")]
    docs = nlpmod.parse(arts)
    assert [d.text for d in docs] == [a.text for a in arts]
    assert docs[0].has_annotation("DEP") and docs[1].has_annotation("DEP")
    assert docs[0].lang_ == "fr" and docs[1].lang_ == "en"
    again = nlpmod.parse(list(reversed(arts)))
    assert again[0] is docs[1] and again[1] is docs[0]
