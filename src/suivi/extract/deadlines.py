"""A commitment's deadline: which of the time expressions of its evidence is the deadline,
and from which day relative ones are read.

Why choose and not take the first: an evidence sentence carries the day of the announcement
("a annoncé jeudi"), the date of the meeting where the pledge was made ("lors d'un sommet
fin 2022") and the deadline itself ("l'année suivante"). The deadline is the expression
inside the pledged action (the acting verb's phrase) rather than the reporting frame, a
deadline cue ("d'ici", "by", "within") beats a bare date, and what is already over on the
publication day is background. A start ("à partir de mars", "starting December 1") is not
a deadline, except for an action that happens at once (a launch, an exit, an opening),
whose start is the day it is due.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span, Token

from suivi.extract.cues import Lexicon, fold
from suivi.models import Article

# a date line heading an excerpt or a dispatch ("date 2024-09 ...", "2024-09-25 — ...")
_LEAD_DATE = re.compile(r"^\s*(?:date\s*:?\s*)?(\d{4})-(\d{2})(?:-(\d{2}))?\b", re.IGNORECASE)


_YEAR = re.compile(r"\b\d{4}\b")


class MonthAnchor(date):
    """An anchor known to the month only (a report dated "2024-09"): its day is a stand-in, so
    a day told relative to it ("jeudi", "tomorrow") cannot be placed."""


class YearAnchor(MonthAnchor):
    """An anchor known to the year only (an undated report that tells "in 2022" at the latest):
    its month and day are stand-ins too, so a length counted from it ("over three years") ends
    in a year, not on a day."""


class ToldAnchor(date):
    """An undated report's anchor read off the latest day it tells in a past-tense sentence: the
    report is at least that recent, but that day may be one the sentence sets for an act to come
    (« a fixé la date du référendum au 21 septembre 2025 »), so it is not over on itself."""


def article_anchor(article: Article, doc: Doc | None = None) -> date | None:
    """The day relative expressions are read from: the publication day; else a date line
    heading the text ("date 2024-09" -> 2024-09-01); else the latest date the article tells in
    the past ("The trip was pushed to 2024", "since the December 2022 summit"): an undated
    report is at least that recent. The reconcile stage may later re-read an undated
    article's deadlines from its story's first dated report (suivi.extract.anchoring)."""
    anchor = parse_day(article.published)
    if anchor is not None:
        if len(article.published or "") == 7:
            return MonthAnchor(anchor.year, anchor.month, 1)
        return anchor
    m = _LEAD_DATE.match(article.text[:40])
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        day = int(m.group(3)) if m.group(3) else 1
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            return date(year, month, day) if m.group(3) else MonthAnchor(year, month, 1)
    return latest_told(article, doc) if doc is not None else None


def lead_anchor(article: Article) -> bool:
    """Whether the article states its own date (published day or a heading date line)."""
    return parse_day(article.published) is not None or bool(_LEAD_DATE.match(article.text[:40]))


def _told_in_past(sent: Span) -> bool:
    """A sentence about the past, with no future or conditional in it ("said it would be
    ready in 2027" dates the future, not the report)."""
    if any(t.tag_ == "MD" or "Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood") for t in sent):
        return False
    for t in sent:
        if t.tag_ == "VBD" or "Imp" in t.morph.get("Tense"):
            return True
        if t.dep_ in ("aux", "aux:tense") and t.lemma_.lower() in ("avoir", "have", "be", "être") and (
            t.head.tag_ == "VBN" or "Part" in t.head.morph.get("VerbForm")
        ):
            return True
    return False


def told_as_past(tok: Token) -> bool:
    """The pledging verb is in a past tense ("promised", "had pledged", "a promis", "avait
    promis"): the pledge is reported as made before, so its date may be over already."""
    if tok.tag_ == "VBD" or "Imp" in tok.morph.get("Tense"):
        return True
    participle = tok.tag_ == "VBN" or "Part" in tok.morph.get("VerbForm")
    return participle and any(c.dep_ in ("aux", "aux:tense") and c.lemma_.lower() in ("avoir", "être", "have")
                              for c in tok.children)


def latest_told(article: Article, doc: Doc) -> date | None:
    """The latest month or day the article dates in a past-tense sentence (years alone count
    as their first day): a lower bound for an undated report's own date."""
    lang = (article.language or "fr")[:2]
    best: date | None = None
    for sent in doc.sents:
        if not _told_in_past(sent):
            continue
        for tv in time_values(sent.text, None, lang):
            if tv.kind not in ("date", "interval") or not tv.value or not tv.value[:4].isdigit():
                continue
            first = parse_day(tv.interval_start or tv.value)
            if first is not None and (best is None or first > best):
                best = YearAnchor(first.year, 1, 1) if tv.precision == "year" else ToldAnchor(
                    first.year, first.month, first.day)
    return best


def parse_day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        parts = [int(p) for p in published[:10].split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def states_when(text: str, lang: str) -> bool:
    """The text names a day, a deadline or a period ("dès novembre 2029", "by 2026", "mardi
    prochain"), whatever day it is read from: only whether one is stated counts."""
    return any(tv.kind in ("date", "deadline", "interval") for tv in time_values(text, date(2000, 1, 1), lang))


def clause_time_values(text: str, start: int, end: int, sentence_start: int, anchor: date | None,
                       lang: str) -> list[Any]:
    """The times of text[start:end], a clause cut out of the sentence that opens at
    `sentence_start`, offsets into the clause: "la fin des travaux est prévue d'ici à 2018, et la
    ligne devrait être opérationnelle l'année suivante" puts the second clause in 2019, not in
    the year after the report."""
    values = time_values(text[start:end], anchor, lang)
    if sentence_start >= start:
        return values
    try:
        from suivi.read.dates import refers_back
    except ImportError:
        return values
    if not refers_back(text[start:end], lang):
        return values
    shift = start - sentence_start
    return [replace(tv, start=tv.start - shift, end=tv.end - shift)
            for tv in time_values(text[sentence_start:end], anchor, lang) if tv.start >= shift]


def time_values(text: str, anchor: date | None, lang: str) -> list[Any]:
    try:
        from suivi.read.dates import normalise
    except ImportError:  # reading stage absent: no deadlines rather than a private date parser
        return []
    values = list(normalise(text, anchor, lang))
    if isinstance(anchor, YearAnchor):
        # "over three years" from a report known to the year: the period ends in a year
        values = [replace(tv, interval_end=None) if tv.kind == "deadline" and tv.interval_end and tv.value
                  and len(str(tv.interval_end)) > len(str(tv.value)) else tv for tv in values]
    if isinstance(anchor, MonthAnchor):
        # "jeudi" read from the 1st of the month names no real day; dates stated with a number stay
        values = [tv for tv in values if not (tv.precision == "day" and not any(ch.isdigit() for ch in tv.text))]
    return values


def dated_before_this_year(values: list[Any], anchor: date | None) -> bool:
    """The statement is dated in an earlier year ("en 2019, le Niger a signé ..."): background."""
    if anchor is None:
        return False
    return any(
        tv.kind in ("date", "interval") and tv.value and tv.value[:4].isdigit() and int(tv.value[:4]) < anchor.year
        and not (isinstance(anchor, YearAnchor) and _yearless_day(tv))
        for tv in values
    )


_YEAR = re.compile(r"\b\d{4}\b")


def _yearless_day(tv: Any) -> bool:
    """A day or a month told without its year ("on November 21"): against an anchor known to the
    year only (an undated report that tells "since 2023" at the latest), its year is the reading's
    guess, so it cannot say the statement belongs to an earlier year."""
    return tv.precision in ("day", "month") and not _YEAR.search(tv.text)


def last_day(tv: Any) -> str:
    """The last day of the stated period ("fin 2025" -> 2025-12-31), precision kept apart.

    Why: a deadline is met until the end of its period, so overdue checks must compare against
    that day; and a full day still starts with every coarser spelling of the same deadline
    ("2025", "2025-12"), so consumers reading by prefix see the stated period.
    """
    if tv.interval_end:
        return str(tv.interval_end)
    value = str(tv.value)
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return f"{year:04d}-12-31"
        if len(parts) == 2:
            month = int(parts[1])
            return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    except ValueError:
        return value
    return value


def _is_start(tv: Any, lex: Lexicon) -> bool:
    folded = fold(tv.text)
    return any(folded.startswith(fold(w)) for w in lex.words.get("start_words", ()))


_YEAR = re.compile(r"\d{4}")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _year_of_a_thing(tv: Any, text: str | None, lex: Lexicon) -> bool:
    """A bare year between a determiner and a lowercase noun names a thing of that year ("the
    1994 genocide", "a 2024 agreement"): not when the act is due, which matters most when the
    report's own date is unknown and the year cannot be seen to be over. "a 2027 deadline"
    stays a date (data: year_noun_determiners, year_deadline_nouns)."""
    dets = lex.words.get("year_noun_determiners", ())
    if text is None or not dets or not _YEAR.fullmatch(tv.text.strip()):
        return False
    before = text[max(0, tv.start - 12):tv.start].split()
    nxt = _NEXT_WORD.match(text, tv.end)
    return (bool(before) and before[-1].lower() in dets and nxt is not None and nxt.group(1).islower()
            and nxt.group(1) not in lex.words.get("year_deadline_nouns", ()))


def _to_date(tv: Any, text: str | None, lex: Lexicon) -> bool:
    """The period counted up to the report's day ("sent so far this year", "jusqu'ici cette
    année"; data: to_date_words): what was done, not when the act is due."""
    if text is None:
        return False
    before = fold(text[max(0, tv.start - 30):tv.start]).rstrip(" ,")
    return any(before.endswith(fold(w)) for w in lex.words.get("to_date_words", ()))


def _when(tv: Any, anchor: date | None, start: bool = False) -> str:
    """"past", "current" (a period holding the publication day: "cette année", "en août" in
    August) or "future". The day itself is past for a bare date (the day of the announcement)
    and current for a deadline ("sans délai")."""
    if anchor is None or not tv.value or tv.value.startswith("P"):
        return "future"
    end = last_day(tv)
    if not re.match(r"\d{4}-\d{2}-\d{2}$", end):
        return "future"
    day = date.fromisoformat(end)
    if day < anchor:
        return "past"
    if isinstance(anchor, MonthAnchor) and tv.kind == "date" and (day.year, day.month) == (anchor.year, anchor.month):
        # a bare day of the month a report is known to only ("ont annoncé, le mardi 2 novembre"
        # in a report of 2021-11): the day of the news or before it, not a day to come
        return "past"
    if day == anchor and isinstance(anchor, ToldAnchor):
        return "future"  # the anchor is this very day, told in the past tense: maybe a day set to come
    if day == anchor:  # "à compter du 29 janvier" written that day is a start, not the report's day
        return "current" if tv.kind == "deadline" or start else "past"
    start = date.fromisoformat(tv.interval_start) if tv.interval_start else day
    one_period = tv.precision in ("month", "year") or (tv.kind == "interval" and (day - start).days < 366)
    return "current" if start <= anchor and tv.kind != "deadline" and one_period else "future"


def _period_end(tv: Any, text: str | None, anchor: date | None, lex: Lexicon) -> tuple[str, str] | None:
    """The end of a stated length the act runs for ("pour dix ans", "will last for 10 years",
    "devrait durer sept mois"), read from `anchor`: (last day of that period, precision).
    A bare length with no period word before it ("in three months' time" is a date already;
    "a 20-year loan") is not the act's period."""
    if anchor is None or tv.kind != "duration" or not tv.value:
        return None
    m = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?", str(tv.value))
    if not m or not (m.group(1) or m.group(2)):
        return None
    before = fold((text or "")[max(0, tv.start - 24):tv.start]).rstrip()
    own = fold(tv.text)
    words = [fold(w) for w in lex.words.get("period_words", ())]
    if not any(own.startswith(w + " ") or before.endswith(" " + w) or before == w for w in words):
        return None
    years, months = int(m.group(1) or 0), int(m.group(2) or 0)
    total = anchor.year * 12 + anchor.month - 1 + years * 12 + months
    year, month = divmod(total, 12)
    month += 1
    if months:
        return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}", "month"
    return f"{year:04d}-12-31", "year"


Choice = tuple[str | None, str | None, str | None, str | None]


BACK_REFERENCE_WINDOW = 1200
"""Characters before a pledge searched for the period it refers back to (a few sentences)."""


def period_told_before(text: str, start: int, evidence: str, anchor: date | None, lang: str,
                       lex: Lexicon) -> tuple[str, str] | None:
    """(deadline, precision) when the pledge is due at the end of a period it names only by
    reference ("à la fin de la période de transition", "over the same period"), from the last
    period with an end stated in the sentences before it ("la période du 29 janvier au 29
    juillet 2025", "by 2030"); else None."""
    folded = fold(evidence)
    if not any(fold(m) in folded for m in lex.phrases.get("period_back_references", ())):
        return None
    before = text[max(0, start - BACK_REFERENCE_WINDOW):start]
    values = time_values(before, anchor, lang)
    connectors = {fold(c) for c in lex.phrases.get("range_connectors", ())}
    ends: list[tuple[int, str]] = [(tv.end, str(tv.interval_end)) for tv in values if tv.interval_end]
    # "by 2030 ... over the same period": a deadline stated before is the period's end too
    ends += [(tv.end, str(tv.value)) for tv in values
             if tv.kind == "deadline" and tv.value and not tv.value.startswith("P") and not tv.interval_end]
    for a, b in zip(values, values[1:], strict=False):  # "du 29 janvier au 29 juillet 2025"
        if fold(before[a.end:b.start].strip()) in connectors and b.value:
            ends.append((b.end, str(b.value)))
    if not ends:
        return None
    end = max(ends)[1]
    return end, {10: "day", 7: "month"}.get(len(end), "year")


def choose(values: list[Any], anchor: date | None, lex: Lexicon,
           act: tuple[int, int] | None, text: str | None = None,
           recalled: Callable[[Any], bool] | None = None) -> Choice:
    """(deadline as the last day of its period, precision, recurrence, deadline kind) from
    `values`, whose offsets are in the same text as `act` (the acting verb's phrase) and as
    `text` when given (the evidence: it lets a stated length the act runs for stand as its
    deadline when no date is stated).

    `recalled` (given when the pledge is told as made earlier: "had promised to visit the
    following year", "promised to visit Africa last year") says whether a value dates the
    pledged act itself rather than a noun in it ("the aid cut in 2020"). Such a date may be
    over on the publication day and is still the deadline (an overdue pledge) when it sits
    inside the act and no date to come is stated.
    """
    recurrence = next((tv.value for tv in values if tv.kind == "recurrence" and tv.value), None)
    usable = []
    overdue = []
    since = tuple(f"{w} " for w in lex.words.get("since_words", ()))
    for tv in _without_range_starts(values, text, lex):
        if tv.kind not in ("date", "deadline", "interval") or not tv.value or tv.value.startswith("P"):
            continue
        if since and tv.text.lower().startswith(since):
            continue  # "installé depuis 1978", "based there since 2013": when a state began, never a deadline
        if _year_of_a_thing(tv, text, lex):
            continue  # "the 1994 genocide", "a 2024 agreement"
        if _counted_from_a_bound(tv, anchor):
            continue
        when = _when(tv, anchor, _is_start(tv, lex))
        inside = act is not None and act[0] <= tv.start and tv.end <= act[1]
        if when == "past" and recalled is not None and inside and not _is_start(tv, lex) and recalled(tv):
            overdue.append(tv)
        if when == "past" or (when == "current" and (not inside or _to_date(tv, text, lex))):
            continue  # over, or the period of the report rather than of the act
        usable.append(tv)
    if not usable and overdue:
        best = max(overdue, key=lambda tv: tv.start)
        return last_day(best), best.precision, recurrence, kind_of(best, lex)
    if not usable:
        for tv in values:
            end = _period_end(tv, text, anchor, lex)
            if end is not None and not (isinstance(anchor, YearAnchor) and end[1] != "year"):
                return end[0], end[1], recurrence, "by"
        return None, None, recurrence, None

    def rank(tv: Any) -> tuple[int, int, int, int]:
        inside = act is not None and act[0] <= tv.start and tv.end <= act[1]
        return (0 if inside else 1, 1 if _is_start(tv, lex) else 0, 0 if tv.kind == "deadline" else 1, tv.start)

    best = min(usable, key=rank)
    return last_day(best), best.precision, recurrence, kind_of(best, lex)


def _counted_from_a_bound(tv: Any, anchor: date | None) -> bool:
    """"Within 90 days", "within three months" read from a year that is only a lower bound of
    the report's date (an undated report of 2025 that tells "a 1994 genocide"): no day or month
    can be counted from it. The value still marks where one act's time ends and the next
    begins ("form a mechanism within 30 days and verify the withdrawal within three months")."""
    return (isinstance(anchor, YearAnchor) and tv.kind == "deadline" and tv.precision in ("day", "week", "month")
            and not _YEAR.search(tv.text))


def _without_range_starts(values: list[Any], text: str | None, lex: Lexicon) -> list[Any]:
    """The values less the first day of a stated range ("du 29 janvier au 29 juillet 2025",
    "from 29 January to 29 July 2025"): the act runs to the range's end."""
    if not text:
        return values
    connectors = {fold(c) for c in lex.phrases.get("range_connectors", ())}
    starts = {id(a) for a, b in zip(values, values[1:], strict=False)
              if a.kind == b.kind == "date" and fold(text[a.end:b.start].strip()) in connectors}
    return [tv for tv in values if id(tv) not in starts]


def kind_of(tv: Any, lex: Lexicon) -> str:
    """How the act relates to its date: "by" (a deadline), "start" (it begins then: "à partir
    de mars", "starting December 1"; follow-up reads it as the day something must have
    begun) or "on" (it happens in that period: "en juin", "next year")."""
    if _is_start(tv, lex):
        return "start"
    return "by" if tv.kind == "deadline" else "on"
