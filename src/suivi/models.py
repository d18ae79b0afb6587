"""Plain objects shared across stages (the store hands these out, never rows)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class ArticleDraft:
    """What ingestion produces before storage: clean text plus recovered metadata."""

    text: str
    raw: bytes
    source: str
    source_kind: str
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    title: str | None = None
    published: str | None = None  # ISO prefix: YYYY-MM-DD, YYYY-MM or YYYY
    published_precision: str = "unknown"  # day | month | year | unknown
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Article:
    id: int
    content_hash: str
    raw_hash: str
    source: str
    source_kind: str
    url: str | None
    outlet: str | None
    author: str | None
    title: str | None
    published: str | None
    published_precision: str
    language: str | None
    text: str
    ingested_at: datetime
    meta: dict[str, Any] = field(default_factory=dict)

    def to_json(self, *, with_text: bool = False) -> dict[str, Any]:
        data = asdict(self)
        data["ingested_at"] = self.ingested_at.isoformat() if self.ingested_at else None
        if not with_text:
            data.pop("text")
        return data


@dataclass(frozen=True)
class Span:
    """A character range of an article's clean text, with the sentence around it."""

    id: int
    article_id: int
    start: int
    end: int
    text: str
    sentence: str
    sent_start: int
    sent_end: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
