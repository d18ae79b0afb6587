"""Jinja2 rendering with autoescaping on, and the filters the templates share.

Why autoescape everywhere and no `|safe` on data: article text, titles, quotes and analyst
notes are untrusted; highlighted text is rendered from segments (`views.text`), each escaped.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from suivi import __version__
from suivi.views.labels import recurrence_label

TEMPLATES = Path(__file__).parent / "templates"

env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)

STATUS_LABELS = {
    "announced": "announced", "in_progress": "in progress", "partial": "partial", "fulfilled": "fulfilled",
    "stalled": "stalled", "broken": "broken", "moot": "moot",
}


def _query(params: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "", False)}
    return "?" + urlencode(merged) if merged else "?"


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links leave the app: a `javascript:` URL in an article's metadata stays text."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


env.filters["status_label"] = lambda s: STATUS_LABELS.get(s, s)
env.filters["recurrence_label"] = recurrence_label
env.filters["safe_url"] = _safe_url
env.globals["query"] = _query
env.globals["version"] = __version__


def render(request: Request, name: str, context: dict[str, Any], status: int = 200,
           headers: dict[str, str] | None = None) -> HTMLResponse:
    from suivi.web.auth import viewer

    try:
        who = viewer(request)
    except Exception:  # a bad token on an error page: render as anonymous
        who = None
    page = env.get_template(name).render(
        request=request, user=who.user if who else None, csrf=who.csrf if who else None,
        path=request.url.path, today=date.today().isoformat(), **context,
    )
    return HTMLResponse(page, status_code=status, headers=headers)


def render_error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    if status == 303 and headers and "Location" in headers:
        return HTMLResponse("", status_code=303, headers=headers)
    return render(request, "error.html", {"status": status, "message": message, "title": f"Error {status}"},
                  status=status, headers=headers)
