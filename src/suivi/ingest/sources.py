"""Source readers, registered in one table so a new kind plugs in without touching callers.

A reader takes the input's name and bytes and returns a ReadResult (a feed or a JSONL
export gives many articles). The kind comes from the name, else from the first bytes;
for URLs, from the Content-Type the server sends.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from suivi.config import IngestSettings
from suivi.errors import InputRejected
from suivi.ingest import feed as feed_reader
from suivi.ingest import fetch as fetcher
from suivi.ingest import html as html_reader
from suivi.ingest import jsonl as jsonl_reader
from suivi.ingest import text as text_reader
from suivi.ingest.encoding import decode
from suivi.ingest.result import ReadResult

Reader = Callable[[str, bytes], ReadResult]

READERS: dict[str, Reader] = {
    "text": text_reader.read,
    "html": html_reader.read,
    "feed": feed_reader.read,
    "jsonl": jsonl_reader.read,
}

EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".rdf": "feed", ".xml": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
}

CONTENT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed",
    "application/x-ndjson": "jsonl", "application/jsonl": "jsonl", "application/json": "jsonl",
    "text/plain": "text",
}

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(
    rb"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.DOTALL
)


def readable_in_folder(path: Path) -> bool:
    """Files a folder walk picks up: known article extensions, or none (sniffed).

    Why: a corpus folder also holds READMEs, scripts and gold files; naming one explicitly
    still reads it, whatever its extension.
    """
    return path.suffix == "" or path.suffix.lower() in EXTENSIONS


def register_reader(kind: str, reader: Reader, extensions: tuple[str, ...] = ()) -> None:
    """Add (or replace) the reader of a kind, optionally claiming file extensions."""
    READERS[kind] = reader
    for ext in extensions:
        EXTENSIONS[ext.lower()] = kind


def sniff_kind(data: bytes) -> str:
    """The kind from the first bytes: a feed root element, an HTML document, JSON lines, or text."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (found by fuzzing: a page read as text)
        head = head[:4096 - len(head) % 2].decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<?xml"):
        after = head.split(b"?>", 1)[-1].lstrip()
        if not _FEED_ROOT.search(head) and _HTML_START.match(after):
            return "html"
        return "feed"
    if _FEED_ROOT.match(head):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def detect_kind(name: str, data: bytes) -> str:
    """The reader for an input, from its name then its first bytes."""
    kind = EXTENSIONS.get(Path(name).suffix.lower())
    if kind == "feed" and not _FEED_ROOT.search(data[:4096]) and sniff_kind(data) == "html":
        return "html"
    return kind or sniff_kind(data)


def _check_bytes(name: str, data: bytes, limit: int) -> None:
    if len(data) > limit:
        raise InputRejected(name, f"too large (limit {limit} bytes)")
    if not data.strip():
        raise InputRejected(name, "empty input")


def read_path(ref: str) -> ReadResult:
    """A local file; its size is checked before a byte is read."""
    limit = IngestSettings().max_file_bytes
    path = Path(ref)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputRejected(ref, f"cannot read: {exc.strerror}") from exc
    if size > limit:
        raise InputRejected(ref, f"too large ({size} bytes; limit {limit})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputRejected(ref, f"cannot read: {exc.strerror}") from exc
    _check_bytes(ref, data, limit)
    return READERS[detect_kind(ref, data)](ref, data)


def read_stream(name: str, stream: BinaryIO) -> ReadResult:
    """Standard input (or any stream), read up to the size limit plus one byte."""
    limit = IngestSettings().max_file_bytes
    data = stream.read(limit + 1)
    _check_bytes(name, data, limit)
    return READERS[detect_kind(name, data)](name, data)


def read_url(url: str) -> ReadResult:
    """A page, feed, JSONL or text URL, routed by the Content-Type the server sends."""
    return read_fetched(url, fetcher.fetch(url))


def fetched_kind(url: str, page: fetcher.Fetched) -> str:
    """The reader kind of a fetched response: its Content-Type, else its name and first bytes."""
    if not page.data.strip():
        raise InputRejected(url, "empty response")
    kind = CONTENT_TYPES.get(page.content_type) or detect_kind(urlpath(page.url), page.data)
    if kind == "feed" and not _FEED_ROOT.search(page.data[:4096]) and sniff_kind(page.data) == "html":
        kind = "html"
    return kind


def read_fetched(url: str, page: fetcher.Fetched) -> ReadResult:
    """Read a response already fetched (`suivi run` fetches conditionally, then reads here)."""
    kind = fetched_kind(url, page)
    if kind == "html":
        markup, _ = decode(url, page.data, page.charset)
        return ReadResult(drafts=[html_reader.html_to_draft(url, page.data, markup, page.url)])
    result = READERS[kind](url, page.data)
    for draft in result.drafts:
        draft.url = draft.url or page.url
    return result


def urlpath(url: str) -> str:
    return url.split("?", 1)[0].split("#", 1)[0]


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def read_input(ref: str, stdin: BinaryIO | None = None) -> ReadResult:
    """Read one input reference: '-' (stdin), an http(s) URL, or a file path."""
    if ref == "-" and stdin is not None:
        return read_stream("<stdin>", stdin)
    if is_url(ref):
        return read_url(ref)
    return read_path(ref)
