"""Small helpers of the reading tests: an Article around a test sentence, names of speakers."""

from __future__ import annotations

from datetime import UTC, datetime

from suivi.models import Article
from suivi.read.reader import Reading


def article(text: str, lang: str = "fr", published: str | None = "2025-04-04", author: str | None = None,
            ident: int = 1) -> Article:
    return Article(ident, f"test-{ident}-{hash(text)}", "raw", "test", "text", None, None, author, None,
                   published, "day" if published else "unknown", lang, text, datetime.now(UTC))


def person_names(reading: Reading) -> list[str]:
    return [p.name.text for p in reading.actors.persons]


def speaker_name(reading: Reading, who) -> str | None:  # noqa: ANN001 - Who
    if who is None:
        return None
    if who.person is not None and who.person >= 0:
        return reading.actors.persons[who.person].name.text
    if who.ref is not None:
        return who.ref.key
    return None
