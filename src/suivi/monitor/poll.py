"""One poll of one source: fetch what is new, store each new article in its own transaction.

Why item by item: a stop request is honoured between two items, never inside one, and each
stored article is registered in `monitor_pending` in the same transaction, so the runner
(or the next run) can finish its stages whatever happens. A URL is fetched with the same
limits and private-address rule as `suivi ingest` (`suivi.ingest.fetch`), conditionally
(If-None-Match / If-Modified-Since); the validators are saved only once every item of the
response was handled, so a poll cut short is fetched again in full next time. Feed entries
already taken are skipped by their id (guid), so a summary-only entry's page is fetched
once, not at every poll; folder files are taken again only when their size or time changes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from suivi.errors import InputRejected
from suivi.ingest import feed as feed_reader
from suivi.ingest import fetch as fetcher
from suivi.ingest import sources as readers
from suivi.ingest.api import expand_inputs
from suivi.models import ArticleDraft
from suivi.store import Store
from suivi.store import monitor as monitor_store
from suivi.store.articles import insert_article
from suivi.store.monitor import Source

# A file modified less than this many seconds ago may still be being written: left for the next poll.
SETTLE_SECONDS = float(os.environ.get("SUIVI_FOLDER_SETTLE_SECONDS", "2"))


@dataclass
class PollOutcome:
    source: str
    status: str = "ok"  # ok | not_modified | failed | stopped
    new: list[int] = field(default_factory=list)
    duplicates: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    def to_json(self) -> dict:
        return {"source": self.source, "status": self.status, "new": len(self.new), "new_ids": self.new,
                "duplicates": self.duplicates, "error": self.error,
                "rejected": [{"item": i, "reason": r} for i, r in self.rejected]}


Stored = Callable[[list[int]], None]


def _store(store: Store, source: Source, drafts: list[ArticleDraft], outcome: PollOutcome,
           item_key: str | None, fingerprint: str | None) -> list[int]:
    """Store one item's articles, mark them pending and the item seen, in one transaction."""
    created: list[int] = []
    with store.begin() as conn:
        for draft in drafts:
            draft.meta.setdefault("monitor_source", source.name)
            article_id, is_new = insert_article(conn, draft)
            if is_new:
                created.append(article_id)
                monitor_store.add_pending(conn, article_id, source.id)
            else:
                outcome.duplicates += 1
        if item_key is not None:
            monitor_store.mark_seen(conn, source.id, item_key, fingerprint)
    outcome.new.extend(created)
    return created


def poll(store: Store, source: Source, *, should_stop: Callable[[], bool], on_stored: Stored) -> PollOutcome:
    """Poll `source` once. A failure of the source itself is returned, never raised."""
    outcome = PollOutcome(source=source.name)
    try:
        if source.kind == "url":
            _poll_url(store, source, outcome, should_stop, on_stored)
        else:
            _poll_files(store, source, outcome, should_stop, on_stored)
    except InputRejected as exc:
        outcome.status, outcome.error = "failed", exc.reason
    return outcome


def _poll_url(store: Store, source: Source, outcome: PollOutcome, should_stop: Callable[[], bool],
              on_stored: Stored) -> None:
    url = source.location
    page = fetcher.fetch(url, etag=source.etag, last_modified=source.last_modified)
    if page.status == 304:
        outcome.status = "not_modified"
        outcome.etag, outcome.last_modified = page.etag, page.last_modified
        return
    if readers.fetched_kind(url, page) == "feed":
        title, entries = feed_reader.parse_entries(url, page.data)
        seen = _seen(store, source)
        for index, entry in enumerate(entries, 1):
            key = feed_reader.entry_key(entry)
            if key in seen:
                continue
            if should_stop():
                outcome.status = "stopped"
                return
            try:
                draft = feed_reader.entry_draft(url, index, title, entry)
            except InputRejected as exc:  # tried again the next time the feed changes
                outcome.rejected.append((f"{url}#entry-{index}", exc.reason))
                continue
            on_stored(_store(store, source, [draft], outcome, key, None))
    else:
        result = readers.read_fetched(url, page)
        outcome.rejected.extend(result.rejected)
        on_stored(_store(store, source, result.drafts, outcome, None, None))
    outcome.etag, outcome.last_modified = page.etag, page.last_modified


def _seen(store: Store, source: Source) -> dict[str, str | None]:
    with store.connect() as conn:
        return monitor_store.seen_items(conn, source.id)


def _poll_files(store: Store, source: Source, outcome: PollOutcome, should_stop: Callable[[], bool],
                on_stored: Stored) -> None:
    root = Path(source.location)
    if source.kind == "folder" and not root.is_dir():
        raise InputRejected(source.location, "folder not found (moved or deleted?)")
    if source.kind == "file" and not root.is_file():
        raise InputRejected(source.location, "file not found (moved or deleted?)")
    refs, _missing = expand_inputs([source.location])
    seen = _seen(store, source)
    now = time.time()
    for ref in refs:
        path = Path(ref)
        try:
            stat = path.stat()
        except OSError:
            continue  # removed since the folder was listed
        key = path.name if source.kind == "file" else str(path.relative_to(root))
        fingerprint = f"{stat.st_mtime_ns}:{stat.st_size}"
        if seen.get(key) == fingerprint or now - stat.st_mtime < SETTLE_SECONDS:
            continue
        if should_stop():
            outcome.status = "stopped"
            return
        try:
            result = readers.read_path(ref)
        except InputRejected as exc:
            outcome.rejected.append((ref, exc.reason))
            _store(store, source, [], outcome, key, fingerprint)  # not read again until it changes
            continue
        outcome.rejected.extend(result.rejected)
        on_stored(_store(store, source, result.drafts, outcome, key, fingerprint))
