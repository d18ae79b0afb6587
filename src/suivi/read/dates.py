"""Temporal normaliser (public API): finds time expressions and anchors them to a date.

Why rules on top of dateparser: dateparser reads absolute dates well ("3 avril 2025",
"April 3, 2025", "04/04/2025") but returns nothing or the wrong thing for what commitments
are made of ("en juin prochain", "d'ici fin 2026", "tous les six mois", "au premier
semestre"). So the rules in data/dates/<lang>.yaml find candidate spans and say what they
mean; dateparser is only called on the short candidate substrings that are absolute dates,
never on whole sentences. Relative expressions are resolved against `anchor`, the
publication day. Semantics and choices are written down in docs/dates.md.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from suivi.read.dates_rules import MAX_CUE, Rule, get_rules
from suivi.read.temporal.calendar_math import UNIT_PRECISION, Resolved, iso, last_day, shift
from suivi.read.temporal.resolvers import RESOLVE, Ctx, as_deadline, following_unit, season_start
from suivi.read.temporal.scan import ascii_marks, cue_words, name_ok, sentence_tense, windows

KINDS = ("date", "deadline", "interval", "recurrence", "duration")
_CUE_REACH = MAX_CUE + 24  # characters: a cue (at most MAX_CUE) with extra spaces
PRECISIONS = ("day", "month", "year", "interval", "recurrence", "unknown")


@dataclass(frozen=True)
class TimeValue:
    """One temporal expression: where it is, what kind, and its normalised value.

    `value` is an ISO prefix whose length is the precision ("2025-06-30", "2025-06",
    "2026"); for intervals and deadlines it is the END bound; for recurrences a period
    ("P1Y", "P6M"); for durations a period too ("P2Y", "PT48H"); None when the expression
    is vague ("prochainement") or cannot be anchored (no publication date).
    """

    text: str
    start: int
    end: int
    kind: str
    value: str | None
    precision: str
    interval_start: str | None = None
    interval_end: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _bound(d: date | None, r: Resolved) -> str | None:
    """Bounds are only worth stating when the value is not a single day."""
    if d is None or (r.kind == "date" and r.start == r.end):
        return None
    return d.isoformat()


def normalise(text: str, anchor: date | None, lang: str = "fr") -> list[TimeValue]:
    """Every time expression in `text`, non-overlapping, in order, offsets into `text`.

    Relative expressions need `anchor` (the publication day); without it they are
    dropped, while absolute dates, years and recurrences are still returned.

    The last texts read are remembered (TimeValue is frozen; the anchor's type is part of the
    key, as a year or month anchor reads some phrases differently from a day): extraction reads
    again the sentences and statements the reading stage read (a fifth of the calls).
    """
    return list(_normalise(text, type(anchor), anchor, lang))


@lru_cache(maxsize=1024)
def _normalise(text: str, _anchor_type: type, anchor: date | None, lang: str) -> tuple[TimeValue, ...]:
    return tuple(_read(text, anchor, lang))


def _read(text: str, anchor: date | None, lang: str) -> list[TimeValue]:
    rules = get_rules(lang)
    if rules is None or not text:
        return []
    if isinstance(anchor, datetime):  # a timestamp is welcome; its day is the anchor
        anchor = anchor.date()
    probe = ascii_marks(text)
    candidates: dict[tuple[int, int, int], tuple[int, int, int, re.Match[str], Rule]] = {}
    for lo, hi in windows(probe, rules):
        for order, rule in enumerate(rules.rules):
            for m in rule.regex.finditer(probe, lo, hi):
                if m.end() > m.start() and name_ok(rules, m):
                    candidates[(m.start(), m.end(), order)] = (m.start(), m.end(), order, m, rule)
    # longest first, then leftmost, then the rule listed first in the data file
    taken: list[tuple[int, int]] = []
    found: list[TimeValue] = []
    following: set[int] = set()  # starts of "l'année suivante" values, re-read from the date before
    for start, end, _, m, rule in sorted(candidates.values(), key=lambda t: (t[0] - t[1], t[0], t[2])):
        if any(start < e and s < end for s, e in taken):
            continue
        if _named_year(text, start, end):
            continue  # "Agenda 2063", "its Vision 2030 plan": a name, not a time
        # the cue must end right at `start`: look only as far back as the longest cue
        cue = rules.deadline_cue.search(probe, max(0, start - _CUE_REACH), start)
        tail = rules.trailing_cue.match(probe, end) if rules.trailing_cue and not cue else None
        tense = 1 if cue or tail else sentence_tense(probe, start, end, rules)
        resolved = RESOLVE[rule.resolve](Ctx(m, rule, rules, anchor, tense))
        if resolved is None:
            continue
        if tail and resolved.kind not in ("deadline", "duration", "recurrence"):
            deadline = as_deadline(resolved, anchor)  # "le 30 juin au plus tard"
            if deadline is not None and not any(s < tail.end() and end < e for s, e in taken):
                resolved, end = deadline, tail.end()
        if cue and resolved.kind == "duration" and cue_words(cue) not in rules.duration_cues:
            cue = None  # "extended by six months" is not a deadline; "d'ici six mois" is
        if cue and resolved.kind != "deadline":
            cue_start = cue.start()
            deadline = as_deadline(resolved, anchor)
            if rule.resolve == "season" and cue_words(cue) in rules.start_cues and resolved.start is not None:
                deadline = season_start(resolved.start)  # "before the summer": by June
            if deadline is not None and not any(cue_start < e and s < end for s, e in taken):
                resolved, start = deadline, cue_start
        taken.append((start, end))
        if rule.resolve == "following":
            following.add(start)
        found.append(
            TimeValue(
                text=text[start:end],
                start=start,
                end=end,
                kind=resolved.kind,
                value=resolved.value,
                precision=resolved.precision,
                interval_start=_bound(resolved.start, resolved),
                interval_end=_bound(resolved.end, resolved),
            )
        )
    found.sort(key=lambda t: t.start)
    found = _range_years(found, text, rules.range_connectors)
    return _after_named_dates(found, following) if following else found


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_BARE_YEAR = re.compile(r"\s*(?:19|20)\d\d\s*")
_WORD_BEFORE = re.compile(r"([A-ZÀ-Ý][a-zà-ÿ]+)\s+$")
_OPENING_MARKS = "\"'«“‘ \t"


def _named_year(text: str, start: int, end: int) -> bool:
    """A bare year right after a capitalised word inside a sentence is part of a name ("the
    African Union's Agenda 2063", "le Plan Sénégal émergent 2035", "the Paris 2024 Games"), not a
    time. A month before it is read with it ("May 2025"); a word opening a sentence or a quote
    ("En 2024, ...", "« In 2030 ...") is not a name."""
    if not _BARE_YEAR.fullmatch(text, start, end):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    lead = text[max(0, before.start() - 40): before.start()].rstrip(_OPENING_MARKS)
    return bool(lead) and lead[-1] not in ".!?:;\n"


def _range_years(found: list[TimeValue], text: str, connectors: frozenset[str]) -> list[TimeValue]:
    """The first day of a period written "du 29 janvier au 29 juillet 2025" takes the year of
    the second (the year before when its month comes later), not the one the publication day
    suggests: with the article read in 2026, "29 janvier" alone would be 2026-01-29."""
    if not connectors:
        return found
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind != "date" or b.kind != "date" or a.precision != "day" or not a.value or not b.value:
            continue
        if _YEAR.search(a.text) or not _YEAR.search(b.text) or len(b.value) < 7:
            continue
        if text[a.end:b.start].strip().lower() not in connectors:
            continue
        month_day, b_month_day = a.value[5:10], (b.value[5:10] if len(b.value) >= 10 else b.value[5:7] + "-31")
        year = int(b.value[:4]) - (1 if month_day > b_month_day else 0)
        value = f"{year:04d}-{month_day}"
        if value != a.value:
            out[i] = replace(a, value=value)
    return out


def _after_named_dates(found: list[TimeValue], following: set[int]) -> list[TimeValue]:
    """ "fin 2022 ... l'année suivante": one unit after the last dated value before it (its
    end), rather than after the publication day."""
    out: list[TimeValue] = []
    for tv in found:
        before = [t for t in out if t.value and t.kind in ("date", "interval", "deadline") and t.value[:4].isdigit()]
        if tv.start in following and before:
            ref = before[-1]
            base = date.fromisoformat(ref.interval_end) if ref.interval_end else _first_day(ref.value)
            unit = following_unit(tv.text)
            day = shift(base, 1, unit)
            precision = UNIT_PRECISION[unit]
            bounds: tuple[date | None, date | None] = (None, None)
            if unit == "Y":
                bounds = (date(day.year, 1, 1), date(day.year, 12, 31))
            elif unit == "M":
                bounds = (date(day.year, day.month, 1), last_day(day.year, day.month))
            tv = TimeValue(tv.text, tv.start, tv.end, "date", iso(day, precision), precision,
                           bounds[0].isoformat() if bounds[0] else None, bounds[1].isoformat() if bounds[1] else None)
        out.append(tv)
    return out


def refers_back(text: str, lang: str) -> bool:
    """The text holds a time told from a date named before it ("l'année suivante", "the
    following year"): cut out of its sentence, it needs what came before to be read."""
    rules = get_rules(lang)
    if rules is None or not text:
        return False
    probe = ascii_marks(text)
    return any(rule.resolve == "following" and rule.regex.search(probe) for rule in rules.rules)


def _first_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 1)


def parse_one(expression: str, anchor: date | None, lang: str = "fr") -> TimeValue | None:
    """The value of one phrase: the longest expression found in it, or None."""
    values = normalise(expression, anchor, lang)
    if not values:
        return None
    return max(values, key=lambda v: (v.end - v.start, -v.start))
