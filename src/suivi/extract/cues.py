"""Loads and validates the commitment cue lexicons (data/cues/commitments.<lang>.yaml).

Why a loader that fails loudly: the cues are edited by analysts, not programmers; a typo
must stop the run with the file and key named, not silently switch a rule off.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from suivi.datafiles import read_data_yaml
from suivi.errors import DataFileError

MODALITIES = ("promise", "plan", "agreement", "intention", "conditional", "hedged")
VERB_NEEDS = ("any", "infinitive", "action", "action_or_infinitive", "will", "action_or_will", "infinitive_or_goal",
              "dated_milestone")
SUPPORTED = ("fr", "en")


@dataclass(frozen=True)
class VerbCue:
    lemma: str
    modality: str
    needs: str
    reflexive: bool = False


@dataclass(frozen=True)
class PatternCue:
    pattern: re.Pattern[str]
    modality: str
    needs_action_noun: bool = False
    headline_only: bool = False


@dataclass(frozen=True)
class Lexicon:
    """One language's cues; sets are lower-case, accent-preserving."""

    language: str
    path: str
    verb_cues: dict[str, VerbCue] = field(default_factory=dict)
    pattern_cues: tuple[PatternCue, ...] = ()
    rejects: tuple[re.Pattern[str], ...] = ()
    restate_patterns: tuple[re.Pattern[str], ...] = ()
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sectors: tuple[tuple[str, tuple[str, ...]], ...] = ()
    seats: dict[str, str] = field(default_factory=dict)  # folded capital name -> body key seated there
    item_patterns: tuple[re.Pattern[str], ...] = ()  # enumerated items: "a) ...", "(ii) ...", "1. ..."

    def has(self, name: str, word: str) -> bool:
        return word.lower() in self.words.get(name, frozenset())

    def sector_of(self, text: str) -> str | None:
        """The first sector one of whose keywords starts a word of `text` (accents ignored)."""
        folded = fold(text)
        for phrase in self.phrases.get("sector_exclusions", ()):
            folded = folded.replace(fold(phrase), " ")
        for sector, pattern in _sector_patterns(self.sectors):
            if pattern.search(folded):
                return sector
        return None


@cache
def _sector_patterns(sectors: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern per sector, compiled once: testing keyword by keyword compiled (or looked up)
    a pattern per keyword per action, a fifth of extraction's regex time."""
    return tuple(
        (sector, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(kw) for kw in keywords) + ")"))
        for sector, keywords in sectors
    )


def fold(text: str) -> str:
    """Lower case without accents, typographic apostrophes made straight.

    Called on every lemma and phrase extraction compares (half a million times per 400
    articles): short strings are remembered, and plain ASCII skips the Unicode decomposition.
    """
    if len(text) <= _FOLD_CACHED_LENGTH:
        return _fold_short(text)
    return _fold(text)


_FOLD_CACHED_LENGTH = 40


@lru_cache(maxsize=1 << 16)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = text.replace("’", "'").lower()
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


# word-set keys each language file may carry (lists of strings)
_WORD_KEYS = (
    "will_nouns", "establish_verbs", "institution_nouns", "reporting_verbs", "future_suffixes",
    "conditional_suffixes", "non_commitment_lemmas", "passive_participles", "demand_verbs",
    "speculation_verbs", "evaluation_verbs", "talk_verbs", "negations", "restate_auxiliaries",
    "set_aside_markers", "set_aside_auxiliaries", "set_aside_verbs", "future_readiness_words", "thing_pronouns",
    "question_marks", "interrogatives", "stance_nouns",
    "action_nouns", "list_item_rejects", "irregular_future_stems", "receive_verbs", "scheduled_forms",
    "beneficiary_subject_nouns", "venue_prepositions", "located_prepositions", "signing_verbs", "forecast_verbs",
    "agent_prepositions", "passive_exclusions", "event_verbs", "scheduled_words", "stance_verbs",
    "announcing_verbs", "background_markers", "host_words", "party_group_nouns", "party_counts",
    "event_objects", "scheduled_participles", "cancel_verbs", "plan_nouns", "giving_verbs", "aid_nouns",
    "generic_org_nouns", "generic_state_nouns", "oblique_prepositions", "apart_marks",
    "means_prepositions", "relative_pronouns", "cessation_adverbs",
    "indefinite_determiners", "possessive_determiners", "actor_subject_verbs", "actor_nouns",
    "definite_determiners", "pointing_determiners", "decision_verbs", "goal_nouns", "money_agreement_words",
    "light_verbs", "settling_objects",
    "start_words", "period_words", "function_words",
    "readiness_words", "engaged_participles", "engagement_nouns", "liability_words",
    "readiness_verbs", "closing_verbs", "meeting_nouns", "intent_nouns", "backer_participles",
    "outcome_verbs", "outcome_subjects", "content_verbs", "agreement_nouns",
    "contents_verbs", "contents_subjects", "contents_act_nouns", "contents_act_verbs", "receiver_prepositions",
    "joining_verbs", "joined_nouns", "expected_forms", "duration_verbs",
    "duration_units", "readiness_copulas", "measure_nouns",
    "certainty_adverbs", "exclusion_words", "company_head_words", "described_company_nouns", "nationality_nouns",
    "supposed_lemmas", "date_nouns", "dated_events", "recalled_forms", "vote_nouns", "start_verbs", "start_nouns",
    "named_thing_nouns",
    "state_craft_nouns", "existential_nouns",
    "membership_verbs", "meeting_name_words", "to_date_words",
    "dated_only_verbs", "expected_outcome_verbs", "keeping_verbs", "preparing_verbs", "prepared_acts",
    "announcing_verbs",
    "vague_purpose_nouns", "state_group_nouns", "effect_verbs", "money_source_verbs", "will_verbs", "works_nouns",
    "works_verbs", "progressive_pledge_verbs", "pledge_nouns", "planned_adjectives", "instalment_nouns",
    "since_words", "order_verbs", "route_verbs", "expected_participles", "will_nouns_with_act",
    "staying_verbs", "personnel_nouns", "will_act_verbs", "will_act_owners", "slip_verbs", "dated_modals",
    "working_states",
    "approval_verbs", "approved_things", "source_prepositions", "doer_prepositions", "money_only_verbs", "deal_verbs",
    "facility_nouns", "to_come_verbs", "coming_phrases", "on_track_nouns", "announced_participles", "contents_on_verbs",
    "impersonal_plan_verbs", "duration_take_verbs", "duration_nouns", "finish_verbs", "superseded_plan_verbs",
    "purpose_verbs", "granted_nouns", "year_noun_determiners",
    "year_deadline_nouns", "expected_signing_verbs", "expected_signers", "ing_base_verbs", "visitor_nouns",
    "content_relative_markers", "agreed_meeting_nouns", "meeting_round_nouns", "path_verbs", "milestone_nouns",
    "output_subjects", "output_verbs", "output_governors", "paying_verbs", "scheduled_projects",
    "lapse_verbs",
)
# phrase keys (kept in file order, matched as substrings)
_PHRASE_KEYS = (
    "condition_markers", "list_markers", "list_introducers", "list_introducer_rejects", "party_words",
    "attribution_markers", "period_back_references", "range_connectors", "party_whole_subjects",
    "inclusion_markers", "latter_pronouns",
    "sector_exclusions", "way_openers", "next_step_openers", "next_step_links",
)


def _fail(path: str, message: str) -> DataFileError:
    return DataFileError(f"{path}: {message}")


def _str_list(path: str, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, f"'{key}' must be a list of non-empty strings")
    return value


def _compile(path: str, where: str, pattern: Any) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise _fail(path, f"{where}: pattern must be a non-empty string")
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise _fail(path, f"{where}: bad regular expression {pattern!r}: {exc}") from exc


def parse_lexicon(data: Any, path: str) -> Lexicon:
    """Validate one decoded YAML document and build the Lexicon."""
    if not isinstance(data, dict):
        raise _fail(path, "top level must be a mapping")
    lang = data.get("language")
    if lang not in SUPPORTED:
        raise _fail(path, f"'language' must be one of {SUPPORTED}, got {lang!r}")
    verb_cues: dict[str, VerbCue] = {}
    for lemma, spec in (data.get("verb_cues") or {}).items():
        if not isinstance(spec, dict):
            raise _fail(path, f"verb_cues.{lemma}: must be a mapping")
        modality, needs = spec.get("modality"), spec.get("needs", "any")
        if modality not in MODALITIES:
            raise _fail(path, f"verb_cues.{lemma}: modality {modality!r} not in {MODALITIES}")
        if needs not in VERB_NEEDS:
            raise _fail(path, f"verb_cues.{lemma}: needs {needs!r} not in {VERB_NEEDS}")
        key = str(lemma).lower()
        verb_cues[key] = VerbCue(key, modality, needs, bool(spec.get("reflexive")))
    pattern_cues = []
    for i, spec in enumerate(data.get("cues") or []):
        if not isinstance(spec, dict):
            raise _fail(path, f"cues[{i}]: must be a mapping")
        modality = spec.get("modality")
        if modality not in MODALITIES:
            raise _fail(path, f"cues[{i}]: modality {modality!r} not in {MODALITIES}")
        regex = _compile(path, f"cues[{i}]", spec.get("pattern"))
        pattern_cues.append(
            PatternCue(regex, modality, bool(spec.get("needs_action_noun")), bool(spec.get("headline_only")))
        )
    if not verb_cues and not pattern_cues:
        raise _fail(path, "no cues: give 'verb_cues' or 'cues'")
    rejects = tuple(_compile(path, f"rejects[{i}]", p) for i, p in enumerate(data.get("rejects") or []))
    restates = tuple(
        _compile(path, f"restate_markers[{i}]", p) for i, p in enumerate(data.get("restate_markers") or [])
    )
    words = {k: frozenset(w.lower() for w in _str_list(path, k, data.get(k) or [])) for k in _WORD_KEYS}
    phrases = {k: tuple(p.lower() for p in _str_list(path, k, data.get(k) or [])) for k in _PHRASE_KEYS}
    raw_sectors = data.get("sectors")
    if not isinstance(raw_sectors, dict) or not raw_sectors:
        raise _fail(path, "'sectors' must be a non-empty mapping of sector -> keywords")
    sectors = tuple(
        (str(name), tuple(fold(k) for k in _str_list(path, f"sectors.{name}", kws)))
        for name, kws in raw_sectors.items()
    )
    raw_seats = data.get("seats") or {}
    if not isinstance(raw_seats, dict):
        raise _fail(path, "'seats' must be a mapping of body key -> capital names")
    seats = {fold(n): str(body) for body, names in raw_seats.items() for n in _str_list(path, f"seats.{body}", names)}
    items = tuple(_compile(path, f"item_patterns[{i}]", p) for i, p in enumerate(data.get("item_patterns") or []))
    known = {"language", "verb_cues", "cues", "rejects", "restate_markers", "sectors", "seats", "item_patterns",
             *_WORD_KEYS}
    known |= set(_PHRASE_KEYS)
    extra = set(data) - known
    if extra:
        raise _fail(path, f"unknown keys {sorted(extra)} (typo?)")
    return Lexicon(lang, path, verb_cues, tuple(pattern_cues), rejects, restates, words, phrases, sectors, seats,
                   items)


@cache
def get_lexicon(language: str) -> Lexicon:
    """The cue lexicon for a language; languages without a file get English's.

    Why English as the fallback: its cues are surface patterns that need no tagger, which is
    what any language without a model gets from `read.nlp`.
    """
    lang = language if language in SUPPORTED else "en"
    name = f"commitments.{lang}.yaml"
    return parse_lexicon(read_data_yaml(f"cues/{name}"), f"data/cues/{name}")
