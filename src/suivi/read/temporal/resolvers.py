"""Resolvers: turn one rule match (its named groups) into a value anchored at a date.

Why one function per `resolve` name: the data files say *what* a phrase is (a month, a part
of a year, a recurrence); each resolver holds the arithmetic for that one meaning, and
`RESOLVE` is the registry the loader validates rule names against.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from suivi.read.dates_rules import DateRules, Rule
from suivi.read.temporal.calendar_math import (
    UNIT_PRECISION,
    Resolved,
    add_months,
    day_value,
    interval_value,
    iso,
    last_day,
    month_value,
    safe_date,
    shift,
    year_value,
)


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


class Ctx:
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


def _r_recurrence(c: Ctx) -> Resolved | None:
    return Resolved("recurrence", c.rule.period, "recurrence")


def _r_recurrence_units(c: Ctx) -> Resolved | None:
    n, unit = c.num() or c.rule.count, c.unit()
    if not n or unit not in ("D", "W", "M", "Y"):
        return None
    return Resolved("recurrence", f"P{n}{unit}", "recurrence")



def _r_day_month(c: Ctx) -> Resolved | None:
    day, month, year = c.day(), c.month(), c.year()
    if not day or not month:
        return None
    if year is None:
        if c.anchor is None:
            return None
        year = _day_year(c, month, day)
    own = safe_date(year, month, day)
    if own is None:
        return None
    expr = re.sub(r"\s+", " ", c.m.group(0))
    parsed = _dateparser_day(expr, c.rules.lang, c.anchor, c.rules.numeric_order)
    # dateparser has the last word on absolute dates it reads; when it disagrees with the
    # groups on day or month it misread the span (e.g. a weekday clash), so keep ours.
    if parsed and parsed.day == day and parsed.month == month and (c.year() is None or parsed.year == year):
        return day_value(date(year, month, day))
    return day_value(own)


def _r_day_range(c: Ctx) -> Resolved | None:
    end = _r_day_month(c)
    first = c.day("day2") or c.day("day3")
    if end is None or end.start is None or not first or first > end.start.day:
        return None
    start = end.start.replace(day=first)
    return interval_value(start, end.start, "day")


def _r_numeric(c: Ctx) -> Resolved | None:
    a, b, y = int(c.m.group("n1")), int(c.m.group("n2")), int(c.m.group("ny"))
    d, mo = (a, b) if c.rules.numeric_order == "DMY" else (b, a)
    own = safe_date(y, mo, d)
    if own is None:
        return None
    parsed = _dateparser_day(c.m.group(0), c.rules.lang, c.anchor, c.rules.numeric_order)
    return day_value(parsed if parsed == own else own)


def _r_iso(c: Ctx) -> Resolved | None:
    year, month, day = int(c.m.group("iy")), int(c.m.group("im")), c.g("id")
    if day is None:  # "2025-05": a month
        return month_value(year, month) if 1 <= month <= 12 else None
    d = safe_date(year, month, int(day))
    return day_value(d) if d else None


def _r_relative_day(c: Ctx) -> Resolved | None:
    if c.anchor is None:
        return None
    key = re.sub(r"\s+", "", c.g("reldays") or "")
    offset = c.rules.relative_days.get(key)
    return None if offset is None else day_value(c.anchor + timedelta(days=offset))


def _r_weekday(c: Ctx) -> Resolved | None:
    wd = c.rules.weekdays.get(c.g("weekday") or "")
    if c.anchor is None or wd is None:
        return None
    delta = (c.anchor.weekday() - wd) % 7
    direction = c.direction()
    if direction > 0:  # "jeudi prochain": the next one, strictly after the anchor
        return day_value(c.anchor + timedelta(days=(wd - c.anchor.weekday()) % 7 or 7))
    if direction < 0:  # "mardi dernier": strictly before
        return day_value(c.anchor - timedelta(days=delta or 7))
    if c.tense > 0:  # "se réuniront jeudi": the nearest not before
        return day_value(c.anchor + timedelta(days=(wd - c.anchor.weekday()) % 7))
    return day_value(c.anchor - timedelta(days=delta))  # "ce jeudi": nearest not after


_PART_OF_YEAR = {
    "start": (1, 3), "mid": (5, 7), "end": (10, 12), "whole": (1, 12),
    "first_half": (1, 6), "second_half": (7, 12),
}
# "première quinzaine de juillet" is days 1-15; the second half runs to the month's end
_PART_OF_MONTH = {
    "start": (1, 10), "mid": (11, 20), "end": (21, 31), "whole": (1, 31),
    "first_half": (1, 15), "second_half": (16, 31),
}


def _year_from_words(c: Ctx) -> int | None:
    year = c.year()
    if year is not None:
        return year
    if c.anchor is None:
        return None
    return c.anchor.year + c.direction()


def _r_part_year(c: Ctx) -> Resolved | None:
    part = c.rules.parts.get(c.g("part") or c.g("part2") or "")
    year = _year_from_words(c)
    if part is None or year is None:
        return None
    first, last = _PART_OF_YEAR[part]
    if c.anchor is not None and c.year() is None and not c.direction() and not _names_this(c):
        # "en début d'année" / "at the end of the year": the anchor's year, unless the
        # sentence's tense points past a part already over (or not yet begun).
        if c.tense > 0 and last_day(year, last) < c.anchor:
            year += 1
        elif c.tense < 0 and date(year, first, 1) > c.anchor:
            year -= 1
    return interval_value(date(year, first, 1), last_day(year, last), "year")


_WORD = re.compile(r"[^\W\d_]+")


def _names_this(c: Ctx) -> bool:
    """Whether the match pins the period to the current one ("cette année", "this year",
    "l'année en cours"): then the sentence's tense must not move it."""
    words = {w.lower() for w in _WORD.findall(c.m.group(0))}
    return bool(words & (c.rules.this_words | {"cours", "current"}))


def _month_year(c: Ctx, month: int) -> int | None:
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


def _day_year(c: Ctx, month: int, day: int) -> int:
    """Year of "le 3 avril": the anchor's, unless the sentence's tense or distance says
    otherwise (a month of slack either way, since reports lag and announce)."""
    assert c.anchor is not None
    a = c.anchor
    years = [y for y in (a.year - 1, a.year, a.year + 1) if safe_date(y, month, day)]
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


def _r_part_month(c: Ctx) -> Resolved | None:
    part = c.rules.parts.get(c.g("part") or "")
    month = c.month()
    if part is None:
        return None
    if month is None:  # "fin du mois (prochain)": the anchor's month, or the next/last
        if c.anchor is None:
            return None
        this = add_months(c.anchor.replace(day=1), c.direction())
        year, month = this.year, this.month
    else:
        year = _month_year(c, month)
    if year is None:
        return None
    first, last = _PART_OF_MONTH[part]
    end = min(last, last_day(year, month).day)
    return interval_value(date(year, month, first), date(year, month, end), "month")


def _span_of_year(c: Ctx, index: int, size: int) -> Resolved | None:
    """Semester (size 6) or quarter (size 3) `index` of the named year, or the next one."""
    year = c.year()
    first_month = (index - 1) * size + 1
    if year is None:
        if c.anchor is None:
            return None
        year = c.anchor.year
        if last_day(year, first_month + size - 1) < c.anchor:
            year += 1
    start = date(year, first_month, 1)
    return interval_value(start, last_day(year, first_month + size - 1), "month")


def _r_semester(c: Ctx) -> Resolved | None:
    code = c.g("hcode")
    index = int(code[-1]) if code else c.rules.ordinals.get(c.g("ordinal") or "")
    if index is None:
        return None
    return _span_of_year(c, min(index, 2), 6)


def _r_quarter(c: Ctx) -> Resolved | None:
    code = c.g("qcode")
    index = int(code[-1]) if code else c.rules.ordinals.get(c.g("ordinal") or "")
    if index is None:
        return None
    return _span_of_year(c, index, 3)


def _r_month(c: Ctx) -> Resolved | None:
    month = c.month()
    if month is None:
        return None
    year = _month_year(c, month)
    return month_value(year, month) if year is not None else None


def _r_season(c: Ctx) -> Resolved | None:
    """A season: its three meteorological months; the year is placed like a month's."""
    first = c.rules.seasons.get(c.g("season") or "")
    if first is None:
        return None
    year = _season_now(c, first)
    if year is None:
        year = _month_year(c, first)
    if year is None:
        return None
    start = date(year, first, 1)
    end_month = add_months(start, 2)
    return interval_value(start, last_day(end_month.year, end_month.month), "month")


def _season_now(c: Ctx, first: int) -> int | None:
    """The year of a season the anchor falls in, named with no year and not as the last one:
    "in spring" written on 22 April is this spring, not next year's (its first month, March, is
    already past, which would send a month forward)."""
    if c.year() is not None or c.anchor is None or c.direction() < 0:
        return None
    for back in range(3):  # the anchor's month is the season's first, second or third
        start = add_months(date(c.anchor.year, c.anchor.month, 1), -back)
        if start.month == first:
            return start.year
    return None


def _r_year_range(c: Ctx) -> Resolved | None:
    first, last = c.year("year2"), c.year()
    if first is None or last is None or last <= first:
        return None
    return interval_value(date(first, 1, 1), date(last, 12, 31), "year")


def _r_year(c: Ctx) -> Resolved | None:
    year = c.year()
    if year is None:
        return None
    following = c.m.string[c.m.end():c.m.end() + 24].lstrip().lower()
    word = re.match(r"[^\s,.;:!?)]+", following)
    if word and word.group() in c.rules.count_nouns:
        return None  # "2000 soldats" is a count
    return year_value(year)


def _r_relative_unit(c: Ctx) -> Resolved | None:
    unit, a = c.unit(), c.anchor
    if a is None or unit is None:
        return None
    direction = c.direction()
    if unit == "W":
        monday = a - timedelta(days=a.weekday()) + timedelta(weeks=direction)
        return interval_value(monday, monday + timedelta(days=6), "day")
    if unit == "M":
        d = add_months(a, direction)
        return month_value(d.year, d.month)
    if unit == "Y":
        return year_value(a.year + direction)
    if unit == "D" and direction:
        return day_value(a + timedelta(days=direction))
    return None


def _r_within(c: Ctx) -> Resolved | None:
    n, unit = c.num(), c.unit()
    if unit is None:
        return None
    if n is None or c.anchor is None:
        return Resolved("deadline", None, "unknown")
    end = shift(c.anchor, n, unit)
    precision = UNIT_PRECISION[unit]
    return Resolved("deadline", iso(end, precision), precision, None, end)


def _offset(c: Ctx, sign: int) -> Resolved | None:
    n, unit = c.num(), c.unit()
    if unit is None:
        return None
    if n is None or c.anchor is None:
        return Resolved("date", None, "unknown")
    d = shift(c.anchor, sign * n, unit)
    precision = UNIT_PRECISION[unit]
    return Resolved("date", iso(d, precision), precision, d, d)


def _r_offset_future(c: Ctx) -> Resolved | None:
    return _offset(c, 1)


def _r_offset_past(c: Ctx) -> Resolved | None:
    return _offset(c, -1)


def _r_duration(c: Ctx) -> Resolved | None:
    n, unit = c.num(), c.unit()
    if unit is None:
        return None
    if n is None:
        return Resolved("duration", None, "unknown")
    period = f"PT{n}H" if unit == "H" else f"P{n}{unit}"
    return Resolved("duration", period, UNIT_PRECISION[unit])


def _r_vague(c: Ctx) -> Resolved | None:
    return Resolved("date", None, "unknown")


def _r_weekend(c: Ctx) -> Resolved | None:
    """Saturday and Sunday. "ce week-end" / "this weekend" is the one of the anchor's week,
    or the one just over when the sentence speaks of the past before Saturday; "le
    week-end dernier" the one before that; "le week-end prochain" the next to begin."""
    a = c.anchor
    if a is None:
        return None
    saturday = a - timedelta(days=a.weekday()) + timedelta(days=5)
    direction = c.direction()
    if direction < 0 or (direction == 0 and c.tense < 0 and a < saturday):
        saturday -= timedelta(days=7)
    elif direction > 0 and a >= saturday:
        saturday += timedelta(days=7)
    return interval_value(saturday, saturday + timedelta(days=1), "day")


def _r_month_range(c: Ctx) -> Resolved | None:
    """"de janvier à mars 2027": the end month is placed like any month, the first one
    falls in the same year or, when it comes later in the calendar, the year before."""
    first, last = c.month("month2"), c.month()
    if first is None or last is None or first == last:
        return None
    year = _month_year(c, last)
    if year is None:
        return None
    start = date(year if first < last else year - 1, first, 1)
    return interval_value(start, last_day(year, last), "month")


def _r_decade_end(c: Ctx) -> Resolved | None:
    """"by the end of the decade" / "d'ici la fin de la décennie": the year that closes the
    anchor's decade as the press counts it (said in 2023: 2030, the year plans like "Vision
    2030" aim at), not its strict last year (2029)."""
    if c.anchor is None:
        return None
    return year_value((c.anchor.year // 10 + 1) * 10)


def _r_vague_deadline(c: Ctx) -> Resolved | None:
    """A deadline tied to an event with no calendar date ("avant la fin du mandat",
    "before the rainy season"): it says the action must precede something, not when."""
    return Resolved("deadline", None, "unknown")


def _r_immediate(c: Ctx) -> Resolved | None:
    """"avec effet immédiat", "without delay": the action is due on the day it is announced."""
    if c.anchor is None:
        return Resolved("deadline", None, "unknown")
    return Resolved("deadline", c.anchor.isoformat(), "day", None, c.anchor)


def following_unit(text: str) -> str:
    """The unit of an anaphoric "l'année suivante", "the following month": Y, M, W or D."""
    low = text.lower()
    for word, unit in (("lendemain", "D"), ("année", "Y"), ("an", "Y"), ("year", "Y"), ("mois", "M"),
                       ("month", "M"), ("semaine", "W"), ("week", "W"), ("jour", "D"), ("day", "D")):
        if re.search(rf"\b{word}\b", low):
            return unit
    return "Y"


def _r_following(c: Ctx) -> Resolved | None:
    """"l'année suivante", "the following year": one unit after the date named before it in
    the text (normalise() finds that date); alone, one unit after the anchor."""
    if c.anchor is None:
        return None
    unit = following_unit(c.m.group(0))
    precision = UNIT_PRECISION[unit]
    day = shift(c.anchor, 1, unit)
    if unit == "Y":
        return year_value(day.year)
    if unit == "M":
        return month_value(day.year, day.month)
    return Resolved("date", iso(day, precision), precision, day, day)


def _r_named_month(c: Ctx) -> Resolved | None:
    """A moment named by a word that means one month ("la rentrée": September). Unlike a
    bare month it is placed forward unless the sentence speaks of the past: news names
    it ahead of time ("à la rentrée") and dates past ones ("à la rentrée dernière")."""
    month = c.rule.month
    if month is None:
        return None
    if c.tense == 0:
        c = Ctx(c.m, c.rule, c.rules, c.anchor, 1)
    year = _month_year(c, month)
    return month_value(year, month) if year is not None else None


RESOLVE = {
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
    "vague_deadline": _r_vague_deadline,
    "decade_end": _r_decade_end,
    "named_month": _r_named_month,
    "weekend": _r_weekend,
    "month_range": _r_month_range,
    "immediate": _r_immediate,
    "following": _r_following,
}


def season_start(start: date) -> Resolved:
    """"avant l'été", "before the summer": due by the season's first month, not its end."""
    return Resolved("deadline", f"{start.year:04d}-{start.month:02d}", "month", None,
                    last_day(start.year, start.month))


def as_deadline(r: Resolved, anchor: date | None) -> Resolved | None:
    """A deadline cue before `r`: the deadline is the end bound of what it introduces."""
    if r.kind == "duration":
        if r.value is None or anchor is None:
            return Resolved("deadline", None, "unknown")
        m = re.match(r"PT?(\d+)([HDWMY])$", r.value)
        if not m:
            return None
        end = shift(anchor, int(m.group(1)), m.group(2))
        precision = UNIT_PRECISION[m.group(2)]
        return Resolved("deadline", iso(end, precision), precision, None, end)
    if r.kind in ("recurrence", "deadline") or r.value is None or r.end is None:
        return None
    if r.kind == "interval":
        precision = {4: "year", 7: "month"}.get(len(r.value), "day")
        return Resolved("deadline", r.value, precision, None, r.end)
    return Resolved("deadline", r.value, r.precision, None, r.end)
