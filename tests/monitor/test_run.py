"""`suivi run`, the real command in a subprocess, against feeds served on this machine.

A feed changes between polls: the new item is ingested, goes through every stage and fires a
webhook alert to a local receiver; a failing source backs off; SIGTERM in the middle of a
poll finishes the article in hand and loses nothing.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from suivi.alerts import targets
from suivi.follow import watch
from suivi.monitor import catalog
from suivi.monitor.runner import Monitor
from suivi.store import Store, open_store
from suivi.store import articles as article_store
from suivi.store import monitor as monitor_store
from suivi.store import reading as reading_store

from .servers import LocalServer, page, rss

pytestmark = pytest.mark.slow

SUIVI = str(Path(sys.executable).with_name("suivi"))  # the installed command, as a user runs it

HELICOPTERS = ("Bamako, le 20 novembre 2026 — La Russie s'engage à livrer quatre hélicoptères de transport au "
               "Mali d'ici juin 2027, a annoncé le ministre russe de la Défense lors d'une visite à Bamako.\n\n"
               "Le ministre malien a salué un partenariat solide.")
HOSPITAL = ("Gao, le 24 novembre 2026 — La Russie construira un hôpital militaire à Gao avant la fin de l'année "
            "2027, a promis l'ambassadeur russe au Mali lors d'une cérémonie jeudi.\n\n"
            "Les autorités maliennes attendent le début des travaux en janvier.")
PAGES = [
    ("Forages au Sénégal", "Dakar, le 2 novembre 2026 — Le Sénégal promet trois forages à Kaffrine avant la saison "
                           "sèche, a indiqué le ministre de l'Eau."),
    ("Semences pour le Niger", "Niamey, le 3 novembre 2026 — La Chine fournira deux cents tonnes de semences au "
                               "Niger d'ici mars 2027, selon l'ambassade."),
    ("École de Djibo", "Ouagadougou, le 4 novembre 2026 — Le Burkina Faso s'engage à rouvrir l'école de Djibo à "
                       "la rentrée, a déclaré le gouverneur."),
    ("Route de Kayes", "Bamako, le 5 novembre 2026 — Le Mali achèvera la route de Kayes en 2027, a promis le "
                       "ministre des Transports."),
]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(SUIVI_ALLOW_PRIVATE_FETCH="1", SUIVI_ALERT_BACKOFF="0.1", PYTHONUNBUFFERED="1")
    return env


class Running:
    """`suivi run --json` in the background; its events are collected as they are printed."""

    def __init__(self, db: Path, *args: str) -> None:
        self.proc = subprocess.Popen([SUIVI, "--db", str(db), "run", "--json", *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, env=_env())
        self.events: list[dict] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            if line.strip():
                self.events.append(json.loads(line))

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if self.proc.poll() is not None:
                pytest.fail(f"suivi run exited ({self.proc.returncode}) before {what}: {self.proc.stderr.read()}")
            if time.monotonic() > deadline:
                self.kill()
                pytest.fail(f"timed out waiting for {what}; events: {self.events}")
            time.sleep(0.1)

    def terminate(self, timeout: float = 180) -> int:
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            pytest.fail("suivi run did not stop after SIGTERM")
        self.reader.join(timeout=10)
        return code

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=30)


def test_new_item_is_ingested_and_fires_a_webhook_and_a_failing_source_backs_off(tmp_path: Path) -> None:
    db = tmp_path / "run.db"
    with LocalServer() as server:
        items = [dict(guid="tag:veilleur,2026:1", title="Moscou promet des hélicoptères", date="2026-11-20",
                      text=HELICOPTERS)]
        server.set("/feed.xml", rss("Le Veilleur", items))
        server.set("/broken.xml", "down for maintenance", status=500, content_type="text/plain")
        with _store(db) as store, store.begin() as conn:  # set up as `suivi sources add`, `watch add`, `alerts add` do
            catalog.add(conn, server.url("/feed.xml"), every="1s", name="wire")
            catalog.add(conn, server.url("/broken.xml"), every="1s", name="broken")
            watch.add_rule(conn, "russie", actor="RUS", sector=None, within_days=None, user="test")
            targets.add(conn, "russie", "webhook", server.url("/hook"), user="test")

        run = Running(db, "--tick", "0.2")
        run.wait_for(lambda: len(server.posts("/hook")) >= 1, "the first alert")
        (first,) = server.posts("/hook")
        assert first["rule"] == "russie"
        assert [(c["change"], c["agents"][0]) for c in first["changes"]] == [("new", "RUS")]
        assert "hélicoptère" in first["changes"][0]["action"]

        run.wait_for(lambda: any(h.status == 304 for h in server.gets("/feed.xml")), "a 304 on the unchanged feed")
        items.append(dict(guid="tag:veilleur,2026:2", title="Un hôpital russe à Gao", date="2026-11-24",
                          text=HOSPITAL))
        server.set("/feed.xml", rss("Le Veilleur", items))
        run.wait_for(lambda: len(server.posts("/hook")) >= 2, "the alert for the new item")
        time.sleep(1.5)
        assert run.terminate() == 0

    second = server.posts("/hook")[1]
    assert len(second["changes"]) == 1 and second["changes"][0]["change"] == "new"  # only what is new
    assert second["changes"][0]["key"] != first["changes"][0]["key"]
    assert len(server.posts("/hook")) == 2  # nothing sent twice
    polls = [e for e in run.events if e["event"] == "poll" and e["source"] == "wire"]
    assert [p["new"] for p in polls if p["new"]] == [1, 1]
    assert {"stopping", "stopped"} <= {e["event"] for e in run.events}

    # the failing source was asked less and less often: each wait at least doubles
    broken = [h for h in server.hits if h.path == "/broken.xml"]
    assert 2 <= len(broken) < len(server.gets("/feed.xml"))
    stamps = [e for e in run.events if e["event"] == "poll" and e["source"] == "broken"]
    assert [e["failures"] for e in stamps] == list(range(1, len(stamps) + 1))
    with _store(db) as store, store.connect() as conn:
        listed = {v.name: v.to_json() for v in catalog.list_views(conn)}
        alerts = [v.to_json() for v in targets.list_views(conn)]
    assert listed["broken"]["last_error"] == "HTTP 500 Internal Server Error"
    assert listed["broken"]["failures"] == len(broken)
    wait = _seconds(listed["broken"]["next_due_at"]) - _seconds(listed["broken"]["last_error_at"])
    assert wait == pytest.approx(2 ** len(broken), abs=1.01)
    assert (listed["wire"]["failures"], listed["wire"]["total_new"], listed["wire"]["last_error"]) == (0, 2, None)
    assert [(a["sent"], a["pending"], a["failed"]) for a in alerts] == [(2, 0, 0)]


@contextmanager
def _store(db: Path) -> Iterator[Store]:
    store = open_store(str(db))
    try:
        yield store
    finally:
        store.close()


def _seconds(stamp: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(stamp).timestamp()


def test_sigterm_mid_poll_finishes_the_article_in_hand_and_loses_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SUIVI_ALLOW_PRIVATE_FETCH", "1")
    db = tmp_path / "stop.db"
    with LocalServer() as server:
        items = []
        for n, (title, text) in enumerate(PAGES, 1):
            server.set(f"/p{n}.html", page(title, f"2026-11-0{n + 1}", text), content_type="text/html", delay=1.0)
            items.append(dict(guid=f"p{n}", title=title, date=f"2026-11-0{n + 1}", link=server.url(f"/p{n}.html")))
        server.set("/feed.xml", rss("Le Veilleur", items))
        with _store(db) as store, store.begin() as conn:
            catalog.add(conn, server.url("/feed.xml"), name="wire")

        run = Running(db, "--batch", "1", "--no-alerts", "--tick", "0.2")
        # the request's arrival, not its answer: the page is delayed 1 s, and the signal must come
        # while it is in flight (waiting for the answer raced with the article's processing)
        run.wait_for(lambda: server.arrivals("/p2.html") == 1, "the second page being fetched")
        assert run.terminate() == 0  # SIGTERM while the second article is being fetched

        store = open_store(str(db))
        try:
            with store.connect() as conn:
                stored = article_store.list_articles(conn)
                assert sorted(a.title for a in stored) == ["Forages au Sénégal", "Semences pour le Niger"]
                assert monitor_store.pending_articles(conn) == []
                for article in stored:  # every stage ran on both: the reading stage found their places
                    assert reading_store.mentions_for_article(conn, article.id), article.title
                source = monitor_store.get_source(conn, "wire")
                assert source.etag is None  # cut short: the feed will be read in full again

            Monitor(store, alerts=False).run_once()  # the next run (in this process: the models are loaded once)
            with store.connect() as conn:
                stored = article_store.list_articles(conn)
                assert sorted(a.title for a in stored) == sorted(t for t, _ in PAGES)
                assert monitor_store.pending_articles(conn) == []
                assert all(reading_store.mentions_for_article(conn, a.id) for a in stored)
                assert monitor_store.get_source(conn, "wire").etag is not None
        finally:
            store.close()
        assert [len(server.gets(f"/p{n}.html")) for n in range(1, 5)] == [1, 1, 1, 1]  # each page fetched once
    assert {"stopping", "stopped"} <= {e["event"] for e in run.events}


def test_serve_with_sources_polls_in_the_background_and_stops_cleanly(tmp_path: Path) -> None:
    import socket
    import urllib.request

    db, folder = tmp_path / "serve.db", tmp_path / "drop"
    folder.mkdir()
    title, text = PAGES[0]
    (folder / "a.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    old = time.time() - 60
    os.utime(folder / "a.txt", (old, old))
    with _store(db) as store, store.begin() as conn:
        catalog.add(conn, str(folder), name="drop")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([SUIVI, "--db", str(db), "serve", "--port", str(port), "--with-sources"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())

    def listed() -> list[dict]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/articles", timeout=5) as response:
                data = json.loads(response.read())
        except OSError:
            return []
        return data["items"] if isinstance(data, dict) else data

    try:
        deadline = time.monotonic() + 180
        while not listed():
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, "the dropped file never showed up in the API"
            time.sleep(0.3)
        assert [a["title"] for a in listed()] == [title]
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=180) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    with _store(db) as store, store.connect() as conn:
        assert monitor_store.pending_articles(conn) == []  # its stages ran before the server stopped
        (article,) = article_store.list_articles(conn)
        assert reading_store.mentions_for_article(conn, article.id)
