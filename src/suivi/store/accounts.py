"""Accounts for the web app and the JSON API: users, sessions, API tokens, login attempts.

Why here: only `store/` speaks SQL. Secrets never reach these tables in clear: the caller
hashes passwords (argon2) and hands over sha256 digests of session and token strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    delete,
    false,
    func,
    insert,
    select,
    update,
)

from suivi.errors import NotFound
from suivi.store.meta import metadata

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("role", String(16), nullable=False, server_default="analyst"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled", Boolean, nullable=False, server_default=false()),
    UniqueConstraint("name", name="uq_users_name"),
)

web_sessions = Table(
    "web_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("token_hash", name="uq_web_sessions_token"),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False),
    Column("name", String(64), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
    Column("last_used_at", DateTime(timezone=True)),
    UniqueConstraint("token_hash", name="uq_api_tokens_token"),
)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False),
    Column("ip", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("ok", Boolean, nullable=False),
    Index("ix_login_attempts_at", "at"),
)


@dataclass
class User:
    id: int
    name: str
    password_hash: str
    role: str
    created_at: datetime
    disabled: bool


@dataclass
class SessionRow:
    id: int
    user: User
    csrf: str
    expires_at: datetime


@dataclass
class TokenRow:
    id: int
    name: str
    user_name: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None


def now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes for timezone-aware columns: they were stored in UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _user(row) -> User:  # noqa: ANN001 - a Row
    m = row._mapping
    return User(m["id"], m["name"], m["password_hash"], m["role"], _aware(m["created_at"]), bool(m["disabled"]))


# --- users -------------------------------------------------------------------------------------

def add_user(conn: Connection, name: str, password_hash: str, role: str = "analyst") -> int:
    result = conn.execute(insert(users).values(name=name, password_hash=password_hash, role=role, created_at=now()))
    return int(result.inserted_primary_key[0])


def set_password(conn: Connection, user_id: int, password_hash: str) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(password_hash=password_hash))


def find_user(conn: Connection, name: str) -> User | None:
    row = conn.execute(select(users).where(users.c.name == name)).first()
    return _user(row) if row else None


def get_user(conn: Connection, name: str) -> User:
    user = find_user(conn, name)
    if user is None:
        raise NotFound(f"no user {name!r}")
    return user


def list_users(conn: Connection) -> list[User]:
    return [_user(r) for r in conn.execute(select(users).order_by(users.c.name))]


# --- sessions ----------------------------------------------------------------------------------

def add_session(conn: Connection, token_hash: str, user_id: int, csrf: str, expires_at: datetime) -> int:
    result = conn.execute(
        insert(web_sessions).values(token_hash=token_hash, user_id=user_id, csrf=csrf, created_at=now(),
                                    expires_at=expires_at)
    )
    return int(result.inserted_primary_key[0])


def find_session(conn: Connection, token_hash: str) -> SessionRow | None:
    """The live session with this token digest (None when unknown, expired or its user disabled)."""
    row = conn.execute(
        select(web_sessions.c.id, web_sessions.c.csrf, web_sessions.c.expires_at, users)
        .join(users, users.c.id == web_sessions.c.user_id)
        .where(web_sessions.c.token_hash == token_hash)
    ).first()
    if row is None:
        return None
    expires = _aware(row.expires_at)
    user = _user(row)
    if expires <= now() or user.disabled:
        return None
    return SessionRow(row.id, user, row.csrf, expires)


def delete_session(conn: Connection, token_hash: str) -> None:
    conn.execute(delete(web_sessions).where(web_sessions.c.token_hash == token_hash))


def purge_expired_sessions(conn: Connection) -> int:
    return int(conn.execute(delete(web_sessions).where(web_sessions.c.expires_at <= now())).rowcount or 0)


# --- API tokens --------------------------------------------------------------------------------

def add_token(conn: Connection, token_hash: str, name: str, user_id: int, expires_at: datetime | None) -> int:
    result = conn.execute(
        insert(api_tokens).values(token_hash=token_hash, name=name, user_id=user_id, created_at=now(),
                                  expires_at=expires_at)
    )
    return int(result.inserted_primary_key[0])


def find_token_user(conn: Connection, token_hash: str) -> User | None:
    """The user of a live token (not revoked, not expired); marks it used."""
    row = conn.execute(
        select(api_tokens.c.id, api_tokens.c.expires_at, api_tokens.c.revoked_at, users)
        .join(users, users.c.id == api_tokens.c.user_id)
        .where(api_tokens.c.token_hash == token_hash)
    ).first()
    if row is None or row.revoked_at is not None:
        return None
    expires = _aware(row.expires_at)
    if expires is not None and expires <= now():
        return None
    user = _user(row)
    if user.disabled:
        return None
    conn.execute(update(api_tokens).where(api_tokens.c.id == row.id).values(last_used_at=now()))
    return user


def list_tokens(conn: Connection) -> list[TokenRow]:
    rows = conn.execute(
        select(api_tokens, users.c.name.label("user_name"))
        .join(users, users.c.id == api_tokens.c.user_id)
        .order_by(api_tokens.c.id)
    )
    return [
        TokenRow(r.id, r.name, r.user_name, _aware(r.created_at), _aware(r.expires_at), _aware(r.revoked_at),
                 _aware(r.last_used_at))
        for r in rows
    ]


def revoke_token(conn: Connection, ref: int | str) -> int:
    """Revoke a token by id or by name (every live token of that name). Returns how many."""
    query = update(api_tokens).where(api_tokens.c.revoked_at.is_(None))
    if isinstance(ref, int) or str(ref).isdigit():
        query = query.where(api_tokens.c.id == int(ref))
    else:
        query = query.where(api_tokens.c.name == str(ref))
    count = int(conn.execute(query.values(revoked_at=now())).rowcount or 0)
    if not count:
        raise NotFound(f"no live API token {ref!r}")
    return count


# --- login attempts ----------------------------------------------------------------------------

def record_attempt(conn: Connection, name: str, ip: str, ok: bool) -> None:
    conn.execute(insert(login_attempts).values(name=name[:64], ip=ip[:64], at=now(), ok=ok))


def failures_since(conn: Connection, since: datetime, *, name: str | None = None, ip: str | None = None) -> int:
    query = select(func.count()).select_from(login_attempts).where(
        login_attempts.c.at >= since, login_attempts.c.ok.is_(False)
    )
    if name is not None:
        query = query.where(login_attempts.c.name == name[:64])
    if ip is not None:
        query = query.where(login_attempts.c.ip == ip[:64])
    return int(conn.execute(query).scalar() or 0)
