"""Saved pages (tests/resources/ingest, written for these tests) and what ingestion recovers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from suivi.ingest.sources import read_path

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "ingest"
EXPECTED = json.loads((RESOURCES / "expected.json").read_text(encoding="utf-8"))
CASES = sorted(k for k in EXPECTED if not k.startswith("_"))


@pytest.mark.parametrize("name", CASES)
def test_saved_page(name: str) -> None:
    expected = EXPECTED[name]
    (draft,) = read_path(str(RESOURCES / name)).drafts
    for key in ("title", "published", "author", "outlet", "language"):
        assert getattr(draft, key) == expected[key], key
    assert draft.text.startswith(expected["title"] + "\n\n")
    for fragment in expected["text_has"]:
        assert fragment in draft.text
    for fragment in expected["text_lacks"]:
        assert fragment not in draft.text
    assert draft.raw == (RESOURCES / name).read_bytes()
