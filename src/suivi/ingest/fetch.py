"""Fetch http(s) URLs within limits: timeout, size cap, capped redirects, no private hosts.

Why every hop is re-checked: a public page may redirect to http://127.0.0.1/ or a cloud
metadata address; each URL in the chain is resolved and its addresses vetted before any
request is sent. Private, loopback and link-local addresses are refused unless
FetchSettings.allow_private (SUIVI_ALLOW_PRIVATE_FETCH) is set.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from suivi.config import FetchSettings
from suivi.errors import FetchError


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL after redirects
    content_type: str  # media type, lower case, without parameters
    charset: str | None
    data: bytes
    status: int = 200  # 304 when a conditional GET found the resource unchanged (data is empty)
    etag: str | None = None  # validators for the next conditional GET
    last_modified: str | None = None


def check_address(url: str, settings: FetchSettings) -> None:
    """Refuse a URL whose host resolves to a private, loopback or link-local address (unless allowed).

    Also used by alert webhooks: whatever Suivi sends a request to follows the same rule.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, f"unsupported scheme {parts.scheme!r} (only http and https)")
    host = parts.hostname
    if not host:
        raise FetchError(url, "no host in URL")
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(url, f"host {host!r} not found") from exc
    if settings.allow_private:
        return
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if (
            address.is_private
            or address.is_loopback
            or address.is_link_local
            or address.is_reserved
            or address.is_multicast
            or address.is_unspecified
        ):
            reason = f"refused: {host} resolves to non-public address {address}"
            raise FetchError(url, reason + " (set SUIVI_ALLOW_PRIVATE_FETCH=1 to allow)")


def fetch(url: str, settings: FetchSettings | None = None, *, etag: str | None = None,
          last_modified: str | None = None) -> Fetched:
    """GET `url`, following at most `max_redirects` redirects, reading at most `max_bytes`.

    With `etag` / `last_modified` (from an earlier Fetched) the GET is conditional: an
    unchanged resource comes back as status 304 with no data.
    """
    settings = settings or FetchSettings()
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html, application/xml;q=0.9, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    with httpx.Client(timeout=settings.timeout, follow_redirects=False, headers=headers) as client:
        for _hop in range(settings.max_redirects + 1):
            check_address(current, settings)
            try:
                with client.stream("GET", current) as response:
                    if response.status_code == 304:
                        return Fetched(url=current, content_type="", charset=None, data=b"", status=304,
                                       etag=response.headers.get("etag") or etag,
                                       last_modified=response.headers.get("last-modified") or last_modified)
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(url, f"redirect without a location at {current}")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}")
                    return _read_body(url, current, response, settings)
            except httpx.TimeoutException as exc:
                raise FetchError(url, f"timed out after {settings.timeout:g} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(url, f"unreachable ({type(exc).__name__}: {exc})") from exc
    raise FetchError(url, f"too many redirects (more than {settings.max_redirects})")


def _read_body(url: str, final: str, response: httpx.Response, settings: FetchSettings) -> Fetched:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_bytes:
        raise FetchError(url, f"too large ({declared} bytes; limit {settings.max_bytes})")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > settings.max_bytes:
            raise FetchError(url, f"too large (over the limit of {settings.max_bytes} bytes)")
        chunks.append(chunk)
    media = response.headers.get("content-type", "")
    content_type = media.split(";")[0].strip().lower()
    charset = response.charset_encoding
    return Fetched(url=final, content_type=content_type, charset=charset, data=b"".join(chunks),
                   status=response.status_code, etag=response.headers.get("etag"),
                   last_modified=response.headers.get("last-modified"))
