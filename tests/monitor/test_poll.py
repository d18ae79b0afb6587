"""One poll of one source, against a local HTTP server and real folders.

The stages are not run here (that is `test_run.py`, through the real command): `Recorder`
only records which articles the monitor hands to them, so these tests stay fast.
"""

from __future__ import annotations

import os
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from suivi.monitor import catalog
from suivi.monitor.poll import poll
from suivi.monitor.runner import Monitor
from suivi.store import articles as article_store
from suivi.store import monitor as monitor_store

from .servers import LocalServer, page, rss

TEXT_A = ("Le ministre de l'Eau du Sénégal a promis mardi que trois forages seraient achevés à Kaffrine avant "
          "la fin de la saison sèche.\n\nLes travaux ont commencé en octobre selon le ministère.")
TEXT_B = ("La Chine fournira deux cents tonnes de semences au Niger d'ici mars 2027, a indiqué l'ambassade à "
          "Niamey.\n\nLa livraison sera répartie entre quatre régions.")
TEXT_C = ("Le Burkina Faso s'engage à rouvrir l'école de Djibo à la rentrée, a déclaré le gouverneur.\n\n"
          "Trois cents élèves sont attendus.")


class Recorder(Monitor):
    """A Monitor whose `process` records the articles handed to the stages instead of running them."""

    def __init__(self, store, **kwargs) -> None:
        super().__init__(store, alerts=False, **kwargs)
        self.processed: list[int] = []

    def process(self, article_ids: list[int]) -> None:
        self.processed.extend(article_ids)
        with self.store.begin() as conn:
            monitor_store.clear_pending(conn, article_ids)


@pytest.fixture
def private_ok(monkeypatch):
    monkeypatch.setenv("SUIVI_ALLOW_PRIVATE_FETCH", "1")


def _source(store, ref: str, every: str = "15m"):
    with store.begin() as conn:
        view = catalog.add(conn, ref, every=every, name="src")
        return monitor_store.get_source(conn, view.id)


def _reload(store, source_id: int):
    with store.connect() as conn:
        return monitor_store.get_source(conn, source_id)


def _titles(store) -> list[str]:
    with store.connect() as conn:
        return sorted(a.title or "" for a in article_store.list_articles(conn))


def test_feed_conditional_get_new_entries_and_pages_fetched_once(store, private_ok) -> None:
    with LocalServer() as server:
        items = [dict(guid="g-a", title="Forages à Kaffrine", date="2026-11-02", link=server.url("/a.html"))]
        server.set("/a.html", page("Forages à Kaffrine", "2026-11-02", TEXT_A), content_type="text/html")
        server.set("/feed.xml", rss("Le Veilleur", items))
        source = _source(store, server.url("/feed.xml"))
        monitor = Recorder(store)
        stop = threading.Event()

        first = monitor.poll_source(source, stop)
        assert (first.status, len(first.new)) == ("ok", 1)
        assert monitor.processed == first.new
        source = _reload(store, source.id)
        assert source.etag and source.last_modified and source.failures == 0
        assert source.next_due_at - source.last_polled_at == timedelta(minutes=15)

        second = monitor.poll_source(source, stop)  # unchanged: the server answers 304
        assert (second.status, second.new) == ("not_modified", [])
        assert server.gets("/feed.xml")[-1].headers["if-none-match"] == source.etag
        assert server.gets("/feed.xml")[-1].status == 304

        items.append(dict(guid="g-b", title="Semences pour le Niger", date="2026-11-03", link=server.url("/b.html")))
        server.set("/b.html", page("Semences pour le Niger", "2026-11-03", TEXT_B), content_type="text/html")
        server.set("/feed.xml", rss("Le Veilleur", items))
        third = monitor.poll_source(_reload(store, source.id), stop)
        assert (third.status, len(third.new)) == ("ok", 1)
        assert len(server.gets("/a.html")) == 1  # the entry already taken is not fetched again
        assert len(server.gets("/b.html")) == 1
        assert _titles(store) == ["Forages à Kaffrine", "Semences pour le Niger"]
        assert monitor.processed == first.new + third.new
        with store.connect() as conn:
            assert monitor_store.pending_articles(conn) == []


def test_failing_source_backs_off_and_recovers(store, private_ok) -> None:
    with LocalServer() as server:
        server.set("/feed.xml", "oops", status=500, content_type="text/plain")
        source = _source(store, server.url("/feed.xml"), every="10m")
        monitor = Recorder(store)
        waits = []
        for failures in (1, 2, 3):
            outcome = monitor.poll_source(_reload(store, source.id), threading.Event())
            assert outcome.status == "failed" and outcome.error == "HTTP 500 Internal Server Error"
            now = _reload(store, source.id)
            assert now.failures == failures and now.last_error == "HTTP 500 Internal Server Error"
            waits.append(now.next_due_at - now.last_error_at)
        assert waits == [timedelta(minutes=20), timedelta(minutes=40), timedelta(minutes=80)]
        assert monitor.due_sources() == []  # backing off: not due now
        with store.connect() as conn:
            assert [v.state for v in catalog.list_views(conn)] == ["backing off"]

        server.set("/feed.xml", rss("Le Veilleur", [dict(guid="x", title="Semences", date="2026-11-03",
                                                           text=TEXT_B)]))
        outcome = monitor.poll_source(_reload(store, source.id), threading.Event())
        assert (outcome.status, len(outcome.new)) == ("ok", 1)
        now = _reload(store, source.id)
        assert now.failures == 0 and now.next_due_at - now.last_polled_at == timedelta(minutes=10)
        assert now.last_error == "HTTP 500 Internal Server Error"  # kept, with its time, for the record


def test_fetch_rules_of_ingestion_apply(store, monkeypatch) -> None:
    with LocalServer() as server:
        server.set("/feed.xml", rss("Le Veilleur", [dict(guid="x", title="Semences", date="2026-11-03",
                                                           text=TEXT_B)]))
        source = _source(store, server.url("/feed.xml"))
        monkeypatch.delenv("SUIVI_ALLOW_PRIVATE_FETCH", raising=False)
        refused = poll(store, source, should_stop=lambda: False, on_stored=lambda ids: None)
        assert refused.status == "failed" and "non-public address 127.0.0.1" in refused.error
        assert server.gets("/feed.xml") == []  # refused before any request
        monkeypatch.setenv("SUIVI_ALLOW_PRIVATE_FETCH", "1")
        monkeypatch.setenv("SUIVI_FETCH_MAX_BYTES", "200")
        too_big = poll(store, source, should_stop=lambda: False, on_stored=lambda ids: None)
        assert too_big.status == "failed" and "too large" in too_big.error


def test_stop_between_entries_saves_no_validators(store, private_ok) -> None:
    with LocalServer() as server:
        items = [dict(guid=f"g-{i}", title=t, date="2026-11-0" + str(i + 1), text=x)
                 for i, (t, x) in enumerate([("Forages", TEXT_A), ("Semences", TEXT_B), ("École", TEXT_C)])]
        server.set("/feed.xml", rss("Le Veilleur", items))
        source = _source(store, server.url("/feed.xml"))
        stop = threading.Event()
        monitor = Recorder(store, batch=1)
        original = monitor.process

        def process_then_stop(ids: list[int]) -> None:
            original(ids)
            stop.set()  # as a SIGTERM arriving while the first article is processed

        monitor.process = process_then_stop
        outcome = monitor.poll_source(source, stop)
        assert (outcome.status, len(outcome.new)) == ("stopped", 1)
        source = _reload(store, source.id)
        assert source.etag is None and source.next_due_at <= monitor_store.now()
        rest = Recorder(store).poll_source(source, threading.Event())
        assert (rest.status, len(rest.new), rest.duplicates) == ("ok", 2, 0)
        assert _titles(store) == ["Forages", "Semences", "École"]


def test_articles_stored_but_not_processed_are_finished_by_the_next_run(store, tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text("Forages à Kaffrine\n\n" + TEXT_A, encoding="utf-8")
    os.utime(folder / "a.txt", (time.time() - 60, time.time() - 60))
    source = _source(store, str(folder))
    stored = poll(store, source, should_stop=lambda: False, on_stored=lambda ids: None)  # killed before stages
    assert len(stored.new) == 1
    with store.connect() as conn:
        assert monitor_store.pending_articles(conn) == stored.new
    later = Recorder(store)
    later.run_once()
    assert later.processed == stored.new  # finished first, before any poll
    with store.connect() as conn:
        assert monitor_store.pending_articles(conn) == []


def test_folder_source_picks_up_new_and_changed_files(store, tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    (folder / "sub").mkdir(parents=True)
    old = time.time() - 60

    def drop(name: str, text: str, when: float = old) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        os.utime(path, (when, when))
        return path

    drop("a.txt", "Forages à Kaffrine\n\n" + TEXT_A)
    drop("notes.docx", "not an article format")  # a folder walk skips unknown extensions
    source = _source(store, str(folder))
    monitor = Recorder(store)
    assert len(monitor.poll_source(source, threading.Event()).new) == 1
    assert monitor.poll_source(_reload(store, source.id), threading.Event()).new == []

    drop("sub/b.txt", "Semences pour le Niger\n\n" + TEXT_B)
    drop("c.txt", "École de Djibo\n\n" + TEXT_C, when=time.time())  # still being written: next poll
    drop("empty.txt", "   ")
    outcome = monitor.poll_source(_reload(store, source.id), threading.Event())
    assert len(outcome.new) == 1 and [r[0].endswith("empty.txt") for r in outcome.rejected] == [True]
    os.utime(folder / "c.txt", (old, old))
    outcome = monitor.poll_source(_reload(store, source.id), threading.Event())
    assert len(outcome.new) == 1 and outcome.rejected == []  # the empty file is not read again

    drop("a.txt", "Forages à Kaffrine\n\n" + TEXT_A + "\n\nMise à jour : le premier forage est achevé.",
         when=old + 5)
    outcome = monitor.poll_source(_reload(store, source.id), threading.Event())
    assert len(outcome.new) == 1  # the changed file is read again (a new version of the article)
    assert len(_titles(store)) == 4

    (folder / "sub" / "b.txt").unlink()
    folder_gone = tmp_path / "drop"
    for path in sorted(folder_gone.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    folder_gone.rmdir()
    failed = monitor.poll_source(_reload(store, source.id), threading.Event())
    assert failed.status == "failed" and "folder not found" in failed.error


def test_the_loop_outlives_a_failing_round(store, tmp_path: Path) -> None:
    """A round that fails as a whole (here the store answers "database is locked") is logged and
    the next round runs; the loop still stops when asked."""
    events: list[dict] = []
    monitor = Recorder(store, log=events.append)
    stop = threading.Event()
    calls = {"n": 0}
    original = monitor.process_pending

    def flaky() -> int:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("database is locked")
        stop.set()  # the second round went through: stop the loop
        return original()

    monitor.process_pending = flaky
    monitor.run_forever(stop, tick=0.05)
    assert calls["n"] == 2
    assert [e["event"] for e in events] == ["started", "error", "stopped"]
    assert events[1]["error"] == "OSError: database is locked"
