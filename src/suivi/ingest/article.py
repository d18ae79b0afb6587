"""Turn one decoded text (from any source kind) into an ArticleDraft.

Why one assembly step for every kind: a feed entry, an HTML page, a JSONL line and a text
file all carry the same kinds of headers, bylines and boilerplate; metadata given by the
source (HTML meta tags, feed fields, JSONL keys) wins, the text fills what is missing.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from suivi.errors import InputRejected
from suivi.ingest import dates
from suivi.ingest.clean import compose, normalise_text, strip_boilerplate
from suivi.ingest.dateline import Dateline, read_dateline
from suivi.ingest.endmatter import take_end_matter
from suivi.ingest.language import detect_language
from suivi.ingest.metadata import (
    headline_like,
    headline_rules,
    late_header,
    lead_in_outlet,
    parse_header,
    same_text,
    sign_off_byline,
    trailing_headline,
)
from suivi.ingest.rules import told_as_due, told_as_today
from suivi.ingest.wrapping import unwrap
from suivi.models import ArticleDraft

MIN_TEXT_LETTERS = 20
FIRST_PARAGRAPH_CHARS = 600


_ISO_PREFIX = re.compile(r"\d{4}(?:-(\d{2})(?:-(\d{2}))?)?")


def precision_of(value: str | None) -> str:
    """Precision of an ISO prefix: YYYY-MM-DD day, YYYY-MM month, YYYY year; "unknown" for
    anything that is not a real day, month or year ("202c-04-03", "2025-13", found by fuzzing:
    a source's metadata passed through unchecked)."""
    match = _ISO_PREFIX.fullmatch(value or "")
    if match is None:
        return "unknown"
    month, day = match.groups()
    try:
        date(int(value[:4]), int(month or 1), int(day or 1))
    except ValueError:
        return "unknown"
    return "day" if day else "month" if month else "year"


# an excerpt or a dispatch opening with its date as metadata: "date 2024-09 Le président ...",
# "date 2024-03-08 Somalia and Turkey ..." (news archives and search excerpts print it so)
_DATE_LINE = re.compile(r"\s*date\s*:?\s*(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d-])", re.IGNORECASE)


def _lead_date(body_lines: list[str]) -> dates.DateHit | None:
    """The date an opening "date YYYY-MM[-DD]" states (a month or a day), if it is a real one."""
    first = next((ln for ln in body_lines if ln.strip()), "")
    m = _DATE_LINE.match(first)
    if m is None:
        return None
    value = "-".join(g for g in m.groups() if g)
    precision = precision_of(value)
    if precision not in ("day", "month"):
        return None
    return dates.DateHit(value, precision, m.start(1), m.end())


def _event_date(body_lines: list[str], lang: str | None) -> tuple[dates.DateHit | None, str]:
    """The first full date stated in the opening paragraphs, photo captions left out: "The
    Capitol is seen on April 23, 2024 ... (Jane Doe / Getty Images)" dates the picture, which
    may be years older than the report."""
    caption = headline_rules().caption
    opening = [ln for ln in body_lines if ln.strip() and not caption.search(ln.strip())]
    text = ""
    for line in opening:
        text += line + "\n"
        if len(text) >= FIRST_PARAGRAPH_CHARS:
            break
    # a date told as a deadline ("ordered the withdrawal of all troops by January 31, 2025") is
    # a day to come, not the report's
    days = [hit for hit in dates.find_dates(text, lang, with_months=False)
            if hit.precision == "day" and not told_as_due(text, hit.start)]
    for hit in days:  # "ce jour 28 janvier 2024" wins over an earlier date told as background
        if told_as_today(text, hit.start, lang):
            return hit, "first_paragraph"
    named = [h for h in days if dates.names_weekday(text, h, lang)]
    if named and named[0].value > days[0].value:
        # "les accords signés le 21 décembre 1979 ... L'accord a été annoncé, mercredi 29 juillet
        # 2020": the day told with its weekday is the news, the plain day before it background
        return named[0], "first_paragraph"
    if days:
        # "l'accord signé le 9 novembre 2023 a été adopté ce lundi 8 juillet": the day of the
        # report's week, after every full date told before it, is the report's
        latest = max(h.value for h in days)
        later = [h for h in dates.this_weekday_dates(text, lang, int(latest[:4])) if h.value > latest]
        if later:
            return later[0], "first_paragraph"
    return (days[0], "first_paragraph") if days else (None, "")


REPEAT_WINDOW = 3


def _drop_repeated_title(body: list[str], title: str | None) -> None:
    """Blank the headline repeated at the top of the body, and the rubric labels above it
    ('Politique' then the headline again, as extracted web pages often start)."""
    if not title:
        return
    filled = [i for i, ln in enumerate(body) if ln.strip()][:REPEAT_WINDOW]
    for k, i in enumerate(filled):
        if same_text(body[i], title):
            before = filled[:k]
            if all(_rubric(body[j]) for j in before):
                for j in (*before, i):
                    body[j] = ""
            return


def _rubric(line: str) -> bool:
    """A section label above a headline: one to three words, not a headline, no sentence end."""
    text = line.strip()
    return 0 < len(text.split()) <= 3 and not headline_like(text) and not text.endswith((".", "!", "?"))


def build_draft(
    source: str,
    raw: bytes,
    kind: str,
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    author: str | None = None,
    published: str | None = None,
    precision: str | None = None,
    url: str | None = None,
    language: str | None = None,
    meta: dict[str, Any] | None = None,
) -> ArticleDraft:
    """Clean `text`, recover missing metadata from it, and check something readable is left."""
    meta = dict(meta or {})
    if published and precision_of(published) == "unknown":
        published, precision = None, None  # a source's date that is no date: read one from the text
    text = normalise_text(text)
    title = normalise_text(title).replace("\n", " ").strip() or None if title else None
    outlet = normalise_text(outlet).replace("\n", " ").strip() or None if outlet else None
    author = normalise_text(author).replace("\n", " ").strip() or None if author else None
    lang = language or detect_language(text)
    lines = unwrap(text.split("\n"))

    header = parse_header(lines, lang, title)
    body = strip_boilerplate(lines[header.body_start:])
    end = take_end_matter(body, lang)
    if header.title or title:
        late = late_header(body, lang)
        header.dates += late.dates
        if header.author is None and late.author:
            header.author, header.author_role = late.author, late.author_role
    title = title or header.title
    if not title:  # a copy that put the headline after the body ("... END [Copyright ...]" / "Headline")
        last = trailing_headline(body, lang)
        if last is not None:
            title, body[last] = body[last].strip(), ""
    outlet = outlet or header.outlet
    author = author or header.author

    if header.letterhead:
        meta["letterhead"] = header.letterhead
    if header.author_role and author == header.author:
        meta["author_role"] = header.author_role
    meta.update(end.to_meta())

    _drop_repeated_title(body, title)
    lead = _lead_date(body)
    line_dateline: Dateline | None = None
    first = next((i for i, ln in enumerate(body) if ln.strip()), None)
    opening = _DATE_LINE.match(body[first]) if first is not None else None
    if first is not None and opening is not None:
        # the archive's "date 2021-11-02" ahead of the first sentence dates the report; left in,
        # it was read as the sentence's subject ("date 2021-11-02 Western nations have ...")
        body[first] = body[first][opening.end():].lstrip()
    if first is not None:
        agency, cut = lead_in_outlet(body[first])
        if agency:
            outlet = outlet or agency
        if cut:
            body[first] = body[first][cut:]
        else:
            line_dateline = read_dateline(body[first], lang)
            if line_dateline:
                meta["dateline"] = line_dateline.to_meta()
                outlet = outlet or line_dateline.agency
                body[first] = body[first][line_dateline.end:]
    signed = sign_off_byline(body)
    if signed and (author is None or same_text(signed[0], author)):
        author = signed[0]
        if signed[1]:
            meta["author_role"] = signed[1]
        body[signed[2]] = ""
    author = author or end.reporters()

    if published:
        meta.setdefault("published_from", "source")
    else:
        best: dates.DateHit | None = None
        for hit in header.dates:
            best = dates.better(best, hit)
        origin = "header"
        if best is None and line_dateline and line_dateline.date:
            best, origin = line_dateline.date, "dateline"
        if best is None and end.closing_date:
            best, origin = end.closing_date, "closing"
        if lead is not None and (best is None or not best.value.startswith(lead.value)):
            best, origin = lead, "date_line"
        if best is None or best.precision != "day":
            day, where = _event_date(body, lang)
            # a month stated as the date is only made a day by a day of that month: "à compter
            # du 29 janvier 2025" in a report dated 2024-12 is the plan, not the report's day
            if day is not None and (best is None or day.value.startswith(best.value)):
                best, origin = day, where
        if best is not None:
            published, precision = best.value, best.precision
            meta["published_from"] = origin

    if sum(ch.isalpha() for line in body for ch in line) < MIN_TEXT_LETTERS:
        raise InputRejected(source, "no article text found")  # a headline alone is not an article
    clean = compose(title, body)
    return ArticleDraft(
        text=clean,
        raw=raw,
        source=source,
        source_kind=kind,
        url=url,
        outlet=outlet,
        author=author,
        title=title,
        published=published,
        published_precision=precision or precision_of(published),
        language=lang,
        meta=meta,
    )
