"""Local HTTP servers for the monitor and alert tests: a feed site whose pages change between
polls (with ETag / Last-Modified, slow pages, failing routes), and a webhook receiver."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


@dataclass
class Route:
    body: bytes
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    validators: bool = True
    last_modified: str = field(default_factory=lambda: format_datetime(datetime.now(UTC), usegmt=True))


@dataclass
class Hit:
    method: str
    path: str
    headers: dict[str, str]
    status: int
    body: bytes = b""


class LocalServer:
    """GET routes set by the test (conditional GET honoured); POSTs recorded, answered from a script."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self.arrived: list[str] = []
        self.post_statuses: list[int] = []  # answers to the next POSTs, then 200
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args) -> None:  # keep the test output clean
                return

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                with server.lock:
                    route = server.routes.get(self.path)
                    server.arrived.append(self.path)  # when the request came in, before any delay
                headers = {k.lower(): v for k, v in self.headers.items()}
                if route is None:
                    return self._answer(404, b"not found", "text/plain", headers)
                if route.delay:
                    time.sleep(route.delay)
                etag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
                if route.status == 200 and route.validators and headers.get("if-none-match") == etag:
                    return self._answer(304, b"", None, headers)
                extra = {"ETag": etag, "Last-Modified": route.last_modified} if route.validators else {}
                return self._answer(route.status, route.body, route.content_type, headers, extra)

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                with server.lock:
                    status = server.post_statuses.pop(0) if server.post_statuses else 200
                self._answer(status, b"{}", "application/json", {k.lower(): v for k, v in self.headers.items()},
                             request_body=body)

            def _answer(self, status: int, body: bytes, content_type: str | None, headers: dict[str, str],
                        extra: dict[str, str] | None = None, request_body: bytes = b"") -> None:
                with server.lock:
                    server.hits.append(Hit(self.command, self.path, headers, status, request_body))
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                for key, value in (extra or {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def set(self, path: str, body: str | bytes, **kwargs) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self.lock:
            self.routes[path] = Route(data, **kwargs)

    def arrivals(self, path: str) -> int:
        """GET requests for `path` received so far, answered or not (a delayed answer is
        recorded in `hits` only once sent)."""
        with self.lock:
            return self.arrived.count(path)

    def gets(self, path: str) -> list[Hit]:
        with self.lock:
            return [h for h in self.hits if h.method == "GET" and h.path == path]

    def posts(self, path: str) -> list[dict]:
        with self.lock:
            return [json.loads(h.body) for h in self.hits if h.method == "POST" and h.path == path and h.status < 300]


def rss(title: str, items: list[dict]) -> str:
    """An RSS 2.0 feed; an item has guid, title, date (YYYY-MM-DD) and either `text` (full content)
    or `link` only (a summary-only entry whose page must be fetched)."""
    parts = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
             f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{escape(title)}</title>']
    for item in items:
        day = datetime.fromisoformat(item["date"]).replace(hour=9, tzinfo=UTC)
        parts.append(f"<item><guid>{escape(item['guid'])}</guid><title>{escape(item['title'])}</title>"
                     f"<pubDate>{format_datetime(day, usegmt=True)}</pubDate>")
        if item.get("link"):
            parts.append(f"<link>{escape(item['link'])}</link><description>{escape(item['title'])}</description>")
        if item.get("text"):
            html = "".join(f"<p>{escape(p)}</p>" for p in item["text"].split("\n\n"))
            parts.append(f"<content:encoded>{escape(html)}</content:encoded>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts)


def page(title: str, day: str, text: str) -> str:
    """An article page as an outlet would serve it."""
    body = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<meta property="article:published_time" content="{day}T09:00:00Z"></head>'
            f"<body><article><h1>{escape(title)}</h1>{body}</article></body></html>")
