"""Plain-text articles (minimal reader; the ingest stage refines metadata and cleaning)."""

from __future__ import annotations

from suivi.errors import InputRejected
from suivi.models import ArticleDraft


def read(name: str, data: bytes) -> list[ArticleDraft]:
    if b"\x00" in data[:4096]:
        raise InputRejected(name, "binary content, not text")
    try:
        body = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputRejected(name, "not UTF-8 text") from exc
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    title = lines[0] if lines else None
    return [ArticleDraft(text=body.strip(), raw=data, source=name, source_kind="text", title=title)]
