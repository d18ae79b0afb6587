"""Fixtures of the extraction tests: spaCy loaded once per session, articles built in memory."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from suivi.models import Article


@pytest.fixture(scope="session")
def nlp_fr():
    from suivi.read.nlp import get_nlp

    return get_nlp("fr")


@pytest.fixture()
def read_with_names(make_article):
    """Extract after the reading stage, so persons carry the state they serve and bodies are
    those the reader found."""
    from suivi.extract.commitments import extract
    from suivi.read.gazetteer import get_gazetteer
    from suivi.read.nlp import parse_text
    from suivi.read.reader import read_article
    from suivi.scale.analyse import local_mentions

    def run(text: str, lang: str = "en", published: str | None = "2025-03-01"):
        article = make_article(text, lang, published=published)
        doc = parse_text(text, lang)
        return extract(doc, article, local_mentions(read_article(doc, article, get_gazetteer())))
    return run


@pytest.fixture(scope="session")
def make_article() -> Callable[..., Article]:
    def make(text: str, lang: str = "fr", title: str | None = None, published: str | None = "2025-03-10") -> Article:
        return Article(
            id=1, content_hash="0" * 64, raw_hash="0" * 64, source="test", source_kind="text", url=None,
            outlet=None, author=None, title=title, published=published, published_precision="day",
            language=lang, text=text, ingested_at=datetime.now(UTC),
        )

    return make


@pytest.fixture(scope="session")
def read_commitments(nlp_fr, make_article):
    """Extract from one text as a one-paragraph article (no reading-stage mentions)."""
    from suivi.extract.commitments import extract
    from suivi.read.nlp import parse_text

    def run(text: str, lang: str = "fr", **kw):
        article = make_article(text, lang, **kw)
        return extract(parse_text(text, lang), article, [])

    return run


def stated_end(stated: str | None) -> str | None:
    """The stored form of a deadline written at its stated precision: '2026' -> '2026-12-31'.

    Written here, not imported from the extractor, so the tests check the convention
    independently (docs/commitments.md, "deadline").
    """
    if stated is None or len(stated) == 10:
        return stated
    year, _, month = stated.partition("-")
    if not month:
        return f"{year}-12-31"
    return f"{stated}-{calendar.monthrange(int(year), int(month))[1]:02d}"


@pytest.fixture(scope="session")
def last_day() -> Callable[[str | None], str | None]:
    return stated_end
