"""Senders for alert targets, one per kind, registered in `CHANNELS`.

Why webhooks follow the ingestion rules: a webhook URL is a request Suivi sends on its own,
so private, loopback and link-local hosts are refused unless SUIVI_ALLOW_PRIVATE_FETCH is
set (`suivi.ingest.fetch.check_address`), and redirects are not followed.
"""

from __future__ import annotations

import json
import smtplib
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx

from suivi.config import AlertSettings, FetchSettings
from suivi.errors import ConfigError, FetchError, SuiviError
from suivi.ingest.fetch import check_address
from suivi.ingest.sources import is_url


class DeliveryError(SuiviError):
    """A message could not be delivered; `permanent` when trying again cannot help."""

    code = "delivery"

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


Sender = Callable[[str, dict[str, Any], AlertSettings], None]
Validator = Callable[[str], str]


def render_text(payload: dict[str, Any]) -> str:
    """The plain-text body of an alert: one paragraph per change, with its evidence."""
    lines = [f"Suivi watch rule {payload['rule']!r}: {len(payload['changes'])} change(s) as of {payload['as_of']}.", ""]
    labels = {"new": "new commitment", "status": "status changed", "overdue": "now overdue", "due_soon": "due soon"}
    for c in payload["changes"]:
        head = f"- [{labels.get(c['change'], c['change'])}] #{c['id']} {' '.join(c['agents'])}: {c.get('action') or ''}"
        lines.append(head.rstrip())
        status = c["status"] + (" (OVERDUE)" if c.get("overdue") else "")
        if c["change"] == "status" and c.get("before"):
            status += f", was {c['before'].get('status')}"
        lines.append(f"  status {status}; deadline {c.get('deadline') or 'none'}")
        for sentence in (c.get("evidence") or [])[-2:]:
            lines.append(f"  > {sentence}")
    return "\n".join(lines) + "\n"


# --- JSON Lines ---------------------------------------------------------------------------------

def _check_jsonl(target: str) -> str:
    path = Path(target).expanduser().resolve()
    if not path.parent.is_dir():
        raise ConfigError(f"{target}: folder {path.parent} does not exist")
    if path.is_dir():
        raise ConfigError(f"{target} is a folder; give a file name")
    return str(path)


def send_jsonl(target: str, payload: dict[str, Any], _settings: AlertSettings) -> None:
    """Append the message as one line (written and flushed in one call)."""
    line = json.dumps(payload, ensure_ascii=False, default=str) + "\n"
    try:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(line)
            handle.flush()
    except OSError as exc:
        raise DeliveryError(f"cannot write {target}: {exc.strerror}") from exc


# --- webhook ------------------------------------------------------------------------------------

def _check_webhook(target: str) -> str:
    if not is_url(target):
        raise ConfigError(f"{target}: a webhook is an http(s) URL")
    return target


def send_webhook(target: str, payload: dict[str, Any], _settings: AlertSettings) -> None:
    """POST the message as JSON; any 2xx is delivered, 4xx (but 408 and 429) will not get better."""
    fetch = FetchSettings()
    try:
        check_address(target, fetch)
    except FetchError as exc:
        raise DeliveryError(exc.reason, permanent="refused" in exc.reason) from exc
    headers = {"User-Agent": fetch.user_agent, "X-Suivi-Event": "watch"}
    try:
        response = httpx.post(target, json=payload, headers=headers, timeout=fetch.timeout, follow_redirects=False)
    except httpx.HTTPError as exc:
        raise DeliveryError(f"webhook unreachable ({type(exc).__name__}: {exc})") from exc
    if response.is_success:
        return
    permanent = 400 <= response.status_code < 500 and response.status_code not in (408, 429)
    raise DeliveryError(f"webhook answered HTTP {response.status_code} {response.reason_phrase}", permanent=permanent)


# --- mail ---------------------------------------------------------------------------------------

def _check_email(target: str) -> str:
    local, _, domain = target.strip().partition("@")
    if not local or not domain or any(ch.isspace() for ch in target.strip()):
        raise ConfigError(f"{target}: not a mail address")
    return target.strip()


def send_email(target: str, payload: dict[str, Any], settings: AlertSettings) -> None:
    """One mail per message: the changes as text, the message itself attached as JSON."""
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = target
    rule = " ".join(str(payload["rule"]).split())  # a header holds no line break
    message["Subject"] = f"Suivi: {len(payload['changes'])} change(s) for {rule}"
    message.set_content(render_text(payload))
    message.add_attachment(json.dumps(payload, ensure_ascii=False, indent=2, default=str).encode("utf-8"),
                           maintype="application", subtype="json", filename="changes.json")
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
            if settings.smtp_starttls:
                smtp.starttls()
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password or "")
            smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(f"mail server refused {target}", permanent=True) from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"mail not sent via {settings.smtp_host}:{settings.smtp_port} "
                            f"({type(exc).__name__}: {exc})") from exc


CHANNELS: dict[str, tuple[Validator, Sender]] = {
    "jsonl": (_check_jsonl, send_jsonl),
    "webhook": (_check_webhook, send_webhook),
    "email": (_check_email, send_email),
}


def register_channel(kind: str, validate: Validator, send: Sender) -> None:
    """Add (or replace) a kind of alert target."""
    CHANNELS[kind] = (validate, send)


def channel(kind: str) -> tuple[Validator, Sender]:
    try:
        return CHANNELS[kind]
    except KeyError:
        raise ConfigError(f"unknown alert target kind {kind!r}: one of {', '.join(CHANNELS)}") from None
