"""Who is asking: the session cookie (pages), a bearer token (API), and the CSRF check.

Why two credentials: a browser holds a session cookie, which a hostile page could make it
send, so every form and every cookie-authenticated API write must also carry the session's
CSRF token; a script holds an API token sent in a header, which no other site can forge.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from fastapi import HTTPException, Request

from suivi import accounts
from suivi.store import Store
from suivi.store.accounts import User

SESSION_COOKIE = "suivi_session"
LOGIN_CSRF_COOKIE = "suivi_login_csrf"


@dataclass
class Viewer:
    """The person behind a request: a user (or None) and the CSRF token their forms carry."""

    user: User | None
    csrf: str | None
    via: str  # session | token | anonymous


def store_of(request: Request) -> Store:
    return request.app.state.store


def viewer(request: Request) -> Viewer:
    """Session cookie or bearer token; anonymous otherwise. Cached on the request."""
    cached = getattr(request.state, "viewer", None)
    if cached is not None:
        return cached
    result = Viewer(None, None, "anonymous")
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        with store_of(request).begin() as conn:
            user = accounts.token_user(conn, header[7:].strip())
        if user is None:
            raise HTTPException(401, "invalid or revoked API token", headers={"WWW-Authenticate": "Bearer"})
        result = Viewer(user, None, "token")
    else:
        token = request.cookies.get(SESSION_COOKIE)
        if token:
            with store_of(request).connect() as conn:
                session = accounts.session(conn, token)
            if session is not None:
                result = Viewer(session.user, session.csrf, "session")
    request.state.viewer = result
    return result


def reader(request: Request) -> Viewer:
    """Reading: open, unless the server requires sign-in."""
    who = viewer(request)
    if request.app.state.settings.require_login and who.user is None:
        if request.url.path.startswith("/api"):
            raise HTTPException(401, "sign-in required", headers={"WWW-Authenticate": "Bearer"})
        raise HTTPException(303, "sign-in required", headers={"Location": f"/login?next={request.url.path}"})
    return who


def writer(request: Request) -> Viewer:
    """Writing: a signed-in user (401 without credentials)."""
    who = viewer(request)
    if who.user is None:
        raise HTTPException(401, "sign in (or send an API token) to do this",
                            headers={"WWW-Authenticate": "Bearer"})
    return who


def check_csrf(who: Viewer, sent: str | None) -> None:
    """A cookie-authenticated write must echo the session's CSRF token (403 otherwise)."""
    if who.via == "token":
        return
    if not who.csrf or not sent or not hmac.compare_digest(who.csrf, sent):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")


def login_csrf(request: Request) -> str:
    """The double-submit token of the sign-in form (no session exists yet)."""
    return request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(24)


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"
