"""spaCy loading and the parse cache."""

from __future__ import annotations

from datetime import UTC, datetime

from suivi.models import Article
from suivi.read import nlp as nlpmod


def _article(i: int, text: str, lang: str) -> Article:
    return Article(i, f"hash-{i}-{lang}", "raw", "src", "text", None, None, None, None, None,
                   "unknown", lang, text, datetime.now(UTC))


def test_get_nlp_is_loaded_once(nlp_fr):
    assert nlpmod.get_nlp("fr") is nlp_fr
    assert {"parser", "ner", "lemmatizer"} <= set(nlp_fr.pipe_names)


def test_english_is_blank_with_sentencizer():
    nlp = nlpmod.get_nlp("en")
    assert nlp.pipe_names == ["sentencizer"]
    doc = nlp("The minister arrived. He spoke.")
    assert len(list(doc.sents)) == 2


def test_parse_by_language_and_cache(nlp_fr):
    arts = [_article(1, "Le ministre est arrivé à Bamako.", "fr"), _article(2, "The minister left.", "en")]
    docs = nlpmod.parse(arts)
    assert [d.text for d in docs] == [a.text for a in arts]
    assert docs[0].has_annotation("DEP") and not docs[1].has_annotation("DEP")
    again = nlpmod.parse(list(reversed(arts)))
    assert again[0] is docs[1] and again[1] is docs[0]
