"""Temporal normaliser: finds time expressions in a sentence and anchors them to a date.

Why rules on top of dateparser: dateparser reads absolute dates well ("3 avril 2025",
"April 3, 2025", "04/04/2025") but returns nothing or the wrong thing for what commitments
are made of ("en juin prochain", "d'ici fin 2026", "tous les six mois", "au premier
semestre"). So the rules in data/dates/<lang>.yaml find candidate spans and say what they
mean; dateparser is only called on the short candidate substrings that are absolute dates,
never on whole sentences. Relative expressions are resolved against `anchor`, the
publication day. Semantics and choices are written down in docs/dates.md.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from suivi.read.dates_rules import APOSTROPHES, DateRules, Rule, get_rules

KINDS = ("date", "deadline", "interval", "recurrence", "duration")
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


@dataclass(frozen=True)
class _Resolved:
    kind: str
    value: str | None
    precision: str
    start: date | None = None
    end: date | None = None


# ---------------------------------------------------------------- calendar helpers


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _shift(d: date, n: int, unit: str) -> date:
    if unit == "Y":
        return _add_months(d, 12 * n)
    if unit == "M":
        return _add_months(d, n)
    if unit == "W":
        return d + timedelta(weeks=n)
    if unit == "D":
        return d + timedelta(days=n)
    return d + timedelta(hours=n)  # H: whole days only survive; fine at day precision


def _iso(d: date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _day(d: date) -> _Resolved:
    return _Resolved("date", d.isoformat(), "day", d, d)


def _month(year: int, month: int) -> _Resolved:
    return _Resolved("date", f"{year:04d}-{month:02d}", "month", date(year, month, 1), _last_day(year, month))


def _year(year: int) -> _Resolved:
    return _Resolved("date", f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))


def _interval(start: date, end: date, granularity: str) -> _Resolved:
    return _Resolved("interval", _iso(end, granularity), "interval", start, end)


_UNIT_PRECISION = {"H": "day", "D": "day", "W": "day", "M": "month", "Y": "year"}


# ---------------------------------------------------------------- dateparser, on candidates only


@lru_cache(maxsize=4096)
def _dateparser_day(expr: str, lang: str, anchor: date | None, order: str) -> date | None:
    """dateparser on one short candidate; cached because articles repeat their dates."""
    import dateparser  # slow import, paid only when an absolute date is met

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "current_period",
        "DATE_ORDER": order,
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    try:
        parsed = dateparser.parse(expr, languages=[lang], settings=settings)
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed else None


# ---------------------------------------------------------------- resolvers


class _Ctx:
    """The match, its rule, the language data and the anchor, with small readers."""

    def __init__(
        self, m: re.Match[str], rule: Rule, rules: DateRules, anchor: date | None, tense: int = 0
    ) -> None:
        self.m, self.rule, self.rules, self.anchor = m, rule, rules, anchor
        self.tense = tense  # +1 the sentence speaks of the future, -1 of the past, 0 unknown

    def g(self, name: str) -> str | None:
        try:
            v = self.m.group(name)
        except IndexError:
            return None
        return v.lower() if v else None

    def month(self, name: str = "month") -> int | None:
        v = self.g(name)
        return self.rules.months.get(v) if v else None

    def day(self, name: str = "day") -> int | None:
        v = self.g(name)
        if not v:
            return None
        digits = re.match(r"\d+", v)
        return int(digits.group()) if digits else None

    def year(self, name: str = "year") -> int | None:
        v = self.g(name)
        return int(v) if v else None

    def num(self) -> int | None:
        v = self.g("num")
        if v is None:
            return None
        return int(v) if v.isdigit() else self.rules.numbers.get(re.sub(r"\s+", " ", v))

    def unit(self) -> str | None:
        v = self.g("unit") or self.g("unit2")
        return self.rules.units.get(v) if v else None

    def direction(self) -> int:
        """+1 for next, -1 for last, 0 for neither."""
        if self.g("next"):
            return 1
        if self.g("last"):
            return -1
        return 0


def _r_recurrence(c: _Ctx) -> _Resolved | None:
    return _Resolved("recurrence", c.rule.period, "recurrence")


def _r_recurrence_units(c: _Ctx) -> _Resolved | None:
    n, unit = c.num() or c.rule.count, c.unit()
    if not n or unit not in ("D", "W", "M", "Y"):
        return None
    return _Resolved("recurrence", f"P{n}{unit}", "recurrence")


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _r_day_month(c: _Ctx) -> _Resolved | None:
    day, month, year = c.day(), c.month(), c.year()
    if not day or not month:
        return None
    if year is None:
        if c.anchor is None:
            return None
        year = _day_year(c, month, day)
    own = _safe_date(year, month, day)
    if own is None:
        return None
    expr = re.sub(r"\s+", " ", c.m.group(0))
    parsed = _dateparser_day(expr, c.rules.lang, c.anchor, c.rules.numeric_order)
    # dateparser has the last word on absolute dates it reads; when it disagrees with the
    # groups on day or month it misread the span (e.g. a weekday clash), so keep ours.
    if parsed and parsed.day == day and parsed.month == month and (c.year() is None or parsed.year == year):
        return _day(date(year, month, day))
    return _day(own)


def _r_day_range(c: _Ctx) -> _Resolved | None:
    end = _r_day_month(c)
    first = c.day("day2")
    if end is None or end.start is None or not first or first > end.start.day:
        return None
    start = end.start.replace(day=first)
    return _interval(start, end.start, "day")


def _r_numeric(c: _Ctx) -> _Resolved | None:
    a, b, y = int(c.m.group("n1")), int(c.m.group("n2")), int(c.m.group("ny"))
    d, mo = (a, b) if c.rules.numeric_order == "DMY" else (b, a)
    own = _safe_date(y, mo, d)
    if own is None:
        return None
    parsed = _dateparser_day(c.m.group(0), c.rules.lang, c.anchor, c.rules.numeric_order)
    return _day(parsed if parsed == own else own)


def _r_iso(c: _Ctx) -> _Resolved | None:
    year, month, day = int(c.m.group("iy")), int(c.m.group("im")), c.g("id")
    if day is None:  # "2025-05": a month
        return _month(year, month) if 1 <= month <= 12 else None
    d = _safe_date(year, month, int(day))
    return _day(d) if d else None


def _r_relative_day(c: _Ctx) -> _Resolved | None:
    if c.anchor is None:
        return None
    key = re.sub(r"\s+", "", c.g("reldays") or "")
    offset = c.rules.relative_days.get(key)
    return None if offset is None else _day(c.anchor + timedelta(days=offset))


def _r_weekday(c: _Ctx) -> _Resolved | None:
    wd = c.rules.weekdays.get(c.g("weekday") or "")
    if c.anchor is None or wd is None:
        return None
    delta = (c.anchor.weekday() - wd) % 7
    direction = c.direction()
    if direction > 0:  # "jeudi prochain": the next one, strictly after the anchor
        return _day(c.anchor + timedelta(days=(wd - c.anchor.weekday()) % 7 or 7))
    if direction < 0:  # "mardi dernier": strictly before
        return _day(c.anchor - timedelta(days=delta or 7))
    if c.tense > 0:  # "se réuniront jeudi": the nearest not before
        return _day(c.anchor + timedelta(days=(wd - c.anchor.weekday()) % 7))
    return _day(c.anchor - timedelta(days=delta))  # "ce jeudi": nearest not after


_PART_OF_YEAR = {"start": (1, 3), "mid": (5, 7), "end": (10, 12), "whole": (1, 12)}
_PART_OF_MONTH = {"start": (1, 10), "mid": (11, 20), "end": (21, 31), "whole": (1, 31)}


def _year_from_words(c: _Ctx) -> int | None:
    year = c.year()
    if year is not None:
        return year
    if c.anchor is None:
        return None
    return c.anchor.year + c.direction()


def _r_part_year(c: _Ctx) -> _Resolved | None:
    part = c.rules.parts.get(c.g("part") or c.g("part2") or "")
    year = _year_from_words(c)
    if part is None or year is None:
        return None
    first, last = _PART_OF_YEAR[part]
    return _interval(date(year, first, 1), _last_day(year, last), "year")


def _month_year(c: _Ctx, month: int) -> int | None:
    """Year of a month named without one.

    "juin prochain" is the next June after the anchor's month, "juin dernier" the last one
    before it. A bare "en juin" follows the sentence: forward when it speaks of the future
    (or after a deadline cue), backward when of the past, else the nearest June (ties go
    forward) -- so "a achevé en février" in March is last February, "se rendra en juin" is
    the coming June.
    """
    year = c.year()
    if year is not None:
        return year
    if c.anchor is None:
        return None
    a = c.anchor
    direction = c.direction()
    if direction < 0:
        return a.year if month < a.month else a.year - 1
    if direction > 0:
        return a.year if month > a.month else a.year + 1
    if c.tense > 0:
        return a.year if month >= a.month else a.year + 1
    if c.tense < 0:
        return a.year if month <= a.month else a.year - 1
    here = a.year * 12 + a.month
    return min((a.year + 1, a.year, a.year - 1), key=lambda y: abs(y * 12 + month - here))


def _day_year(c: _Ctx, month: int, day: int) -> int:
    """Year of "le 3 avril": the anchor's, unless the sentence's tense or distance says
    otherwise (a month of slack either way, since reports lag and announce)."""
    assert c.anchor is not None
    a = c.anchor
    years = [y for y in (a.year - 1, a.year, a.year + 1) if _safe_date(y, month, day)]
    if not years:
        return a.year
    slack = timedelta(days=31)
    if c.direction() > 0:  # "le 15 septembre prochain"
        return next((y for y in years if date(y, month, day) > a), a.year)
    if c.direction() < 0:
        return next((y for y in reversed(years) if date(y, month, day) < a), a.year)
    if c.tense > 0:
        return next((y for y in years if date(y, month, day) >= a - slack), a.year)
    if c.tense < 0:
        return next((y for y in reversed(years) if date(y, month, day) <= a + slack), a.year)
    return min(years, key=lambda y: (abs((date(y, month, day) - a).days), y != a.year))


def _r_part_month(c: _Ctx) -> _Resolved | None:
    part = c.rules.parts.get(c.g("part") or "")
    month = c.month()
    if part is None:
        return None
    if month is None:  # "fin du mois (prochain)": the anchor's month, or the next/last
        if c.anchor is None:
            return None
        this = _add_months(c.anchor.replace(day=1), c.direction())
        year, month = this.year, this.month
    else:
        year = _month_year(c, month)
    if year is None:
        return None
    first, last = _PART_OF_MONTH[part]
    end = min(last, _last_day(year, month).day)
    return _interval(date(year, month, first), date(year, month, end), "month")


def _span_of_year(c: _Ctx, index: int, size: int) -> _Resolved | None:
    """Semester (size 6) or quarter (size 3) `index` of the named year, or the next one."""
    year = c.year()
    first_month = (index - 1) * size + 1
    if year is None:
        if c.anchor is None:
            return None
        year = c.anchor.year
        if _last_day(year, first_month + size - 1) < c.anchor:
            year += 1
    start = date(year, first_month, 1)
    return _interval(start, _last_day(year, first_month + size - 1), "month")


def _r_semester(c: _Ctx) -> _Resolved | None:
    code = c.g("hcode")
    index = int(code[-1]) if code else c.rules.ordinals.get(c.g("ordinal") or "")
    if index is None:
        return None
    return _span_of_year(c, min(index, 2), 6)


def _r_quarter(c: _Ctx) -> _Resolved | None:
    code = c.g("qcode")
    index = int(code[-1]) if code else c.rules.ordinals.get(c.g("ordinal") or "")
    if index is None:
        return None
    return _span_of_year(c, index, 3)


def _r_month(c: _Ctx) -> _Resolved | None:
    month = c.month()
    if month is None:
        return None
    year = _month_year(c, month)
    return _month(year, month) if year is not None else None


def _r_season(c: _Ctx) -> _Resolved | None:
    """A season: its three meteorological months; the year is placed like a month's."""
    first = c.rules.seasons.get(c.g("season") or "")
    if first is None:
        return None
    year = _month_year(c, first)
    if year is None:
        return None
    start = date(year, first, 1)
    end_month = _add_months(start, 2)
    return _interval(start, _last_day(end_month.year, end_month.month), "month")


def _r_year_range(c: _Ctx) -> _Resolved | None:
    first, last = c.year("year2"), c.year()
    if first is None or last is None or last <= first:
        return None
    return _interval(date(first, 1, 1), date(last, 12, 31), "year")


def _r_year(c: _Ctx) -> _Resolved | None:
    year = c.year()
    if year is None:
        return None
    following = c.m.string[c.m.end():c.m.end() + 24].lstrip().lower()
    word = re.match(r"[^\s,.;:!?)]+", following)
    if word and word.group() in c.rules.count_nouns:
        return None  # "2000 soldats" is a count
    return _year(year)


def _r_relative_unit(c: _Ctx) -> _Resolved | None:
    unit, a = c.unit(), c.anchor
    if a is None or unit is None:
        return None
    direction = c.direction()
    if unit == "W":
        monday = a - timedelta(days=a.weekday()) + timedelta(weeks=direction)
        return _interval(monday, monday + timedelta(days=6), "day")
    if unit == "M":
        d = _add_months(a, direction)
        return _month(d.year, d.month)
    if unit == "Y":
        return _year(a.year + direction)
    if unit == "D" and direction:
        return _day(a + timedelta(days=direction))
    return None


def _r_within(c: _Ctx) -> _Resolved | None:
    n, unit = c.num(), c.unit()
    if unit is None:
        return None
    if n is None or c.anchor is None:
        return _Resolved("deadline", None, "unknown")
    end = _shift(c.anchor, n, unit)
    precision = _UNIT_PRECISION[unit]
    return _Resolved("deadline", _iso(end, precision), precision, None, end)


def _offset(c: _Ctx, sign: int) -> _Resolved | None:
    n, unit = c.num(), c.unit()
    if unit is None:
        return None
    if n is None or c.anchor is None:
        return _Resolved("date", None, "unknown")
    d = _shift(c.anchor, sign * n, unit)
    precision = _UNIT_PRECISION[unit]
    return _Resolved("date", _iso(d, precision), precision, d, d)


def _r_offset_future(c: _Ctx) -> _Resolved | None:
    return _offset(c, 1)


def _r_offset_past(c: _Ctx) -> _Resolved | None:
    return _offset(c, -1)


def _r_duration(c: _Ctx) -> _Resolved | None:
    n, unit = c.num(), c.unit()
    if unit is None:
        return None
    if n is None:
        return _Resolved("duration", None, "unknown")
    period = f"PT{n}H" if unit == "H" else f"P{n}{unit}"
    return _Resolved("duration", period, _UNIT_PRECISION[unit])


def _r_vague(c: _Ctx) -> _Resolved | None:
    return _Resolved("date", None, "unknown")


_RESOLVE = {
    "recurrence": _r_recurrence,
    "recurrence_units": _r_recurrence_units,
    "day_month": _r_day_month,
    "day_range": _r_day_range,
    "numeric": _r_numeric,
    "iso": _r_iso,
    "relative_day": _r_relative_day,
    "weekday": _r_weekday,
    "part_year": _r_part_year,
    "part_month": _r_part_month,
    "semester": _r_semester,
    "quarter": _r_quarter,
    "month": _r_month,
    "year_range": _r_year_range,
    "year": _r_year,
    "relative_unit": _r_relative_unit,
    "within": _r_within,
    "offset_future": _r_offset_future,
    "offset_past": _r_offset_past,
    "duration": _r_duration,
    "vague": _r_vague,
    "season": _r_season,
}


def _as_deadline(r: _Resolved, anchor: date | None) -> _Resolved | None:
    """A deadline cue before `r`: the deadline is the end bound of what it introduces."""
    if r.kind == "duration":
        if r.value is None or anchor is None:
            return _Resolved("deadline", None, "unknown")
        m = re.match(r"PT?(\d+)([HDWMY])$", r.value)
        if not m:
            return None
        end = _shift(anchor, int(m.group(1)), m.group(2))
        precision = _UNIT_PRECISION[m.group(2)]
        return _Resolved("deadline", _iso(end, precision), precision, None, end)
    if r.kind in ("recurrence", "deadline") or r.value is None or r.end is None:
        return None
    if r.kind == "interval":
        precision = {4: "year", 7: "month"}.get(len(r.value), "day")
        return _Resolved("deadline", r.value, precision, None, r.end)
    return _Resolved("deadline", r.value, r.precision, None, r.end)


# ---------------------------------------------------------------- public API


def _name_ok(rules: DateRules, m: re.Match[str]) -> bool:
    """English month and weekday names count only when capitalised ("may" is a verb)."""
    if not rules.case_sensitive_names:
        return True
    for group in ("month", "month2", "weekday"):
        try:
            v = m.group(group)
        except IndexError:
            continue
        if v and not v[0].isupper():
            return False
    return True


_SENTENCE_END = re.compile(r"[.!?;\n]\s|\n")


def _tense(probe: str, start: int, end: int, rules: DateRules) -> int:
    """+1 / -1 / 0: the tense of the marker nearest before the expression in its sentence,
    else of the first one after it.

    Ties: before the expression the marker ending last wins, so "agreed to meet in June"
    is future; after it the verb starting first wins and a past reading is preferred, so
    "On Thursday the parties agreed to ..." keeps Thursday in the past.
    """
    left = max((m.end() for m in _SENTENCE_END.finditer(probe, 0, start)), default=0)
    stop = _SENTENCE_END.search(probe, end)
    right = stop.start() + 1 if stop else len(probe)
    best: tuple[int, int, int] | None = None  # (after?, distance, tie-break) -> sign
    sign_of: dict[tuple[int, int, int], int] = {}
    for pattern, sign in ((rules.future_markers, 1), (rules.past_markers, -1)):
        for m in pattern.finditer(probe, left, right):
            if m.start() < end and m.end() > start:
                continue  # a marker inside the expression says nothing about it
            key = (0, start - m.end(), -sign) if m.end() <= start else (1, m.start() - end, sign)
            sign_of[key] = sign
            if best is None or key < best:
                best = key
    return 0 if best is None else sign_of[best]


_MARKS = tuple(chr(k) for k in APOSTROPHES)
_MARGIN = 80  # characters around a gate token: longer than any expression the rules know
_SPACE = re.compile(r"\s")
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def _windows(probe: str, rules: DateRules) -> list[tuple[int, int]]:
    """Stretches of text around gate tokens, cut at whitespace so no word is split; the
    rules only scan these (most of a sentence is not about time)."""
    spans: list[tuple[int, int]] = []
    gate = rules.gate
    for m in _TOKEN.finditer(probe):
        token = m.group()
        if not (token[0].isdigit() or token.lower() in gate):
            continue
        lo = max(0, m.start() - _MARGIN)
        if lo:
            before = probe.rfind(" ", 0, lo)
            lo = before + 1 if before >= 0 else 0
        hi = m.end() + _MARGIN
        after = _SPACE.search(probe, hi)
        hi = after.start() if after else len(probe)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    return spans


def _ascii_marks(text: str) -> str:
    """Typographic apostrophes and hyphens as ASCII, one char for one (offsets unchanged);
    `str.translate` is slow on long texts, so only when one of them is there."""
    if any(ch in text for ch in _MARKS):
        return text.translate(APOSTROPHES)
    return text


def _cue_words(cue: re.Match[str]) -> str:
    return re.sub(r"\s+", " ", cue.group(0).strip().lower())


def _bound(d: date | None, r: _Resolved) -> str | None:
    """Bounds are only worth stating when the value is not a single day."""
    if d is None or (r.kind == "date" and r.start == r.end):
        return None
    return d.isoformat()


def normalise(text: str, anchor: date | None, lang: str = "fr") -> list[TimeValue]:
    """Every time expression in `text`, non-overlapping, in order, offsets into `text`.

    Relative expressions need `anchor` (the publication day); without it they are
    dropped, while absolute dates, years and recurrences are still returned.
    """
    rules = get_rules(lang)
    if rules is None or not text:
        return []
    probe = _ascii_marks(text)
    candidates: dict[tuple[int, int, int], tuple[int, int, int, re.Match[str], Rule]] = {}
    for lo, hi in _windows(probe, rules):
        for order, rule in enumerate(rules.rules):
            for m in rule.regex.finditer(probe, lo, hi):
                if m.end() > m.start() and _name_ok(rules, m):
                    candidates[(m.start(), m.end(), order)] = (m.start(), m.end(), order, m, rule)
    # longest first, then leftmost, then the rule listed first in the data file
    taken: list[tuple[int, int]] = []
    found: list[TimeValue] = []
    for start, end, _, m, rule in sorted(candidates.values(), key=lambda t: (t[0] - t[1], t[0], t[2])):
        if any(start < e and s < end for s, e in taken):
            continue
        cue = rules.deadline_cue.search(probe, 0, start)
        tense = 1 if cue else _tense(probe, start, end, rules)
        resolved = _RESOLVE[rule.resolve](_Ctx(m, rule, rules, anchor, tense))
        if resolved is None:
            continue
        if cue and resolved.kind == "duration" and _cue_words(cue) not in rules.duration_cues:
            cue = None  # "extended by six months" is not a deadline; "d'ici six mois" is
        if cue and resolved.kind != "deadline":
            cue_start = cue.start()
            deadline = _as_deadline(resolved, anchor)
            if deadline is not None and not any(cue_start < e and s < end for s, e in taken):
                resolved, start = deadline, cue_start
        taken.append((start, end))
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
    return found


def parse_one(expression: str, anchor: date | None, lang: str = "fr") -> TimeValue | None:
    """The value of one phrase: the longest expression found in it, or None."""
    values = normalise(expression, anchor, lang)
    if not values:
        return None
    return max(values, key=lambda v: (v.end - v.start, -v.start))
