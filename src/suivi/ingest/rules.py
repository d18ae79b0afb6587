"""Load and validate the ingestion data files (boilerplate and metadata patterns).

Why a loader that fails loudly: a typo in a shipped YAML file (a bad regular expression,
a month without a number) must stop the program at start-up with the file and the reason,
not silently keep boilerplate in every article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from suivi.datafiles import parse_yaml as shared_parse_yaml
from suivi.errors import DataFileError

DATA_PACKAGE = "suivi.data"


@dataclass(frozen=True)
class BoilerplateRules:
    """Compiled line patterns of every boilerplate file."""

    drop: tuple[re.Pattern[str], ...]
    cut_after: tuple[re.Pattern[str], ...]
    list_mark: tuple[re.Pattern[str], ...] = ()  # marks each item of a list of other stories
    tail: tuple[re.Pattern[str], ...] = ()
    letterhead: tuple[re.Pattern[str], ...] = ()  # official-document header lines, never a title
    issuer: tuple[re.Pattern[str], ...] = ()  # the issuing body in a letterhead (the outlet)
    credit: tuple[re.Pattern[str], ...] = ()  # contributor lines near the end, kept in meta
    closing: tuple[re.Pattern[str], ...] = ()  # "Fait à X, le ..." closing an official text


@dataclass(frozen=True)
class MetadataRules:
    """Words one language uses to state dates and authors in headers."""

    language: str
    numeric_order: str  # "dmy" or "mdy"
    months: dict[str, int]
    weekdays: tuple[str, ...]
    day_prefixes: tuple[str, ...]
    ordinals: tuple[str, ...]
    date_labels: tuple[str, ...]
    author_labels: tuple[str, ...]
    name_particles: tuple[str, ...]
    newsroom_bylines: tuple[str, ...] = ()
    role_words: tuple[str, ...] = ()  # words of a writer's post after a byline's names
    correspondent_labels: tuple[str, ...] = ()  # 'avec notre correspondant' (à Place, Name)
    today_markers: tuple[str, ...] = ()  # 'ce jour', 'aujourd'hui': the date that follows is the report's day
    deadline_markers: tuple[str, ...] = ()  # 'by', 'd'ici': the date that follows is a deadline, not the report's day
    this_weekday: tuple[str, ...] = ()  # 'ce', 'this': 'ce lundi 8 juillet' is a day of the report's week
    # 'a fixé la date du référendum au': the date that follows is set for an act to come
    deadline_patterns: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class OutletRules:
    agencies: tuple[str, ...]
    name_suffixes: tuple[str, ...]


def _data_files(folder: str) -> list[tuple[str, str]]:
    """(name, text) of every YAML file in a data folder, sorted by name."""
    root = resources.files(DATA_PACKAGE).joinpath(folder)
    out = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            out.append((f"data/{folder}/{entry.name}", entry.read_text(encoding="utf-8")))
    return out


def parse_yaml(name: str, text: str) -> dict[str, Any]:
    data = shared_parse_yaml(text, name)
    if not isinstance(data, dict):
        raise DataFileError(f"{name}: expected a mapping at the top level")
    return data


def _str_list(name: str, data: dict[str, Any], key: str, *, required: bool = True) -> tuple[str, ...]:
    value = data.get(key)
    if value is None and not required:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(f"{name}: '{key}' must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _compile_patterns(name: str, data: dict[str, Any], key: str) -> list[re.Pattern[str]]:
    entries = data.get(key) or []
    if not isinstance(entries, list):
        raise DataFileError(f"{name}: '{key}' must be a list")
    compiled = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str):
            raise DataFileError(f"{name}: {key}[{i}] needs a 'pattern' string")
        if not isinstance(entry.get("why"), str):
            raise DataFileError(f"{name}: {key}[{i}] needs a 'why' saying what the line is")
        flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
        try:
            compiled.append(re.compile(rf"(?:{entry['pattern']})\Z", flags))
        except re.error as exc:
            raise DataFileError(f"{name}: {key}[{i}] is not a valid pattern ({exc})") from exc
    return compiled


BOILERPLATE_SECTIONS = ("drop", "cut_after", "list_mark", "tail", "letterhead", "issuer", "credit", "closing")


def parse_boilerplate(files: list[tuple[str, str]]) -> BoilerplateRules:
    sections: dict[str, list[re.Pattern[str]]] = {key: [] for key in BOILERPLATE_SECTIONS}
    for name, text in files:
        data = parse_yaml(name, text)
        unknown = set(data) - {"language", *BOILERPLATE_SECTIONS}
        if unknown:
            raise DataFileError(f"{name}: unknown keys {sorted(unknown)}")
        for key in BOILERPLATE_SECTIONS:
            sections[key] += _compile_patterns(name, data, key)
    return BoilerplateRules(
        drop=tuple(sections["drop"]),
        cut_after=tuple(sections["cut_after"]),
        list_mark=tuple(sections["list_mark"]),
        tail=tuple(sections["tail"]),
        letterhead=tuple(sections["letterhead"]),
        issuer=tuple(sections["issuer"]),
        credit=tuple(sections["credit"]),
        closing=tuple(sections["closing"]),
    )


def parse_metadata(name: str, text: str) -> MetadataRules:
    data = parse_yaml(name, text)
    language = data.get("language")
    if not isinstance(language, str) or not re.fullmatch(r"[a-z]{2,3}", language):
        raise DataFileError(f"{name}: 'language' must be a language code such as fr")
    order = data.get("numeric_order")
    if order not in ("dmy", "mdy"):
        raise DataFileError(f"{name}: 'numeric_order' must be dmy or mdy")
    months = data.get("months")
    if not isinstance(months, dict) or not months:
        raise DataFileError(f"{name}: 'months' must map month names to numbers")
    for word, number in months.items():
        if not isinstance(word, str) or not isinstance(number, int) or not 1 <= number <= 12:
            raise DataFileError(f"{name}: month {word!r} must map to a number 1-12")
    weekdays = _str_list(name, data, "weekdays")
    if len(weekdays) != 7:
        raise DataFileError(f"{name}: 'weekdays' must list the seven days")
    return MetadataRules(
        language=language,
        numeric_order=order,
        months={k.lower(): v for k, v in months.items()},
        weekdays=tuple(w.lower() for w in weekdays),
        day_prefixes=_str_list(name, data, "day_prefixes", required=False),
        ordinals=_str_list(name, data, "ordinals", required=False),
        date_labels=_str_list(name, data, "date_labels"),
        author_labels=_str_list(name, data, "author_labels"),
        name_particles=_str_list(name, data, "name_particles", required=False),
        newsroom_bylines=tuple(b.lower() for b in _str_list(name, data, "newsroom_bylines", required=False)),
        today_markers=tuple(m.lower() for m in _str_list(name, data, "today_markers", required=False)),
        deadline_markers=tuple(m.lower() for m in _str_list(name, data, "deadline_markers", required=False)),
        this_weekday=tuple(m.lower() for m in _str_list(name, data, "this_weekday", required=False)),
        deadline_patterns=_end_patterns(name, _str_list(name, data, "deadline_patterns", required=False)),
        role_words=tuple(w.lower() for w in _str_list(name, data, "role_words", required=False)),
        correspondent_labels=_str_list(name, data, "correspondent_labels", required=False),
    )


def parse_outlets(name: str, text: str) -> OutletRules:
    data = parse_yaml(name, text)
    return OutletRules(
        agencies=_str_list(name, data, "agencies"),
        name_suffixes=tuple(s.lower() for s in _str_list(name, data, "name_suffixes")),
    )


@lru_cache(maxsize=1)
def boilerplate_rules() -> BoilerplateRules:
    return parse_boilerplate(_data_files("boilerplate"))


@lru_cache(maxsize=1)
def metadata_rules() -> dict[str, MetadataRules]:
    """Per-language metadata rules, keyed by language code."""
    rules: dict[str, MetadataRules] = {}
    for name, text in _data_files("metadata"):
        if not re.fullmatch(r"data/metadata/[a-z]{2,3}\.ya?ml", name):
            continue  # outlets.yaml, languages.yaml: not a language's rules
        parsed = parse_metadata(name, text)
        rules[parsed.language] = parsed
    if not rules:
        raise DataFileError("data/metadata: no language file found")
    return rules


@lru_cache(maxsize=1)
def outlet_rules() -> OutletRules:
    files = dict(_data_files("metadata"))
    name = "data/metadata/outlets.yaml"
    if name not in files:
        raise DataFileError(f"{name}: missing")
    return parse_outlets(name, files[name])


def _end_patterns(name: str, patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Regular expressions matched at the end of the words before a date (case-insensitive)."""
    try:
        return tuple(re.compile(rf"(?:{p})\Z", re.IGNORECASE) for p in patterns)
    except re.error as exc:
        raise DataFileError(f"{name}: bad deadline pattern: {exc}") from exc


def told_as_due(text: str, start: int) -> bool:
    """Whether the date at `start` is introduced as a deadline ("ordered the withdrawal of all
    troops by January 31, 2025", « d'ici au 31 janvier »: `deadline_markers`): a day to come
    in the report, not the day it was written. Every language's markers are read: a lead in
    one language may sit above a body in another, and no marker is a word of the other."""
    before = " ".join(text[max(0, start - 24):start].lower().split())
    if any(before == m or before.endswith(" " + m) for r in metadata_rules().values() for m in r.deadline_markers):
        return True
    # a date set for an act: « a fixé la date du référendum constitutionnel au 21 septembre »
    wider = " ".join(text[max(0, start - 80):start].split()) + " "
    return any(p.search(wider) for r in metadata_rules().values() for p in r.deadline_patterns)


def told_as_today(text: str, start: int, lang: str | None) -> bool:
    """Whether the date at `start` is introduced as the day of the report ("décident, ce jour
    28 janvier 2024, de ...": `today_markers`): that date, not an earlier one told as
    background, is the report's (ingest: publication day) and its event's (read: event day)."""
    rules = metadata_rules()
    chosen = [rules[lang]] if lang in rules else list(rules.values())
    before = " ".join(text[max(0, start - 24):start].lower().split())
    return any(before.endswith(m) or before.endswith(m + ",") for r in chosen for m in r.today_markers)
