"""Coverage-guided fuzzing of Suivi's readers, date normaliser and extractor with atheris.

Usage (from the repository root, after `make`):

    .venv/bin/pip install atheris
    .venv/bin/python fuzz/atheris_harness.py TARGET [libFuzzer options]
    # TARGET: text | html | feed | jsonl | sniff | dates | extract
    # e.g. 10 minutes on the feed reader, keeping what it finds in fuzz/corpus/feed:
    .venv/bin/python fuzz/atheris_harness.py feed fuzz/corpus/feed -max_total_time=600

A crash is any exception other than Suivi's own one-line errors (SuiviError), or a broken
invariant (a draft with no text or a malformed date; a time expression or a commitment whose
offsets do not quote the text). libFuzzer writes the input as crash-<hash>; add it as an
`@example` in tests/fuzz/ with the fix.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import UTC, date, datetime

import atheris

# Suivi's own modules only by default (starting in seconds); SUIVI_FUZZ_ALL=1 also instruments
# the parsing libraries (lxml's Python parts, trafilatura, feedparser), for long runs by hand.
_ONLY = None if os.environ.get("SUIVI_FUZZ_ALL") else ["suivi"]

with atheris.instrument_imports(include=_ONLY):
    from suivi.errors import SuiviError
    from suivi.ingest import dates as ingest_dates
    from suivi.ingest.sources import READERS, detect_kind
    from suivi.read import dates as read_dates

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _reader(kind: str):  # noqa: ANN202 - a libFuzzer callback
    def run(data: bytes) -> None:
        try:
            result = READERS[kind]("input", data)
        except SuiviError:
            return
        for draft in result.drafts:
            if not draft.text.strip() or "\x00" in draft.text:
                raise AssertionError(f"bad draft text {draft.text[:80]!r}")
            if draft.published is not None and not ISO.match(draft.published):
                raise AssertionError(f"bad date {draft.published!r}")
    return run


def _sniff(data: bytes) -> None:
    kind = detect_kind("input", data)
    _reader(kind)(data)


def _dates(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    lang = fdp.PickValueInList(["fr", "en"])
    anchor = date(2000, 1, 1).fromordinal(730120 + fdp.ConsumeIntInRange(0, 20000))
    text = fdp.ConsumeUnicodeNoSurrogates(2000)
    for tv in read_dates.normalise(text, anchor, lang):
        if text[tv.start:tv.end] != tv.text:
            raise AssertionError(f"offsets {tv.start}:{tv.end} do not quote {tv.text!r}")
    for hit in ingest_dates.find_dates(text, lang):
        if hit.value is not None and not ISO.match(hit.value):
            raise AssertionError(f"bad date {hit.value!r}")


_nlp_ready = False


def _extract(data: bytes) -> None:
    from suivi.extract.commitments import extract
    from suivi.models import Article
    from suivi.read.nlp import parse_text

    fdp = atheris.FuzzedDataProvider(data)
    lang = fdp.PickValueInList(["fr", "en"])
    text = fdp.ConsumeUnicodeNoSurrogates(1500)
    if not text.strip():
        return
    article = Article(id=1, content_hash="0" * 64, raw_hash="0" * 64, source="fuzz", source_kind="text", url=None,
                      outlet=None, author=None, title=None, published="2025-04-03", published_precision="day",
                      language=lang, text=text, ingested_at=datetime.now(UTC))
    for c in extract(parse_text(text, lang), article, []):
        if text[c.start:c.end] != c.evidence:
            raise AssertionError(f"evidence {c.start}:{c.end} does not quote the text")


TARGETS = {"text": _reader("text"), "html": _reader("html"), "feed": _reader("feed"), "jsonl": _reader("jsonl"),
           "sniff": _sniff, "dates": _dates, "extract": _extract}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(TARGETS)} [libFuzzer options]")
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
