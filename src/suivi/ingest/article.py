"""Turn one decoded text (from any source kind) into an ArticleDraft.

Why one assembly step for every kind: a feed entry, an HTML page, a JSONL line and a text
file all carry the same kinds of headers, bylines and boilerplate; metadata given by the
source (HTML meta tags, feed fields, JSONL keys) wins, the text fills what is missing.
"""

from __future__ import annotations

from typing import Any

from suivi.errors import InputRejected
from suivi.ingest import dates
from suivi.ingest.clean import compose, normalise_text, strip_boilerplate
from suivi.ingest.language import detect_language
from suivi.ingest.metadata import lead_in_outlet, parse_header, same_text, sign_off_author
from suivi.models import ArticleDraft

MIN_TEXT_LETTERS = 20
FIRST_PARAGRAPH_CHARS = 600


def precision_of(value: str | None) -> str:
    """Precision of an ISO prefix: YYYY-MM-DD day, YYYY-MM month, YYYY year."""
    return {10: "day", 7: "month", 4: "year"}.get(len(value or ""), "unknown")


def _event_date(body_lines: list[str], lang: str | None) -> tuple[dates.DateHit | None, str]:
    """A dateline date, else the first full date stated in the opening paragraphs."""
    opening = [ln for ln in body_lines if ln.strip()]
    if opening:
        hit = dates.dateline(opening[0], lang)
        if hit:
            return hit, "dateline"
    text = ""
    for line in opening:
        text += line + "\n"
        if len(text) >= FIRST_PARAGRAPH_CHARS:
            break
    for hit in dates.find_dates(text, lang, with_months=False):
        if hit.precision == "day":
            return hit, "first_paragraph"
    return None, ""


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
    text = normalise_text(text)
    title = normalise_text(title).replace("\n", " ").strip() or None if title else None
    lang = language or detect_language(text)
    lines = text.split("\n")

    header = parse_header(lines, lang, title)
    body = strip_boilerplate(lines[header.body_start:])
    title = title or header.title
    outlet = outlet or header.outlet
    author = author or header.author

    first = next((i for i, ln in enumerate(body) if ln.strip()), None)
    if first is not None:
        if title and same_text(body[first], title):
            body[first] = ""
        else:
            agency, cut = lead_in_outlet(body[first])
            if agency:
                outlet = outlet or agency
                body[first] = body[first][cut:]
    signer, index = sign_off_author(body)
    if signer and (author is None or same_text(signer, author)):
        author = signer
        body[index] = ""  # type: ignore[index]

    if published:
        meta.setdefault("published_from", "source")
    else:
        best: dates.DateHit | None = None
        for hit in header.dates:
            best = dates.better(best, hit)
        origin = "header"
        if best is None:
            best, origin = _event_date(body, lang)
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
