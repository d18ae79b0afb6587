"""Settings, declared once with defaults and help.

Why one place: every command, the tests and the web app must resolve the store the same way:
`--db` > `$SUIVI_DATABASE_URL` > SQLite at `$SUIVI_HOME/suivi.db` (SUIVI_HOME defaults to
the user data folder from platformdirs).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def suivi_home() -> Path:
    """The folder holding the default SQLite store."""
    home = os.environ.get("SUIVI_HOME")
    return Path(home).expanduser() if home else Path(platformdirs.user_data_dir("suivi"))


def busy_timeout_ms() -> int:
    """How long a SQLite write waits for another process's write lock ($SUIVI_BUSY_TIMEOUT_MS)."""
    try:
        return max(0, int(os.environ.get("SUIVI_BUSY_TIMEOUT_MS", "30000")))
    except ValueError:
        return 30000


def database_url(override: str | None = None) -> str:
    """Resolve the store URL. `override` may be a URL or a plain file path."""
    if override:
        return as_url(override)
    env = os.environ.get("SUIVI_DATABASE_URL")
    if env:
        return as_url(env)
    home = suivi_home()
    return f"sqlite:///{home / 'suivi.db'}"


def as_url(value: str) -> str:
    """A SQLAlchemy URL from a URL or a filesystem path ('store.db' -> sqlite:///store.db)."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


@dataclass(frozen=True)
class FetchSettings:
    """Limits for fetching URLs (pages and feeds)."""

    timeout: float = field(default_factory=lambda: float(os.environ.get("SUIVI_FETCH_TIMEOUT", "15")))
    max_bytes: int = field(default_factory=lambda: int(os.environ.get("SUIVI_FETCH_MAX_BYTES", str(10 << 20))))
    max_redirects: int = field(default_factory=lambda: int(os.environ.get("SUIVI_FETCH_MAX_REDIRECTS", "5")))
    allow_private: bool = field(default_factory=lambda: _env_bool("SUIVI_ALLOW_PRIVATE_FETCH"))
    user_agent: str = "suivi/0.1 (+https://example.invalid/suivi)"


@dataclass(frozen=True)
class IngestSettings:
    """Limits for local inputs."""

    max_file_bytes: int = field(
        default_factory=lambda: int(os.environ.get("SUIVI_MAX_FILE_BYTES", str(20 << 20)))
    )


@dataclass(frozen=True)
class AlertSettings:
    """Delivery of alerts: retries and the SMTP server for mail (webhooks use FetchSettings' rules)."""

    retries: int = field(default_factory=lambda: int(os.environ.get("SUIVI_ALERT_RETRIES", "3")))
    backoff: float = field(default_factory=lambda: float(os.environ.get("SUIVI_ALERT_BACKOFF", "1")))
    max_attempts: int = field(default_factory=lambda: int(os.environ.get("SUIVI_ALERT_MAX_ATTEMPTS", "24")))
    smtp_host: str = field(default_factory=lambda: os.environ.get("SUIVI_SMTP_HOST", "localhost"))
    smtp_port: int = field(default_factory=lambda: int(os.environ.get("SUIVI_SMTP_PORT", "25")))
    smtp_from: str = field(default_factory=lambda: os.environ.get("SUIVI_SMTP_FROM", "suivi@localhost"))
    smtp_user: str | None = field(default_factory=lambda: os.environ.get("SUIVI_SMTP_USER") or None)
    smtp_password: str | None = field(default_factory=lambda: os.environ.get("SUIVI_SMTP_PASSWORD") or None)
    smtp_starttls: bool = field(default_factory=lambda: _env_bool("SUIVI_SMTP_STARTTLS"))
