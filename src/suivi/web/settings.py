"""The web app's settings, from the environment (and `suivi serve` options).

Why environment variables: the same store URL resolution as the CLI, and a deployment can
require sign-in for reading or mark cookies Secure behind TLS without code changes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta

from suivi.accounts import Throttle


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class WebSettings:
    require_login: bool = field(default_factory=lambda: _env_bool("SUIVI_WEB_REQUIRE_LOGIN"))
    """Reading needs a signed-in user too (default: reading is open, writing needs sign-in)."""
    session_hours: float = field(default_factory=lambda: float(os.environ.get("SUIVI_WEB_SESSION_HOURS", "12")))
    secure_cookies: bool = field(default_factory=lambda: _env_bool("SUIVI_WEB_SECURE_COOKIES"))
    max_upload_bytes: int = field(default_factory=lambda: int(os.environ.get("SUIVI_WEB_MAX_UPLOAD", str(20 << 20))))
    login_failures: int = field(default_factory=lambda: int(os.environ.get("SUIVI_WEB_LOGIN_FAILURES", "5")))
    login_window_minutes: float = field(
        default_factory=lambda: float(os.environ.get("SUIVI_WEB_LOGIN_WINDOW_MINUTES", "15")))

    @property
    def session_lifetime(self) -> timedelta:
        return timedelta(hours=self.session_hours)

    @property
    def throttle(self) -> Throttle:
        return Throttle(self.login_failures, timedelta(minutes=self.login_window_minutes))
