"""Hostile input through the installed command: the payloads of docs/security.md.

Each payload is sent the way an attacker controls it — a page or feed Suivi fetches or reads,
a filter an analyst pastes — and the test checks the refusal (a one-line reason, exit 1) and
that the store is untouched afterwards.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from tests.reliability.conftest import SUIVI, picture, suivi

pytestmark = pytest.mark.skipif(not SUIVI.exists(), reason="the suivi console script is not installed")

BOMB = gzip.compress(b"\0" * (200 << 20), compresslevel=9)  # 200 MB of zeros in ~200 KB


@pytest.fixture
def server() -> Iterator[tuple[str, dict[str, int]]]:
    hits: dict[str, int] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            hits[self.path] = hits.get(self.path, 0) + 1
            if self.path == "/bomb":
                body, extra = BOMB, [("Content-Encoding", "gzip")]
            else:
                body, extra = b"<html><body><article><p>" + b"Le Mali construira une route. " * 20 + b"</p>", []
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            for key, value in extra:
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return None

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    httpd.shutdown()
    httpd.server_close()


def test_private_address_refused_without_a_request(tmp_path, server):
    base, hits = server
    done = suivi(tmp_path, "ingest", "--no-process", f"{base}/page")
    assert done.returncode == 1
    assert "non-public address" in done.stderr and "Traceback" not in done.stderr
    assert hits == {}  # refused before connecting


def test_decompression_bomb_capped(tmp_path, server, monkeypatch):
    base, hits = server
    monkeypatch.setenv("SUIVI_ALLOW_PRIVATE_FETCH", "1")
    monkeypatch.setenv("SUIVI_FETCH_MAX_BYTES", str(2 << 20))
    done = suivi(tmp_path, "ingest", "--no-process", f"{base}/bomb", f"{base}/page")
    assert done.returncode == 1, done.stderr
    assert "too large" in done.stderr and "Traceback" not in done.stderr
    assert hits["/bomb"] == 1
    assert sum(picture(tmp_path / "suivi.db")["articles"].values()) == 1  # the good page of the batch


def test_external_xml_entities_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    feed = tmp_path / "feed.xml"
    feed.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
                    '<rss version="2.0"><channel><title>t</title><item><title>&x;</title>'
                    '<description>&x; Le Mali construira une route.</description></item></channel></rss>')
    done = suivi(tmp_path, "ingest", "--no-process", str(feed))
    assert done.returncode == 1
    assert "unsafe XML" in done.stderr
    listed = suivi(tmp_path, "articles", "--json")
    assert "TOP-SECRET" not in listed.stdout


@pytest.mark.parametrize("args", [
    ["articles", "--contains", "x' OR '1'='1"],
    ["articles", "--outlet", "'; DROP TABLE articles; --"],
    ["search", "\" OR 1=1 --"],
    ["search", "NEAR(a b) OR text:*"],
    ["commitments", "--agent", "RUS' OR 1=1 --"],
])
def test_filters_are_data_never_sql(ingested, args):
    before = picture(ingested / "suivi.db")
    done = suivi(ingested, *args, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []  # matched literally: nothing has that text
    assert picture(ingested / "suivi.db") == before


def test_markup_in_a_file_name_is_printed_as_written(tmp_path):
    hostile = tmp_path / "[bold red]x[blink]y.txt"
    hostile.write_bytes(b"")
    done = suivi(tmp_path, "ingest", "--no-process", str(hostile))
    assert done.returncode == 1
    assert "[bold red]x[blink]y.txt" in done.stderr.replace("\n", "")
