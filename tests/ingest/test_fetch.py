"""URLs against a real HTTP server on 127.0.0.1 (private fetches allowed in these tests)."""

from __future__ import annotations

import socket

import pytest

from suivi.errors import FetchError
from suivi.ingest.api import ingest
from suivi.ingest.fetch import fetch
from suivi.store.articles import iter_articles

from .conftest import Route

BODY_FR = (
    "Le conseil régional a voté jeudi un budget de reconstruction pour les écoles endommagées. "
    "Les premières classes rouvriront en septembre, selon le président du conseil. "
    "Les parents d'élèves ont salué une décision attendue depuis plusieurs mois."
)


def page(title: str, body: str = BODY_FR) -> bytes:
    return (
        f"<!DOCTYPE html><html lang='fr'><head><title>{title}</title>"
        "<meta property='og:site_name' content='Le Courrier régional'>"
        "<meta property='article:published_time' content='2024-09-12T08:00:00Z'></head>"
        f"<body><article><h1>{title}</h1><p>{body}</p><p>{body.replace('jeudi', 'lundi')}</p></article>"
        "</body></html>"
    ).encode()


def stored(store) -> list:
    with store.connect() as conn:
        return iter_articles(conn)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_private_address_refused_by_default(store, http_server) -> None:
    http_server.routes["/a"] = Route(page("Écoles : un budget voté"))
    report = ingest(store, [http_server.url("/a")])
    assert report.new == []
    (source, reason), = report.rejected
    assert source == http_server.url("/a") and "non-public address 127.0.0.1" in reason
    assert http_server.hits == {}  # refused before any request


def test_html_url(store, http_server, allow_private) -> None:
    http_server.routes["/a"] = Route(page("Écoles : un budget voté"))
    report = ingest(store, [http_server.url("/a")])
    assert len(report.new) == 1, report.rejected
    (article,) = stored(store)
    assert article.title == "Écoles : un budget voté"
    assert article.outlet == "Le Courrier régional" and article.published == "2024-09-12"
    assert article.url == http_server.url("/a")


def test_content_type_routes_text_and_jsonl(store, http_server, allow_private) -> None:
    http_server.routes["/plain"] = Route(f"Écoles : un budget voté\n\n{BODY_FR}".encode(), "text/plain")
    http_server.routes["/dump"] = Route(
        ('{"text": "' + BODY_FR.replace("écoles", "routes") + '", "title": "Routes"}\n').encode(),
        "application/x-ndjson",
    )
    report = ingest(store, [http_server.url("/plain"), http_server.url("/dump")])
    assert len(report.new) == 2, report.rejected
    kinds = sorted(a.source_kind for a in stored(store))
    assert kinds == ["jsonl", "text"]


def test_redirects_followed_then_capped(store, http_server, allow_private, monkeypatch) -> None:
    http_server.routes["/final"] = Route(page("Écoles : un budget voté"))
    for i in range(3):
        target = "/final" if i == 2 else f"/r{i + 1}"
        http_server.routes[f"/r{i}"] = Route(status=302, headers={"Location": target})
    assert fetch(http_server.url("/r0")).url == http_server.url("/final")
    monkeypatch.setenv("SUIVI_FETCH_MAX_REDIRECTS", "2")
    with pytest.raises(FetchError, match="too many redirects"):
        fetch(http_server.url("/r0"))


def test_each_redirect_hop_is_vetted(http_server, allow_private) -> None:
    """A hop is checked before it is requested, whatever the first URL was."""
    http_server.routes["/go"] = Route(status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="unsupported scheme 'file'"):
        fetch(http_server.url("/go"))


def test_size_cap(http_server, allow_private, monkeypatch) -> None:
    http_server.routes["/big"] = Route(b"x" * 5000, "text/plain")
    monkeypatch.setenv("SUIVI_FETCH_MAX_BYTES", "1000")
    with pytest.raises(FetchError, match="too large"):
        fetch(http_server.url("/big"))


def test_http_error_and_unreachable(store, http_server, allow_private) -> None:
    dead = f"http://127.0.0.1:{closed_port()}/x"
    report = ingest(store, [http_server.url("/missing"), dead])
    reasons = dict(report.rejected)
    assert "HTTP 404" in reasons[http_server.url("/missing")]
    assert "unreachable" in reasons[dead]


def test_feed_entry_with_only_a_summary_fetches_its_page(store, http_server, allow_private) -> None:
    http_server.routes["/story"] = Route(page("Écoles : un budget voté"))
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Le Courrier régional</title>
<item><title>Écoles : un budget voté</title><link>{http_server.url('/story')}</link>
<pubDate>Thu, 12 Sep 2024 10:00:00 +0000</pubDate><description>Le conseil a voté.</description></item>
<item><title>Lien mort</title><link>{http_server.url('/gone')}</link><description>Court.</description></item>
<item><title>Page perdue, résumé gardé</title><link>{http_server.url('/lost')}</link>
<description>{BODY_FR.replace("écoles", "routes")}</description></item>
</channel></rss>"""
    http_server.routes["/feed"] = Route(feed.encode(), "application/rss+xml")
    report = ingest(store, [http_server.url("/feed")])
    assert len(report.new) == 2
    article, kept = sorted(stored(store), key=lambda a: a.id)
    assert "Les premières classes rouvriront en septembre" in article.text
    assert kept.title == "Page perdue, résumé gardé" and "HTTP 404" in kept.meta["page_error"]
    assert article.url == http_server.url("/story")
    assert http_server.hits["/story"] == 1
    (source, reason), = report.rejected
    assert source.endswith("#entry-2") and "HTTP 404" in reason
