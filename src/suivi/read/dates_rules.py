"""Loads and validates the date rules shipped in data/dates/<lang>.yaml.

Why a loader of its own: the rules are data that linguists edit, so a typo (an unknown
placeholder, a regex that does not compile, a month numbered 13) must fail at load time
with the file and rule named, not produce silent wrong dates later. Patterns are compiled
once per language and cached for the life of the process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from suivi.datafiles import data_exists, read_data_yaml
from suivi.errors import DataFileError

#: The pieces of machinery a rule may name in `resolve` (see suivi.read.dates).
RESOLVERS = frozenset(
    {
        "recurrence", "recurrence_units", "day_month", "day_range", "numeric", "iso",
        "relative_day", "weekday", "part_year", "part_month", "semester", "quarter",
        "month", "year_range", "year", "relative_unit", "within", "offset_future",
        "offset_past", "duration", "vague", "season", "vague_deadline", "decade_end", "named_month",
        "weekend", "month_range", "immediate", "following",
    }
)
UNIT_CODES = frozenset({"H", "D", "W", "M", "Y"})
PART_CODES = frozenset({"start", "mid", "end", "whole", "first_half", "second_half"})
NUMERIC_ORDERS = frozenset({"DMY", "MDY"})
MAX_CUE = 40  # characters in a deadline cue
_PLACEHOLDER = re.compile(r"\{([a-z_]+[0-9]?)\}")
_PERIOD = re.compile(r"^P\d+[YMWD]$")
# Typographic apostrophes and dashes read as ASCII: same length, so offsets stay exact.
APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "\u2011": "-"})


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    resolve: str
    period: str | None
    count: int | None = None  # a fixed count for rules without {num} ("every other year")
    month: int | None = None  # the month a word names ("la rentrée" -> 9), for named_month


@dataclass(frozen=True)
class DateRules:
    """Everything the normaliser needs for one language, validated and compiled."""

    lang: str
    numeric_order: str
    case_sensitive_names: bool
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, int]
    numbers: dict[str, int | None]
    ordinals: dict[str, int]
    units: dict[str, str]
    relative_days: dict[str, int]
    next_words: frozenset[str]
    last_words: frozenset[str]
    this_words: frozenset[str]
    parts: dict[str, str]
    deadline_cue: re.Pattern[str]
    trailing_cue: re.Pattern[str] | None
    duration_cues: frozenset[str]
    start_cues: frozenset[str]  # "avant l'été", "before the summer": due when the season starts
    range_connectors: frozenset[str]  # "du 29 janvier au 29 juillet 2025": the first day takes the second's year
    future_markers: re.Pattern[str]
    past_markers: re.Pattern[str]
    gate: frozenset[str]
    count_nouns: frozenset[str]
    rules: tuple[Rule, ...]


def _alternation(words: list[str]) -> str:
    """Longest first, so "hier soir" wins over "hier" and "d'ici à" over "d'ici"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _fail(path: str, msg: str) -> DataFileError:
    return DataFileError(f"{path}: {msg}")


def _mapping(data: dict[str, Any], key: str, path: str, check: Any) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise _fail(path, f"'{key}' must be a non-empty mapping")
    out: dict[str, Any] = {}
    for word, v in value.items():
        if not isinstance(word, str) or not word.strip():
            raise _fail(path, f"'{key}': every key must be a non-empty string, got {word!r}")
        if not check(v):
            raise _fail(path, f"'{key}': bad value {v!r} for {word!r}")
        out[word.lower()] = v
    return out


def _words(data: dict[str, Any], key: str, path: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
        raise _fail(path, f"'{key}' must be a non-empty list of strings")
    return [w.lower() for w in value]


_LETTERS = re.compile(r"[^\W\d_]+")


def _gate(*lexicons: Any) -> frozenset[str]:
    """The tokens every rule needs at least one of (besides digits): for each word or phrase
    of the lexicons and of `gate_words`, its longest run of letters ("avant-hier" ->
    "avant", "aujourd'hui" -> "aujourd"). Rules only run near a sentence's gate tokens."""
    out: set[str] = set()
    for lex in lexicons:
        for entry in lex:
            runs = _LETTERS.findall(entry.lower())
            if runs:
                out.add(max(runs, key=len))
    return frozenset(out)


def _markers(data: dict[str, Any], key: str, path: str) -> re.Pattern[str]:
    """Tense markers: regexes joined into one, matched on whole words."""
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
        raise _fail(path, f"'{key}' must be a non-empty list of regular expressions")
    for w in value:
        try:
            re.compile(w)
        except re.error as exc:
            raise _fail(path, f"'{key}': {w!r} does not compile: {exc}") from None
    return re.compile(r"(?<![\w'])(?:" + "|".join(f"(?:{w})" for w in value) + r")(?![\w])", re.IGNORECASE)


def build_rules(data: Any, path: str) -> DateRules:
    """Validate parsed YAML and compile its rules. Public so tests can feed bad data."""
    if not isinstance(data, dict):
        raise _fail(path, "top level must be a mapping")
    lang = data.get("language")
    if not isinstance(lang, str) or not lang:
        raise _fail(path, "'language' is required")
    order = data.get("numeric_order")
    if order not in NUMERIC_ORDERS:
        raise _fail(path, f"'numeric_order' must be one of {sorted(NUMERIC_ORDERS)}")
    case_sensitive = data.get("case_sensitive_names", False)
    if not isinstance(case_sensitive, bool):
        raise _fail(path, "'case_sensitive_names' must be true or false")

    def is_int(lo: int, hi: int) -> Any:
        return lambda v: isinstance(v, int) and not isinstance(v, bool) and lo <= v <= hi

    months = _mapping(data, "months", path, is_int(1, 12))
    weekdays = _mapping(data, "weekdays", path, is_int(0, 6))
    seasons = _mapping(data, "seasons", path, is_int(1, 12))
    numbers = _mapping(data, "numbers", path, lambda v: v is None or is_int(1, 999)(v))
    ordinals = _mapping(data, "ordinals", path, is_int(1, 4))
    units = _mapping(data, "units", path, lambda v: v in UNIT_CODES)
    relative_days = _mapping(data, "relative_days", path, is_int(-7, 7))
    parts = _mapping(data, "parts", path, lambda v: v in PART_CODES)
    next_words = _words(data, "next_words", path)
    last_words = _words(data, "last_words", path)
    this_words = _words(data, "this_words", path)
    cues = _words(data, "deadline_cues", path)
    if any(len(c) > MAX_CUE for c in cues):  # the normaliser looks only this far back for one
        raise _fail(path, f"'deadline_cues': a cue is longer than {MAX_CUE} characters")
    duration_cues = data.get("duration_cues", [])
    if not isinstance(duration_cues, list) or not all(
        isinstance(c, str) and c.lower() in cues for c in duration_cues
    ):
        raise _fail(path, "'duration_cues' must list some of the deadline_cues")
    start_cues = data.get("season_start_cues", [])
    if not isinstance(start_cues, list) or not all(isinstance(c, str) and c.lower() in cues for c in start_cues):
        raise _fail(path, "'season_start_cues' must list some of the deadline_cues")
    trailing = data.get("trailing_deadline_cues", [])
    if not isinstance(trailing, list) or not all(isinstance(c, str) and c.strip() for c in trailing):
        raise _fail(path, "'trailing_deadline_cues' must be a list of phrases")
    count_nouns = _words(data, "count_nouns", path)
    range_connectors = frozenset(_words(data, "range_connectors", path) if "range_connectors" in data else [])
    gate_words = _words(data, "gate_words", path)
    future_markers = _markers(data, "future_markers", path)
    past_markers = _markers(data, "past_markers", path)

    day = r"(?:1er|1st|2nd|3rd|[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    num = rf"(?:\d{{1,3}}|{_alternation(list(numbers))})"
    pieces = {
        "month": ("month", _alternation(list(months))),
        "weekday": ("weekday", _alternation(list(weekdays))),
        "season": ("season", _alternation(list(seasons))),
        "day": ("day", day),
        "year": ("year", r"(?:19|20)\d\d"),
        "num": ("num", num),
        "unit": ("unit", _alternation(list(units))),
        "next": ("next", _alternation(next_words)),
        "last": ("last", _alternation(last_words)),
        "this": ("this", _alternation(this_words)),
        "part": ("part", _alternation(list(parts))),
        "ordinal": ("ordinal", _alternation(list(ordinals))),
        "reldays": ("reldays", _alternation(list(relative_days))),
    }

    def expand(m: re.Match[str]) -> str:
        name = m.group(1)
        base, suffix = (name[:-1], name[-1]) if name[-1].isdigit() else (name, "")
        if base not in pieces:
            raise KeyError(name)
        group, alt = pieces[base]
        return f"(?P<{group}{suffix}>{alt})"

    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise _fail(path, "'rules' must be a non-empty list")
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_rules):
        if not isinstance(raw, dict):
            raise _fail(path, f"rule #{i} must be a mapping")
        name = raw.get("name")
        where = f"rule {name or '#' + str(i)}"
        if not isinstance(name, str) or not name or name in seen:
            raise _fail(path, f"{where}: 'name' missing or duplicated")
        seen.add(name)
        pattern, resolve, period = raw.get("pattern"), raw.get("resolve"), raw.get("period")
        count = raw.get("count")
        if count is not None and not (isinstance(count, int) and not isinstance(count, bool) and 1 <= count <= 99):
            raise _fail(path, f"{where}: 'count' must be an integer from 1 to 99")
        month = raw.get("month")
        if month is not None and not (isinstance(month, int) and not isinstance(month, bool) and 1 <= month <= 12):
            raise _fail(path, f"{where}: 'month' must be an integer from 1 to 12")
        if resolve == "named_month" and month is None:
            raise _fail(path, f"{where}: a named_month rule needs its 'month'")
        if not isinstance(pattern, str) or not pattern:
            raise _fail(path, f"{where}: 'pattern' missing")
        if resolve not in RESOLVERS:
            raise _fail(path, f"{where}: unknown resolve {resolve!r}")
        if resolve == "recurrence" and not (isinstance(period, str) and _PERIOD.match(period)):
            raise _fail(path, f"{where}: a recurrence needs a period like P1Y, P6M, P1W")
        try:
            expanded = _PLACEHOLDER.sub(expand, pattern)
        except KeyError as exc:
            raise _fail(path, f"{where}: unknown placeholder {{{exc.args[0]}}}") from None
        try:  # always case-insensitive; capitalised names are checked on the match
            regex = re.compile(rf"(?<![\w'-])(?:{expanded})(?![\w])", re.IGNORECASE)
        except re.error as exc:
            raise _fail(path, f"{where}: pattern does not compile: {exc}") from None
        rules.append(Rule(name, regex, resolve, period, count, month))

    cue_re = re.compile(rf"(?<![\w'])(?:{_alternation(cues)})\s*$", re.IGNORECASE)
    return DateRules(
        lang=lang,
        numeric_order=order,
        case_sensitive_names=case_sensitive,
        months=months,
        weekdays=weekdays,
        seasons=seasons,
        numbers=numbers,
        ordinals=ordinals,
        units=units,
        relative_days={k.replace(" ", ""): v for k, v in relative_days.items()},
        next_words=frozenset(next_words),
        last_words=frozenset(last_words),
        this_words=frozenset(this_words),
        parts=parts,
        deadline_cue=cue_re,
        # "le 30 juin au plus tard": matched at the end of an expression, comma allowed
        trailing_cue=re.compile(rf"\s*,?\s*(?:{_alternation([c.lower() for c in trailing])})(?![\w])", re.IGNORECASE)
        if trailing
        else None,
        duration_cues=frozenset(re.sub(r"\s+", " ", c.lower()) for c in duration_cues),
        start_cues=frozenset(re.sub(r"\s+", " ", c.lower()) for c in start_cues),
        range_connectors=range_connectors,
        count_nouns=frozenset(count_nouns),
        future_markers=future_markers,
        gate=_gate(months, weekdays, seasons, units, relative_days, gate_words),
        past_markers=past_markers,
        rules=tuple(rules),
    )


def available_languages() -> list[str]:
    folder = resources.files("suivi") / "data" / "dates"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


@cache
def get_rules(lang: str) -> DateRules | None:
    """The compiled rules for `lang`, or None when no file ships for that language."""
    relpath = f"dates/{lang}.yaml"
    if not data_exists(relpath):
        return None
    return build_rules(read_data_yaml(relpath), f"data/{relpath}")
