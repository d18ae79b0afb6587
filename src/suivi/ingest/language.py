"""Offline language detection (langdetect), deterministic and limited to plausible languages.

Why restricted: on short or mixed texts langdetect may answer a language the project never
reads (Catalan for a French headline); only languages with metadata rules are kept.
"""

from __future__ import annotations

from functools import lru_cache

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from suivi.ingest.rules import metadata_rules

_SAMPLE_CHARS = 3000
_MIN_PROBABILITY = 0.2


@lru_cache(maxsize=1)
def plausible_languages() -> frozenset[str]:
    return frozenset(metadata_rules())


def detect_language(text: str) -> str | None:
    """The most probable plausible language of `text`, or None when nothing fits."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 10:
        return None
    DetectorFactory.seed = 0  # langdetect is random unless seeded
    try:
        guesses = detect_langs(sample)
    except LangDetectException:
        return None
    allowed = plausible_languages()
    for guess in guesses:
        if guess.lang in allowed and guess.prob >= _MIN_PROBABILITY:
            return guess.lang
    return None
