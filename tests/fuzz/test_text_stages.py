"""Property tests for the date normaliser and the extractor on arbitrary text: offsets always
quote the text, values are always well-formed, nothing raises."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.fuzz.strategies import prose

from suivi.ingest import dates as ingest_dates
from suivi.models import Article
from suivi.read import dates as read_dates

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PERIOD = re.compile(r"^P(T?\d+[YMWDH])+$")
texts = prose | st.text(max_size=400)
anchors = st.none() | st.dates(date(1950, 1, 1), date(2090, 12, 31))


def _valid_iso(value: str) -> bool:
    if not ISO.match(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=texts, anchor=anchors, lang=st.sampled_from(["fr", "en"]))
def test_time_expressions_quote_the_text_and_normalise_well(text, anchor, lang):
    for tv in read_dates.normalise(text, anchor, lang):
        assert 0 <= tv.start < tv.end <= len(text) and text[tv.start:tv.end] == tv.text
        for value in (tv.value, tv.interval_start, tv.interval_end):
            assert value is None or _valid_iso(value) or PERIOD.match(value), (tv.text, value)
    for hit in ingest_dates.find_dates(text, lang):
        assert hit.value is None or _valid_iso(hit.value), hit


@pytest.fixture(scope="module")
def parse_text():
    from suivi.read.nlp import parse_text

    return parse_text


@pytest.mark.slow
@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=texts, lang=st.sampled_from(["fr", "en"]))
def test_commitments_quote_their_evidence(parse_text, text, lang):
    from suivi.extract.commitments import extract

    if not text.strip():
        return
    article = Article(id=1, content_hash="0" * 64, raw_hash="0" * 64, source="fuzz", source_kind="text", url=None,
                      outlet=None, author=None, title=None, published="2025-04-03", published_precision="day",
                      language=lang, text=text, ingested_at=datetime.now(UTC))
    for c in extract(parse_text(text, lang), article, []):
        assert 0 <= c.start < c.end <= len(text) and text[c.start:c.end] == c.evidence
        assert c.unit_start <= c.start and c.end <= c.unit_end <= len(text)
        assert c.deadline is None or _valid_iso(c.deadline), c.deadline
