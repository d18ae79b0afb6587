"""What reconcile knows of one article: event date, kind, place, actors, vector, MinHash.

Why a feature object: clustering, duplicate detection and the benchmark all run on the same
plain object, whether it was read from the reading stage's tables, derived from the text when
that stage has not run, or generated synthetically.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from sqlalchemy import Connection

from suivi.models import Article
from suivi.reconcile.duplicates import signature
from suivi.reconcile.settings import settings
from suivi.reconcile.vectors import embed
from suivi.store import stories as story_store

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass
class ArticleFeatures:
    article_id: int
    outlet: str | None
    published: str | None
    event_date: str | None
    kind: str | None
    place: str | None
    actors: list[str]
    vector: np.ndarray
    signature: np.ndarray
    date_source: str | None = None  # event | text | published: only stated dates can disagree
    sums: tuple[str, ...] = ()  # keys of the sums of money the title and lead state (not stored)

    def to_stored(self) -> story_store.StoredFeatures:
        return story_store.StoredFeatures(
            self.article_id,
            self.event_date,
            self.kind,
            self.place,
            self.actors,
            self.vector.astype(np.float32).tobytes(),
            self.signature.astype(np.uint64).tobytes(),
            self.date_source,
        )

    @classmethod
    def from_stored(
        cls, s: story_store.StoredFeatures, outlet: str | None = None, published: str | None = None
    ) -> ArticleFeatures:
        return cls(
            s.article_id,
            outlet,
            published,
            s.event_date,
            s.kind,
            s.place,
            s.actors,
            np.frombuffer(s.vector, dtype=np.float32),
            np.frombuffer(s.signature, dtype=np.uint64),
            s.date_source,
        )


def lead(article: Article, chars: int) -> str:
    """Title plus the first sentences of the body: what a reader sees of the event first."""
    body = article.text
    if article.title and body.lstrip().startswith(article.title.strip()):
        body = body.lstrip()[len(article.title.strip()) :]
    out = []
    for sentence in _SENTENCE_END.split(body.strip()):
        if sum(len(s) for s in out) >= chars:
            break
        if sentence.strip():
            out.append(sentence.strip())
    head = article.title or ""
    return (head + ". " + " ".join(out)).strip(". ") if head else " ".join(out)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _near(day: date, published: date, max_days: int) -> bool:
    """A reported event happened before publication (or is previewed a day or two ahead);
    a date further ahead is a plan the article mentions, not its event."""
    return -max_days <= (day - published).days <= 2


def pick_event(
    events: list[story_store.EventRow], published: str | None, max_days: int = 30
) -> story_store.EventRow | None:
    """The article's reported event: the first day-precise event near publication.

    Why not the publication date alone: an article published on the 4th about a meeting on the
    3rd, and a preview published on the 2nd about a visit starting on the 2nd, report one event.
    """
    pub = _day(published)
    month = _month_span(published)
    for ev in events:
        d = _day(ev.date)
        if d is None:
            continue
        if month is not None:
            if _in_month(d, month, max_days):
                return ev
            continue  # "à compter du 29 janvier 2025" in a report dated 2024-12 is a plan
        if pub is None or _near(d, pub, max_days):
            return ev
    return None


def _in_month(day: date, month: tuple[date, date], max_days: int) -> bool:
    """A reported event of a report dated to the month: in it, or up to `max_days` before it."""
    return month[0] - timedelta(days=max_days) <= day <= month[1] + timedelta(days=2)


def _month_span(published: str | None) -> tuple[date, date] | None:
    """First and last day of a publication known to the month only ("2024-12")."""
    if not published or len(published) != 7:
        return None
    try:
        first = date.fromisoformat(published + "-01")
    except ValueError:
        return None
    return first, date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])


def _partial_pattern(lang: str) -> re.Pattern[str] | None:
    try:
        from suivi.read.dates_rules import get_rules
    except ImportError:
        return None
    rules = get_rules(lang)
    if rules is None:
        return None
    def names(words: dict[str, int]) -> str:
        # English writes month and weekday names capitalised ("May 30", not "may"): match them so
        forms = {w.capitalize() for w in words} if rules.case_sensitive_names else set(words)
        return "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))

    months, days = names(rules.months), names(rules.weekdays)
    flags = 0 if rules.case_sensitive_names else re.IGNORECASE
    no_year = r"(?!,?\s*\d{4})"
    return re.compile(
        rf"(?:\b(?P<wd>{days})\b,?\s+(?:the\s+)?)?"
        rf"(?:(?P<d1>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{months})\b|(?P<m2>{months})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)"
        + no_year,
        flags,
    )


def partial_day(text: str, lang: str | None) -> tuple[str, int | None] | None:
    """A day stated without its year ("ce jeudi 30 novembre", "on Thursday, November 30"):
    ("--MM-DD", weekday or None). Why: an excerpt without a date line still names the day of
    its event, which places it in a dated story of that day (and the weekday picks the year)."""
    from suivi.read.dates_rules import get_rules

    code = (lang or "fr")[:2]
    pattern = _partial_pattern(code)
    rules = get_rules(code)
    if pattern is None or rules is None:
        return None
    lower = {k.lower(): v for k, v in rules.months.items()}
    weekdays = {k.lower(): v for k, v in rules.weekdays.items()}
    for m in pattern.finditer(text):
        month = lower.get((m.group("m1") or m.group("m2") or "").lower())
        day = int(m.group("d1") or m.group("d2"))
        if month is None or not 1 <= day <= 31:
            continue
        try:
            date(2000, month, day)  # a leap year: 29 February exists
        except ValueError:
            continue
        wd = weekdays.get((m.group("wd") or "").lower())
        return f"--{month:02d}-{day:02d}", wd
    return None


def _fallback_event_date(article: Article) -> tuple[str | None, str | None]:
    """Without the reading stage: the first dated expression of the lead near publication.

    Returns (date, source): "text" for a stated date, "published" for the fallback.
    """
    anchor = _day(article.published)
    month = _month_span(article.published)
    published = (article.published[:10], "published") if anchor or month else (None, None)
    try:
        from suivi.read.dates import normalise
    except ImportError:
        return published
    for tv in normalise(lead(article, 600), anchor, article.language or "fr"):
        d = _day(getattr(tv, "value", None))
        if d and getattr(tv, "precision", "") == "day" and (anchor is None or _near(d, anchor, 30)):
            if month is not None and not _in_month(d, month, 30):
                continue
            return d.isoformat(), "text"
    if anchor is None and month is None:
        partial = partial_day(lead(article, 600), article.language)
        if partial is not None:
            day, weekday = partial
            return day, "partial" if weekday is None else f"partial:{weekday}"
    return published


def _fallback_actors(article: Article) -> list[str]:
    """Gazetteer actors of the title and text, in the order they are first named."""
    try:
        from suivi.read.gazetteer import get_gazetteer
    except ImportError:
        return []
    found = get_gazetteer().find_all(f"{article.title or ''}\n{article.text}")
    return list(dict.fromkeys(ref.key for _s, _e, ref in sorted(found, key=lambda f: f[0])))


def _fallback_place(keys: list[str]) -> str | None:
    """The first place named (text order) that can host an event: a city or a capital.

    Why not any place: nearly every article on a partnership with Africa names "Africa" or
    "the Sahel"; a continent or region would make every such pair agree on the place.
    """
    try:
        from suivi.read.gazetteer import get_gazetteer
    except ImportError:
        return None
    gaz = get_gazetteer()
    for key in keys:
        ref = gaz.get(key) if key.startswith("place:") else None
        if ref is not None and ref.sub != "region":
            return key
    return None


def compute(conn: Connection, article: Article) -> ArticleFeatures:
    """Features of a stored article, from the reading stage's rows when they exist."""
    cfg = settings()
    surfaces = story_store.actor_surfaces(conn, article.id)
    # Without the reading stage's mentions (not run, or found none) the gazetteer still names them.
    named = [s.key for s in surfaces] if surfaces else _fallback_actors(article)  # text order
    actors = sorted(set(named))
    event = pick_event(story_store.events_of_article(conn, article.id), article.published)
    if event is not None:
        event_date, kind, place = event.date[:10] if event.date else None, event.kind, event.place
        source = "event"
    else:
        (event_date, source), kind = _fallback_event_date(article), None
        place = _fallback_place(named)
    lead_text = lead(article, cfg["stories"]["lead_chars"])
    vec = embed([lead_text])[0]
    return ArticleFeatures(
        article.id,
        article.outlet,
        article.published,
        event_date,
        kind,
        place,
        actors,
        vec,
        signature(article.text),
        source,
        lead_sums(lead_text, article.language),
    )


def lead_sums(text: str, language: str | None) -> tuple[str, ...]:
    """Keys of the sums of money a title and lead state, in a currency ("7.4 billion euros",
    "7,4 milliards d'euros" -> one key), and of its measured quantities (settings:
    lead_measures; "50,000 tonnes"): two undated reports leading with the same figure report
    one event (see `stories.needed`)."""
    from suivi.extract.quantities import find_quantities
    from suivi.reconcile.amounts import amounts

    keys = {a.key() for a in amounts(text, language or "en") if a.currency}
    measures = settings()["stories"]["lead_measures"]
    for q in find_quantities(text):
        unit = measures.get(q.unit.lower().split()[0]) if q.kind == "count" and q.unit else None
        if unit and q.value >= 1000:
            keys.add(f"measure:{unit}:{float(f'{q.value:.3g}'):g}")
    return tuple(sorted(keys))


ANOTHER_YEAR = 365
"""The gap given to a yearless day whose stated weekday does not fall right in the other's year."""


def _month_day(value: str | None) -> tuple[int, int] | None:
    """(month, day) of a full day or of a day without its year ("--11-30")."""
    if not value:
        return None
    if value.startswith("--") and len(value) == 7:
        try:
            return int(value[2:4]), int(value[5:7])
        except ValueError:
            return None
    d = _day(value)
    return (d.month, d.day) if d else None


def days_between(a: str | None, b: str | None, weekday: int | None = None) -> int | None:
    """Days between two event dates. A day without its year ("--11-30") is compared by month
    and day in the other's year; `weekday` (of the yearless side, when it was stated) must
    then fall right, or the day is taken to be in another year (ANOTHER_YEAR)."""
    da, db = _day(a), _day(b)
    if da is not None and db is not None:
        return abs((da - db).days)
    ma, mb = _month_span(a), _month_span(b)
    if ma is not None and mb is not None:  # two months: the same one, or how far apart
        return abs((ma[0] - mb[0]).days)
    if ma is not None or mb is not None:  # a report dated to its month: no gap to a day of it
        month, other = (ma, db) if ma is not None else (mb, da)
        if other is None:
            return None
        if month[0] <= other <= month[1]:
            return 0
        return min(abs((other - month[0]).days), abs((other - month[1]).days))
    full = da or db
    partial = b if da is not None else a
    md = _month_day(partial)
    if full is None or md is None or not (partial or "").startswith("--"):
        return None
    try:
        there = date(full.year, *md)
    except ValueError:
        return None
    if weekday is not None and there.weekday() != weekday:
        return ANOTHER_YEAR  # the weekday falls right in some other year: another event
    return min(abs((there - full).days), 366 - abs((there - full).days))


def day_range(value: str | None, window: int) -> list[str]:
    """The window's days as keys: ISO days, or "--MM-DD" for a day without its year."""
    d = _day(value)
    month = _month_span(value)
    if month is not None:  # every day of the month, and the window around it
        first, last = month[0] - timedelta(days=window), month[1] + timedelta(days=window)
        return [(first + timedelta(days=k)).isoformat() for k in range((last - first).days + 1)]
    if d is None:
        md = _month_day(value)
        if md is None:
            return []
        base = date(2000, *md)
        return [(base + timedelta(days=k)).strftime("--%m-%d") for k in range(-window, window + 1)]
    return [(d + timedelta(days=k)).isoformat() for k in range(-window, window + 1)]


def weekday_of(date_source: str | None) -> int | None:
    """The weekday a yearless day was stated with ("partial:3" -> Thursday)."""
    if date_source and date_source.startswith("partial:"):
        try:
            return int(date_source.split(":", 1)[1])
        except ValueError:
            return None
    return None
