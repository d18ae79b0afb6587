"""Offline language detection (langdetect), deterministic and limited to plausible languages.

Why a private detector: langdetect's module-level factory loads all 55 profiles and is
random unless seeded; ours loads only the languages listed in data/metadata/languages.yaml,
with a fixed seed, so the same text always gets the same answer, quickly.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from suivi.errors import DataFileError
from suivi.ingest.rules import DATA_PACKAGE, parse_yaml

_SAMPLE_CHARS = 800
_MIN_PROBABILITY = 0.5
_LANGUAGES_FILE = "data/metadata/languages.yaml"


@lru_cache(maxsize=1)
def plausible_languages() -> tuple[str, ...]:
    text = resources.files(DATA_PACKAGE).joinpath("metadata").joinpath("languages.yaml").read_text(encoding="utf-8")
    codes = parse_yaml(_LANGUAGES_FILE, text).get("detect")
    if not isinstance(codes, list) or not codes or not all(isinstance(c, str) for c in codes):
        raise DataFileError(f"{_LANGUAGES_FILE}: 'detect' must be a list of language codes")
    return tuple(codes)


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    profiles = resources.files("langdetect").joinpath("profiles")
    texts = []
    for code in plausible_languages():
        entry = profiles.joinpath(code)
        if not entry.is_file():
            raise DataFileError(f"{_LANGUAGES_FILE}: langdetect has no profile for {code!r}")
        texts.append(entry.read_text(encoding="utf-8"))
    factory = DetectorFactory()
    factory.load_json_profile(texts)
    factory.set_seed(0)
    return factory


@lru_cache(maxsize=1)
def _fast_path() -> tuple[int, float, dict[str, frozenset[str]]]:
    text = resources.files(DATA_PACKAGE).joinpath("metadata").joinpath("languages.yaml").read_text(encoding="utf-8")
    data = parse_yaml(_LANGUAGES_FILE, text).get("fast_path") or {}
    words = data.get("function_words") or {}
    if not isinstance(words, dict) or not all(isinstance(v, list) for v in words.values()):
        raise DataFileError(f"{_LANGUAGES_FILE}: 'fast_path.function_words' must map codes to word lists")
    unknown = set(words) - set(plausible_languages())
    if unknown:
        raise DataFileError(f"{_LANGUAGES_FILE}: fast-path languages not in 'detect': {sorted(unknown)}")
    return int(data.get("min_hits", 6)), float(data.get("ratio", 4)), {k: frozenset(v) for k, v in words.items()}


_WORD = re.compile(r"[^\W\d_]+")


def _by_function_words(sample: str) -> str | None:
    """A language whose function words clearly dominate the sample, else None (undecided)."""
    min_hits, ratio, table = _fast_path()
    tokens = _WORD.findall(sample.lower())
    hits = sorted(((sum(t in words for t in tokens), code) for code, words in table.items()), reverse=True)
    if not hits:
        return None
    best, code = hits[0]
    runner_up = hits[1][0] if len(hits) > 1 else 0
    return code if best >= min_hits and best >= ratio * max(runner_up, 1) else None


def detect_language(text: str) -> str | None:
    """The most probable plausible language of `text`, or None when the text is too thin."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 10:
        return None
    fast = _by_function_words(sample)
    if fast is not None:
        return fast
    detector = _factory().create()
    detector.append(sample)
    try:
        guesses = detector.get_probabilities()
    except LangDetectException:
        return None
    if guesses and guesses[0].prob >= _MIN_PROBABILITY:
        return guesses[0].lang
    return None
