"""Publication dates as articles write them in headers, datelines and first paragraphs.

Why not dateparser here: header dates come in a handful of shapes ("04-04-2025 13:32",
"Publié le lundi 12 mai 2025", "2025-05", "May 3, 2025") and must be found *inside* a
line with their exact extent (to strip a date prefix off a headline), fast enough for
10,000 articles; the words (months, weekdays, labels) come from data/metadata/*.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from suivi.ingest.rules import MetadataRules, metadata_rules

PRECISION_RANK = {"day": 3, "month": 2, "year": 1, "unknown": 0}


@dataclass(frozen=True)
class DateHit:
    """A date found in a text: ISO prefix value, precision, and where it was."""

    value: str  # YYYY-MM-DD or YYYY-MM
    precision: str  # day | month
    start: int
    end: int


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_TIME = (
    r"(?:\s*(?:à|a|at|,|-|–)?\s*\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?"
    r"(?:\s*(?:a\.m\.|p\.m\.|am|pm))?(?:\s*(?:(?:gmt|utc)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[a-z]{2,4}t|[+-]\d{2}:?\d{2}))?)?"
)
# A time written before the date after a label: "Updated 10:32 AM EDT, March 3, 2025".
_TIME_FIRST = re.compile(
    r"\d{1,2}\s*[:h]\s*\d{2}(?:\s*(?:a\.m\.|p\.m\.|am|pm))?(?:\s*(?:gmt|utc|[a-z]{2,4}t))?\s*,?\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Patterns:
    rules: MetadataRules
    textual: tuple[re.Pattern[str], ...]  # day precision, month words
    month_year: re.Pattern[str]
    label: re.Pattern[str]


_ISO_DAY = re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d-])")
_ISO_MONTH = re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})(?![\d-])")
_NUMERIC = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4})(?![\d/.-])")


@lru_cache(maxsize=8)
def _patterns(lang: str) -> _Patterns:
    rules = metadata_rules()[lang]
    month = rf"(?P<m>{_alt(list(rules.months))})\.?"
    weekday = rf"(?:(?:{_alt(rules.weekdays)}),?\s+)?"
    prefix = rf"(?:(?:{_alt(rules.day_prefixes)})\s+)?" if rules.day_prefixes else ""
    ordinal = rf"(?:{_alt(rules.ordinals)})?" if rules.ordinals else ""
    day = rf"(?P<d>\d{{1,2}}){ordinal}"
    year = r"(?P<y>\d{4})(?!\d)"
    flags = re.IGNORECASE
    textual = (
        re.compile(rf"(?<!\w){prefix}{weekday}{prefix}{day}\s+{month},?\s+{year}", flags),
        re.compile(rf"(?<!\w){weekday}{month}\s+{day},?\s+{year}", flags),
    )
    month_year = re.compile(rf"(?<!\w){month}\s+{year}", flags)
    label = re.compile(rf"(?:{_alt(rules.date_labels)})\s*:?\s*", flags)
    return _Patterns(rules, textual, month_year, label)


def label_pattern(lang: str) -> re.Pattern[str]:
    """The labels that introduce a publication date ('Publié le', 'Published:') in `lang`."""
    return _patterns(lang).label


def languages(preferred: str | None = None) -> list[str]:
    """Languages with rules, the preferred one first (its numeric order wins)."""
    langs = sorted(metadata_rules())
    if preferred in langs:
        langs.remove(preferred)
        langs.insert(0, preferred)
    return langs


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _from_match(match: re.Match[str], p: _Patterns | None, order: str = "dmy") -> DateHit | None:
    groups = match.groupdict()
    y = int(groups["y"])
    if not 1900 <= y <= 2100:
        return None
    if "a" in groups and groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        if "." in match.group(0):  # 12.03.2026: dotted dates are day-first wherever they are written
            order = "dmy"
        d, m = (a, b) if order == "dmy" else (b, a)
        if m > 12 and d <= 12:  # only one reading is a date
            d, m = m, d
        value = _day(y, m, d)
        return DateHit(value, "day", match.start(), match.end()) if value else None
    month_word = groups["m"]
    m = int(month_word) if month_word.isdigit() else p.rules.months.get(month_word.lower()) if p else None
    if m is None or not 1 <= m <= 12:
        return None
    if groups.get("d"):
        value = _day(y, m, int(groups["d"]))
        return DateHit(value, "day", match.start(), match.end()) if value else None
    return DateHit(f"{y:04d}-{m:02d}", "month", match.start(), match.end())


def _regexes(lang: str | None, with_months: bool) -> list[tuple[re.Pattern[str], _Patterns | None, str]]:
    """(regex, language patterns, numeric order) to try, the preferred language first."""
    codes = languages(lang)
    order = metadata_rules()[codes[0]].numeric_order
    out: list[tuple[re.Pattern[str], _Patterns | None, str]] = [(_ISO_DAY, None, order), (_NUMERIC, None, order)]
    if with_months:
        out.append((_ISO_MONTH, None, order))
    for code in codes:
        p = _patterns(code)
        out += [(regex, p, order) for regex in p.textual]
        if with_months:
            out.append((p.month_year, p, order))
    return out


def find_dates(text: str, lang: str | None = None, *, with_months: bool = True) -> list[DateHit]:
    """Every date in `text`, by position; overlapping finds keep the longest."""
    hits: list[DateHit] = []
    for regex, p, order in _regexes(lang, with_months):
        hits += [h for m in regex.finditer(text) if (h := _from_match(m, p, order))]
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[DateHit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def date_at(text: str, pos: int, lang: str | None = None) -> DateHit | None:
    """The longest date starting exactly at `pos`."""
    best: DateHit | None = None
    for regex, p, order in _regexes(lang, True):
        match = regex.match(text, pos)
        if match:
            hit = _from_match(match, p, order)
            if hit and (best is None or hit.end > best.end):
                best = hit
    return best


_LEAD = re.compile(r"\s*")
_AFTER_DATE = re.compile(_TIME + r"\s*(?:[-–—|:•,]\s*)?", re.IGNORECASE)


def date_prefix(line: str, lang: str | None = None) -> tuple[DateHit, str] | None:
    """A date (optionally labelled, with a time) opening `line`, and the rest of the line.

    "04-04-2025 13:32 - Headline" -> (2025-04-04, "Headline"); "Publié le 12 mai 2025" -> (.., "").
    """
    start = _LEAD.match(line).end()  # type: ignore[union-attr]
    for code in languages(lang):
        label = _patterns(code).label.match(line, start)
        if label:
            start = label.end()
            break
    time_first = _TIME_FIRST.match(line, start)
    hit = date_at(line, start, lang) or (date_at(line, time_first.end(), lang) if time_first else None)
    if hit is None:
        return None
    after = _AFTER_DATE.match(line, hit.end)
    end = after.end() if after else hit.end
    return hit, line[end:].strip()


_DATELINE_PLACE = r"[^\W\d][^\d,.;:!?()\n]{0,40}?"


def dateline(paragraph: str, lang: str | None = None) -> DateHit | None:
    """'Place, 3 avril 2025 – ...' or 'PLACE, May 3, 2025 -- ...' at the start of a paragraph."""
    head = re.match(rf"\s*{_DATELINE_PLACE},\s*", paragraph)
    if not head:
        return None
    rest = paragraph[head.end():]
    found = date_prefix(rest, lang)
    if not found:
        return None
    hit, _ = found
    tail = rest[hit.end:].lstrip()
    if tail[:1] not in {"-", "–", "—", ":", "("} and not re.match(r"\d{1,2}\s*[:h]\d{2}", tail):
        return None
    return DateHit(hit.value, hit.precision, head.end() + hit.start, head.end() + hit.end)


def place_date_line(line: str, lang: str | None = None) -> DateHit | None:
    """A header line that is only a place and a date: 'Niamey, le 18 novembre 2025'."""
    head = re.match(rf"\s*{_DATELINE_PLACE},\s*", line)
    if not head:
        return None
    found = date_prefix(line[head.end():], lang)
    if not found or found[1]:
        return None
    hit = found[0]
    return DateHit(hit.value, hit.precision, head.end() + hit.start, head.end() + hit.end)


def better(a: DateHit | None, b: DateHit | None) -> DateHit | None:
    """The more precise of two dates; the first one on a tie."""
    if a is None:
        return b
    if b is None:
        return a
    return b if PRECISION_RANK[b.precision] > PRECISION_RANK[a.precision] else a


@lru_cache(maxsize=8)
def _day_month(lang: str) -> tuple[re.Pattern[str], ...]:
    p = _patterns(lang)
    month = rf"(?P<m>{_alt(list(p.rules.months))})\.?"
    prefix = rf"(?:(?:{_alt(p.rules.day_prefixes)})\s+)?" if p.rules.day_prefixes else ""
    ordinal = rf"(?:{_alt(p.rules.ordinals)})?" if p.rules.ordinals else ""
    day = rf"(?P<d>\d{{1,2}}){ordinal}(?!\d)"
    return (
        re.compile(rf"{prefix}{day}\s+{month}(?!\w)", re.IGNORECASE),
        re.compile(rf"{month}\s+{day}(?![\d,]*\s*\d{{4}})", re.IGNORECASE),
    )


def day_month_at(text: str, pos: int, lang: str | None = None) -> tuple[int, int, int] | None:
    """A day and month without a year at `pos` ('3 mars', 'March 3', as wire datelines write
    them): (month, day, end), or None."""
    for code in languages(lang):
        p = _patterns(code)
        for regex in _day_month(code):
            match = regex.match(text, pos)
            if match:
                month = p.rules.months.get(match.group("m").lower())
                day = int(match.group("d"))
                if month and 1 <= day <= 31:
                    return month, day, match.end()
    return None



@lru_cache(maxsize=8)
def _this_weekday(lang: str) -> re.Pattern[str] | None:
    p = _patterns(lang)
    if not p.rules.this_weekday:
        return None
    return re.compile(rf"(?<!\w)(?:{_alt(p.rules.this_weekday)})\s+(?P<w>{_alt(p.rules.weekdays)}),?\s+",
                      re.IGNORECASE)


_YEAR_AFTER = re.compile(r"\s*,?\s*\d{4}(?!\d)")


def names_weekday(text: str, hit: DateHit, lang: str | None) -> bool:
    """Whether a full date is told with its weekday ("mercredi 29 juillet 2020", "Wednesday,
    July 29, 2020"; data: weekdays): how a report names the day of its news, rarely a day of
    background."""
    told = text[hit.start:hit.end].lower()
    for code in languages(lang):
        if any(re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", told) for w in _patterns(code).rules.weekdays):
            return True
    return False


def this_weekday_dates(text: str, lang: str | None, after_year: int) -> list[DateHit]:
    """Days told by a weekday of the report's week without a year ("ce lundi 8 juillet", "this
    Monday, July 8"; data: this_weekday, weekdays), given the first year from `after_year` in
    which that day falls on that weekday. Why: a report dated this way often states only older
    dates in full ("l'accord signé le 9 novembre 2023 a été adopté ce lundi 8 juillet")."""
    out: list[DateHit] = []
    for code in languages(lang):
        opener = _this_weekday(code)
        if opener is None:
            continue
        weekdays = _patterns(code).rules.weekdays
        for m in opener.finditer(text):
            found = day_month_at(text, m.end(), code)
            if found is None or _YEAR_AFTER.match(text, found[2]):
                continue  # no day there, or a full date (found as such)
            month, day, end = found
            weekday = weekdays.index(m.group("w").lower())
            for year in range(after_year, after_year + 8):
                value = _day(year, month, day)
                if value and date.fromisoformat(value).weekday() == weekday:
                    out.append(DateHit(value, "day", m.start(), end))
                    break
    return sorted(out, key=lambda h: h.start)
