"""RSS and Atom feeds: each entry becomes an article; a summary-only entry's page is fetched.

Why defusedxml first: feedparser expands entities, so a "billion laughs" feed would eat the
memory of the machine; the bytes are parsed once with entity declarations (internal or
external) forbidden, and only a feed that passes reaches feedparser. A bare DOCTYPE, as old
RSS 0.91 feeds carry, declares no entity and is allowed.
"""

from __future__ import annotations

import time
from xml.etree.ElementTree import ParseError

import feedparser
import lxml.etree
import lxml.html
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from suivi.errors import InputRejected
from suivi.ingest import fetch as fetcher
from suivi.ingest import html as html_reader
from suivi.ingest.article import build_draft
from suivi.ingest.encoding import decode
from suivi.ingest.result import ReadResult
from suivi.models import ArticleDraft

# An entry whose text is shorter than this and that links to a page is read from the page.
SUMMARY_ONLY_CHARS = 600
# When that page cannot be fetched, a summary with at least this many letters is stored instead.
SUMMARY_KEEP_LETTERS = 200


def check_xml(name: str, data: bytes) -> None:
    """Reject entity declarations, external references and malformed XML."""
    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        reason = f"unsafe XML refused ({type(exc).__name__}: entity declarations are not allowed)"
        raise InputRejected(name, reason) from exc
    except (ParseError, LookupError, ValueError) as exc:  # LookupError: an unknown declared encoding
        raise InputRejected(name, f"malformed XML ({exc})") from exc


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def _entry_body(entry: feedparser.FeedParserDict) -> tuple[str, bool]:
    """(markup or text of the entry, whether it is full content rather than a summary)."""
    for content in entry.get("content") or []:
        if content.get("value", "").strip():
            return content["value"], True
    return entry.get("summary", "") or "", False


def _html_text(markup: str) -> str:
    if "<" not in markup:
        return markup
    try:
        return "\n".join(t.strip() for t in lxml.html.fromstring(markup).itertext() if t.strip())
    except (ValueError, lxml.etree.ParserError):  # a fragment lxml cannot parse is kept as text
        return markup


def entry_key(entry: feedparser.FeedParserDict) -> str:
    """A stable identity for an entry across polls: its id (guid), else its link, else title and date."""
    for key in ("id", "link"):
        value = entry.get(key)
        if value and str(value).strip():
            return str(value).strip()
    return f"{entry.get('title', '')}|{_entry_date(entry) or ''}"


def parse_entries(name: str, data: bytes) -> tuple[str | None, list[feedparser.FeedParserDict]]:
    """(feed title, entries) of a feed checked for unsafe XML; rejected when it has no entry."""
    check_xml(name, data)
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f"malformed feed ({parsed.bozo_exception})" if parsed.bozo else "feed has no entries"
        raise InputRejected(name, reason)
    return parsed.feed.get("title"), list(parsed.entries)


def entry_draft(name: str, index: int, feed_title: str | None,
                entry: feedparser.FeedParserDict) -> ArticleDraft:
    """One entry as an article (its page fetched when the feed gives only a summary)."""
    source = f"{name}#entry-{index}"
    link = entry.get("link")
    body, full = _entry_body(entry)
    text = _html_text(body)
    published = _entry_date(entry)
    meta: dict[str, object] = {"feed": name, "entry": index}
    if link and link.startswith(("http://", "https://")) and not full and len(text) < SUMMARY_ONLY_CHARS:
        try:
            return _page_draft(name, index, feed_title, entry, link, published)
        except InputRejected as exc:
            # the summary is kept when it says enough; else the page's failure is the reason
            meta["page_error"] = exc.reason
            if sum(ch.isalpha() for ch in text) < SUMMARY_KEEP_LETTERS:
                raise InputRejected(source, exc.reason) from exc
    return build_draft(
        source, body.encode("utf-8"), "feed", text,
        title=entry.get("title"), outlet=feed_title, author=entry.get("author"),
        published=published, precision="day" if published else None, url=link,
        meta=meta,
    )


def _page_draft(name: str, index: int, feed_title: str | None, entry: feedparser.FeedParserDict,
                link: str, published: str | None) -> ArticleDraft:
    """The entry's article read from its page, the feed's fields filling the gaps."""
    page = fetcher.fetch(link)
    markup, _ = decode(link, page.data, page.charset)
    draft = html_reader.html_to_draft(link, page.data, markup, page.url)
    draft.title = draft.title or entry.get("title")
    draft.outlet = draft.outlet or feed_title
    if published and draft.published_precision != "day":
        draft.published, draft.published_precision = published, "day"
    draft.meta.update({"feed": name, "entry": index})
    return draft


def read(name: str, data: bytes) -> ReadResult:
    feed_title, entries = parse_entries(name, data)
    result = ReadResult()
    for index, entry in enumerate(entries, 1):
        try:
            result.drafts.append(entry_draft(name, index, feed_title, entry))
        except InputRejected as exc:
            result.rejected.append((f"{name}#entry-{index}", exc.reason))
    return result
