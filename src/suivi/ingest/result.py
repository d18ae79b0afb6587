"""What a reader returns: the articles it made and the parts it had to reject.

Why both: one feed or JSONL file holds many articles; a bad entry or line is reported
with its position while the good ones are still stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from suivi.models import ArticleDraft


@dataclass
class ReadResult:
    drafts: list[ArticleDraft] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
