"""The list of sources `suivi run` keeps watch on: add, list (with health and next due), remove.

Why sources are checked when added: a typo in a path or a scheme should fail at once with one
clear line, not after a night of silent failed polls. Reachability is not checked here (a
feed may be down for an hour); the first poll says, and `sources list` shows its error.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection

from suivi.errors import ConfigError
from suivi.ingest.sources import is_url
from suivi.monitor.schedule import format_every, parse_every
from suivi.store import monitor as monitor_store
from suivi.store.follow import add_audit
from suivi.store.monitor import Source

DEFAULT_EVERY = "15m"


@dataclass
class SourceView:
    """A source as `sources list` shows it: where, how often, how it went, when it is next due."""

    id: int
    name: str
    kind: str
    location: str
    every: str
    every_seconds: int
    enabled: bool
    state: str  # due | waiting | backing off | disabled
    next_due_at: str | None
    last_polled_at: str | None
    last_ok_at: str | None
    failures: int
    last_error: str | None
    last_error_at: str | None
    last_new: int
    total_new: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def view(source: Source, at: datetime) -> SourceView:
    if not source.enabled:
        state = "disabled"
    elif source.next_due_at is None or source.next_due_at <= at:
        state = "due"
    else:
        state = "backing off" if source.failures else "waiting"
    return SourceView(
        id=source.id, name=source.name, kind=source.kind, location=source.location,
        every=format_every(source.every_seconds), every_seconds=source.every_seconds, enabled=source.enabled,
        state=state, next_due_at=_iso(source.next_due_at) or _iso(at), last_polled_at=_iso(source.last_polled_at),
        last_ok_at=_iso(source.last_ok_at), failures=source.failures, last_error=source.last_error,
        last_error_at=_iso(source.last_error_at), last_new=source.last_new, total_new=source.total_new,
    )


def _kind_and_location(ref: str) -> tuple[str, str]:
    if is_url(ref):
        parts = urlsplit(ref)
        if not parts.hostname:
            raise ConfigError(f"{ref}: no host in this URL")
        return "url", ref
    if "://" in ref:
        raise ConfigError(f"{ref}: only http(s) URLs, folders and files can be sources")
    path = Path(ref).expanduser()
    if path.is_dir():
        return "folder", str(path.resolve())
    if path.is_file():
        return "file", str(path.resolve())
    raise ConfigError(f"{ref}: no such file or folder")


def _default_name(kind: str, location: str) -> str:
    if kind == "url":
        parts = urlsplit(location)
        base = (parts.hostname or "source").removeprefix("www.")
        tail = [p for p in parts.path.split("/") if p]
        raw = base + ("-" + tail[-1].rsplit(".", 1)[0] if tail else "")
    else:
        raw = Path(location).stem or "folder"
    return re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-") or "source"


def add(conn: Connection, ref: str, *, every: str | None = None, name: str | None = None,
        user: str | None = None) -> SourceView:
    """Add a URL (feed, page, JSON Lines), a folder or a file; it is due at once."""
    kind, location = _kind_and_location(ref)
    seconds = parse_every(every or DEFAULT_EVERY)
    existing = monitor_store.find_source(conn, location=location)
    if existing is not None:
        raise ConfigError(f"{ref} is already a source (named {existing.name!r})")
    if name is not None:
        name = name.strip()
        if not name or name.isdigit():
            raise ConfigError("a source name needs a letter (ids are numbers)")
        if monitor_store.find_source(conn, name=name):
            raise ConfigError(f"there is already a source named {name!r}")
    else:
        base = name = _default_name(kind, location)
        n = 1
        while monitor_store.find_source(conn, name=name):
            n += 1
            name = f"{base}-{n}"
    source_id = monitor_store.add_source(conn, name=name, kind=kind, location=location, every_seconds=seconds,
                                         user=user)
    add_audit(conn, user=user or "unknown", action="source_add", target_type="source", target_id=name,
              after={"kind": kind, "location": location, "every_seconds": seconds})
    return view(monitor_store.get_source(conn, source_id), monitor_store.now())


def list_views(conn: Connection) -> list[SourceView]:
    at = monitor_store.now()
    return [view(s, at) for s in monitor_store.list_sources(conn)]


def remove(conn: Connection, ref: int | str, *, user: str | None = None) -> SourceView:
    """Stop watching a source; the articles it brought stay in the store."""
    source = monitor_store.get_source(conn, ref)
    monitor_store.remove_source(conn, source.id)
    add_audit(conn, user=user or "unknown", action="source_remove", target_type="source", target_id=source.name,
              before={"kind": source.kind, "location": source.location, "every_seconds": source.every_seconds})
    return view(source, monitor_store.now())
