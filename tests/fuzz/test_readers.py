"""Property tests: every reader, on any bytes, returns well-formed drafts or rejects the input
with the project's own one-line error — never another exception.

Bounded for CI (a few seconds each); `fuzz/atheris_harness.py` runs the same targets for as
long as one likes. Crashes found by either are kept below as explicit examples.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.fuzz.strategies import feeds, html_pages, jsonl_files, prose

from suivi.errors import SuiviError
from suivi.ingest.sources import READERS, detect_kind

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PRECISIONS = {"day", "month", "year", "unknown"}
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)


def check_drafts(kind: str, data: bytes) -> None:
    try:
        result = READERS[kind]("input", data)
    except SuiviError as exc:
        assert str(exc).strip() and "\n" not in str(exc).strip()  # one line for the user
        return
    for draft in result.drafts:
        assert isinstance(draft.text, str) and draft.text.strip()
        assert "\x00" not in draft.text
        assert draft.published_precision in PRECISIONS
        if draft.published is not None:
            assert ISO.match(draft.published), draft.published
            parts = [int(p) for p in draft.published.split("-")] + [1, 1]
            date(parts[0], parts[1], parts[2])  # a real day
        for value in (draft.title, draft.outlet, draft.author, draft.url):
            assert value is None or isinstance(value, str)
        json.dumps(draft.meta, default=str)  # meta is stored as JSON
    for source, reason in result.rejected:
        assert source and reason


@pytest.mark.parametrize("kind", sorted(READERS))
@FUZZ
@given(data=st.binary(max_size=3000))
def test_any_bytes(kind, data):
    check_drafts(kind, data)


@FUZZ
@given(page=html_pages())
@example(page=b"<html><body><p>\x00\x00</p>")
def test_html_pages(page):
    check_drafts("html", page)
    check_drafts(detect_kind("page", page), page)


@FUZZ
@given(feed=feeds())
def test_feeds(feed):
    check_drafts("feed", feed)


@FUZZ
@given(data=jsonl_files())
def test_jsonl(data):
    check_drafts("jsonl", data)


@FUZZ
@given(text=prose)
def test_text_articles(text):
    check_drafts("text", text.encode())


REGRESSIONS = sorted((Path(__file__).parent / "regressions").iterdir())


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.name for p in REGRESSIONS])
@pytest.mark.parametrize("kind", sorted(READERS))
def test_inputs_fuzzing_once_crashed_on(path, kind):
    """Inputs atheris found (fuzz/README.md), each with the fix that made it pass."""
    check_drafts(kind, path.read_bytes())
