"""Plain-text articles: decode, then let the assembly step read headers and bylines."""

from __future__ import annotations

from suivi.ingest.article import build_draft
from suivi.ingest.encoding import decode
from suivi.ingest.result import ReadResult


def read(name: str, data: bytes) -> ReadResult:
    text, encoding = decode(name, data)
    draft = build_draft(name, data, "text", text, meta={"encoding": encoding})
    return ReadResult(drafts=[draft])
