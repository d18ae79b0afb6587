"""Fixtures for the web app: the sample corpus read once per session into a store, a hostile
article beside it, an analyst account, and a real HTTP server (uvicorn) on a free port."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "articles"
PASSWORD = "correct horse battery"

# An article whose text, title and metadata try every classic injection; it must stay text.
HOSTILE = """<script>alert(1)</script>Accord <b onmouseover="window.__xss=6">routier</b>

Publié le 2025-06-02

<script>window.__xss = 1; alert('xss')</script> Le Mali construira \
"><img src=x onerror="window.__xss=2"> une route d'ici 2027.

Le Niger livrera <svg onload="window.__xss=3"> du carburant au Mali d'ici décembre 2025, a déclaré le ministre. \
' onmouseover='window.__xss=4' x='
Le ministre a dit : « <iframe src="javascript:window.__xss=5"></iframe> nous tiendrons parole ». {{7*7}} ${7*7}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def corpus_store_path(tmp_path_factory) -> Path:
    """The sample corpus (and one hostile article) through every stage, once per test session."""
    from suivi.ingest.api import ingest
    from suivi.pipeline import run_pipeline
    from suivi.store import open_store

    folder = tmp_path_factory.mktemp("webcorpus")
    inputs = folder / "in"
    shutil.copytree(CORPUS, inputs)
    (inputs / "zz-hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = folder / "web.db"
    store = open_store(str(db))
    report = ingest(store, [str(inputs)])
    assert not report.rejected, report.rejected
    run_pipeline(store, report.new)
    from suivi import accounts

    with store.begin() as conn:
        accounts.add_user(conn, "ana", PASSWORD)
    store.close()
    return db


@pytest.fixture
def web_store(corpus_store_path, tmp_path):
    """A private copy of the session store (tests that write must not disturb the others)."""
    from suivi.store import open_store

    copy = tmp_path / "web.db"
    shutil.copy(corpus_store_path, copy)
    store = open_store(str(copy))
    yield store
    store.close()


@pytest.fixture
def client(web_store):
    from fastapi.testclient import TestClient

    from suivi.web.app import create_app

    with TestClient(create_app(web_store)) as c:
        yield c


class Server:
    def __init__(self, store, settings=None) -> None:
        import uvicorn

        from suivi.web.app import create_app

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(store, settings), host="127.0.0.1", port=self.port, log_level="warning",
                                access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def live_server(web_store):
    with Server(web_store) as server:
        yield server
