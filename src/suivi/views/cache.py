"""The register built once per store state and date, shared by every request of a process.

Why: building the register replays every commitment's status log; a store of 100,000
articles holds tens of thousands of commitments, too many to replay on each page view.
The cached copy is keyed by the store's fingerprint (`store.queries.fingerprint`: counts and
largest ids of the tables the register reads, a few index lookups) and the day: any new
article, mention, status change or analyst decision, or a new day, rebuilds it. A maximum age
bounds what a write the fingerprint cannot see (an in-place update) could leave stale; the
fingerprint itself is read at most once a second, and the app's own writes (review, upload)
clear the cache at once.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

from suivi.store import Store, queries
from suivi.views.register import RegisterItem, build

MAX_AGE_SECONDS = 300.0
CHECK_SECONDS = 1.0  # the fingerprint is read at most this often (a page asks the cache several times)


@dataclass
class _Entry:
    key: tuple[Any, ...]
    items: list[RegisterItem]
    built: float
    extra: dict[str, Any]
    checked: float = 0.0


class RegisterCache:
    """Per-process cache of `views.register.build` (hidden items included, no details)."""

    def __init__(self, max_age: float = MAX_AGE_SECONDS, check_every: float = CHECK_SECONDS) -> None:
        self.max_age = max_age
        self.check_every = check_every
        self._lock = threading.Lock()
        self._entries: dict[tuple[str, str], _Entry] = {}

    def items(self, store: Store, as_of: date) -> list[RegisterItem]:
        return self._entry(store, as_of).items

    def memo(self, store: Store, as_of: date, name: str, compute) -> Any:  # noqa: ANN001 - a callable
        """A value derived from the same store state (e.g. the overview), computed once per state."""
        entry = self._entry(store, as_of)
        if name not in entry.extra:
            entry.extra[name] = compute(entry.items)
        return entry.extra[name]

    def invalidate(self) -> None:
        with self._lock:
            self._entries.clear()

    def _entry(self, store: Store, as_of: date) -> _Entry:
        slot = (store.url, as_of.isoformat())
        entry = self._entries.get(slot)
        now = time.monotonic()
        if entry is not None and now - entry.checked < self.check_every and now - entry.built < self.max_age:
            return entry
        with store.connect() as conn:
            key = queries.fingerprint(conn)
        if entry is not None and entry.key == key and now - entry.built < self.max_age:
            entry.checked = now
            return entry
        with self._lock:  # one build at a time; a second request waits and reuses it
            entry = self._entries.get(slot)
            if entry is not None and entry.key == key and time.monotonic() - entry.built < self.max_age:
                return entry
            with store.connect() as conn:
                items = build(conn, as_of, details=False)
            entry = _Entry(key, items, time.monotonic(), {}, time.monotonic())
            self._entries = {k: v for k, v in self._entries.items() if k[0] != store.url or k == slot}
            self._entries[slot] = entry
            return entry
