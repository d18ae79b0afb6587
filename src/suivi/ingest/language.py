"""Offline language detection (langdetect), deterministic and limited to plausible languages.

Why a private detector: langdetect's module-level factory loads all 55 profiles and is
random unless seeded; ours loads only the languages listed in data/metadata/languages.yaml,
with a fixed seed, so the same text always gets the same answer, quickly.
"""

from __future__ import annotations

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


def detect_language(text: str) -> str | None:
    """The most probable plausible language of `text`, or None when the text is too thin."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 10:
        return None
    detector = _factory().create()
    detector.append(sample)
    try:
        guesses = detector.get_probabilities()
    except LangDetectException:
        return None
    if guesses and guesses[0].prob >= _MIN_PROBABILITY:
        return guesses[0].lang
    return None
