"""The monitor's tables: created by the migration on SQLite and PostgreSQL, read back as objects."""

from __future__ import annotations

from datetime import timedelta

import pytest

from suivi.errors import NotFound
from suivi.store import monitor as monitor_store
from suivi.store import open_store


def _roundtrip(store) -> None:
    with store.begin() as conn:
        sid = monitor_store.add_source(conn, name="wire", kind="url", location="https://example.org/feed.xml",
                                       every_seconds=900, user="alice")
        monitor_store.mark_seen(conn, sid, "guid-1")
        monitor_store.mark_seen(conn, sid, "a.txt", "10:20")
        monitor_store.mark_seen(conn, sid, "a.txt", "11:20")
        due = monitor_store.now() + timedelta(minutes=15)
        monitor_store.update_source(conn, sid, failures=2, last_error="HTTP 500", next_due_at=due)
    with store.connect() as conn:
        (source,) = monitor_store.list_sources(conn)
        assert source.name == "wire" and source.enabled and source.failures == 2
        assert source.last_error == "HTTP 500"
        assert source.next_due_at is not None and source.next_due_at.tzinfo is not None
        assert abs((source.next_due_at - due).total_seconds()) < 1
        assert monitor_store.seen_items(conn, sid) == {"guid-1": None, "a.txt": "11:20"}
        assert monitor_store.get_source(conn, "wire").id == sid == monitor_store.get_source(conn, sid).id
        with pytest.raises(NotFound):
            monitor_store.get_source(conn, "nope")
    with store.begin() as conn:
        monitor_store.remove_source(conn, sid)
    with store.connect() as conn:
        assert monitor_store.list_sources(conn) == []
        assert monitor_store.seen_items(conn, sid) == {}


def test_monitor_tables_sqlite(store) -> None:
    _roundtrip(store)


@pytest.mark.postgres
def test_monitor_tables_postgres(pg_url) -> None:
    store = open_store(pg_url)
    try:
        with store.begin() as conn:
            for s in monitor_store.list_sources(conn):
                monitor_store.remove_source(conn, s.id)
        _roundtrip(store)
    finally:
        store.close()
