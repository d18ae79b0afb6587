"""Loads reconcile thresholds and attribution cues from data files and validates them.

Why data: thresholds and cue words change with the corpus and the language; they are read
once, checked for every required key and type, and a malformed file stops the run at once
(DataFileError) instead of silently clustering with a default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from suivi.errors import DataFileError

DATA = Path(__file__).resolve().parent.parent / "data" / "reconcile"

_REQUIRED: dict[str, dict[str, type | tuple[type, ...]]] = {
    "stories": {
        "date_window_days": int,
        "max_candidates": int,
        "blocking_kinds": list,
        "weights": dict,
        "join_threshold": (int, float),
        "undated_join_threshold": (int, float),
        "lead_chars": int,
        "lead_measures": dict,
    },
    "duplicates": {"num_perm": int, "bands": int, "shingle_words": int, "threshold": (int, float)},
    "merge": {
        "story_threshold": (int, float),
        "cross_story_threshold": (int, float),
        "headline_threshold": (int, float),
        "lexical_weight": (int, float),
        "stem_chars": int,
        "list_bullets": list,
        "list_intro_endings": list,
        "max_cross_story": int,
        "max_mentions_per_commitment": int,
        "party_jaccard": (int, float),
        "receivers_named_among": int,
        "related_actions": list,
        "loose_threshold": (int, float),
        "same_act_and_deadline_bonus": (int, float),
        "same_place_and_day_bonus": (int, float),
        "same_pledge_as_before": list,
        "same_sum_bonus": (int, float),
        "cross_story_same_act_bonus": (int, float),
    },
    "summary": {"sentences": int, "near_duplicate": (int, float), "min_chars": int, "per_article": int},
    "disagreements": {"not_figures": list, "min_label_chars": int},
}
_WEIGHTS = ("actors", "date", "place", "kind", "text")


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read: {exc}") from exc


@cache
def settings(path: Path | None = None) -> dict[str, dict[str, Any]]:
    """The validated settings.yaml (cached)."""
    path = path or DATA / "settings.yaml"
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: expected a mapping of sections")
    for section, keys in _REQUIRED.items():
        block = data.get(section)
        if not isinstance(block, dict):
            raise DataFileError(f"{path}: missing section {section!r}")
        for key, kind in keys.items():
            if not isinstance(block.get(key), kind) or isinstance(block.get(key), bool):
                raise DataFileError(f"{path}: {section}.{key} missing or not {kind}")
    weights = data["stories"]["weights"]
    for w in _WEIGHTS:
        if not isinstance(weights.get(w), int | float):
            raise DataFileError(f"{path}: stories.weights.{w} missing or not a number")
    related = data["merge"]["related_actions"]
    if not all(isinstance(g, list) and all(isinstance(f, str) for f in g) for g in related):
        raise DataFileError(f"{path}: merge.related_actions must be a list of lists of family names")
    if data["duplicates"]["num_perm"] % data["duplicates"]["bands"]:
        raise DataFileError(f"{path}: duplicates.num_perm must be a multiple of duplicates.bands")
    return data


@dataclass(frozen=True)
class AttributionCues:
    before: tuple[str, ...]
    skip: frozenset[str]


@cache
def attribution_cues(lang: str) -> AttributionCues:
    """Cue words for `lang` ("fr", "en"); other languages use English."""
    path = DATA / "attribution" / f"{lang}.yaml"
    if not path.is_file():
        path = DATA / "attribution" / "en.yaml"
    data = _load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("before"), list):
        raise DataFileError(f"{path}: expected a mapping with a list 'before'")
    cues = data["before"]
    skip = data.get("skip", [])
    if not all(isinstance(c, str) and c.strip() for c in cues) or not isinstance(skip, list):
        raise DataFileError(f"{path}: cues must be non-empty strings, 'skip' a list")
    return AttributionCues(
        tuple(sorted((c.lower() for c in cues), key=len, reverse=True)), frozenset(str(s).lower() for s in skip)
    )


@dataclass(frozen=True)
class ActionFamilies:
    """Words naming each kind of act: whole words, and prefixes (entries ending with "*")."""

    words: dict[str, str]
    prefixes: tuple[tuple[str, str], ...]
    head_skip: frozenset[str] = frozenset()
    # a word that names no act when the next word is one of these ("prêts à fournir": ready,
    # not loans)
    not_before: dict[str, frozenset[str]] = field(default_factory=dict)
    # token -> its family (None: none), filled as tokens are met: the prefixes are tried one
    # by one, and merging and follow-up ask of the same words hundreds of thousands of times
    _known: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def of(self, tokens: list[str]) -> frozenset[str]:
        """The families named by these folded, lower-cased tokens."""
        found = set()
        for i, tok in enumerate(tokens):
            if tok in self.not_before and i + 1 < len(tokens) and tokens[i + 1] in self.not_before[tok]:
                continue
            family = self._known.get(tok, "")
            if family == "":
                family = self._family(tok)
                if len(self._known) >= 100_000:  # a vocabulary, bounded all the same
                    self._known.clear()
                self._known[tok] = family
            if family is not None:
                found.add(family)
        return frozenset(found)

    def _family(self, tok: str) -> str | None:
        if tok in self.words:
            return self.words[tok]
        for prefix, family in self.prefixes:
            if tok.startswith(prefix):
                return family
        return None


@cache
def action_families(lang: str, path: Path | None = None) -> ActionFamilies:
    """Action families for `lang` ("fr", "en"); other languages use English."""
    if path is None:
        path = DATA / "actions" / f"{lang}.yaml"
        if not path.is_file():
            path = DATA / "actions" / "en.yaml"
    data = _load_yaml(path)
    families = data.get("families") if isinstance(data, dict) else None
    if not isinstance(families, dict) or not families:
        raise DataFileError(f"{path}: expected a mapping 'families' of name -> list of words")
    words: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for name, entries in families.items():
        if not isinstance(entries, list) or not entries:
            raise DataFileError(f"{path}: families.{name} must be a non-empty list")
        for entry in entries:
            if not isinstance(entry, str) or not entry.strip("* "):
                raise DataFileError(f"{path}: families.{name}: {entry!r} is not a word")
            if entry.endswith("*"):
                prefixes.append((entry[:-1].lower(), str(name)))
            else:
                words[entry.lower()] = str(name)
    prefixes.sort(key=lambda p: -len(p[0]))
    skip = data.get("head_skip", [])
    if not isinstance(skip, list) or not all(isinstance(w, str) for w in skip):
        raise DataFileError(f"{path}: head_skip must be a list of words")
    raw = data.get("not_before", {}) or {}
    if not isinstance(raw, dict) or not all(isinstance(v, list) for v in raw.values()):
        raise DataFileError(f"{path}: not_before must map a word to a list of words")
    not_before = {str(k).lower(): frozenset(str(w).lower() for w in v) for k, v in raw.items()}
    return ActionFamilies(words, tuple(prefixes), frozenset(w.lower() for w in skip), not_before)
