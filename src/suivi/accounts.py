"""Local accounts: password hashing, sessions, API tokens and login throttling.

Why one module for the CLI (`suivi user add`, `suivi token create|revoke`) and the web app:
an account made on the command line must sign in on the page, and a token revoked on the
command line must stop working at once for the API. Passwords are hashed with argon2id;
session cookies and API tokens are 32 random bytes, stored only as sha256 digests.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection

from suivi.errors import SuiviError
from suivi.store import accounts as account_store
from suivi.store.accounts import User, now

_HASHER = PasswordHasher()
# A hash to verify against when the user does not exist, so a wrong name costs the same time.
_DUMMY_HASH = _HASHER.hash("not a password")
NAME_RE = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
MIN_PASSWORD = 8
TOKEN_PREFIX = "suivi_"


class AccountError(SuiviError):
    """A bad user name, password or token request."""


@dataclass(frozen=True)
class Throttle:
    """At most `max_failures` failed sign-ins per name and per address within `window`."""

    max_failures: int = 5
    window: timedelta = timedelta(minutes=15)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password needs at least {MIN_PASSWORD} characters")
    return _HASHER.hash(password)


def add_user(conn: Connection, name: str, password: str, role: str = "analyst") -> int:
    if not NAME_RE.match(name):
        raise AccountError("a user name is 1-64 letters, digits or . _ @ -")
    if role not in ("analyst", "admin"):
        raise AccountError("role must be analyst or admin")
    if account_store.find_user(conn, name) is not None:
        raise AccountError(f"user {name!r} exists already")
    return account_store.add_user(conn, name, hash_password(password), role)


def check_password(conn: Connection, name: str, password: str) -> User | None:
    """The user if the password is right (None otherwise, in about the same time)."""
    user = account_store.find_user(conn, name) if NAME_RE.match(name or "") else None
    try:
        _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if user is None or user.disabled:
        return None
    if _HASHER.check_needs_rehash(user.password_hash):
        account_store.set_password(conn, user.id, _HASHER.hash(password))
    return user


def throttled(conn: Connection, name: str, ip: str, rule: Throttle) -> bool:
    """True when this name or this address failed too often recently."""
    since = now() - rule.window
    return (account_store.failures_since(conn, since, name=name) >= rule.max_failures
            or account_store.failures_since(conn, since, ip=ip) >= rule.max_failures * 4)


def sign_in(conn: Connection, name: str, password: str, ip: str, *, lifetime: timedelta,
            rule: Throttle) -> tuple[str, User] | None:
    """A new session token for a right password (None: wrong, or throttled); every try is recorded."""
    if throttled(conn, name, ip, rule):
        return None
    user = check_password(conn, name, password)
    account_store.record_attempt(conn, name, ip, user is not None)
    if user is None:
        return None
    token = secrets.token_urlsafe(32)
    account_store.add_session(conn, digest(token), user.id, secrets.token_urlsafe(32), now() + lifetime)
    account_store.purge_expired_sessions(conn)
    return token, user


def session(conn: Connection, token: str | None) -> account_store.SessionRow | None:
    return account_store.find_session(conn, digest(token)) if token else None


def sign_out(conn: Connection, token: str | None) -> None:
    if token:
        account_store.delete_session(conn, digest(token))


def create_token(conn: Connection, user_name: str, name: str, days: int | None = None) -> str:
    """A new API token for a user; shown once, stored as a digest."""
    user = account_store.get_user(conn, user_name)
    if not NAME_RE.match(name):
        raise AccountError("a token name is 1-64 letters, digits or . _ @ -")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    expires: datetime | None = now() + timedelta(days=days) if days else None
    account_store.add_token(conn, digest(token), name, user.id, expires)
    return token


def token_user(conn: Connection, token: str | None) -> User | None:
    return account_store.find_token_user(conn, digest(token)) if token else None
